#pragma once
// Dropout, as torch.nn.Dropout: in training mode zeroes each element with
// probability p and scales the rest by 1/(1-p); in eval mode the identity.
#include <string>

#include "paratrace/nn/module.h"

namespace paratrace::nn {

class Dropout : public Cloneable<Dropout> {
 public:
  // ValueError "dropout probability has to be between 0 and 1, but got <p>" outside [0, 1].
  explicit Dropout(double p = 0.5);
  std::string class_name() const override { return "Dropout"; }
  // PyTorch prints inplace too; the in-place variant is not offered, so it is always False.
  std::string extra_repr() const override;
  Tensor forward(const Tensor& input) override;
  double p() const { return p_; }

 private:
  double p_;
};

}  // namespace paratrace::nn
