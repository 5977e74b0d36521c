#pragma once
// Opens a file for the inspector: a model file (*.paratrace.json, traced with
// its example inputs), a traced-module file (safetensors with the module tree
// and IR in its metadata) or IR text (ours or PyTorch's). The kind is told
// from the content, not the extension; Qt resource paths work too.
#include <QCoreApplication>
#include <QString>
#include <stdexcept>

#include "loaded_model.h"

namespace paratrace::pluginhost {
class PluginManager;
}

namespace paratrace::inspector {

// Why a file could not be opened; the message names the file and the reason.
class FileLoadError : public std::runtime_error {
 public:
  explicit FileLoadError(const QString& message) : std::runtime_error(message.toStdString()) {}
  QString message() const { return QString::fromStdString(what()); }
};

struct ModelFileLoader {
  Q_DECLARE_TR_FUNCTIONS(ModelFileLoader)

 public:
  // Throws FileLoadError. A model file whose tracing fails still opens,
  // untraced, with the reason in `traceError`.
  static LoadedModel load(const QString& path, const pluginhost::PluginManager& plugins, QString* traceError = nullptr);
  // The name shown for a file: its name up to the first dot.
  static QString displayName(const QString& path);
};

}  // namespace paratrace::inspector
