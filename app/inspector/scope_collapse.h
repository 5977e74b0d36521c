#pragma once
// Collapses chosen module clusters of a display graph into single Module
// nodes, as graphview::collapse_scopes does for every cluster below a depth:
// the inspector opens and closes scopes one at a time.
#include <set>
#include <string>

#include "graphview/display_graph.h"

namespace paratrace::inspector {

// Each cluster in `ids` whose ancestors are not collapsed becomes one node
// ("module:<id>") holding every node inside it; edges are rerouted, those
// inside dropped and parallel ones carrying the same value merged.
void collapseClusters(graphview::DisplayGraph& graph, const std::set<std::string>& ids);

}  // namespace paratrace::inspector
