#include "graphview/graph_model.h"

#include <algorithm>
#include <map>
#include <stdexcept>
#include <unordered_map>
#include <unordered_set>

#include "graphview/collapse.h"
#include "graphview/hubs.h"
#include "graphview/module_calls.h"
#include "graphview/node_labels.h"
#include "graphview/scope_path.h"

namespace paratrace::graphview {

namespace {

// Not "%name": cgraph treats names starting with '%' as its own anonymous ids.
std::string value_id(const jit::Value* v) {
  std::string id = "value:";
  id += v->debug_name();
  return id;
}

bool is_module(const jit::Value* v) { return v->type() && v->type()->kind() == jit::Type::Kind::Class; }

bool is_list_or_tuple_construct(const std::string& kind) {
  return kind == "prim::ListConstruct" || kind == "prim::TupleConstruct";
}

std::string pack_title(const std::string& kind) {
  if (kind == "prim::ListConstruct") return "list";
  if (kind == "prim::TupleConstruct") return "tuple";
  return "unpack";
}

bool is_pack(const std::string& kind) {
  return is_list_or_tuple_construct(kind) || kind == "prim::ListUnpack" || kind == "prim::TupleUnpack";
}

// Parameter and buffer shapes, read from the module tree's tables so that no
// parametrization runs. Modules are indexed by path once: a child lookup
// scans its parent's children, and a ModuleList may hold thousands.
class RegisteredTensors {
 public:
  explicit RegisteredTensors(nn::Module* root) {
    if (!root) return;
    for (const auto& [path, module] : root->named_modules("", false)) modules_.emplace(path, module.get());
  }

  // The tensor at `path` ("2.0.bias"); undefined if there is none.
  Tensor find(const std::string& path) const {
    const std::string owner = owner_path(path);
    const auto module = modules_.find(owner);
    if (module == modules_.end()) return {};
    const std::string name = path.substr(owner.empty() ? 0 : owner.size() + 1);
    if (module->second->has_parameter(name)) return module->second->param(name);
    if (module->second->has_buffer(name)) return module->second->buffer(name);
    return {};
  }

 private:
  std::unordered_map<std::string, const nn::Module*> modules_;
};

class Builder {
 public:
  // `hierarchical`, when known, tells the calls of one module apart.
  Builder(const jit::Graph& graph, const GraphModelOptions& options, nn::Module* module,
          const jit::Graph* hierarchical)
      : graph_(graph),
        options_(options),
        tensors_(module),
        call_numbers_(hierarchical ? module_call_numbers(graph, *hierarchical)
                                   : std::unordered_map<const jit::Node*, std::vector<int>>()) {}

  DisplayGraph build() {
    add_clusters();
    for (const jit::Value* v : graph_.inputs()) {
      if (!is_module(v)) add_value_node(v, NodeRole::Input, v->debug_name(), "");
    }
    for (const jit::Node* n : graph_.nodes()) {
      add_ir_node(*n);
      ++ir_index_;
    }
    for (std::size_t i = 0; i < graph_.outputs().size(); ++i) add_output(i);
    return std::move(out_);
  }

 private:
  // Clusters first, so parameters can be placed in their owner's cluster
  // even when they are read before the owner's first op. One cluster per
  // call: "cell", "cell#2", ... labelled "cell (call 2)" when a module is
  // called more than once from one call of its parent.
  void add_clusters() {
    std::map<std::pair<std::string, std::string>, int> calls;  // (parent id, module path) -> calls seen
    std::unordered_map<std::string, int> call_of;               // cluster id -> its call number
    for (const jit::Node* n : graph_.nodes()) {
      const auto numbers = call_numbers_.find(n);
      // Constants and attribute reads know no call: see innermost_cluster.
      if (!call_numbers_.empty() && numbers == call_numbers_.end()) continue;
      std::string parent;
      int depth = 0;
      for (const ScopeLevel& level : scope_levels(n->scope())) {
        const int call = numbers == call_numbers_.end() ? 1 : numbers->second.at(static_cast<std::size_t>(depth));
        ++depth;
        std::string id = parent.empty() ? level.label : parent + "/" + level.label;
        if (call > 1) {
          // Two appends: GCC 12 warns (-Wrestrict, a false positive) on "#" + to_string.
          id += '#';
          id += std::to_string(call);
        }
        if (cluster_ids_.insert(id).second) {
          cluster_of_path_.emplace(level.label, id);
          out_.clusters.push_back({id, level.label, parent, depth, level.label});
          int& seen = calls[{parent, level.label}];
          seen = std::max(seen, call);
          call_of[id] = call;
        }
        parent = id;
      }
      node_cluster_[n] = parent;
    }
    for (DisplayCluster& c : out_.clusters) {
      if (calls[{c.parent, c.label}] > 1) c.label += " (call " + std::to_string(call_of[c.id]) + ")";
    }
  }

