// TracedModule::save / load: one safetensors file. The tensors are stored
// under their dotted names (a tensor reachable twice is stored once); the
// metadata holds the module tree, each method's IR text in both forms (flat
// and hierarchical, with the called submodules' graphs) and the warnings.
// Loading rebuilds a generic module tree, so no C++ model class is needed.
#include <nlohmann/json.hpp>
#include <set>

#include "paratrace/io/safetensors.h"
#include "paratrace/jit/ir_parser.h"
#include "paratrace/jit/traced_module.h"

namespace paratrace::jit {

namespace {

const char* const kFormat = "paratrace.format";
const char* const kFormatName = "traced-module";
const char* const kVersion = "paratrace.format_version";
const char* const kModules = "paratrace.modules";
const char* const kMethodPrefix = "paratrace.method.";
const char* const kWarnings = "paratrace.warnings";
// Added after the first files were written: files without them load with the
// flat form only (format version 1 either way, as older readers ignore them).
const char* const kGraphPrefix = "paratrace.graph.";
const char* const kSubmodulesPrefix = "paratrace.submodules.";

// A module rebuilt from a file: its class name, its tensors and children.
class LoadedModule : public nn::Cloneable<LoadedModule> {
 public:
  explicit LoadedModule(std::string class_name) : class_name_(std::move(class_name)) {}
  std::string class_name() const override { return class_name_; }

