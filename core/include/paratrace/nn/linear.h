#pragma once
// Identity, Linear and Bilinear, as torch.nn's: same parameter names, shapes
// and order, same initialisation (reset_parameters), same repr.
#include <cstdint>
#include <string>

#include "paratrace/nn/module.h"

namespace paratrace::nn {

// Returns its input.
class Identity : public Cloneable<Identity> {
 public:
  std::string class_name() const override { return "Identity"; }
  Tensor forward(const Tensor& input) override { return input; }
};

// y = x W^T + b. weight (out_features, in_features) ~ kaiming_uniform_(a=sqrt(5)),
// i.e. U(-1/sqrt(in), 1/sqrt(in)); bias (out_features) ~ U(-1/sqrt(in), 1/sqrt(in)),
// or None when bias is false.
class Linear : public Cloneable<Linear> {
 public:
  Linear(std::int64_t in_features, std::int64_t out_features, bool bias = true);
  std::string class_name() const override { return "Linear"; }
  std::string extra_repr() const override;
  Tensor forward(const Tensor& input) override;
  void reset_parameters();

  std::int64_t in_features() const { return in_features_; }
  std::int64_t out_features() const { return out_features_; }

 private:
  std::int64_t in_features_, out_features_;
};

// y_k = x1^T A_k x2 + b_k. weight (out, in1, in2) and bias (out) ~ U(-1/sqrt(in1), 1/sqrt(in1)).
class Bilinear : public Cloneable<Bilinear> {
 public:
  Bilinear(std::int64_t in1_features, std::int64_t in2_features, std::int64_t out_features, bool bias = true);
  std::string class_name() const override { return "Bilinear"; }
  std::string extra_repr() const override;
  // Two tensor arguments, as Bilinear.forward(input1, input2).
  IValue forward_stack(const Stack& inputs) override;
  Tensor forward(const Tensor& input1, const Tensor& input2);
  void reset_parameters();

  std::int64_t in1_features() const { return in1_features_; }
  std::int64_t in2_features() const { return in2_features_; }
  std::int64_t out_features() const { return out_features_; }

 private:
  std::int64_t in1_features_, in2_features_, out_features_;
};

}  // namespace paratrace::nn
