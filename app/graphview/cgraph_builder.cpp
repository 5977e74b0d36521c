#include "graphview/cgraph_builder.h"

#include <unordered_map>

#include "graphview/sequential_ids.h"

namespace paratrace::graphview {

namespace {

// agwrite writes through the graph's I/O discipline; this one appends to the
// std::string passed as the channel, so DOT text never touches a file.
int append_to_string(void* channel, const char* text) {
  static_cast<std::string*>(channel)->append(text);
  return 0;
}
int no_flush(void*) { return 0; }
Agiodisc_t string_io{nullptr, append_to_string, no_flush};
Agdisc_t disc{&AgMemDisc, &sequential_ids, &string_io};

// cgraph's API predates const; it copies every string it is given.
char* c(const std::string& s) { return const_cast<char*>(s.c_str()); }
char* c(const char* s) { return const_cast<char*>(s); }

void set(void* object, const char* name, const std::string& value) { agsafeset(object, c(name), c(value), c("")); }

void declare(Agraph_t* g, int kind, const char* name, const std::string& value) { agattr(g, kind, c(name), c(value)); }

// Graphviz reads "\n" in a label as a centred line break and "\\" as a backslash.
std::string label_text(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& line : lines) {
    if (!out.empty()) out += "\\n";
    for (char ch : line) {
      if (ch == '\\') out += '\\';
      out += ch;
    }
  }
  return out;
}

void declare_defaults(Agraph_t* g, const RenderOptions& options, bool large, bool clustered) {
  const Theme& t = options.theme;
  declare(g, AGRAPH, "bgcolor", t.background);
  declare(g, AGRAPH, "fontname", t.font);
  declare(g, AGRAPH, "fontsize", "11");
  declare(g, AGRAPH, "fontcolor", t.cluster_label);
  declare(g, AGRAPH, "labeljust", "l");
  declare(g, AGRAPH, "rankdir", options.rankdir == RankDir::LeftToRight ? "LR" : "TB");
  declare(g, AGRAPH, "nodesep", "0.2");
  declare(g, AGRAPH, "ranksep", "0.3");
  declare(g, AGRAPH, "pad", "0.2");
  // Edges first, so nodes are drawn over the lines that reach them.
  declare(g, AGRAPH, "outputorder", "edgesfirst");
  if (options.engine == Engine::Sfdp) {
    // Prism overlap removal is the better picture but most of the cost on
    // large graphs (18,000 nodes: 61 s, against 10 s for scaling the layout
    // up until nothing overlaps).
    declare(g, AGRAPH, "overlap", large ? "scale" : "prism");
    declare(g, AGRAPH, "splines", "false");
  } else if (large) {
    // Measured in docs/graph-rendering.md on an unrolled recurrence (a chain
    // thousands of ranks deep): dot's cluster-aware ranking and its network
    // simplex for x coordinates are both super-linear there (10,000 ops
    // collapsed: 16.6 s CPU). newrank ranks with one global network simplex;
    // nslimit=0 keeps the x coordinates of the crossing minimisation, which
    // leaves some edges less straight (0.6 s CPU).
    // With clusters (one per call of an unrolled cell), newrank is the slow
    // part instead: 250 calls, 2,757 nodes: 23 s with it, 0.4 s CPU without.
    if (!clustered) declare(g, AGRAPH, "newrank", "true");
    declare(g, AGRAPH, "nslimit", "0");
  }
  declare(g, AGNODE, "shape", "box");
  declare(g, AGNODE, "style", "rounded,filled");
  declare(g, AGNODE, "fontname", t.font);
  declare(g, AGNODE, "fontsize", "10");
  declare(g, AGNODE, "height", "0.3");
  declare(g, AGNODE, "margin", "0.12,0.05");
  declare(g, AGNODE, "penwidth", "1.2");
  declare(g, AGEDGE, "color", t.edge);
  declare(g, AGEDGE, "fontcolor", t.edge_label);
  declare(g, AGEDGE, "fontname", t.font);
  declare(g, AGEDGE, "fontsize", "8");
  declare(g, AGEDGE, "arrowsize", "0.6");
}

struct RoleStyle {
  const char* shape;
  const char* style;
  const char* fontsize;
};

RoleStyle role_style(NodeRole role) {
  switch (role) {
    case NodeRole::Op: return {"box", "rounded,filled", "10"};
    case NodeRole::Input: return {"ellipse", "filled", "10"};
    case NodeRole::Output: return {"ellipse", "filled", "10"};
    case NodeRole::Parameter: return {"box", "filled", "9"};
    case NodeRole::Constant: return {"box", "filled", "9"};
    case NodeRole::Pack: return {"box", "rounded,filled", "8"};
    case NodeRole::Module: return {"box3d", "filled", "10"};
  }
  return {"box", "filled", "10"};
}

void style_node(Agnode_t* n, const DisplayNode& node, const Theme& theme) {
  const RoleStyle s = role_style(node.role);
  const NodeColours& colours = theme.colours(node.role);
  set(n, "id", node.id);
  set(n, "label", label_text(node.label));
  set(n, "shape", s.shape);
  set(n, "style", std::string(s.style) + (node.ghost ? ",dashed" : ""));
  set(n, "fontsize", s.fontsize);
  set(n, "fillcolor", colours.fill);
  set(n, "color", colours.border);
  set(n, "fontcolor", colours.text);
  // List/tuple plumbing stays small: it is structure, not computation.
  if (node.role == NodeRole::Pack) {
    set(n, "height", "0.2");
    set(n, "margin", "0.05,0.02");
  }
  // Graphviz sizes are in inches; a larger label still grows the node.
  if (node.min_width > 0) set(n, "width", std::to_string(node.min_width / 72.0));
  if (node.min_height > 0) set(n, "height", std::to_string(node.min_height / 72.0));
}

}  // namespace

