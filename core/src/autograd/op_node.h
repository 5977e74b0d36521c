#pragma once
// The backward Node recorded for one call of a registry op: it keeps the
// call's arguments and outputs and runs the op's BackwardFn.
#include <vector>

#include "paratrace/autograd/node.h"
#include "paratrace/ops/op.h"

namespace paratrace::autograd {

class OpNode final : public Node, public BackwardContext {
 public:
  // `saved` is what backward sees; edges come from `inputs`, the arguments as
  // the caller passed them (they differ for in-place ops, whose saved self is a
  // copy taken before the mutation).
  OpNode(const OpDef& op, Stack saved, const Stack& inputs);

  // Records outputs after forward ran; sets their grad_fn to this node.
  void set_outputs(const Stack& outputs, const std::vector<std::uint32_t>& arg_versions);
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

  const OpDef& op_;
  Stack args_;
  std::vector<std::uint32_t> arg_versions_;  // one per Tensor/Tensor[] element, in flatten order
  std::vector<TensorMeta> arg_metas_;        // one per arg (empty meta for non-tensors)
  std::vector<std::shared_ptr<TensorImpl>> saved_outputs_;  // detached aliases
  std::vector<std::uint32_t> output_versions_;
  bool released_ = false;
};

// Builds "AddBackward0" from "aten::add".
std::string backward_node_name(std::string_view op_name);

}  // namespace paratrace::autograd
