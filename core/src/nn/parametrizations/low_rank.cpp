#include "paratrace/nn/parametrizations/low_rank.h"

#include <algorithm>

#include "../python_text.h"
#include "paratrace/tensor/ops.h"

namespace paratrace::nn::parametrizations {

LowRank::LowRank(std::int64_t rank) : rank_(rank) {
  PT_CHECK(rank >= 1, ValueError, "LowRank: rank must be at least 1. Got rank=" << rank);
}

IValue LowRank::forward_stack(const Stack& originals) {
  PT_CHECK(originals.size() == 2 && originals[0].is_tensor() && originals[1].is_tensor(), TypeError,
           type_name() << ".forward() takes two tensors (A, B) but " << originals.size() << " arguments were given");
  return matmul(originals[0].to_tensor(), originals[1].to_tensor());
}

RightInverseResult LowRank::right_inverse(const Tensor& X) {
  PT_CHECK(X.dim() >= 2, ValueError,
           "Expected a matrix or batch of matrices. Got a tensor of " << X.dim() << " dimensions.");
  const std::int64_t max_rank = std::min(X.size(-2), X.size(-1));
  PT_CHECK(rank_ <= max_rank, ValueError,
           type_name() << ": rank " << rank_ << " is larger than min(n, m) = " << max_rank
                       << " for a matrix of shape " << nn::detail::torch_size(X.sizes()) << ".");
  const auto [U, S, Vh] = linalg_svd(X, /*full_matrices=*/false);
  const Tensor root = S.narrow(-1, 0, rank_).sqrt();
  // The singular values are split evenly so that A and B are balanced.
  const Tensor A = U.narrow(-1, 0, rank_) * root.unsqueeze(-2);
  const Tensor B = root.unsqueeze(-1) * Vh.narrow(-2, 0, rank_);
  return TensorList{A, B};
}

}  // namespace paratrace::nn::parametrizations
