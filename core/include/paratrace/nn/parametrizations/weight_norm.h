#pragma once
// torch.nn.utils.parametrizations.weight_norm as in PyTorch main (it is not
// in 1.13): WeightNorm is main's _WeightNorm, weight_norm() registers one on
// a module's tensor. docs/parametrizations.md.
#include <cstdint>
#include <optional>
#include <string>

#include "paratrace/nn/parametrization.h"

namespace paratrace::nn::parametrizations {

// torch.norm_except_dim(v, pow, dim): the pow-norm over every dimension but
// `dim`, kept with size 1 (shape [size(dim), 1, ...] for dim 0); dim == -1
// means the norm of the whole tensor (a 0-dim result), not the last dimension.
Tensor norm_except_dim(const Tensor& v, std::int64_t pow = 2, std::int64_t dim = 0);

// w = g * v / norm_except_dim(v, 2, dim) from two originals: original0 = g
// (the magnitude) and original1 = v (the direction), as torch._weight_norm.
class WeightNorm : public Cloneable<WeightNorm, Parametrization> {
 public:
  // dim std::nullopt normalizes the whole tensor (stored as -1, as PyTorch).
  explicit WeightNorm(std::optional<std::int64_t> dim = 0) : dim_(dim.value_or(-1)) {}
  std::string class_name() const override { return "_WeightNorm"; }
  // Takes (g, v).
  IValue forward_stack(const Stack& originals) override;
  // (norm_except_dim(w, 2, dim), w): forward gives w back exactly.
  RightInverseResult right_inverse(const Tensor& weight) override;

  std::int64_t dim() const { return dim_; }

 private:
  std::int64_t dim_;
};

// Registers WeightNorm on module.<name> (unsafe, as PyTorch main), turning it
// into parametrizations.<name>.original0 (g) and original1 (v).
Module& weight_norm(Module& module, const std::string& name = "weight", std::optional<std::int64_t> dim = 0);

}  // namespace paratrace::nn::parametrizations
