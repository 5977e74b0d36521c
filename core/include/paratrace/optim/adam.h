#pragma once
// torch.optim.Adam (with optional AMSGrad, L2 weight decay and maximize).
#include <utility>

#include "paratrace/optim/optimizer.h"

namespace paratrace::optim {

struct AdamOptions {
  double lr = 1e-3;
  std::pair<double, double> betas{0.9, 0.999};
  double eps = 1e-8;
  double weight_decay = 0.0;
  bool amsgrad = false;
  bool maximize = false;  // ascend: step along +gradient
};

class Adam final : public Optimizer {
 public:
  Adam(std::vector<Tensor> params, AdamOptions options);
  void step() override;
  const AdamOptions& options() const { return options_; }

 private:
  struct State {
    std::int64_t step = 0;
    Tensor exp_avg, exp_avg_sq, max_exp_avg_sq;
  };
  AdamOptions options_;
  std::vector<State> state_;
};

}  // namespace paratrace::optim
