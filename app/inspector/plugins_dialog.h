#pragma once
// Plugins…: every loaded plugin with its metadata and the types it
// provides, then every file that was rejected and why.
#include <QDialog>

class QTreeWidget;

namespace paratrace::pluginhost {
class PluginManager;
}

namespace paratrace::inspector {

class PluginsDialog : public QDialog {
  Q_OBJECT

 public:
  PluginsDialog(const pluginhost::PluginManager& plugins, const QStringList& directories, QWidget* parent = nullptr);
  QTreeWidget* tree() const { return tree_; }

 private:
  QTreeWidget* tree_;
};

}  // namespace paratrace::inspector
