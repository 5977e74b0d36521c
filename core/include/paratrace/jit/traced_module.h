#pragma once
// The result of tracing: graphs (one per traced method) over the tensors of a
// module tree, executed by an interpreter that dispatches through the op
// registry, so autograd works through a replay.
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "paratrace/jit/ir.h"
#include "paratrace/nn/module.h"

namespace paratrace::jit {

// A TracerWarning: recorded in the traced module, never printed.
struct TracerWarning {
  std::string message;
};

class TracedModule {
 public:
  TracedModule(std::shared_ptr<nn::Module> module, std::map<std::string, std::shared_ptr<Graph>> methods,
               std::vector<TracerWarning> warnings);

  IValue run_method(const std::string& name, const Stack& inputs);
  IValue forward(const Stack& inputs) { return run_method("forward", inputs); }
  Tensor operator()(const Tensor& input) { return forward({input}).to_tensor(); }

  std::vector<std::string> method_names() const;
  // The recorded graph of a method: flat, every op carrying the scope of the
  // module that ran it (PyTorch's inlined_graph).
  std::shared_ptr<Graph> graph(const std::string& method = "forward") const;
  const std::vector<TracerWarning>& warnings() const { return warnings_; }
  // The module tree whose tensors the graphs read: the traced module itself
  // (tensors shared, as PyTorch's traced modules share them) or, after
  // load(), a tree rebuilt from the file.
  nn::Module& module() const { return *module_; }
  std::shared_ptr<nn::Module> module_ptr() const { return module_; }
  void train(bool mode = true) { module_->train(mode); }
  void eval() { train(false); }

  // One safetensors file: the tensors under their dotted names, and in its
  // metadata the module tree and the IR text of each method (docs/jit.md).
  // Loading rebuilds a generic module tree: no C++ model class is needed.
  void save(const std::string& path) const;
  static std::shared_ptr<TracedModule> load(const std::string& path);

 private:
  std::shared_ptr<nn::Module> module_;
  std::map<std::string, std::shared_ptr<Graph>> methods_;
  std::vector<TracerWarning> warnings_;
};

}  // namespace paratrace::jit
