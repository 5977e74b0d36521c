#pragma once
#include "graphview/display_graph.h"

namespace paratrace::graphview {

// Replaces every cluster at depth + 1 (and everything inside it) by one
// Module node labelled with the module path and its op count; edges are
// rerouted to it, edges inside it dropped and parallel edges carrying the
// same value merged.
void collapse_scopes(DisplayGraph& graph, int depth, bool shape_edge_labels);

}  // namespace paratrace::graphview
