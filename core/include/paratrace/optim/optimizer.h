#pragma once
// Optimizers over a list of parameters (torch.optim). Updates run under
// NoGradGuard with in-place ops, so the parameters keep their identity.
#include <vector>

#include "paratrace/tensor/tensor.h"

namespace paratrace::optim {

class Optimizer {
 public:
  explicit Optimizer(std::vector<Tensor> params) : params_(std::move(params)) {}
  virtual ~Optimizer() = default;
  Optimizer(const Optimizer&) = delete;
  Optimizer& operator=(const Optimizer&) = delete;

  // set_to_none=true drops the gradients (PyTorch 2's default, and cheaper);
  // false zeroes them in place (PyTorch 1.13's default).
  void zero_grad(bool set_to_none = true);
  virtual void step() = 0;
  const std::vector<Tensor>& params() const { return params_; }

 protected:
  std::vector<Tensor> params_;
};

}  // namespace paratrace::optim
