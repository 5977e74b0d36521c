#include "paratrace/nn/activation.h"

#include "paratrace/tensor/ops.h"
#include "python_repr.h"

namespace paratrace::nn {

Tensor ReLU::forward(const Tensor& input) { return relu(input); }

Tensor LeakyReLU::forward(const Tensor& input) { return leaky_relu(input, negative_slope_); }
std::string LeakyReLU::extra_repr() const { return "negative_slope=" + detail::python_float(negative_slope_); }

Tensor GELU::forward(const Tensor& input) { return gelu(input, approximate_); }

Tensor Sigmoid::forward(const Tensor& input) { return sigmoid(input); }

Tensor Tanh::forward(const Tensor& input) { return tanh(input); }

Tensor Softmax::forward(const Tensor& input) { return softmax(input, dim_); }

}  // namespace paratrace::nn
