#include "graphview/display_graph.h"

namespace paratrace::graphview {

const DisplayNode* DisplayGraph::find_node(const std::string& id) const {
  for (const DisplayNode& n : nodes) {
    if (n.id == id) return &n;
  }
  return nullptr;
}

const DisplayCluster* DisplayGraph::find_cluster(const std::string& id) const {
  for (const DisplayCluster& c : clusters) {
    if (c.id == id) return &c;
  }
  return nullptr;
}

}  // namespace paratrace::graphview
