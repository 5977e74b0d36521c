#include "plugins_dialog.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "plugin_manager.h"

namespace paratrace::inspector {

PluginsDialog::PluginsDialog(const pluginhost::PluginManager& plugins, const QStringList& directories, QWidget* parent)
    : QDialog(parent), tree_(new QTreeWidget(this)) {
  setWindowTitle(tr("Plugins"));
  tree_->setHeaderLabels({tr("Plugin"), tr("Details")});
  tree_->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
  auto* loaded = new QTreeWidgetItem(tree_, {tr("Loaded (%1)").arg(plugins.plugins().size())});
  for (const auto& p : plugins.plugins()) {
    auto* item = new QTreeWidgetItem(loaded, {p.metadata.name, tr("version %1").arg(p.metadata.version)});
    new QTreeWidgetItem(item, {tr("Parametrizations"), p.metadata.parametrizations.join(QStringLiteral(", "))});
    if (!p.metadata.author.isEmpty()) new QTreeWidgetItem(item, {tr("Author"), p.metadata.author});
    if (!p.metadata.description.isEmpty()) new QTreeWidgetItem(item, {tr("Description"), p.metadata.description});
    new QTreeWidgetItem(item, {tr("File"), p.file});
  }
  auto* failed = new QTreeWidgetItem(tree_, {tr("Load errors (%1)").arg(plugins.errors().size())});
  for (const auto& e : plugins.errors()) {
    auto* item = new QTreeWidgetItem(failed, {e.file, e.reason});
    item->setForeground(1, QColor("#c0392b"));
    item->setToolTip(1, e.reason);
  }
  tree_->expandAll();
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(tree_, 1);
  auto* where = new QLabel(tr("Searched: %1").arg(directories.join(QStringLiteral("; "))), this);
  where->setWordWrap(true);
  where->setTextInteractionFlags(Qt::TextSelectableByMouse);
  layout->addWidget(where);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  layout->addWidget(buttons);
  resize(640, 420);
}

}  // namespace paratrace::inspector
