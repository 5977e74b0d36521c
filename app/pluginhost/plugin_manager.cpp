#include "plugin_manager.h"

#include <QDir>
#include <QFileInfo>
#include <QLibrary>
#include <QPluginLoader>

#include "option_values.h"

namespace paratrace::pluginhost {

namespace {

// Why instantiate() gave up on a plugin.
struct Rejected {
  QString reason;
};

QString names_text(const QStringList& names) { return QLatin1Char('[') + names.join(QLatin1String(", ")) + QLatin1Char(']'); }

}  // namespace

void PluginManager::load_directories(const QStringList& directories) {
  for (const QString& directory : directories)
    for (const QFileInfo& file : QDir(directory).entryInfoList(QDir::Files, QDir::Name))
      if (QLibrary::isLibrary(file.fileName())) load_file(file.absoluteFilePath());
}

bool PluginManager::load_file(const QString& file) {
  const QFileInfo info(file);
  const QString path = info.absoluteFilePath();
  const QString canonical = info.canonicalFilePath();
  if (canonical.isEmpty()) {
    reject(path, tr("no such file"));
    return false;
  }
  if (seen_files_.contains(canonical)) return true;
  seen_files_.insert(canonical);

  QPluginLoader loader(path);
  // Resolve every symbol at load: bound lazily, a missing one would end the
  // process at its first call instead of failing here. Never unload: the
  // parametrizations a plugin builds run its code for as long as they live.
  loader.setLoadHints(QLibrary::ResolveAllSymbolsHint | QLibrary::PreventUnloadHint);
  PluginMetadata metadata;
  QString error;
  // Reading the metadata runs none of the plugin's code.
  const QJsonObject raw = loader.metaData();
  if (raw.isEmpty()) {
    reject(path, tr("not a Qt plugin (it has no plugin metadata)"));
    return false;
  }
  if (!read_metadata(raw, metadata, error)) {
    reject(path, error);
    return false;
  }
  for (const QString& name : metadata.parametrizations) {
    if (types_.contains(name)) {
      reject(path, tr("provides the parametrization \"%1\", already provided by %2").arg(name, types_[name].file));
      return false;
    }
  }

  QList<std::shared_ptr<const plugin::ParametrizationType>> types;
  try {
    types = instantiate(loader, metadata);
  } catch (const Rejected& rejected) {
    reject(path, rejected.reason);
    return false;
  }
  for (const auto& type : types) {
    types_.insert(type->type_name(), {type, path});
    type_names_ << type->type_name();
  }
  plugins_ << LoadedPlugin{path, metadata};
  return true;
}

QList<std::shared_ptr<const plugin::ParametrizationType>> PluginManager::instantiate(QPluginLoader& loader,
                                                                                      const PluginMetadata& metadata) {
  QString stage = tr("creating the plugin object");
  try {
    QObject* root = loader.instance();
    if (!root) throw Rejected{tr("cannot be loaded: %1").arg(loader.errorString())};
    const auto* root_interface = qobject_cast<plugin::ParametrizationPlugin*>(root);
    if (!root_interface) throw Rejected{tr("its root object does not implement ParametrizationPlugin")};

    stage = tr("listing its parametrizations");
    const auto types = root_interface->parametrizations();
    QStringList names;
    for (const auto& type : types) names << (type ? type->type_name() : QString());
    if (names != metadata.parametrizations)
      throw Rejected{tr("its metadata lists the parametrizations %1 but its code provides %2")
                         .arg(names_text(metadata.parametrizations), names_text(names))};

    // A factory that fails on its own defaults is broken; finding out now
    // keeps the failure out of the user's first attempt to apply it.
    for (const auto& type : types) {
      stage = tr("building \"%1\" with its default options").arg(type->type_name());
      if (!type->create(resolve_options(type->options(), {}))) throw Rejected{tr("%1 gave no parametrization").arg(stage)};
    }
    return types;
  } catch (const Rejected&) {
    throw;
  } catch (const std::exception& e) {
    throw Rejected{tr("%1 threw: %2").arg(stage, QString::fromUtf8(e.what()))};
  } catch (...) {
    throw Rejected{tr("%1 threw something that is not a std::exception").arg(stage)};
  }
}

void PluginManager::reject(const QString& file, const QString& reason) { errors_ << LoadError{file, reason}; }

std::shared_ptr<const plugin::ParametrizationType> PluginManager::type(const QString& type_name) const {
  return types_.value(type_name).type;
}

QString PluginManager::provider(const QString& type_name) const { return types_.value(type_name).file; }

const PluginManager::Provided& PluginManager::provided(const QString& type_name) const {
  const auto it = types_.constFind(type_name);
  if (it == types_.constEnd())
    throw KeyError(tr("no loaded plugin provides the parametrization \"%1\"").arg(type_name).toStdString());
  return *it;
}

std::optional<QString> PluginManager::check(const QString& type_name, const plugin::TensorSpec& tensor,
                                            const QVariantMap& options) const {
  const auto& type = provided(type_name).type;
  return type->check_with_options(tensor, resolve_options(type->options(), options));
}

std::shared_ptr<nn::Parametrization> PluginManager::create(const QString& type_name, const QVariantMap& options) const {
  const Provided& entry = provided(type_name);
  const QVariantMap resolved = resolve_options(entry.type->options(), options);
  const auto failed = [&](const QString& why) {
    return RuntimeError(tr("%1 (from %2) could not be built: %3").arg(type_name, entry.file, why).toStdString());
  };
  std::shared_ptr<nn::Parametrization> result;
  try {
    result = entry.type->create(resolved);
  } catch (const plugin::OptionError&) {
    throw;
  } catch (const std::exception& e) {
    throw failed(QString::fromUtf8(e.what()));
  } catch (...) {
    throw failed(tr("it threw something that is not a std::exception"));
  }
  if (!result) throw failed(tr("the plugin returned no parametrization"));
  return result;
}

}  // namespace paratrace::pluginhost
