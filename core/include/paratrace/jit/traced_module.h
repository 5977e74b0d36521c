#pragma once
// The result of tracing: graphs (one per traced method) over the tensors of a
// module tree, executed by an interpreter that dispatches through the op
// registry, so autograd works through a replay.
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "paratrace/jit/ir.h"
#include "paratrace/nn/module.h"

namespace paratrace::jit {

// A TracerWarning: recorded in the traced module, never printed.
struct TracerWarning {
  std::string message;
};

// What the tracer recorded to build the hierarchical form from (module calls
// and the module tree; core/src/jit/hierarchy.h).
struct RecordedCalls;

// One traced method in both of PyTorch's forms.
struct TracedMethod {
  // Flat, every op carrying the scope of the module that ran it
  // (PyTorch's inlined_graph); what the interpreter runs.
  std::shared_ptr<Graph> inlined;
  // Hierarchical (PyTorch's graph): submodules are called through
  // prim::CallMethod; null when only the flat form is known (a traced
  // function, a file written before the hierarchical form was saved).
  std::shared_ptr<Graph> graph;
  // The classes of the submodules called, by dotted path: their "forward" is
  // the graph of their first call (PyTorch's traced.child.graph).
  std::map<std::string, std::shared_ptr<ClassType>> submodules;
  // Set by the tracer: graph and submodules are built from it on first use,
  // so tracing does not pay for a form that may never be looked at.
  std::shared_ptr<const RecordedCalls> recorded;
};

class TracedModule {
 public:
  TracedModule(std::shared_ptr<nn::Module> module, std::map<std::string, TracedMethod> methods,
               std::vector<TracerWarning> warnings);
  // Flat graphs only (a loaded module, a traced function).
  TracedModule(std::shared_ptr<nn::Module> module, const std::map<std::string, std::shared_ptr<Graph>>& methods,
               std::vector<TracerWarning> warnings);

  IValue run_method(const std::string& name, const Stack& inputs);
  IValue forward(const Stack& inputs) { return run_method("forward", inputs); }
  Tensor operator()(const Tensor& input) { return forward({input}).to_tensor(); }

  std::vector<std::string> method_names() const;
  // PyTorch's traced.graph: submodule calls are prim::CallMethod nodes on
  // prim::GetAttr values. Where only the flat form is known (a traced
  // function, which calls no modules, or a file saved without it) that form.
  std::shared_ptr<Graph> graph(const std::string& method = "forward") const;
  // PyTorch's traced.inlined_graph: flat, every op with its module scope.
  std::shared_ptr<Graph> inlined_graph(const std::string& method = "forward") const;
  // PyTorch's traced.<path>.graph: the graph of submodule `path` ("inner",
  // "seq.0") as first called while tracing `method`.
  std::shared_ptr<Graph> submodule_graph(const std::string& path, const std::string& method = "forward") const;
  const std::vector<TracerWarning>& warnings() const { return warnings_; }
  // The module tree whose tensors the graphs read: the traced module itself
  // (tensors shared, as PyTorch's traced modules share them) or, after
  // load(), a tree rebuilt from the file.
  nn::Module& module() const { return *module_; }
  std::shared_ptr<nn::Module> module_ptr() const { return module_; }
  void train(bool mode = true) { module_->train(mode); }
  void eval() { train(false); }

  // One safetensors file: the tensors under their dotted names, and in its
  // metadata the module tree and the IR text of each method in both forms,
  // with the called submodules' graphs (docs/jit.md).
  // Loading rebuilds a generic module tree: no C++ model class is needed.
  void save(const std::string& path) const;
  static std::shared_ptr<TracedModule> load(const std::string& path);

 private:
  // The method with its hierarchical form built.
  const TracedMethod& method(const std::string& name) const;
  // The flat graph without building the hierarchical form (replay, save).
  std::shared_ptr<Graph> inlined(const std::string& name) const;
  std::shared_ptr<nn::Module> module_;
  mutable std::mutex build_mutex_;
  mutable std::map<std::string, TracedMethod> methods_;
  std::vector<TracerWarning> warnings_;
};

}  // namespace paratrace::jit
