// trace / trace_module: set up the graph inputs, run the code with the
// TracingState installed, register the outputs.
#include "paratrace/jit/tracer.h"

#include "interpreter.h"
#include <algorithm>

#include "hierarchy.h"
#include "paratrace/autograd/grad_mode.h"
#include "tracing_state.h"

namespace paratrace::jit {

namespace {

// A root for function traces: no tensors, nothing to read.
class FunctionRoot : public nn::Cloneable<FunctionRoot> {
 public:
  std::string class_name() const override { return "Function"; }
};

std::string argument_name(const TraceOptions& options, std::size_t i) {
  return i < options.argument_names.size() ? options.argument_names[i] : "input";
}

struct Recorded {
  TracedMethod method;
  std::vector<TracerWarning> warnings;
};

Recorded record(nn::Module* root, const std::function<IValue(const Stack&)>& run, const Stack& inputs,
                const TraceOptions& options) {
  auto graph = std::make_shared<Graph>();
  Value* self = nullptr;
  if (root) {
    auto cls = std::make_shared<ClassType>("__torch__." + root->type_name());
    self = graph->add_input("self.1")->set_type(Type::class_type(cls));
  }
  TracingState state(graph, root, self);
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    state.bind_input(graph->add_input(argument_name(options, i)), inputs[i]);
  }
  const IValue output = run(inputs);
  graph->register_output(state.output_value(output, 0, options.strict));
  TracedMethod method{graph, nullptr, {}, nullptr};
  if (root) {
    method.recorded = std::make_shared<RecordedCalls>(
        RecordedCalls{state.module_tree(), state.calls(), {graph->nodes().begin(), graph->nodes().end()}});
  }
  return {std::move(method), state.take_warnings()};
}

}  // namespace

std::shared_ptr<TracedModule> trace(const TraceFunction& fn, const Stack& example_inputs, const TraceOptions& options) {
  auto root = std::make_shared<FunctionRoot>();
  Recorded r = record(nullptr, fn, example_inputs, options);
  return std::make_shared<TracedModule>(root, std::map<std::string, TracedMethod>{{"forward", std::move(r.method)}},
                                        std::move(r.warnings));
}

std::shared_ptr<TracedModule> trace(const std::shared_ptr<nn::Module>& module, const Stack& example_inputs,
                                    const TraceOptions& options) {
  return trace_module(module, {{"forward", example_inputs}}, options);
}

std::shared_ptr<TracedModule> trace_module(const std::shared_ptr<nn::Module>& module,
                                           const std::vector<std::pair<std::string, Stack>>& inputs,
                                           const TraceOptions& options) {
  PT_CHECK(module, AttributeError, "expected torch.nn.Module as the first argument");
  std::map<std::string, TracedMethod> methods;
  std::vector<TracerWarning> warnings;
  for (const auto& [name, example] : inputs) {
    Recorded r = record(
        module.get(), [&, name = name](const Stack& args) { return module->call_method(name, args); }, example,
        options);
    methods[name] = std::move(r.method);
    warnings.insert(warnings.end(), r.warnings.begin(), r.warnings.end());
  }
  return std::make_shared<TracedModule>(module, std::move(methods), std::move(warnings));
}

bool is_tracing() { return current_tracing_state() != nullptr; }

SourceScope::SourceScope(std::source_location where) : previous_(current_source()) { current_source() = where; }

SourceScope::~SourceScope() { current_source() = previous_; }

const Tensor& name_value(const Tensor& t, const std::string& name) {
  if (TracingState* state = current_tracing_state()) {
    if (Value* v = state->find_value(t)) v->set_debug_name(name);
  }
  return t;
}

TracedModule::TracedModule(std::shared_ptr<nn::Module> module, std::map<std::string, TracedMethod> methods,
                           std::vector<TracerWarning> warnings)
    : module_(std::move(module)), methods_(std::move(methods)), warnings_(std::move(warnings)) {}

TracedModule::TracedModule(std::shared_ptr<nn::Module> module,
                           const std::map<std::string, std::shared_ptr<Graph>>& methods,
                           std::vector<TracerWarning> warnings)
    : module_(std::move(module)), warnings_(std::move(warnings)) {
  for (const auto& [name, graph] : methods) methods_[name] = TracedMethod{graph, nullptr, {}, nullptr};
}

std::vector<std::string> TracedModule::method_names() const {
  std::vector<std::string> names;
  for (const auto& [name, method] : methods_) names.push_back(name);
  return names;
}

const TracedMethod& TracedModule::method(const std::string& name) const {
  std::lock_guard lock(build_mutex_);
  auto it = methods_.find(name);
  PT_CHECK(it != methods_.end(), AttributeError, "'RecursiveScriptModule' object has no attribute '" << name << "'");
  TracedMethod& m = it->second;
  if (m.recorded) {
    const auto& nodes = m.inlined->nodes();
    PT_CHECK(std::equal(nodes.begin(), nodes.end(), m.recorded->nodes.begin(), m.recorded->nodes.end()),
             RuntimeError,
             "the hierarchical graph of '" << name << "' cannot be built: its inlined graph was changed after tracing");
    Hierarchy h = build_hierarchy(*m.inlined, m.recorded->tree, m.recorded->calls);
    m.graph = std::move(h.graph);
    m.submodules = std::move(h.classes);
    m.recorded.reset();
  }
  return m;
}

std::shared_ptr<Graph> TracedModule::graph(const std::string& name) const {
  const TracedMethod& m = method(name);
  return m.graph ? m.graph : m.inlined;
}

std::shared_ptr<Graph> TracedModule::inlined_graph(const std::string& name) const { return inlined(name); }

std::shared_ptr<Graph> TracedModule::inlined(const std::string& name) const {
  auto it = methods_.find(name);
  PT_CHECK(it != methods_.end(), AttributeError, "'RecursiveScriptModule' object has no attribute '" << name << "'");
  return it->second.inlined;
}

std::shared_ptr<Graph> TracedModule::submodule_graph(const std::string& path, const std::string& name) const {
  const TracedMethod& m = method(name);
  auto it = m.submodules.find(path);
  PT_CHECK(it != m.submodules.end(), AttributeError,
           "'RecursiveScriptModule' object has no attribute '" << path << "' called while tracing " << name);
  return it->second->method("forward");
}

IValue TracedModule::run_method(const std::string& name, const Stack& inputs) {
  return run_graph(*inlined(name), module_.get(), inputs);
}

}  // namespace paratrace::jit
