#pragma once
// DisplayGraph -> styled cgraph graph (internal to the renderer). Every
// function here must be called while holding a GraphvizLock.
#include <memory>
#include <string>

#include "graphview/graphviz_lock.h"
#include "graphview/graphviz_renderer.h"

namespace paratrace::graphview {

struct AgraphFree {
  // Frees the layout too; takes the (recursive) lock itself.
  void operator()(Agraph_t* graph) const;
};
using AgraphPtr = std::unique_ptr<Agraph_t, AgraphFree>;

// Node, edge and cluster objects are created in the order of the display
// graph's vectors; each carries its display id in its "id" attribute (edges
// "e<index>"), which also names the SVG elements.
AgraphPtr make_agraph(const DisplayGraph& graph, const RenderOptions& options);

// "e<index>": the id of edge `index` of the display graph.
std::string edge_id(std::size_t index);

// Whether `graph` gets the large-graph layout settings.
bool is_large(const DisplayGraph& graph, const RenderOptions& options);

// Writes an unlaid graph made by make_agraph as DOT text.
std::string write_dot(Agraph_t* graph);

}  // namespace paratrace::graphview
