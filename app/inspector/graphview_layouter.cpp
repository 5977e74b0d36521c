#include "graphview_layouter.h"

#include <set>
#include <unordered_map>

#include "graphview/collapse.h"
#include "graphview/graph_model.h"
#include "graphview/hubs.h"
#include "graph_items.h"
#include "graphview/graphviz_renderer.h"

namespace paratrace::inspector {

namespace {

QRectF rect(const graphview::Box& b) { return {b.x, b.y, b.width, b.height}; }
QPointF point(const graphview::Point& p) { return {p.x, p.y}; }

PictureRole role(graphview::NodeRole r) {
  switch (r) {
    case graphview::NodeRole::Op: return PictureRole::Op;
    case graphview::NodeRole::Input: return PictureRole::Input;
    case graphview::NodeRole::Parameter: return PictureRole::Parameter;
    case graphview::NodeRole::Output: return PictureRole::Output;
    case graphview::NodeRole::Constant: return PictureRole::Constant;
    case graphview::NodeRole::Pack: return PictureRole::Pack;
    case graphview::NodeRole::Module: return PictureRole::Module;
  }
  return PictureRole::Op;
}

// The clusters to draw closed: chosen by the user, or deeper than the
// collapse depth unless the user opened them.
std::set<std::string> closedClusters(const graphview::DisplayGraph& graph, const LayoutInput& input) {
  std::set<std::string> closed;
  for (const auto& c : graph.clusters) {
    const QString id = QString::fromStdString(c.id);
    const bool deep = input.collapseDepth && c.depth > *input.collapseDepth;
    if (input.collapsed.contains(id) || (deep && !input.expanded.contains(id))) closed.insert(c.id);
  }
  return closed;
}

}  // namespace

std::optional<int> initialCollapseDepth(const jit::Graph& graph) {
  constexpr std::size_t kCollapseAboveNodes = 1500;
  if (graph.nodes().size() > kCollapseAboveNodes) return 0;
  return std::nullopt;
}

GraphPicture GraphviewLayouter::layout(const LayoutInput& input) const {
  // Hubs and fan-outs are split after collapsing, as build_display_graph
  // does: a ghost inside a closed module would take its edge with it.
  const graphview::GraphModelOptions defaults;
  graphview::GraphModelOptions options;
  options.hub_max_uses = 0;
  options.fan_max_values = 0;
  graphview::DisplayGraph graph = input.traced ? graphview::build_display_graph(*input.traced, options, input.method)
                                               : graphview::build_display_graph(*input.graph, options);
  graphview::collapse_clusters(graph, closedClusters(graph, input), options.shape_edge_labels);
  graphview::split_hubs(graph, defaults.hub_max_uses);
  graphview::split_fans(graph, defaults.fan_max_values);
  // Graphviz measures labels in its own regular font; the scene draws them
  // in Qt's, the title bold.
  for (graphview::DisplayNode& n : graph.nodes) {
    QStringList label;
    for (const auto& line : n.label) label << QString::fromStdString(line);
    const QSizeF size = NodeItem::labelSize(label);
    const bool rounded = n.role == graphview::NodeRole::Input || n.role == graphview::NodeRole::Output;
    // Input and output pills lose a height's worth of width to their round ends.
    n.min_width = size.width() + (rounded ? size.height() : 0);
    n.min_height = size.height();
  }
  graphview::RenderOptions render;
  render.rankdir = input.leftToRight ? graphview::RankDir::LeftToRight : graphview::RankDir::TopToBottom;
  const graphview::LaidOutGraph laidOut = graphview::layout(graph, render);
  const graphview::Geometry& geometry = laidOut.geometry();

  GraphPicture picture;
  picture.bounds = QRectF(0, 0, geometry.width, geometry.height);
  std::unordered_map<std::string, const graphview::DisplayNode*> nodes;
  for (const auto& n : graph.nodes) nodes.emplace(n.id, &n);
  for (const auto& g : geometry.nodes) {
    const auto it = nodes.find(g.id);
    if (it == nodes.end()) continue;
    const graphview::DisplayNode& n = *it->second;
    PictureNode node;
    node.id = QString::fromStdString(n.id);
    node.role = role(n.role);
    for (const auto& line : n.label) node.label << QString::fromStdString(line);
    node.kind = QString::fromStdString(n.kind);
    node.cluster = QString::fromStdString(n.cluster);
    node.box = rect(g.box);
    node.irNodes = n.ir_nodes;
    node.value = n.value;
    picture.nodes.push_back(std::move(node));
  }
  for (const auto& g : geometry.edges) {
    PictureEdge edge;
    edge.from = QString::fromStdString(g.from);
    edge.to = QString::fromStdString(g.to);
    for (const auto& p : g.path) edge.path.push_back(point(p));
    if (g.arrow_tip) edge.arrowTip = point(*g.arrow_tip);
    if (g.label_centre) edge.labelCentre = point(*g.label_centre);
    // Edge ids are "e<index into DisplayGraph::edges>".
    const std::size_t index = std::stoul(g.id.substr(1));
    if (index < graph.edges.size()) edge.label = QString::fromStdString(graph.edges[index].label);
    picture.edges.push_back(std::move(edge));
  }
  for (const auto& g : geometry.clusters) {
    const graphview::DisplayCluster* c = graph.find_cluster(g.id);
    if (!c) continue;
    picture.clusters.push_back({QString::fromStdString(c->id), QString::fromStdString(c->label), c->depth, rect(g.box)});
  }
  return picture;
}

}  // namespace paratrace::inspector
