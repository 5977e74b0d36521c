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
// for ("unpack[17]") and placed in the user's cluster; likewise the
// in-edges of a node receiving more than `max_values` values but the last
// (the list a recurrence stacks its steps from: "list[17]" next to each
// step's producer, id "<node>@from:<producer>"; the last step keeps its
// edge, so the node stays at the end). Left as one node, the users all
// share the rank below it (one very wide, flat row), or every step draws an
// edge down to the end of the graph, which makes dot's layout quadratic.
// 0 splits nothing.
void split_fans(DisplayGraph& graph, std::size_t max_values);

}  // namespace paratrace::graphview
