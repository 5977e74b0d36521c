#include "paratrace/optim/optimizer.h"

#include "paratrace/tensor/ops.h"

namespace paratrace::optim {

void Optimizer::zero_grad(bool set_to_none) {
  for (const Tensor& p : params_) {
    Tensor g = p.grad();
    if (!g.defined()) continue;
    if (set_to_none) p.set_grad(Tensor());
    else g.zero_();
  }
}

}  // namespace paratrace::optim
