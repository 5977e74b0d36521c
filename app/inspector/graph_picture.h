#pragma once
// A laid-out graph as the Trace graph view draws it: boxes, Bézier edges and
// module clusters in scene coordinates (points, y down). Filled from
// paratrace_graphview's display graph and Graphviz geometry (graph_layouter.h);
// the scene never sees Graphviz.
#include <QColor>
#include <QPointF>
#include <QRectF>
#include <QString>
#include <QStringList>
#include <optional>
#include <vector>

namespace paratrace::jit {
class Node;
class Value;
}  // namespace paratrace::jit

namespace paratrace::inspector {

enum class PictureRole { Op, Input, Parameter, Output, Constant, Pack, Module };

struct PictureNode {
  QString id;             // stable across re-layouts ("value:x", "module:2/2.0")
  PictureRole role = PictureRole::Op;
  QStringList label;      // title first
  QString kind;           // "aten::linear"; empty for inputs, outputs, modules
  QString cluster;        // enclosing cluster id; empty at the top level
  QRectF box;
  std::vector<const jit::Node*> irNodes;  // point into the document's graph
  const jit::Value* value = nullptr;      // inputs, parameters, outputs
};

struct PictureEdge {
  QString from, to;
  std::vector<QPointF> path;  // cubic Bézier: start, then three points per segment
  std::optional<QPointF> arrowTip;
  QString label;
  std::optional<QPointF> labelCentre;
};

struct PictureCluster {
  QString id, label;
  int depth = 1;
  QRectF box;
};

struct GraphPicture {
  QRectF bounds;
  std::vector<PictureNode> nodes;
  std::vector<PictureEdge> edges;
  std::vector<PictureCluster> clusters;  // parents first
};

}  // namespace paratrace::inspector
