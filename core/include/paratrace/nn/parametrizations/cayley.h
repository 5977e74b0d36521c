#pragma once
// The plain Cayley map, as the `Orthogonal` parametrization of PyTorch's
// parametrize tests: compose it with a skew-symmetric step (Skew) to get
// orthogonal matrices. orthogonal.h offers the full _Orthogonal.
#include "paratrace/nn/parametrization.h"

namespace paratrace::nn::parametrizations {

// X -> (I + X)^{-1} (I - X) for square matrices (or batches of them),
// computed as linalg_solve(I + X, I - X). Orthogonal when X is
// skew-symmetric; throws LinAlgError when I + X is singular.
class Cayley : public Cloneable<Cayley, Parametrization> {
 public:
  Tensor forward(const Tensor& X) override;
  // The map is its own inverse, so right_inverse applies it again: an
  // orthogonal Q without eigenvalue -1 gives the skew-symmetric X with
  // forward(X) = Q.
  RightInverseResult right_inverse(const Tensor& Q) override { return forward(Q); }
};

}  // namespace paratrace::nn::parametrizations
