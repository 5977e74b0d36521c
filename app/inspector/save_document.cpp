#include "save_document.h"

#include <QDir>
#include <QFileInfo>
#include <map>
#include <stdexcept>

#include "graph_export.h"
#include "model_saver.h"

namespace paratrace::inspector {

namespace {

QString suffix(SaveFormat format) {
  switch (format) {
    case SaveFormat::ModelFile:
      return QStringLiteral(".paratrace.json");
    case SaveFormat::TracedModule:
      return QStringLiteral(".safetensors");
    case SaveFormat::IrText:
      return QStringLiteral(".ir");
    case SaveFormat::None:
      break;
  }
  return {};
}

void writeTracedModule(const LoadedModel& model, const QString& path) {
  // The current tree with the flat graphs: after an undo the tree shown is a
  // copy, not the one the trace was made on.
  std::map<std::string, std::shared_ptr<jit::Graph>> graphs;
  for (const std::string& name : model.traced->method_names()) graphs[name] = model.traced->inlined_graph(name);
  jit::TracedModule(model.module, graphs, model.traced->warnings()).save(QFileInfo(path).absoluteFilePath().toStdString());
}

}  // namespace

SaveFormat DocumentSaver::format(const LoadedModel& model, bool edited) {
  if (model.module && !model.document.isEmpty()) return SaveFormat::ModelFile;
  if (model.ir_graph) return SaveFormat::IrText;
  // With example inputs every edit is traced again (a failing trace drops it).
  if (model.module && model.traced && (!edited || !model.example_inputs.empty())) return SaveFormat::TracedModule;
  return SaveFormat::None;
}

QString DocumentSaver::whyNot(const LoadedModel& model, bool edited) {
  if (format(model, edited) != SaveFormat::None) return {};
  if (!model.module) return tr("No model is open.");
  if (model.traced)
    return tr("A traced-module file has no example inputs to trace the edited module again, so its graph would "
              "no longer match the module. Undo the edits to save it.");
  if (!model.example_inputs.empty())
    return tr("The edited model could not be traced, and a model built in memory is saved as a traced module.");
  return tr("This model was built in memory without a trace: there is no file format to save it in.");
}

bool DocumentSaver::savesInPlace(const LoadedModel& model) {
  return !model.path.isEmpty() && !model.path.startsWith(QLatin1Char(':'));
}

QString DocumentSaver::fileFilter(SaveFormat format) {
  switch (format) {
    case SaveFormat::ModelFile:
      return tr("Paratrace model files (*.paratrace.json)");
    case SaveFormat::TracedModule:
      return tr("Traced-module files (*.safetensors)");
    case SaveFormat::IrText:
      return tr("IR text (*.ir *.txt)");
    case SaveFormat::None:
      break;
  }
  return {};
}

QString DocumentSaver::withSuffix(const QString& path, SaveFormat format) {
  const QString name = QFileInfo(path).fileName();
  const bool hasOwn = format == SaveFormat::ModelFile ? name.endsWith(QLatin1String(".json"))
                      : format == SaveFormat::IrText  ? name.contains(QLatin1Char('.'))
                                                      : name.endsWith(suffix(format));
  return hasOwn || path.isEmpty() ? path : path + suffix(format);
}

QString DocumentSaver::suggestedPath(const LoadedModel& model, SaveFormat format) {
  const QString name = (model.name.isEmpty() ? QStringLiteral("model") : model.name) + suffix(format);
  return savesInPlace(model) ? QFileInfo(model.path).absoluteDir().filePath(name) : name;
}

QJsonObject DocumentSaver::write(const LoadedModel& model, SaveFormat format, const QString& path) {
  switch (format) {
    case SaveFormat::ModelFile: {
      model::ModelFile file;
      file.path = model.path;
      file.name = model.name;
      file.module = model.module;
      file.parametrizations = model.parametrizations;
      file.document = model.document;
      file.example_inputs = model.example_inputs;
      file.example_inputs_edited = model.example_inputs_edited;
      return model::save_model(file, path);
    }
    case SaveFormat::TracedModule:
      writeTracedModule(model, path);
      return {};
    case SaveFormat::IrText:
      GraphExport::writeText(path, QString::fromStdString(model.ir_graph->str()));
      return {};
    case SaveFormat::None:
      break;
  }
  throw std::logic_error("DocumentSaver::write: nothing to save");
}

}  // namespace paratrace::inspector
