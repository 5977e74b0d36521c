#pragma once
// Turns a traced jit::Graph into the picture drawn by the renderer and the
// GUI: one node per op, inputs/parameters/outputs as their own roles,
// module GetAttrs hidden, constants folded into their consumer's label,
// one cluster per module scope, optionally collapsed below a depth.
#include <cstddef>
#include <optional>

#include "graphview/display_graph.h"
#include "paratrace/jit/ir.h"
#include "paratrace/jit/traced_module.h"

namespace paratrace::graphview {

struct GraphModelOptions {
  // Draw prim::Constant (and lists of constants) as nodes instead of
  // "name=value" lines in the consumer's label.
  bool show_constants = false;
  // Every module scope deeper than this becomes one node ("2.0", "5 ops")
  // with its edges rerouted; 0 collapses every top-level module. Unset:
  // everything expanded.
  std::optional<int> collapse_depth;
  // Label edges with the tensor's shape where the producer's label cannot
  // show it (multi-output ops, collapsed modules).
  bool shape_edge_labels = true;
  // An input, parameter or shown constant used by more than this many nodes
  // is drawn once next to each user instead (dashed "ghost" copies): long
  // edges from one hub make dot's layout super-linear. 0 never splits.
  std::size_t hub_max_uses = 8;
  // An op or list/tuple node sending or receiving more than this many
  // distinct values (unbind over a sequence, the list a recurrence stacks
  // its steps into) is drawn as ghost copies next to each neighbour
  // ("unpack[17]", "list[17]"; hubs.h). 0 never splits.
  std::size_t fan_max_values = 16;
};

// The graph must outlive the result (nodes point into it). Parameters show
// the type the IR gives them, "Tensor".
DisplayGraph build_display_graph(const jit::Graph& graph, const GraphModelOptions& options = {});
// A method's graph with parameter and buffer shapes read from the traced
// module's tensors (without evaluating any parametrization).
DisplayGraph build_display_graph(const jit::TracedModule& traced, const GraphModelOptions& options = {},
                                 const std::string& method = "forward");

}  // namespace paratrace::graphview
