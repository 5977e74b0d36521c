#include "paratrace/nn/dropout.h"

#include "paratrace/tensor/ops.h"
#include "python_repr.h"

namespace paratrace::nn {

Dropout::Dropout(double p) : p_(p) {
  // Checked here, as _DropoutNd.__init__ does, so a bad module is never built;
  // p prints as the Python float it is.
  PT_CHECK(p >= 0.0 && p <= 1.0, ValueError,
           "dropout probability has to be between 0 and 1, but got " << detail::python_float(p));
}

Tensor Dropout::forward(const Tensor& input) { return dropout(input, p_, is_training()); }

std::string Dropout::extra_repr() const { return "p=" + detail::python_float(p_) + ", inplace=False"; }

}  // namespace paratrace::nn
