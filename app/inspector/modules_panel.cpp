#include "modules_panel.h"

#include <QEvent>
#include <QHeaderView>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QTreeView>
#include <QVBoxLayout>

namespace paratrace::inspector {

ModulesPanel::ModulesPanel(QWidget* parent)
    : QWidget(parent),
      model_(new ModuleTreeModel(this)),
      proxy_(new QSortFilterProxyModel(this)),
      filter_(new QLineEdit(this)),
      view_(new QTreeView(this)) {
  proxy_->setSourceModel(model_);
  // A match deep in the tree keeps its ancestors visible.
  proxy_->setRecursiveFilteringEnabled(true);
  proxy_->setFilterCaseSensitivity(Qt::CaseInsensitive);
  proxy_->setFilterKeyColumn(-1);
  filter_->setClearButtonEnabled(true);
  view_->setModel(proxy_);
  view_->setUniformRowHeights(true);
  view_->setAlternatingRowColors(true);
  view_->header()->setStretchLastSection(false);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(2, 2, 2, 2);
  layout->addWidget(filter_);
  layout->addWidget(view_);
  connect(filter_, &QLineEdit::textChanged, this, [this](const QString& text) {
    proxy_->setFilterFixedString(text);
    if (!text.isEmpty()) view_->expandAll();
  });
  connect(view_->selectionModel(), &QItemSelectionModel::currentChanged, this,
          [this](const QModelIndex& current) { onCurrentChanged(current); });
  retranslate();
}

void ModulesPanel::setRoot(nn::Module* root) {
  model_->setRoot(root);
  view_->expandToDepth(1);
  for (int c = ModuleTreeModel::NameColumn; c < ModuleTreeModel::ColumnCount; ++c) view_->resizeColumnToContents(c);
}

bool ModulesPanel::selectPath(const QString& path) {
  const QModelIndex index = proxy_->mapFromSource(model_->indexForPath(path));
  if (!index.isValid()) return false;
  view_->scrollTo(index);
  view_->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
  return true;
}

const TreeItemRef* ModulesPanel::selectedItem() const {
  return model_->itemAt(proxy_->mapToSource(view_->selectionModel()->currentIndex()));
}

void ModulesPanel::onCurrentChanged(const QModelIndex& current) {
  if (const TreeItemRef* item = model_->itemAt(proxy_->mapToSource(current))) emit itemSelected(*item);
}

void ModulesPanel::retranslate() { filter_->setPlaceholderText(tr("Filter modules and tensors")); }

void ModulesPanel::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslate();
  QWidget::changeEvent(event);
}

}  // namespace paratrace::inspector
