#include "graphview/collapse.h"

#include <map>
#include <set>
#include <tuple>
#include <unordered_map>

#include "graphview/node_labels.h"
#include "paratrace/jit/ir.h"

namespace paratrace::graphview {

namespace {

std::string op_count_text(std::size_t n) { return std::to_string(n) + (n == 1 ? " op" : " ops"); }

}  // namespace

void collapse_clusters(DisplayGraph& graph, const std::set<std::string>& ids, bool shape_edge_labels) {
  // The outermost collapsed ancestor of every cluster inside a collapsed one
  // (parents are listed first).
  std::unordered_map<std::string, const DisplayCluster*> collapsed_into;
  for (const DisplayCluster& c : graph.clusters) {
    const auto parent = c.parent.empty() ? collapsed_into.end() : collapsed_into.find(c.parent);
    if (parent != collapsed_into.end()) {
      collapsed_into[c.id] = parent->second;
    } else if (ids.contains(c.id)) {
      collapsed_into[c.id] = &c;
    }
  }
  if (collapsed_into.empty()) return;
  // Parameter nodes by id, with their attribute paths ("cell.bias").
  std::unordered_map<std::string, std::string> parameter_path;
  for (const DisplayNode& n : graph.nodes) {
    if (n.role == NodeRole::Parameter && !n.label.empty()) parameter_path[n.id] = n.label.front();
  }

  std::vector<DisplayNode> nodes;
  std::unordered_map<std::string, std::size_t> module_index;  // cluster id -> index in `nodes`
  std::unordered_map<std::string, std::size_t> op_count;
  std::unordered_map<std::string, std::string> representative;  // absorbed node id -> module node id
  for (DisplayNode& n : graph.nodes) {
    const auto into = collapsed_into.find(n.cluster);
    if (into == collapsed_into.end()) {
      nodes.push_back(std::move(n));
      continue;
    }
    const DisplayCluster& c = *into->second;
    auto [it, inserted] = module_index.try_emplace(c.id, nodes.size());
    if (inserted) {
      DisplayNode module;
      module.id = "module:" + c.id;
      module.role = NodeRole::Module;
      module.cluster = c.parent;
      nodes.push_back(std::move(module));
    }
    DisplayNode& module = nodes[it->second];
    module.ir_nodes.insert(module.ir_nodes.end(), n.ir_nodes.begin(), n.ir_nodes.end());
    if (n.role == NodeRole::Op || n.role == NodeRole::Pack) ++op_count[c.id];
    representative[n.id] = module.id;
  }
  for (const auto& [cluster_id, index] : module_index) {
    nodes[index].label = {collapsed_into.at(cluster_id)->label, op_count_text(op_count[cluster_id])};
  }
  graph.nodes = std::move(nodes);

  auto rep = [&](const std::string& id) -> const std::string& {
    const auto it = representative.find(id);
    return it == representative.end() ? id : it->second;
  };
  // Edges that reach or leave a module node are merged per pair of nodes:
  // an op feeding 250 values into one collapsed module is one edge ("×250").
  std::vector<DisplayEdge> edges;
  std::map<std::pair<std::string, std::string>, std::size_t> merged;  // -> index in `edges`
  std::vector<std::size_t> count;
  std::set<std::tuple<std::string, std::string, const jit::Value*>> seen;
  std::unordered_map<std::string, std::string> module_path;  // module node id -> module path
  for (const auto& [cluster_id, index] : module_index) module_path["module:" + cluster_id] = collapsed_into.at(cluster_id)->path;
  // A module called several times reads the same parameters in every call;
  // drawn in its first call, they would tie every later call to it.
  auto reads_own_parameter = [&](const DisplayEdge& e) {
    const auto parameter = parameter_path.find(e.from);
    const auto module = module_path.find(rep(e.to));
    return parameter != parameter_path.end() && module != module_path.end() &&
           parameter->second.starts_with(module->second + ".");
  };
  for (DisplayEdge& e : graph.edges) {
    if (reads_own_parameter(e)) continue;
    const bool from_module = representative.contains(e.from);
    const bool to_module = representative.contains(e.to);
    e.from = rep(e.from);
    e.to = rep(e.to);
    if (e.from == e.to || !seen.emplace(e.from, e.to, e.value).second) continue;
    if (from_module || to_module) {
      const auto [it, inserted] = merged.try_emplace({e.from, e.to}, edges.size());
      if (!inserted) {
        ++count[it->second];
        continue;
      }
    }
    // A module node shows no shapes, so its outgoing edges carry them.
    if (from_module && shape_edge_labels && e.value && e.value->type()) e.label = type_text(*e.value->type());
    edges.push_back(std::move(e));
    count.push_back(1);
  }
  for (std::size_t i = 0; i < edges.size(); ++i) {
    if (count[i] > 1 && shape_edge_labels) {
      edges[i].label += (edges[i].label.empty() ? "×" : " ×") + std::to_string(count[i]);
    }
  }
  graph.edges = std::move(edges);

  std::erase_if(graph.clusters, [&](const DisplayCluster& c) { return collapsed_into.contains(c.id); });
}

void collapse_scopes(DisplayGraph& graph, int depth, bool shape_edge_labels) {
  std::set<std::string> ids;
  for (const DisplayCluster& c : graph.clusters) {
    if (c.depth == depth + 1) ids.insert(c.id);
  }
  collapse_clusters(graph, ids, shape_edge_labels);
}

}  // namespace paratrace::graphview
