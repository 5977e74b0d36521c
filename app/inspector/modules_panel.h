#pragma once
// The Modules dock's content: a filter box over the module tree.
#include <QWidget>

#include "module_tree_model.h"

class QLineEdit;
class QSortFilterProxyModel;
class QTreeView;

namespace paratrace::inspector {

class ModulesPanel : public QWidget {
  Q_OBJECT

 public:
  explicit ModulesPanel(QWidget* parent = nullptr);

  void setRoot(nn::Module* root);
  ModuleTreeModel* model() const { return model_; }
  QSortFilterProxyModel* proxy() const { return proxy_; }
  QTreeView* view() const { return view_; }
  QLineEdit* filterEdit() const { return filter_; }
  // Selects the row of a dotted path (emits itemSelected); false when absent.
  bool selectPath(const QString& path);
  // The selected row; null when none.
  const TreeItemRef* selectedItem() const;

 signals:
  void itemSelected(const paratrace::inspector::TreeItemRef& item);

 private:
  void onCurrentChanged(const QModelIndex& current);
  void retranslate();
  void changeEvent(QEvent* event) override;

  ModuleTreeModel* model_;
  QSortFilterProxyModel* proxy_;
  QLineEdit* filter_;
  QTreeView* view_;
};

}  // namespace paratrace::inspector