 private:
  std::string class_name_;
};

std::string join(const std::string& path, const std::string& name) { return path.empty() ? name : path + "." + name; }

// {"inner": {"class": "__torch__.Inner", "methods": {"forward": "graph(...)"}}, ...}
nlohmann::json submodules_json(const std::map<std::string, std::shared_ptr<ClassType>>& classes) {
  nlohmann::json out = nlohmann::json::object();
  for (const auto& [path, cls] : classes) {
    nlohmann::json methods = nlohmann::json::object();
    for (const auto& [name, graph] : cls->methods()) methods[name] = graph->str();
    out[path] = {{"class", cls->name()}, {"methods", methods}};
  }
  return out;
}

// Parsed text knows classes by name only. Module values reached from `self`
// (at `self_path`) through GetAttr get the class of their module path back, so
// that prim::CallMethod finds the callee's graph and the hierarchical form
// replays.
void link_classes(Graph& graph, const std::string& self_path,
                  const std::map<std::string, std::shared_ptr<ClassType>>& classes) {
  if (graph.inputs().empty()) return;
  std::map<const Value*, std::string> path_of{{graph.inputs()[0], self_path}};
  for (Node* n : graph.nodes()) {
    if (n->kind() != "prim::GetAttr" || n->outputs().size() != 1) continue;
    auto owner = path_of.find(n->input());
    if (owner == path_of.end() || n->output()->type()->kind() != Type::Kind::Class) continue;
    const std::string path = join(owner->second, n->s("name"));
    path_of[n->output()] = path;
    if (auto cls = classes.find(path); cls != classes.end()) n->output()->set_type(Type::class_type(cls->second));
  }
}

}  // namespace

void TracedModule::save(const std::string& path) const {
  io::NamedTensors tensors;
  std::map<const TensorImpl*, std::string> stored;
  nlohmann::json modules = nlohmann::json::array();
  auto add_tensors = [&](const std::string& module_path, const nn::OrderedDict<Tensor>& table, nlohmann::json& out) {
    for (const auto& [name, t] : table) {
      nlohmann::json entry = {{"name", name}};
      if (t.defined()) {
        const std::string key = join(module_path, name);
        auto [it, inserted] = stored.try_emplace(t.impl(), key);
        if (inserted) tensors.emplace_back(key, t.detach());
        entry["key"] = it->second;
        entry["requires_grad"] = t.requires_grad();
      }
      out.push_back(entry);
    }
  };
  for (const auto& [module_path, m] : module_->named_modules()) {
    nlohmann::json entry = {{"path", module_path}, {"class", m->type_name()}, {"training", m->is_training()},
                            {"parameters", nlohmann::json::array()}, {"buffers", nlohmann::json::array()},
                            {"non_persistent", nlohmann::json::array()}};
    add_tensors(module_path, m->local_parameters(), entry["parameters"]);
    add_tensors(module_path, m->local_buffers(), entry["buffers"]);
    for (const auto& [name, t] : m->local_buffers()) {
      if (!m->is_persistent_buffer(name)) entry["non_persistent"].push_back(name);
    }
    modules.push_back(std::move(entry));
  }
  io::SafetensorsMetadata metadata{{kFormat, kFormatName}, {kVersion, "1"}, {kModules, modules.dump()}};
  for (const std::string& name : method_names()) {
    const TracedMethod& m = method(name);  // builds the hierarchical form if needed
    metadata[kMethodPrefix + name] = m.inlined->str();
    if (m.graph) {
      metadata[kGraphPrefix + name] = m.graph->str();
      metadata[kSubmodulesPrefix + name] = submodules_json(m.submodules).dump();
    }
  }
  nlohmann::json warnings = nlohmann::json::array();
  for (const auto& w : warnings_) warnings.push_back(w.message);
  metadata[kWarnings] = warnings.dump();
  io::save_safetensors(path, tensors, metadata);
}

std::shared_ptr<TracedModule> TracedModule::load(const std::string& path) {
  const io::SafetensorsContents contents = io::load_safetensors(path);
  auto fail = [&](const std::string& why) { throw io::SafetensorsError("traced module '" + path + "': " + why); };
  auto meta = [&](const std::string& key) -> const std::string& {
    auto it = contents.metadata.find(key);
    if (it == contents.metadata.end()) fail("the metadata has no '" + key + "' (not a traced-module file)");
    return it->second;
  };
  if (meta(kFormat) != kFormatName) fail("format is '" + meta(kFormat) + "', expected '" + kFormatName + "'");
  if (meta(kVersion) != "1") fail("format version " + meta(kVersion) + " is not supported (this build reads 1)");
  std::map<std::string, Tensor> by_key(contents.tensors.begin(), contents.tensors.end());

  nlohmann::json modules;
  try {
    modules = nlohmann::json::parse(meta(kModules));
  } catch (const nlohmann::json::exception& e) {
    fail(std::string("the module tree is not valid JSON: ") + e.what());
  }
  std::map<std::string, std::shared_ptr<nn::Module>> built;
  std::shared_ptr<nn::Module> root;
  try {
    for (const auto& entry : modules) {
      const std::string module_path = entry.at("path");
      auto m = std::make_shared<LoadedModule>(entry.at("class").get<std::string>());
      auto tensor_of = [&](const nlohmann::json& t) -> Tensor {
        if (!t.contains("key")) return Tensor();
        auto it = by_key.find(t.at("key").get<std::string>());
        if (it == by_key.end()) fail("tensor '" + t.at("key").get<std::string>() + "' is missing from the file");
        return it->second;
      };
      for (const auto& p : entry.at("parameters")) {
        const Tensor t = tensor_of(p);
        m->register_parameter(p.at("name"), t, t.defined() && p.value("requires_grad", true));
      }
      const std::set<std::string> non_persistent = entry.value("non_persistent", std::set<std::string>{});
      for (const auto& b : entry.at("buffers")) {
        const std::string name = b.at("name");
        m->register_buffer(name, tensor_of(b), !non_persistent.contains(name));
      }
      m->train(entry.value("training", false));
      if (module_path.empty()) {
        root = m;
      } else {
        const auto dot = module_path.rfind('.');
        const std::string parent = dot == std::string::npos ? "" : module_path.substr(0, dot);
        auto it = built.find(parent);
        if (it == built.end()) fail("module '" + module_path + "' comes before its parent");
        it->second->register_module(module_path.substr(dot == std::string::npos ? 0 : dot + 1), m);
      }
      built[module_path] = m;
    }
  } catch (const nlohmann::json::exception& e) {
    fail(std::string("the module tree is malformed: ") + e.what());
  }
  if (!root) fail("the module tree has no root");

  std::map<std::string, TracedMethod> methods;
  for (const auto& [key, text] : contents.metadata) {
    if (!key.starts_with(kMethodPrefix)) continue;
    const std::string name = key.substr(std::string(kMethodPrefix).size());
    TracedMethod& m = methods[name];
    try {
      m.inlined = parse_ir(text);
      auto graph_text = contents.metadata.find(kGraphPrefix + name);
      if (graph_text == contents.metadata.end()) continue;  // a file with the flat form only
      m.graph = parse_ir(graph_text->second);
      const nlohmann::json submodules = nlohmann::json::parse(meta(kSubmodulesPrefix + name));
      for (auto entry = submodules.begin(); entry != submodules.end(); ++entry) {
        auto cls = std::make_shared<ClassType>(entry->at("class").get<std::string>());
        const nlohmann::json& class_methods = entry->at("methods");
        for (auto method = class_methods.begin(); method != class_methods.end(); ++method) {
          cls->add_method(method.key(), parse_ir(method->get<std::string>()));
        }
        m.submodules[entry.key()] = cls;
      }
      link_classes(*m.graph, "", m.submodules);
      for (const auto& [path, cls] : m.submodules) {
        for (const auto& [method_name, graph] : cls->methods()) link_classes(*graph, path, m.submodules);
      }
    } catch (const Error& e) {
      fail("method '" + name + "': " + e.what());
    } catch (const nlohmann::json::exception& e) {
      fail("method '" + name + "': the submodule graphs are malformed: " + e.what());
    }
  }
  if (methods.empty()) fail("the file has no traced method");
  std::vector<TracerWarning> warnings;
  if (contents.metadata.contains(kWarnings)) {
    for (const auto& w : nlohmann::json::parse(meta(kWarnings))) warnings.push_back({w.get<std::string>()});
  }
  return std::make_shared<TracedModule>(root, std::move(methods), std::move(warnings));
}

}  // namespace paratrace::jit
