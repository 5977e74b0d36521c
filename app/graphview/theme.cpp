#include "graphview/theme.h"

namespace paratrace::graphview {

const NodeColours& Theme::colours(NodeRole role) const {
  switch (role) {
    case NodeRole::Op: return op;
    case NodeRole::Input: return input;
    case NodeRole::Parameter: return parameter;
    case NodeRole::Output: return output;
    case NodeRole::Constant: return constant;
    case NodeRole::Pack: return pack;
    case NodeRole::Module: return module;
  }
  return op;
}

// Role colours keep the same hues in both themes (blue ops, green inputs,
// amber parameters, red outputs) so a picture reads the same either way.
const Theme& light_theme() {
  static const Theme theme{
      .name = "light",
      .background = "#ffffff",
      .font = "Helvetica,Arial,sans-serif",
      .op = {"#e8eef7", "#4a6fa5", "#1a1a1a"},
      .input = {"#d8f0de", "#2e8b57", "#1a1a1a"},
      .parameter = {"#fdf0d5", "#b7811a", "#1a1a1a"},
      .output = {"#f8dadd", "#b03a48", "#1a1a1a"},
      .constant = {"#f0f0f0", "#8a8a8a", "#333333"},
      .pack = {"#ffffff", "#7a7a7a", "#333333"},
      .module = {"#dce4f2", "#3d5f92", "#1a1a1a"},
      .cluster_fill = "#f6f7fb",
      .cluster_fill_nested = "#eceff6",
      .cluster_border = "#9aa3b5",
      .cluster_label = "#4a5568",
      .edge = "#555555",
      .edge_label = "#666666",
  };
  return theme;
}

const Theme& dark_theme() {
  static const Theme theme{
      .name = "dark",
      .background = "#1e1f22",
      .font = "Helvetica,Arial,sans-serif",
      .op = {"#2b3548", "#7aa2e3", "#e6e6e6"},
      .input = {"#1f3d2c", "#5fbf84", "#e6e6e6"},
      .parameter = {"#3d3320", "#e0b050", "#e6e6e6"},
      .output = {"#45232a", "#e06c7a", "#e6e6e6"},
      .constant = {"#2e2e2e", "#8a8a8a", "#cccccc"},
      .pack = {"#26282c", "#8a8a8a", "#cccccc"},
      .module = {"#2f3a52", "#7aa2e3", "#e6e6e6"},
      .cluster_fill = "#25272b",
      .cluster_fill_nested = "#2c2f35",
      .cluster_border = "#4b5263",
      .cluster_label = "#aab2bf",
      .edge = "#9aa0a6",
      .edge_label = "#aab2bf",
  };
  return theme;
}

}  // namespace paratrace::graphview
