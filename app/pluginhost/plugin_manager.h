#pragma once
// Finds, loads and checks parametrization plugins and builds parametrizations
// from them. QtCore only, shared by the app and paratrace-cli. A broken
// plugin never stops the others: each rejection is recorded with the file
// and the reason (docs/plugins.md lists them).
#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>
#include <memory>

#include "paratrace/plugin/parametrization_plugin.h"
#include "plugin_metadata.h"

class QPluginLoader;

namespace paratrace::pluginhost {

struct LoadedPlugin {
  QString file;  // absolute
  PluginMetadata metadata;
};

struct LoadError {
  QString file;    // absolute
  QString reason;  // one line, translated
};

class PluginManager {
  Q_DECLARE_TR_FUNCTIONS(PluginManager)

 public:
  // Loads the library files (QLibrary::isLibrary) of each directory, in the
  // order given and by file name within one; other files and missing
  // directories are skipped.
  void load_directories(const QStringList& directories);
  // Loads one plugin file. False (and an entry in errors()) when rejected; a
  // file already seen (under any path) is skipped and counts as success.
  bool load_file(const QString& file);

  const QList<LoadedPlugin>& plugins() const { return plugins_; }
  const QList<LoadError>& errors() const { return errors_; }
  // Every type name, in load order.
  const QStringList& type_names() const { return type_names_; }
  // nullptr when no loaded plugin provides `type_name`.
  std::shared_ptr<const plugin::ParametrizationType> type(const QString& type_name) const;
  // The plugin file providing `type_name`; empty when none does.
  QString provider(const QString& type_name) const;

  // Checks `options` (resolve_options), then runs the plugin's factory.
  // Throws KeyError for an unknown type, plugin::OptionError for a bad
  // option, and RuntimeError naming the type and plugin file when the
  // factory fails.
  std::shared_ptr<nn::Parametrization> create(const QString& type_name, const QVariantMap& options = {}) const;
  // Why `type_name` with these options cannot be applied to such a tensor
  // (ParametrizationType::check_with_options on the resolved options);
  // nullopt when it can. Throws KeyError and plugin::OptionError as create().
  std::optional<QString> check(const QString& type_name, const plugin::TensorSpec& tensor,
                               const QVariantMap& options = {}) const;

 private:
  struct Provided {
    std::shared_ptr<const plugin::ParametrizationType> type;
    QString file;
  };
  // Throws KeyError when no loaded plugin provides `type_name`.
  const Provided& provided(const QString& type_name) const;
  // Runs the plugin's code: instance, its types, one build of each with the
  // default options. Throws on the first problem.
  QList<std::shared_ptr<const plugin::ParametrizationType>> instantiate(QPluginLoader& loader,
                                                                        const PluginMetadata& metadata);
  void reject(const QString& file, const QString& reason);

  QList<LoadedPlugin> plugins_;
  QList<LoadError> errors_;
  QStringList type_names_;
  QHash<QString, Provided> types_;
  QSet<QString> seen_files_;
};

}  // namespace paratrace::pluginhost
