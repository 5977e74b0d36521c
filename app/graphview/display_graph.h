#pragma once
// The picture of a jit::Graph before layout: nodes, edges and module
// clusters, with no Graphviz types, so the renderer, the CLI and the GUI all
// read the same structure. Built by build_display_graph (graph_model.h).
#include <string>
#include <vector>

namespace paratrace::jit {
class Node;
class Value;
}  // namespace paratrace::jit

namespace paratrace::graphview {

enum class NodeRole {
  Op,         // an aten/prim op
  Input,      // a graph input (not %self)
  Parameter,  // a parameter or buffer read through prim::GetAttr
  Output,     // one per graph output
  Constant,   // a prim::Constant, only when constants are shown
  Pack,       // list/tuple construct or unpack, drawn small
  Module,     // a collapsed module scope
};

struct DisplayNode {
  // Stable across rebuilds of the same graph with any options, so a GUI can
  // keep its selection: "value:<name>" of the value the node shows (an op's
  // first output; "node:#<position>" for an op without outputs),
  // "output:<i>", "module:<cluster id>", or "<hub id>@<consumer id>" for a
  // per-use copy of a hub.
  std::string id;
  NodeRole role = NodeRole::Op;
  // Display lines: the first is the title (op kind, value name, module
  // path), then folded constants ("dim=1") and output shapes.
  std::vector<std::string> label;
  // The IR kind ("aten::linear"); empty for inputs, outputs and modules.
  std::string kind;
  // Id of the enclosing cluster; empty at the top level.
  std::string cluster;
  // The IR nodes drawn here (every absorbed node for a Module); they point
  // into the jit::Graph, which must outlive this display graph.
  std::vector<const jit::Node*> ir_nodes;
  // The value an Input/Parameter/Constant/Output node shows.
  const jit::Value* value = nullptr;
  // A per-use copy of a value used too often to draw as one node (a hub).
  bool ghost = false;
  // The size a GUI's own font needs for the label, in points; Graphviz
  // makes the node at least this large. 0: Graphviz's measure of its font.
  double min_width = 0, min_height = 0;
};

struct DisplayEdge {
  std::string from, to;
  // The tensor's shape where the producer's label does not show it; empty
  // otherwise. " ×N" when N values between a collapsed module and one node
  // were merged into this edge.
  std::string label;
  // The value carried (the first of the merged ones).
  const jit::Value* value = nullptr;
};

// One module call. Ids follow the scope chain ("2/2.0"), since one module
// may be called from different parents, with "#<n>" for its n-th call from
// the same call of its parent ("cell#2").
struct DisplayCluster {
  std::string id;
  std::string label;   // "2.0", or "cell (call 2)" for one of several calls
  std::string parent;  // empty at the top level
  int depth = 1;       // 1 for a top-level module
  std::string path;    // the module path alone: "cell"
};

struct DisplayGraph {
  std::vector<DisplayNode> nodes;
  std::vector<DisplayEdge> edges;
  // Parents come before their children.
  std::vector<DisplayCluster> clusters;

  const DisplayNode* find_node(const std::string& id) const;
  const DisplayCluster* find_cluster(const std::string& id) const;
};

}  // namespace paratrace::graphview
