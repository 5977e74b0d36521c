#pragma once
#include <cstddef>

#include "graphview/display_graph.h"

namespace paratrace::graphview {

// Replaces every input, parameter or constant node with more than
// `max_uses` users by one ghost copy per user, placed in the user's cluster.
void split_hubs(DisplayGraph& graph, std::size_t max_uses);

// Replaces the out-edges of every op or list/tuple node sending more than
// `max_values` distinct values (an unbind's ListUnpack of a long sequence)
// by one ghost copy per user, titled with the output positions it stands
// for ("unpack[17]") and placed in the user's cluster. Left as one node,
// its users all share the rank below it: one very wide, flat row.
void split_fan_out(DisplayGraph& graph, std::size_t max_values);

}  // namespace paratrace::graphview
