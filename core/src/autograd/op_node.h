#pragma once
// The backward Node recorded for one call of a registry op: it keeps the
// call's arguments and outputs and runs the op's BackwardFn.
#include "paratrace/autograd/node.h"
#include "paratrace/ops/op.h"

namespace paratrace::autograd {

class OpNode final : public Node, public BackwardContext {
 public:
  // Tensor versions of the arguments, one per flatten_tensor_inputs entry.
  using Versions = SmallVector<std::uint32_t, 4>;

  // `args` are the call's arguments; edges come from them. For an in-place op,
  // `self_before` is the copy of self taken before the mutation, which
  // backward sees as argument 0 (saving self itself would make
  // self -> grad_fn -> self a cycle). `versions` are what the saved tensors'
  // versions must still be when backward reads them.
  OpNode(const OpDef& op, Stack args, Tensor self_before, const Versions& versions);

  // Records outputs after forward ran; sets their grad_fn to this node.
  void set_outputs(const Stack& outputs);
  TensorList apply(TensorList&& grad_outputs) override;
  std::string name() const override;
  void release_variables() override;

  const IValue& arg(std::size_t i) const override;
  const TensorMeta& arg_meta(std::size_t i) const override;
  Tensor output(std::size_t i) const override;
  bool needs_input_grad(std::size_t i) const override;
  std::size_t num_args() const override { return args_.size(); }

 private:
  void check_version(const Tensor& t, std::uint32_t expected, bool is_output, std::size_t index) const;
  void check_released() const;

  struct SavedOutput {
    std::shared_ptr<TensorImpl> alias;  // without history (null for non-tensor outputs)
    std::uint32_t version = 0;
  };

  const OpDef& op_;
  Stack args_;
  Versions arg_versions_;                 // one per Tensor/Tensor[] element, in flatten order
  SmallVector<TensorMeta, 3> arg_metas_;  // one per arg (empty meta for non-tensors)
  SmallVector<SavedOutput, 1> saved_outputs_;
  bool released_ = false;
};

// Builds "AddBackward0" from "aten::add".
std::string backward_node_name(std::string_view op_name);

}  // namespace paratrace::autograd
