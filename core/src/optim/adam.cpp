#include "paratrace/optim/adam.h"

#include <cmath>

#include "option_check.h"
#include "paratrace/autograd/grad_mode.h"
#include "paratrace/tensor/factories.h"
#include "paratrace/tensor/ops.h"

namespace paratrace::optim {

Adam::Adam(std::vector<Tensor> params, AdamOptions options)
    : Optimizer(std::move(params)), options_(options), state_(params_.size()) {
  // Written as Python's `not 0.0 <= x`, so a NaN is rejected too.
  const auto [beta1, beta2] = options.betas;
  detail::check_option(0.0 <= options.lr, "learning rate", options.lr);
  detail::check_option(0.0 <= options.eps, "epsilon value", options.eps);
  detail::check_option(0.0 <= beta1 && beta1 < 1.0, "beta parameter at index 0", beta1);
  detail::check_option(0.0 <= beta2 && beta2 < 1.0, "beta parameter at index 1", beta2);
  detail::check_option(0.0 <= options.weight_decay, "weight_decay value", options.weight_decay);
}

void Adam::step() {
  NoGradGuard no_grad;
  const auto [beta1, beta2] = options_.betas;
  for (std::size_t i = 0; i < params_.size(); ++i) {
    Tensor& p = params_[i];
    Tensor g = p.grad();
    if (!g.defined()) continue;
    if (options_.maximize) g = neg(g);
    State& s = state_[i];
    if (s.step == 0) {
      s.exp_avg = zeros_like(p);
      s.exp_avg_sq = zeros_like(p);
      if (options_.amsgrad) s.max_exp_avg_sq = zeros_like(p);
    }
    ++s.step;
    if (options_.weight_decay != 0) g = add(g, p, options_.weight_decay);
    s.exp_avg.mul_(beta1).add_(g, 1 - beta1);
    // addcmul_(g, g, value=1 - beta2) multiplies as (value * g) * g; PyTorch then fuses the
    // final add into an fma, which no op here can express (a last-ulp difference at most).
    s.exp_avg_sq.mul_(beta2).add_(mul(mul(g, 1 - beta2), g));
    const double bias1 = 1 - std::pow(beta1, static_cast<double>(s.step));
    const double bias2 = 1 - std::pow(beta2, static_cast<double>(s.step));
    Tensor second = s.exp_avg_sq;
    if (options_.amsgrad) {
      s.max_exp_avg_sq.copy_(maximum(s.max_exp_avg_sq, s.exp_avg_sq));
      second = s.max_exp_avg_sq;
    }
    const Tensor denom = add(div(sqrt(second), std::sqrt(bias2)), options_.eps);
    // addcdiv_(exp_avg, denom, value=-step_size) rounds as p + (value * exp_avg) / denom.
    const double step_size = options_.lr / bias1;
    p.add_(div(mul(s.exp_avg, -step_size), denom));
  }
}

}  // namespace paratrace::optim
