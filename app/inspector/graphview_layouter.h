#pragma once
// GraphLayouter over paratrace_graphview: the display graph the CLI draws,
// scopes collapsed as the user chose, laid out by Graphviz's dot in-process.
#include <optional>

#include "graph_layouter.h"

namespace paratrace::inspector {

// The collapse depth a traced graph opens at (LayoutInput::collapseDepth):
// graphs of more than 1,500 IR nodes (unrolled recurrences) start with every
// top-level module closed; smaller ones fully expanded.
std::optional<int> initialCollapseDepth(const jit::Graph& graph);

class GraphviewLayouter : public GraphLayouter {
 public:
  GraphPicture layout(const LayoutInput& input) const override;
};

}  // namespace paratrace::inspector
