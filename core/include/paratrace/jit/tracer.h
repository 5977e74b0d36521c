#pragma once
// torch.jit.trace / trace_module for C++: run a module (or a function) once
// on example inputs, record every op the dispatcher runs into a Graph, and
// return a TracedModule that replays it on new inputs.
#include <functional>
#include <memory>
#include <optional>
#include <source_location>
#include <string>
#include <utility>
#include <vector>

#include "paratrace/jit/traced_module.h"
#include "paratrace/nn/module.h"

namespace paratrace::jit {

struct TraceOptions {
  // Names of the graph inputs (PyTorch takes them from the Python signature);
  // missing names default to "input", "input.1", ...
  std::vector<std::string> argument_names;
  // strict=true refuses dict outputs and warns on list outputs, as PyTorch.
  bool strict = true;
};

using TraceFunction = std::function<IValue(const Stack&)>;

// torch.jit.trace(fn, example_inputs): a graph without a self input.
std::shared_ptr<TracedModule> trace(const TraceFunction& fn, const Stack& example_inputs,
                                    const TraceOptions& options = {});
// torch.jit.trace(module, example_inputs): trace_module with {"forward": inputs}.
std::shared_ptr<TracedModule> trace(const std::shared_ptr<nn::Module>& module, const Stack& example_inputs,
                                    const TraceOptions& options = {});
// torch.jit.trace_module(module, {method: inputs}): each method is run through
// Module::call_method. The traced module shares the module's tensors.
std::shared_ptr<TracedModule> trace_module(const std::shared_ptr<nn::Module>& module,
                                           const std::vector<std::pair<std::string, Stack>>& inputs,
                                           const TraceOptions& options = {});

// Nodes recorded while a SourceScope lives carry its place in the source as
// their source range, printed as PyTorch prints Python's: "# file:line:col".
// C++ ops have no call-site information of their own, so a traced program
// marks the statements (or functions) it wants located:
//   jit::SourceScope here;  // the nodes recorded below point at this line
// Scopes nest; the innermost wins. Outside a trace they cost two copies.
class SourceScope {
 public:
  explicit SourceScope(std::source_location where = std::source_location::current());
  ~SourceScope();
  SourceScope(const SourceScope&) = delete;
  SourceScope& operator=(const SourceScope&) = delete;

 private:
  std::optional<std::source_location> previous_;
};

// torch.jit.is_tracing().
bool is_tracing();
// Names the graph value of `t` in the trace being recorded (no-op when not
// tracing); returns `t`.
const Tensor& name_value(const Tensor& t, const std::string& name);

}  // namespace paratrace::jit
