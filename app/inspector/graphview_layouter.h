#pragma once
// GraphLayouter over paratrace_graphview: the display graph the CLI draws,
// scopes collapsed as the user chose, laid out by Graphviz's dot in-process.
#include "graph_layouter.h"

namespace paratrace::inspector {

class GraphviewLayouter : public GraphLayouter {
 public:
  GraphPicture layout(const LayoutInput& input) const override;
};

}  // namespace paratrace::inspector
