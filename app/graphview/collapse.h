#pragma once
#include <set>
#include <string>

#include "graphview/display_graph.h"

namespace paratrace::graphview {

// Replaces each cluster in `ids` whose ancestors are not collapsed too (and
// everything inside it) by one Module node "module:<id>", labelled with the
// module path and its op count; edges are rerouted to it, edges inside it
// dropped and parallel edges merged ("×N" when shape_edge_labels).
void collapse_clusters(DisplayGraph& graph, const std::set<std::string>& ids, bool shape_edge_labels);

// collapse_clusters on every cluster at depth + 1.
void collapse_scopes(DisplayGraph& graph, int depth, bool shape_edge_labels);

}  // namespace paratrace::graphview
