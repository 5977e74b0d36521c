#include "paratrace/nn/parametrizations/cayley.h"

#include "paratrace/tensor/factories.h"
#include "paratrace/tensor/ops.h"

namespace paratrace::nn::parametrizations {

Tensor Cayley::forward(const Tensor& X) {
  const Tensor id = eye(X.size(-1), std::nullopt, X.dtype());
  return linalg_solve(id + X, id - X);
}

}  // namespace paratrace::nn::parametrizations
