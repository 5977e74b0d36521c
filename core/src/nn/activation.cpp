#include "paratrace/nn/activation.h"

#include "paratrace/tensor/ops.h"
#include "python_repr.h"

namespace paratrace::nn {

Tensor ReLU::forward(const Tensor& input) { return relu(input); }

Tensor LeakyReLU::forward(const Tensor& input) { return leaky_relu(input, negative_slope_); }
std::string LeakyReLU::extra_repr() const { return "negative_slope=" + detail::python_float(negative_slope_); }

Hardtanh::Hardtanh(double min_val, double max_val) : min_val_(min_val), max_val_(max_val) {
  // PyTorch's bare `assert self.max_val > self.min_val`, with a message.
  PT_CHECK(max_val > min_val, AssertionError,
           "Hardtanh: max_val (" << max_val << ") must be greater than min_val (" << min_val << ")");
}
Tensor Hardtanh::forward(const Tensor& input) { return hardtanh(input, min_val_, max_val_); }
std::string Hardtanh::extra_repr() const {
  return "min_val=" + detail::python_float(min_val_) + ", max_val=" + detail::python_float(max_val_);
}

Tensor ReLU6::forward(const Tensor& input) { return hardtanh(input, 0.0, 6.0); }

Tensor GELU::forward(const Tensor& input) { return gelu(input, approximate_); }

Tensor Sigmoid::forward(const Tensor& input) { return sigmoid(input); }

Tensor Tanh::forward(const Tensor& input) { return tanh(input); }

Tensor Softmax::forward(const Tensor& input) { return softmax(input, dim_); }

}  // namespace paratrace::nn
