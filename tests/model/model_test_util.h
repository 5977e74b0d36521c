#pragma once
// Shared by the model-file suites: a plugin manager with the built-in
// symmetric plugin and the test plugin "Shift" (an option with a range),
// writing model files into a temporary directory, and reading fixtures.
#include <QDir>
#include <QFile>
#include <QString>
#include <QTemporaryDir>
#include <QTest>
#include <string>

#include "paratrace/io/safetensors.h"
#include "plugin_manager.h"

namespace model_test {

inline const QString kModelsDir = QStringLiteral(PARATRACE_MODELS_DIR);
inline const QString kFixturesDir = QStringLiteral(PARATRACE_MODEL_FIXTURES_DIR);

// Loads every plugin built into the app's plugin directory; QFAILs (via the
// returned flag) when one does not load.
inline bool load_builtin_plugins(paratrace::pluginhost::PluginManager& manager) {
  manager.load_directories({QStringLiteral(PARATRACE_BUILTIN_PLUGIN_DIR)});
  return manager.errors().isEmpty() && manager.type(QStringLiteral("Symmetric"));
}

inline bool load_shift_plugin(paratrace::pluginhost::PluginManager& manager) {
  return manager.load_file(QDir(QStringLiteral(PARATRACE_TEST_PLUGIN_DIR)).filePath(QStringLiteral("libgood_shift.so")));
}

inline QString write_file(const QTemporaryDir& dir, const QString& name, const QByteArray& text) {
  const QString path = dir.filePath(name);
  QFile file(path);
  if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size()) return {};
  return path;
}

// The tensor `name` of a safetensors file; undefined when absent.
inline paratrace::Tensor fixture_tensor(const QString& path, const std::string& name) {
  for (const auto& [key, tensor] : paratrace::io::load_safetensors(path.toStdString()).tensors)
    if (key == name) return tensor;
  return {};
}

}  // namespace model_test
