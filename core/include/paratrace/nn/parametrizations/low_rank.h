#pragma once
// Low-rank matrices as a product of two originals (not in PyTorch; it
// follows the RankOne example of PyTorch's parametrize tutorial, for any rank).
#include <cstdint>
#include <string>

#include "paratrace/nn/parametrization.h"

namespace paratrace::nn::parametrizations {

// X = A @ B with original0 = A (..., n, r) and original1 = B (..., r, m), so
// rank(X) <= r however A and B are trained. right_inverse splits a matrix by
// its truncated SVD, A = U_r sqrt(S_r), B = sqrt(S_r) V_r^T: the best rank-r
// approximation (exact when the rank is at most r).
class LowRank : public Cloneable<LowRank, Parametrization> {
 public:
  // ValueError unless rank >= 1.
  explicit LowRank(std::int64_t rank);
  std::string extra_repr() const override { return "rank=" + std::to_string(rank_); }
  // Takes (A, B).
  IValue forward_stack(const Stack& originals) override;
  // ValueError for fewer than 2 dimensions or a rank above min(n, m).
  RightInverseResult right_inverse(const Tensor& X) override;

  std::int64_t rank() const { return rank_; }

 private:
  std::int64_t rank_;
};

// Rank one: X = a b^T with a (..., n, 1), b^T (..., 1, m).
class RankOne : public Cloneable<RankOne, LowRank> {
 public:
  RankOne() : Cloneable<RankOne, LowRank>(1) {}
};

}  // namespace paratrace::nn::parametrizations
