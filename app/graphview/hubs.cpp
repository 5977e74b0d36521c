#include "graphview/hubs.h"

#include <unordered_map>
#include <unordered_set>

namespace paratrace::graphview {

namespace {

bool may_be_hub(NodeRole role) {
  // Sources only: copying an op would hide where its result comes from.
  return role == NodeRole::Input || role == NodeRole::Parameter || role == NodeRole::Constant;
}

}  // namespace

void split_hubs(DisplayGraph& graph, std::size_t max_uses) {
  std::unordered_map<std::string, std::size_t> uses;
  for (const DisplayEdge& e : graph.edges) ++uses[e.from];
  std::unordered_set<std::string> hubs;
  for (const DisplayNode& n : graph.nodes) {
    if (may_be_hub(n.role) && uses[n.id] > max_uses) hubs.insert(n.id);
  }
  if (hubs.empty()) return;

  std::unordered_map<std::string, const DisplayNode*> by_id;
  for (const DisplayNode& n : graph.nodes) by_id[n.id] = &n;
  // One ghost per (hub, user): x * x keeps both edges from one ghost.
  std::unordered_map<std::string, std::vector<DisplayNode>> ghosts;
  std::unordered_set<std::string> made;
  for (DisplayEdge& e : graph.edges) {
    if (!hubs.contains(e.from)) continue;
    const std::string ghost_id = e.from + "@" + e.to;
    if (made.insert(ghost_id).second) {
      DisplayNode ghost = *by_id.at(e.from);
      ghost.id = ghost_id;
      ghost.ghost = true;
      ghost.cluster = by_id.at(e.to)->cluster;
      ghosts[e.from].push_back(std::move(ghost));
    }
    e.from = ghost_id;
  }

  std::vector<DisplayNode> nodes;
  nodes.reserve(graph.nodes.size() + made.size());
  for (DisplayNode& n : graph.nodes) {
    if (!hubs.contains(n.id)) {
      nodes.push_back(std::move(n));
      continue;
    }
    for (DisplayNode& g : ghosts[n.id]) nodes.push_back(std::move(g));
  }
  graph.nodes = std::move(nodes);
}

}  // namespace paratrace::graphview
