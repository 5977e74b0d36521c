#pragma once
// What the Properties dock lists for a selected module or tensor.
#include <QCoreApplication>

#include "module_tree_model.h"
#include "properties_panel.h"

namespace paratrace::inspector {

struct SelectionProperties {
  Q_DECLARE_TR_FUNCTIONS(SelectionProperties)

 public:
  static QList<PropertySection> forItem(const TreeItemRef& item);
};

}  // namespace paratrace::inspector
