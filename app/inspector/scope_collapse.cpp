#include "scope_collapse.h"

#include <map>
#include <tuple>
#include <unordered_map>

#include "graphview/node_labels.h"
#include "paratrace/jit/ir.h"

namespace paratrace::inspector {

using graphview::DisplayCluster;
using graphview::DisplayEdge;
using graphview::DisplayGraph;
using graphview::DisplayNode;
using graphview::NodeRole;

void collapseClusters(DisplayGraph& graph, const std::set<std::string>& ids) {
  // The outermost collapsed ancestor of every cluster (parents are listed first).
  std::unordered_map<std::string, const DisplayCluster*> into;
  for (const DisplayCluster& c : graph.clusters) {
    if (const auto parent = into.find(c.parent); !c.parent.empty() && parent != into.end()) into[c.id] = parent->second;
    else if (ids.contains(c.id)) into[c.id] = &c;
  }
  if (into.empty()) return;

  std::vector<DisplayNode> nodes;
  std::unordered_map<std::string, std::size_t> moduleIndex;
  std::unordered_map<std::string, std::size_t> opCount;
  std::unordered_map<std::string, std::string> representative;
  for (DisplayNode& n : graph.nodes) {
    const auto it = into.find(n.cluster);
    if (it == into.end()) {
      nodes.push_back(std::move(n));
      continue;
    }
    const DisplayCluster& c = *it->second;
    auto [index, inserted] = moduleIndex.try_emplace(c.id, nodes.size());
    if (inserted) {
      DisplayNode module;
      module.id = "module:" + c.id;
      module.role = NodeRole::Module;
      module.cluster = c.parent;
      nodes.push_back(std::move(module));
    }
    DisplayNode& module = nodes[index->second];
    module.ir_nodes.insert(module.ir_nodes.end(), n.ir_nodes.begin(), n.ir_nodes.end());
    if (n.role == NodeRole::Op || n.role == NodeRole::Pack) ++opCount[c.id];
    representative[n.id] = module.id;
  }
  for (const auto& [clusterId, index] : moduleIndex) {
    const std::size_t n = opCount[clusterId];
    nodes[index].label = {into.at(clusterId)->label, std::to_string(n) + (n == 1 ? " op" : " ops")};
  }
  graph.nodes = std::move(nodes);

  auto rep = [&](const std::string& id) -> const std::string& {
    const auto it = representative.find(id);
    return it == representative.end() ? id : it->second;
  };
  std::vector<DisplayEdge> edges;
  std::set<std::tuple<std::string, std::string, const jit::Value*>> seen;
  for (DisplayEdge& e : graph.edges) {
    const bool fromModule = representative.contains(e.from);
    e.from = rep(e.from);
    e.to = rep(e.to);
    if (e.from == e.to || !seen.emplace(e.from, e.to, e.value).second) continue;
    // A module node shows no shapes, so its outgoing edges carry them.
    if (fromModule && e.value && e.value->type()) e.label = graphview::type_text(*e.value->type());
    edges.push_back(std::move(e));
  }
  graph.edges = std::move(edges);
  std::erase_if(graph.clusters, [&](const DisplayCluster& c) { return into.contains(c.id); });
}

}  // namespace paratrace::inspector
