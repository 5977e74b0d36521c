#pragma once
// Turns a traced graph into a GraphPicture. The implementation runs Graphviz
// through paratrace_graphview; the panel calls it off the GUI thread, so it
// must only read the graph.
#include <QSet>
#include <QString>
#include <memory>
#include <optional>
#include <string>

#include "graph_picture.h"
#include "paratrace/jit/traced_module.h"

namespace paratrace::inspector {

struct LayoutInput {
  std::shared_ptr<jit::Graph> graph;             // kept alive while laying out
  std::shared_ptr<jit::TracedModule> traced;     // parameter shapes, when there is a module
  std::string method = "forward";
  // Scopes deeper than this start collapsed (large graphs); unset: none.
  std::optional<int> collapseDepth;
  QSet<QString> collapsed;  // cluster ids collapsed by the user
  QSet<QString> expanded;   // cluster ids the user expanded below collapseDepth
  bool leftToRight = false;
};

class GraphLayouter {
 public:
  virtual ~GraphLayouter() = default;
  // Throws on failure (the message is shown to the user).
  virtual GraphPicture layout(const LayoutInput& input) const = 0;
};

}  // namespace paratrace::inspector
