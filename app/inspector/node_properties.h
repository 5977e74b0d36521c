#pragma once
// What the Properties dock lists for a selected graph node: kind, inputs and
// outputs with their types (shapes, dtypes), attributes and scope.
#include <QCoreApplication>

#include "graph_picture.h"
#include "properties_panel.h"

namespace paratrace::inspector {

struct NodeProperties {
  Q_DECLARE_TR_FUNCTIONS(NodeProperties)

 public:
  static QList<PropertySection> forNode(const PictureNode& node);
};

}  // namespace paratrace::inspector