std::string edge_id(std::size_t index) {
  std::string id = "e";
  id += std::to_string(index);
  return id;
}

void AgraphFree::operator()(Agraph_t* graph) const {
  GraphvizLock lock;
  gvFreeLayout(lock.context(), graph);
  agclose(graph);
}

bool is_large(const DisplayGraph& graph, const RenderOptions& options) {
  return graph.nodes.size() > options.large_graph_nodes;
}

AgraphPtr make_agraph(const DisplayGraph& graph, const RenderOptions& options) {
  AgraphPtr root(agopen(c("paratrace"), Agdirected, &disc));
  const bool large = is_large(graph, options);
  declare_defaults(root.get(), options, large, !graph.clusters.empty());
  const Theme& theme = options.theme;

  // sfdp ignores clusters; without them its layout is also cheaper.
  std::unordered_map<std::string, Agraph_t*> subgraphs;
  auto owner = [&](const std::string& cluster) {
    const auto it = subgraphs.find(cluster);
    return it == subgraphs.end() ? root.get() : it->second;
  };
  if (options.engine == Engine::Dot) {
    for (const DisplayCluster& cluster : graph.clusters) {
      Agraph_t* sub = agsubg(owner(cluster.parent), c("cluster_" + cluster.id), 1);
      set(sub, "id", "cluster:" + cluster.id);
      set(sub, "label", label_text({cluster.label}));
      set(sub, "style", "rounded,filled");
      set(sub, "fillcolor", cluster.depth % 2 ? theme.cluster_fill : theme.cluster_fill_nested);
      set(sub, "color", theme.cluster_border);
      subgraphs[cluster.id] = sub;
    }
  }

  std::unordered_map<std::string, Agnode_t*> nodes;
  for (const DisplayNode& node : graph.nodes) {
    Agnode_t* n = agnode(owner(node.cluster), c(node.id), 1);
    style_node(n, node, theme);
    nodes[node.id] = n;
  }
  // dot places each edge label as a node on an extra rank between the
  // ranks it joins: large graphs cannot afford it, and sfdp places labels
  // where they overlap.
  const bool edge_labels = options.engine == Engine::Dot && !large;
  for (std::size_t i = 0; i < graph.edges.size(); ++i) {
    const DisplayEdge& edge = graph.edges[i];
    Agedge_t* e = agedge(root.get(), nodes.at(edge.from), nodes.at(edge.to), nullptr, 1);
    set(e, "id", edge_id(i));
    if (edge_labels && !edge.label.empty()) set(e, "label", label_text({edge.label}));
  }
  return root;
}

std::string write_dot(Agraph_t* graph) {
  std::string text;
  agwrite(graph, &text);
  return text;
}

}  // namespace paratrace::graphview
