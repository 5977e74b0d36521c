#pragma once
// Colours for every node role and for clusters, as Graphviz colour strings
// ("#rrggbb"), so the exported files and the GUI can share them.
#include <string>

#include "graphview/display_graph.h"

namespace paratrace::graphview {

struct NodeColours {
  std::string fill, border, text;
};

struct Theme {
  std::string name;
  std::string background;
  std::string font;  // a family list, so SVG viewers without the first font still match
  NodeColours op, input, parameter, output, constant, pack, module;
  // Nested clusters alternate two fills so that each level stays visible.
  std::string cluster_fill, cluster_fill_nested, cluster_border, cluster_label;
  std::string edge, edge_label;

  const NodeColours& colours(NodeRole role) const;
};

const Theme& light_theme();
const Theme& dark_theme();

}  // namespace paratrace::graphview
