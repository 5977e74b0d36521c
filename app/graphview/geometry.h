#pragma once
// Where Graphviz put everything, for a GUI to draw its own items. Units are
// points (1/72 in); unlike Graphviz, the origin is the top-left corner and y
// grows downwards, as in QGraphicsScene.
#include <optional>
#include <string>
#include <vector>

namespace paratrace::graphview {

struct Point {
  double x = 0, y = 0;
};

struct Box {
  double x = 0, y = 0;  // top-left corner
  double width = 0, height = 0;
};

struct NodeGeometry {
  std::string id;  // DisplayNode::id
  Box box;
};

struct EdgeGeometry {
  std::string id;  // "e<index into DisplayGraph::edges>"
  std::string from, to;
  // Cubic Bézier control points: start, then three per segment.
  std::vector<Point> path;
  // Where the arrowhead's tip is (the path stops short of it).
  std::optional<Point> arrow_tip;
  std::optional<Point> label_centre;
};

struct ClusterGeometry {
  std::string id;  // DisplayCluster::id
  Box box;
  std::optional<Point> label_centre;
};

struct Geometry {
  double width = 0, height = 0;
  std::vector<NodeGeometry> nodes;
  std::vector<EdgeGeometry> edges;
  std::vector<ClusterGeometry> clusters;  // parents before children
};

}  // namespace paratrace::graphview
