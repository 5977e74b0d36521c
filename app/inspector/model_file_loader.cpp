#include "model_file_loader.h"

#include <QFile>
#include <QFileInfo>

#include "model_file.h"
#include "paratrace/jit/ir_parser.h"
#include "tracing.h"

namespace paratrace::inspector {

namespace {

// IR text starts with "graph(" (after blank lines), a safetensors file with an
// 8-byte little-endian header length.
bool looksLikeIrText(const QByteArray& head) { return head.trimmed().startsWith("graph("); }

}  // namespace

QString ModelFileLoader::displayName(const QString& path) {
  QString name = QFileInfo(path).fileName();
  const int dot = name.indexOf(QLatin1Char('.'));
  return dot > 0 ? name.left(dot) : name;
}

LoadedModel ModelFileLoader::load(const QString& path, const pluginhost::PluginManager& plugins, QString* traceError) {
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly))
    throw FileLoadError(tr("%1: cannot open the file: %2").arg(path, file.errorString()));
  const QByteArray head = file.peek(64);
  LoadedModel loaded;
  loaded.path = QFileInfo(path).absoluteFilePath();
  loaded.name = displayName(path);
  try {
    if (looksLikeIrText(head)) {
      loaded.ir_graph = jit::parse_ir(file.readAll().toStdString());
    } else if (model::is_model_file(path)) {
      file.close();
      const model::ModelFile modelFile = model::load_model(path, plugins);
      loaded.module = modelFile.module;
      loaded.example_inputs = modelFile.example_inputs;
      loaded.document = modelFile.document;
      loaded.parametrizations = modelFile.parametrizations;
      try {
        loaded.traced = model::trace_model(modelFile);
      } catch (const std::exception& e) {
        if (traceError) *traceError = QString::fromStdString(e.what());
      }
    } else {
      file.close();
      loaded.traced = jit::TracedModule::load(path.toStdString());
      loaded.module = loaded.traced->module_ptr();
    }
  } catch (const std::exception& e) {
    throw FileLoadError(tr("%1: %2").arg(path, QString::fromStdString(e.what())));
  }
  return loaded;
}

}  // namespace paratrace::inspector
