#pragma once
// torch.optim.SGD: momentum, dampening, Nesterov, L2 weight decay and maximize.
#include "paratrace/optim/optimizer.h"

namespace paratrace::optim {

struct SGDOptions {
  double lr = 1e-3;
  double momentum = 0.0;
  double dampening = 0.0;
  double weight_decay = 0.0;
  bool nesterov = false;
  bool maximize = false;  // ascend: step along +gradient
};

class SGD final : public Optimizer {
 public:
  SGD(std::vector<Tensor> params, SGDOptions options);
  void step() override;
  const SGDOptions& options() const { return options_; }

 private:
  SGDOptions options_;
  std::vector<Tensor> momentum_buffers_;  // one per parameter, undefined until first used
};

}  // namespace paratrace::optim
