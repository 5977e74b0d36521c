#include "tensor_values.h"

#include "paratrace/autograd/grad_mode.h"

namespace paratrace::inspector {

Matrix toMatrix(const Tensor& tensor) {
  if (!tensor.defined() || tensor.numel() == 0) return Matrix(0, 0);
  NoGradGuard no_grad;
  const std::vector<double> values = tensor.detach().to(ScalarType::Float64).contiguous().to_vector<double>();
  const Eigen::Index rows = tensor.dim() >= 2 ? tensor.sizes()[0] : 1;
  const Eigen::Index cols = static_cast<Eigen::Index>(values.size()) / rows;
  return Eigen::Map<const Matrix>(values.data(), rows, cols);
}

}  // namespace paratrace::inspector
