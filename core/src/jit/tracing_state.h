#pragma once
// The recorder behind trace(): a TraceHook (every op the dispatcher runs
// becomes a node) and a ModuleCallObserver (module calls give the scopes).
// Tensors map to graph values; parameters and buffers of the traced module
// tree enter through prim::GetAttr chains from %self on first use.
#include <map>
#include <memory>
#include <optional>
#include <source_location>
#include <string>
#include <vector>

#include "hierarchy.h"
#include "paratrace/jit/ir.h"
#include "paratrace/jit/traced_module.h"
#include "paratrace/nn/module.h"
#include "paratrace/ops/trace_hook.h"

namespace paratrace::jit {

class TracingState final : public TraceHook, public nn::ModuleCallObserver {
 public:
  // `root` may be null (tracing a function); then `self` is null too.
  TracingState(std::shared_ptr<Graph> graph, nn::Module* root, Value* self);
  ~TracingState() override;
  TracingState(const TracingState&) = delete;
  TracingState& operator=(const TracingState&) = delete;

  // The value of a tensor argument: traced, a module attribute (GetAttr), or
  // a new constant (refused when it requires grad).
  Value* value_of(const Tensor& t);
  // The value a traced tensor has, or null (outputs must have one).
  Value* find_value(const Tensor& t);
  void set_value(const Tensor& t, Value* v);
  // The value of a non-tensor argument (constants, lists).
  Value* value_of_argument(const IValue& arg);
  // Graph inputs from example inputs: nested tuples/lists unpacked with
  // prim::TupleUnpack / ListUnpack, dicts read with aten::__getitem__.
  void bind_input(Value* input, const IValue& example);
  // The graph output for an output IValue (tuples, lists, dicts rebuilt).
  Value* output_value(const IValue& output, std::size_t index, bool strict);

  void record_op(const OpDef& op, const Stack& args, const Stack& outputs) override;
  void value_escaped(const char* what) override;
  std::uint64_t record_size(const Tensor& t, std::int64_t dim) override;
  std::uint64_t record_sym_int_op(SymIntOp op, const SymInt& a, const SymInt& b, std::int64_t result) override;
  void shape_argument(const SymIntList& shape) override;
  void enter(nn::Module& module) override;
  void exit(nn::Module& module) override;
  void result(nn::Module& module, const IValue& output) override;

  // The submodule calls recorded, outermost first, and the module tree the
  // graph's module values denote: what build_hierarchy needs.
  const std::vector<ModuleCall>& calls() const { return calls_; }
  ModuleTree module_tree() const;

  std::vector<TracerWarning> take_warnings() { return std::move(warnings_); }
  void warn(std::string message) { warnings_.push_back({std::move(message)}); }
  Graph& graph() { return *graph_; }

 private:
  Node* insert(Node* n);
  Value* constant(const IValue& value, const std::string& scope = "");
  void record_list_output(Node* n, const TensorList& tensors);
  Value* module_value(const nn::Module* m);
  // aten::Int(size), placed right after the node that computes `size`, where
  // PyTorch's tracer has it.
  Value* int_of(Value* size);
  std::string current_scope() const { return scopes_.empty() ? std::string() : scopes_.back(); }

  std::shared_ptr<Graph> graph_;
  nn::Module* root_;
  Value* self_;
  // Tensors are held so that a freed tensor's address is never reused for
  // another while the trace lives.
  std::map<const TensorImpl*, std::pair<Tensor, Value*>> values_;
  struct Attribute {
    const nn::Module* owner;
    std::string name;
  };
  std::map<const TensorImpl*, Attribute> attributes_;
  struct ModuleEntry {
    const nn::Module* parent;
    std::string name;  // attribute name in the parent
    std::string path;  // dotted path from the root
  };
  std::map<const nn::Module*, ModuleEntry> modules_;
  std::map<const nn::Module*, Value*> module_values_;
  std::vector<std::string> scopes_;
  // Sizes recorded by sym_size or SymInt arithmetic (SymInt id -> its value
  // as a 0-dim Long tensor, prim::NumToTensor or aten::mul ...), the
  // aten::Int of each such value once an op takes it as an int, and the
  // shape argument announced for the next op.
  std::map<std::uint64_t, Value*> sizes_;
  std::map<const Value*, Value*> ints_;
  std::vector<SymInt> pending_shape_;
  std::vector<ModuleCall> calls_;
  // Calls not yet exited; null for calls that are not recorded (the root's,
  // or modules called by a traced function).
  std::vector<std::unique_ptr<ModuleCall>> open_calls_;
  int root_depth_ = 0;
  std::vector<TracerWarning> warnings_;
  TraceHook* previous_hook_;
  nn::ModuleCallObserver* previous_observer_;
};

// The innermost SourceScope's place on this thread.
std::optional<std::source_location>& current_source();

// The TracingState installed on this thread, or null.
TracingState* current_tracing_state();

}  // namespace paratrace::jit
