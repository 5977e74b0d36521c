#pragma once
#include <cstddef>

#include "graphview/display_graph.h"

namespace paratrace::graphview {

// Replaces every input, parameter or constant node with more than
// `max_uses` users by one ghost copy per user, placed in the user's cluster.
void split_hubs(DisplayGraph& graph, std::size_t max_uses);

}  // namespace paratrace::graphview
