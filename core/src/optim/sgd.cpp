#include "paratrace/optim/sgd.h"

#include "option_check.h"
#include "paratrace/autograd/grad_mode.h"
#include "paratrace/tensor/ops.h"

namespace paratrace::optim {

SGD::SGD(std::vector<Tensor> params, SGDOptions options)
    : Optimizer(std::move(params)), options_(options), momentum_buffers_(params_.size()) {
  // Python's `x < 0.0` tests, so (unlike Adam's) they let a NaN through.
  detail::check_option(!(options.lr < 0), "learning rate", options.lr);
  detail::check_option(!(options.momentum < 0), "momentum value", options.momentum);
  detail::check_option(!(options.weight_decay < 0), "weight_decay value", options.weight_decay);
  PT_CHECK(!(options.nesterov && (options.momentum <= 0 || options.dampening != 0)), ValueError,
           "Nesterov momentum requires a momentum and zero dampening");
}

void SGD::step() {
  NoGradGuard no_grad;
  for (std::size_t i = 0; i < params_.size(); ++i) {
    Tensor& p = params_[i];
    Tensor d = p.grad();
    if (!d.defined()) continue;
    if (options_.maximize) d = neg(d);
    if (options_.weight_decay != 0) d = add(d, p, options_.weight_decay);
    if (options_.momentum != 0) {
      Tensor& buf = momentum_buffers_[i];
      if (!buf.defined()) {
        buf = clone(d);
      } else {
        buf.mul_(options_.momentum).add_(d, 1 - options_.dampening);
      }
      d = options_.nesterov ? add(d, buf, options_.momentum) : buf;
    }
    p.add_(d, -options_.lr);
  }
}

}  // namespace paratrace::optim
