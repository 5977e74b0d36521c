#pragma once
// FakeSparsity (torch.ao.sparsity.sparsifier.utils in 1.13, later
// torch.ao.pruning): the parametrization a sparsifier attaches to a weight,
// multiplying it by a mask buffer. The mask keeps its identity; sparsifiers
// update its contents in place. It has no right_inverse, so assigning to the
// parametrized tensor raises.
#include <functional>

#include "paratrace/nn/parametrization.h"

namespace paratrace::nn {

class FakeSparsity : public Cloneable<FakeSparsity, Parametrization> {
 public:
  // Registers `mask` itself (not a copy) as the buffer "mask".
  explicit FakeSparsity(const Tensor& mask);
  // Computes the mask from the weight it is registered on (detached, under
  // no-grad) when prepared: the mask builders of nn/sparsity/mask_builders.h
  // fit. The mask is computed once; training does not recompute it.
  using MaskBuilder = std::function<Tensor(const Tensor& weight)>;
  explicit FakeSparsity(MaskBuilder builder);
  std::string class_name() const override { return "FakeSparsity"; }
  // mask * x; the shapes must be equal (PyTorch asserts it, with no message).
  Tensor forward(const Tensor& x) override;
  bool is_prepared() const override { return !builder_; }
  void prepare(const Module& module, const std::string& tensor_name, const Tensor& weight) override;

 protected:
  // PyTorch's FakeSparsity.state_dict() returns {}: the mask is not saved
  // with the model (the sparsifier saves it). Unlike PyTorch, loading does
  // not expect it either, so state dicts round-trip.
  bool saves_state() const override { return false; }

 private:
  MaskBuilder builder_;  // empty once the mask is built
};

}  // namespace paratrace::nn
