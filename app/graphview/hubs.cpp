#include "graphview/hubs.h"

#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "paratrace/jit/ir.h"

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

namespace {

// One direction of split_fans: `outgoing` splits nodes sending many values
// (ghost per user), otherwise nodes receiving many (ghost per producer).
void split_fans(DisplayGraph& graph, std::size_t max_values, bool outgoing) {
  auto fan_end = [&](DisplayEdge& e) -> std::string& { return outgoing ? e.from : e.to; };
  auto other_end = [&](DisplayEdge& e) -> std::string& { return outgoing ? e.to : e.from; };
  std::unordered_map<std::string, std::set<const jit::Value*>> values;
  for (DisplayEdge& e : graph.edges) {
    if (e.value) values[fan_end(e)].insert(e.value);
  }
  std::unordered_map<std::string, const DisplayNode*> fans;
  for (const DisplayNode& n : graph.nodes) {
    const bool op = n.role == NodeRole::Op || n.role == NodeRole::Pack;
    if (op && !n.ghost && values[n.id].size() > max_values) fans.emplace(n.id, &n);
  }
  if (fans.empty()) return;

  std::unordered_map<std::string, std::string> cluster_of;
  for (const DisplayNode& n : graph.nodes) cluster_of[n.id] = n.cluster;
  // Per ghost (fan node, neighbour): the positions it stands for, in order.
  std::map<std::string, std::set<std::size_t>> positions;
  std::unordered_map<std::string, std::string> ghost_cluster;
  std::unordered_map<std::string, std::vector<std::string>> ghost_ids;  // fan node -> its ghosts, in edge order
  // A node receiving many values keeps its last in-edge (the last step of
  // a recurrence), which keeps it at the end of the graph, not the top.
  std::unordered_map<std::string, std::size_t> kept;  // fan node -> index of the edge it keeps
  if (!outgoing) {
    for (std::size_t i = 0; i < graph.edges.size(); ++i) {
      if (fans.contains(graph.edges[i].to)) kept[graph.edges[i].to] = i;
    }
  }
  for (std::size_t i = 0; i < graph.edges.size(); ++i) {
    DisplayEdge& e = graph.edges[i];
    const auto fan = fans.find(fan_end(e));
    if (fan == fans.end()) continue;
    if (const auto keep = kept.find(fan->first); keep != kept.end() && keep->second == i) continue;
    const std::string ghost_id = fan_end(e) + (outgoing ? "@" : "@from:") + other_end(e);
    auto [it, inserted] = positions.try_emplace(ghost_id);
    if (inserted) {
      ghost_ids[fan_end(e)].push_back(ghost_id);
      ghost_cluster[ghost_id] = cluster_of.at(other_end(e));
    }
    const jit::Node* ir = fan->second->ir_nodes.empty() ? nullptr : fan->second->ir_nodes.front();
    if (ir && e.value) {
      const auto& ends = outgoing ? ir->outputs() : ir->inputs();
      for (std::size_t i = 0; i < ends.size(); ++i) {
        if (ends[i] == e.value) it->second.insert(i);
      }
    }
    fan_end(e) = ghost_id;
  }

  std::vector<DisplayNode> nodes;
  nodes.reserve(graph.nodes.size() + positions.size());
  for (DisplayNode& n : graph.nodes) {
    const auto fan = ghost_ids.find(n.id);
    if (fan == ghost_ids.end()) {
      nodes.push_back(std::move(n));
      continue;
    }
    // The node itself stays where it was, with its edges on the other side.
    for (const std::string& ghost_id : fan->second) {
      DisplayNode ghost = n;
      ghost.id = ghost_id;
      ghost.ghost = true;
      ghost.cluster = ghost_cluster.at(ghost_id);
      std::string index;
      for (const std::size_t p : positions[ghost_id]) index += (index.empty() ? "" : ", ") + std::to_string(p);
      ghost.label = {n.label.front() + "[" + index + "]"};
      nodes.push_back(std::move(ghost));
    }
    nodes.push_back(std::move(n));
  }
  graph.nodes = std::move(nodes);
}

}  // namespace

void split_fans(DisplayGraph& graph, std::size_t max_values) {
  if (max_values == 0) return;
  split_fans(graph, max_values, true);
  split_fans(graph, max_values, false);
}

}  // namespace paratrace::graphview
