#pragma once
// OpDef: the single definition of one op — schema, forward kernel, backward
// formula and shape rule — read by eager execution, autograd, the tracer and
// the graph interpreter alike. Definitions are written in core/src/ops/defs/.
#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "paratrace/ops/ivalue.h"
#include "paratrace/ops/op_list.h"

namespace paratrace {

struct TensorMeta {
  Shape sizes;  // -1 for a size that depends on the data (boolean masks, nonzero ...)
  ScalarType dtype = ScalarType::Float32;
};
// Output metadata of one call: nearly always one or two outputs, kept inline.
using MetaList = SmallVector<TensorMeta, 2>;

class BackwardContext;

// Runs the op on concrete arguments. Kernels allocate their outputs.
using ForwardFn = Stack (*)(const Stack& args);
// Gradients for the tensor inputs, one per entry of flatten_tensor_inputs(args)
// (an undefined Tensor where there is none), given one gradient per forward output
// (undefined for outputs that received none).
using BackwardFn = TensorList (*)(BackwardContext& ctx, const TensorList& grad_outputs);
// Output shapes and dtypes from argument shapes, throwing the op's shape errors.
using ShapeFn = MetaList (*)(const Stack& args);

enum OpFlag : std::uint32_t {
  kNoFlags = 0,
  // Implemented by calling other ops: autograd flows through those (no backward
  // of its own), while the tracer records only this op, as PyTorch's
  // CompositeImplicitAutograd ops are traced.
  kComposite = 1u << 0,
  // Mutates args[0] and returns it (schema name ends in '_').
  kInplace = 1u << 1,
  // Output aliases args[0]'s storage.
  kView = 1u << 2,
  // Output depends on random state (rand, dropout in training): the trace
  // checker reports such nodes.
  kNondeterministic = 1u << 3,
  // Outputs never require grad (comparisons, argmax, factories, integer results).
  kNonDifferentiable = 1u << 4,
};

struct OpDef {
  OpKind kind{};
  // The full schema, e.g. "aten::add(Tensor self, Tensor other, *, Scalar alpha=1) -> Tensor";
  // several overloads may be listed separated by " | ". Documents argument names for the GUI.
  std::string_view schema;
  ForwardFn forward = nullptr;
  BackwardFn backward = nullptr;
  ShapeFn shape = nullptr;
  std::uint32_t flags = kNoFlags;
  // Accepted argument counts over all overloads, derived from `schema` when
  // the table is built; the dispatcher rejects other counts before any kernel
  // indexes its arguments (graphs parsed from files can be malformed).
  std::uint8_t min_args = 0;
  std::uint8_t max_args = 0;

  std::string_view name() const { return op_name(kind); }
  bool has(OpFlag f) const { return (flags & f) != 0; }
};

// The registry table: one OpDef per OpKind, filled once by the define_* functions.
class OpTable {
 public:
  OpTable() {
    for (int i = 0; i < kOpCount; ++i) defs_[i].kind = static_cast<OpKind>(i);
  }
  void def(OpDef d);
  const OpDef& operator[](OpKind k) const { return defs_[static_cast<int>(k)]; }

 private:
  OpDef defs_[kOpCount];
};

const OpTable& op_table();
inline const OpDef& op_def(OpKind k) { return op_table()[k]; }
// Looks up "aten::add"; null when unknown.
const OpDef* find_op(std::string_view schema_name);

// The tensors inside args, in order: Tensor args and the elements of Tensor[]
// args, undefined ones (None) skipped. Backward returns one gradient per entry.
TensorList flatten_tensor_inputs(const Stack& args);
// Calls f(tensor) for each entry of flatten_tensor_inputs(args), without building the list.
template <typename F> void for_each_tensor_input(const Stack& args, F&& f) {
  for (const IValue& a : args) {
    if (a.is_tensor()) {
      if (a.to_tensor().defined()) f(a.to_tensor());
    } else if (a.is_tensor_list()) {
      for (const Tensor& t : a.to_tensor_list())
        if (t.defined()) f(t);
    }
  }
}

// Runs an op through the dispatcher: argument checks, forward, autograd
// recording, version bumps and tracing.
Stack call_op(OpKind kind, Stack args);
// For single-output ops.
Tensor call_op1(OpKind kind, Stack args);

// What backward formulas see of the forward call.
class BackwardContext {
 public:
  virtual ~BackwardContext() = default;
  // Argument i of the forward call. Tensor arguments are checked against the
  // version they had at forward time (PyTorch's in-place modification error).
  virtual const IValue& arg(std::size_t i) const = 0;
  const Tensor& tensor_arg(std::size_t i) const { return arg(i).to_tensor(); }
  // Shape/dtype of tensor argument i without the version check (for ops that
  // only need the shape, such as add's sum-to-size).
  virtual const TensorMeta& arg_meta(std::size_t i) const = 0;
  // Forward output i (checked against in-place modification).
  virtual Tensor output(std::size_t i) const = 0;
  // Whether flattened tensor input i needs a gradient.
  virtual bool needs_input_grad(std::size_t i) const = 0;
  virtual std::size_t num_args() const = 0;
};

}  // namespace paratrace
