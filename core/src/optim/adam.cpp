#include "paratrace/optim/adam.h"

#include <cmath>

#include "paratrace/autograd/grad_mode.h"
#include "paratrace/tensor/factories.h"
#include "paratrace/tensor/ops.h"

namespace paratrace::optim {

Adam::Adam(std::vector<Tensor> params, AdamOptions options)
    : Optimizer(std::move(params)), options_(options), state_(params_.size()) {
  PT_CHECK(options.lr >= 0, ValueError, "Invalid learning rate: " << options.lr);
  PT_CHECK(options.eps >= 0, ValueError, "Invalid epsilon value: " << options.eps);
  PT_CHECK(options.betas.first >= 0 && options.betas.first < 1, ValueError,
           "Invalid beta parameter at index 0: " << options.betas.first);
  PT_CHECK(options.betas.second >= 0 && options.betas.second < 1, ValueError,
           "Invalid beta parameter at index 1: " << options.betas.second);
  PT_CHECK(options.weight_decay >= 0, ValueError, "Invalid weight_decay value: " << options.weight_decay);
}

void Adam::step() {
  NoGradGuard no_grad;
  const auto [beta1, beta2] = options_.betas;
  for (std::size_t i = 0; i < params_.size(); ++i) {
    Tensor& p = params_[i];
    Tensor g = p.grad();
    if (!g.defined()) continue;
    State& s = state_[i];
    if (s.step == 0) {
      s.exp_avg = zeros_like(p);
      s.exp_avg_sq = zeros_like(p);
      if (options_.amsgrad) s.max_exp_avg_sq = zeros_like(p);
    }
    ++s.step;
    if (options_.weight_decay != 0) g = add(g, p, options_.weight_decay);
    s.exp_avg.mul_(beta1).add_(g, 1 - beta1);
    s.exp_avg_sq.mul_(beta2).add_(mul(g, g), 1 - beta2);
    const double bias1 = 1 - std::pow(beta1, static_cast<double>(s.step));
    const double bias2 = 1 - std::pow(beta2, static_cast<double>(s.step));
    Tensor second = s.exp_avg_sq;
    if (options_.amsgrad) {
      s.max_exp_avg_sq.copy_(maximum(s.max_exp_avg_sq, s.exp_avg_sq));
      second = s.max_exp_avg_sq;
    }
    const Tensor denom = add(div(sqrt(second), std::sqrt(bias2)), options_.eps);
    p.add_(div(s.exp_avg, denom), -options_.lr / bias1);
  }
}

}  // namespace paratrace::optim
