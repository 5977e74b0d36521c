#include "model_edit_command.h"

#include <algorithm>

#include "model_document.h"

namespace paratrace::inspector {

std::unique_ptr<ModelEditCommand> ModelEditCommand::apply(ModelDocument* document, const QString& text,
                                                          const std::function<void(nn::Module& root)>& change,
                                                          ParametrizationSpecs parametrizations) {
  std::shared_ptr<nn::Module> before = document->model().module->clone();
  ParametrizationSpecs specsBefore = document->parametrizations();
  change(*document->model().module);
  std::unique_ptr<ModelEditCommand> command(
      new ModelEditCommand(document, text, std::move(before), std::move(specsBefore)));
  document->replaceModule(document->model().module, std::move(parametrizations));
  return command;
}

ModelEditCommand::ModelEditCommand(ModelDocument* document, const QString& text, std::shared_ptr<nn::Module> other,
                                   ParametrizationSpecs otherSpecs)
    : QUndoCommand(text), document_(document), other_(std::move(other)), otherSpecs_(std::move(otherSpecs)) {}

void ModelEditCommand::swap() {
  std::shared_ptr<nn::Module> shown = document_->model().module;
  ParametrizationSpecs shownSpecs = document_->parametrizations();
  document_->replaceModule(std::move(other_), std::move(otherSpecs_));
  other_ = std::move(shown);
  otherSpecs_ = std::move(shownSpecs);
}

void ModelEditCommand::undo() { swap(); }

void ModelEditCommand::redo() {
  // The first redo comes from QUndoStack::push, after apply() made the change.
  if (first_) {
    first_ = false;
    return;
  }
  swap();
}

ParametrizationSpecs withParametrization(ParametrizationSpecs specs, const std::string& modulePath,
                                         const std::string& tensor, const QString& type, const QVariantMap& options,
                                         bool unsafe) {
  specs.push_back({QString::fromStdString(modulePath), QString::fromStdString(tensor), type, options, unsafe});
  return specs;
}

ParametrizationSpecs withoutChain(ParametrizationSpecs specs, const std::string& modulePath, const std::string& tensor) {
  const QString module = QString::fromStdString(modulePath);
  const QString name = QString::fromStdString(tensor);
  const QString chain = (module.isEmpty() ? QString() : module + QLatin1Char('.')) + QStringLiteral("parametrizations.") + name;
  std::erase_if(specs, [&](const model::ParametrizationSpec& spec) {
    return (spec.module == module && spec.tensor == name) || spec.module == chain ||
           spec.module.startsWith(chain + QLatin1Char('.'));
  });
  return specs;
}

}  // namespace paratrace::inspector
