#include "model_document.h"

#include <algorithm>

#include "paratrace/errors.h"
#include "paratrace/jit/tracer.h"

namespace paratrace::inspector {

ModelDocument::ModelDocument(QObject* parent) : QObject(parent) {}

void ModelDocument::setModel(LoadedModel model) {
  model_ = std::move(model);
  const QStringList names = methods();
  method_ = names.contains(QStringLiteral("forward")) || names.isEmpty() ? QStringLiteral("forward") : names.first();
  emit modelReset();
}

std::shared_ptr<jit::Graph> ModelDocument::graph() const {
  if (model_.ir_graph) return model_.ir_graph;
  if (!model_.traced) return nullptr;
  for (const auto& name : model_.traced->method_names())
    if (QString::fromStdString(name) == method_) return model_.traced->inlined_graph(name);
  return nullptr;
}

QStringList ModelDocument::methods() const {
  QStringList names;
  if (model_.traced)
    for (const auto& name : model_.traced->method_names()) names << QString::fromStdString(name);
  else if (model_.ir_graph)
    names << QStringLiteral("forward");
  return names;
}

void ModelDocument::setCurrentMethod(const QString& method) {
  if (method == method_) return;
  method_ = method;
  emit traceChanged();
}

void ModelDocument::retrace() {
  model_.traced = jit::trace_module(model_.module, model_.example_inputs);
  emit traceChanged();
}

Stack ModelDocument::exampleInputs(const QString& method) const {
  for (const auto& [name, inputs] : model_.example_inputs)
    if (QString::fromStdString(name) == method) return inputs;
  return {};
}

void ModelDocument::retrace(const QString& method, const Stack& inputs) {
  MethodInputs all = model_.example_inputs;
  const std::string name = method.toStdString();
  auto it = std::find_if(all.begin(), all.end(), [&](const auto& entry) { return entry.first == name; });
  if (it != all.end()) it->second = inputs;
  else all.emplace_back(name, inputs);
  model_.traced = jit::trace_module(model_.module, all);
  model_.example_inputs = std::move(all);
  model_.example_inputs_edited = true;
  method_ = method;
  emit traceChanged();
}

void ModelDocument::replaceModule(std::shared_ptr<nn::Module> module,
                                  std::vector<model::ParametrizationSpec> parametrizations) {
  model_.module = std::move(module);
  model_.parametrizations = std::move(parametrizations);
  notifyModuleChanged();
}

void ModelDocument::setFile(const QString& path, const QString& name, QJsonObject document) {
  model_.path = path;
  model_.name = name;
  model_.document = std::move(document);
  // The document written names the inputs it was saved with.
  model_.example_inputs_edited = false;
}

void ModelDocument::notifyModuleChanged() {
  emit moduleChanged();
  if (!canRetrace()) return;
  try {
    retrace();
  } catch (const std::exception& e) {
    model_.traced.reset();
    emit traceChanged();
    emit traceFailed(QString::fromStdString(e.what()));
  }
}

}  // namespace paratrace::inspector