  // A constant (recorded with its scope but not its call) goes with the
  // call of its first user in the same scope.
  std::string innermost_cluster(const jit::Node& n) const {
    if (!call_numbers_.empty() && !call_numbers_.contains(&n) && n.outputs().size() == 1 && n.output()->has_uses()) {
      const jit::Node* user = n.output()->uses().front().user;
      if (user->scope() == n.scope()) {
        if (const auto it = node_cluster_.find(user); it != node_cluster_.end()) return it->second;
      }
    }
    if (const auto it = node_cluster_.find(&n); it != node_cluster_.end()) return it->second;
    // Otherwise the first call's cluster of its scope.
    const auto levels = scope_levels(n.scope());
    return levels.empty() || !cluster_ids_.contains(levels.back().id) ? std::string() : levels.back().id;
  }

  void add_value_node(const jit::Value* v, NodeRole role, const std::string& title, const std::string& cluster) {
    DisplayNode node;
    node.id = value_id(v);
    node.role = role;
    node.label = {title, type_text(*v->type())};
    node.cluster = cluster;
    node.value = v;
    if (role == NodeRole::Parameter || role == NodeRole::Constant) node.ir_nodes = {v->node()};
    node.kind = role == NodeRole::Input ? "" : v->node()->kind();
    display_id_[v] = node.id;
    out_.nodes.push_back(std::move(node));
  }

  void add_ir_node(const jit::Node& n) {
    const std::string& kind = n.kind();
    if (kind == "prim::GetAttr") return add_attribute(n);
    if (fold_constant(n)) return;
    if (kind == "prim::Constant") {
      if (n.output()->has_uses()) add_value_node(n.output(), NodeRole::Constant, constant_text(n), innermost_cluster(n));
      return;
    }
    add_op(n);
  }

  // Module GetAttrs only extend the attribute path; tensor ones are parameters or buffers.
  void add_attribute(const jit::Node& n) {
    const jit::Value* owner = n.input();
    const auto owner_entry = attribute_path_.find(owner);
    const std::string path =
        owner_entry == attribute_path_.end() ? n.s("name") : owner_entry->second + "." + n.s("name");
    if (is_module(n.output())) {
      attribute_path_[n.output()] = path;
      return;
    }
    const auto cluster = cluster_of_path_.find(owner_path(path));
    add_value_node(n.output(), NodeRole::Parameter, path, cluster == cluster_of_path_.end() ? "" : cluster->second);
    if (const Tensor t = tensors_.find(path); t.defined()) {
      out_.nodes.back().label.back() = type_text(*jit::Type::complete_tensor(t));
    }
  }

  // Records the constant's text instead of drawing it, when it is folded:
  // constants and lists/tuples made only of folded constants, unless shown
  // or returned by the graph (an output needs a node to point at).
  bool fold_constant(const jit::Node& n) {
    if (options_.show_constants || n.outputs().size() != 1) return false;
    for (const jit::Use& use : n.output()->uses()) {
      if (use.user == graph_.block()->return_node()) return false;
    }
    if (n.kind() == "prim::Constant") {
      folded_[n.output()] = constant_text(n);
      return true;
    }
    if (!is_list_or_tuple_construct(n.kind())) return false;
    std::string text;
    for (const jit::Value* v : n.inputs()) {
      const auto it = folded_.find(v);
      if (it == folded_.end()) return false;
      text += (text.empty() ? "" : ", ") + it->second;
    }
    const bool list = n.kind() == "prim::ListConstruct";
    folded_[n.output()] = (list ? "[" : "(") + text + (list ? "]" : ")");
    return true;
  }

