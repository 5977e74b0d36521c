#pragma once
// A picture of a graph's ops in one column inside one cluster, edges from
// each op to the next: enough to exercise the scene and the exports without
// Graphviz.
#include "graph_picture.h"
#include "paratrace/jit/ir.h"

namespace paratrace::inspector::testing {

inline GraphPicture columnPicture(const jit::Graph& graph) {
  GraphPicture picture;
  picture.clusters.push_back({QStringLiteral("0"), QStringLiteral("0"), 1, QRectF(-10, -30, 220, 400)});
  double y = 0;
  for (const jit::Node* n : graph.nodes()) {
    if (n->kind() == "prim::Constant" || n->outputs().empty()) continue;
    PictureNode node;
    node.id = QStringLiteral("value:") + QString::fromStdString(n->output()->debug_name());
    node.kind = QString::fromStdString(n->kind());
    node.label = {node.kind};
    node.cluster = QStringLiteral("0");
    node.box = QRectF(0, y, 200, 30);
    node.irNodes = {n};
    y += 50;
    picture.nodes.push_back(node);
  }
  for (std::size_t i = 1; i < picture.nodes.size(); ++i) {
    const QRectF a = picture.nodes[i - 1].box, b = picture.nodes[i].box;
    picture.edges.push_back({picture.nodes[i - 1].id, picture.nodes[i].id,
                             {a.center() + QPointF(0, 15), a.center() + QPointF(0, 25), b.center() - QPointF(0, 25),
                              b.center() - QPointF(0, 20)},
                             b.center() - QPointF(0, 15), {}, {}});
  }
  picture.bounds = QRectF(-10, -30, 220, y + 30);
  return picture;
}

}  // namespace paratrace::inspector::testing
