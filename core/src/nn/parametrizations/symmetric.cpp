#include "paratrace/nn/parametrizations/symmetric.h"

#include "ops/kernels/tensor_alloc.h"

namespace paratrace::nn::parametrizations {

namespace {

void check_square(const std::string& who, const Tensor& X) {
  const Shape& shape = X.sizes();
  PT_CHECK(shape.size() >= 2 && shape[shape.size() - 1] == shape[shape.size() - 2], ValueError,
           who << " needs a square matrix (or a batch of them), got shape " << kernels::shape_str(shape));
  PT_CHECK(X.is_floating_point(), ValueError, who << " needs a floating-point tensor, got " << dtype_name(X.dtype()));
}

}  // namespace

Tensor Symmetric::forward(const Tensor& X) {
  check_square(class_name(), X);
  return X.triu() + X.triu(1).mT();
}

RightInverseResult Symmetric::right_inverse(const Tensor& X) {
  check_square(class_name(), X);
  return X.triu();
}

Tensor Skew::forward(const Tensor& X) {
  check_square(class_name(), X);
  const Tensor A = X.tril(-1);
  return A - A.mT();
}

RightInverseResult Skew::right_inverse(const Tensor& X) {
  check_square(class_name(), X);
  return X.tril(-1);
}

}  // namespace paratrace::nn::parametrizations