  void add_op(const jit::Node& n) {
    DisplayNode node;
    node.id = n.outputs().empty() ? "node:" + position_name(ir_index_) : value_id(n.output());
    node.role = is_pack(n.kind()) ? NodeRole::Pack : NodeRole::Op;
    node.kind = n.kind();
    node.label = {node.role == NodeRole::Pack ? pack_title(n.kind()) : n.kind()};
    node.cluster = innermost_cluster(n);
    node.ir_nodes = {&n};
    for (std::size_t i = 0; i < n.inputs().size(); ++i) connect(n, i, node);
    // A single output's shape fits the label; several are put on the edges.
    if (n.outputs().size() == 1 && node.role == NodeRole::Op) node.label.push_back(type_text(*n.output()->type()));
    for (const jit::Value* v : n.outputs()) display_id_[v] = node.id;
    out_.nodes.push_back(std::move(node));
  }

  // Input `index` of `n` into `consumer`: an edge, or a "name=value" line.
  void connect(const jit::Node& n, std::size_t index, DisplayNode& consumer) {
    const jit::Value* v = n.input(index);
    if (const auto folded = folded_.find(v); folded != folded_.end()) {
      // None is the default of every optional argument: it would only add noise.
      if (folded->second == "None") return;
      const std::string named = enum_argument_text(n, index);
      consumer.label.push_back(argument_name(n, index) + "=" + (named.empty() ? folded->second : named));
      return;
    }
    const auto producer = display_id_.find(v);
    if (producer == display_id_.end()) return;  // a module value, drawn nowhere
    DisplayEdge edge{producer->second, consumer.id, "", v};
    const bool multi_output_op = v->node() != graph_.block()->param_node() && v->node()->outputs().size() > 1;
    if (options_.shape_edge_labels && multi_output_op) edge.label = type_text(*v->type());
    out_.edges.push_back(std::move(edge));
  }

  void add_output(std::size_t i) {
    const jit::Value* v = graph_.outputs()[i];
    DisplayNode node;
    node.id = "output:" + std::to_string(i);
    node.role = NodeRole::Output;
    node.label = {graph_.outputs().size() == 1 ? "output" : "output " + std::to_string(i), type_text(*v->type())};
    node.value = v;
    const auto producer = display_id_.find(v);
    if (producer != display_id_.end()) out_.edges.push_back({producer->second, node.id, "", v});
    out_.nodes.push_back(std::move(node));
  }

  const jit::Graph& graph_;
  const GraphModelOptions& options_;
  const RegisteredTensors tensors_;
  DisplayGraph out_;
  std::unordered_map<const jit::Value*, std::string> display_id_;
  std::unordered_map<const jit::Value*, std::string> folded_;
  std::unordered_map<const jit::Value*, std::string> attribute_path_;
  const std::unordered_map<const jit::Node*, std::vector<int>> call_numbers_;
  std::unordered_map<const jit::Node*, std::string> node_cluster_;  // the innermost cluster of each IR node
  std::unordered_set<std::string> cluster_ids_;
  // Module path -> id of the first cluster drawn for it.
  std::unordered_map<std::string, std::string> cluster_of_path_;
  // Position of the IR node being added, naming ops without outputs.
  std::size_t ir_index_ = 0;
};

DisplayGraph build(const jit::Graph& graph, const GraphModelOptions& options, nn::Module* module,
                   const jit::Graph* hierarchical) {
  if (options.collapse_depth && *options.collapse_depth < 0) {
    throw std::invalid_argument("collapse_depth must be 0 or more, got " + std::to_string(*options.collapse_depth));
  }
  DisplayGraph display = Builder(graph, options, module, hierarchical).build();
  if (options.collapse_depth) collapse_scopes(display, *options.collapse_depth, options.shape_edge_labels);
  if (options.hub_max_uses > 0) split_hubs(display, options.hub_max_uses);
  split_fans(display, options.fan_max_values);
  return display;
}

}  // namespace

DisplayGraph build_display_graph(const jit::Graph& graph, const GraphModelOptions& options) {
  return build(graph, options, nullptr, nullptr);
}

DisplayGraph build_display_graph(const jit::TracedModule& traced, const GraphModelOptions& options,
                                 const std::string& method) {
  std::shared_ptr<jit::Graph> hierarchical;
  try {
    hierarchical = traced.graph(method);
  } catch (const std::exception&) {
    // No hierarchy (the flat graph was edited after tracing): calls share clusters.
  }
  return build(*traced.inlined_graph(method), options, &traced.module(), hierarchical.get());
}

}  // namespace paratrace::graphview
