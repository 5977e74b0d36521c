#include "model_edit_command.h"

#include "model_document.h"

namespace paratrace::inspector {

std::unique_ptr<ModelEditCommand> ModelEditCommand::apply(ModelDocument* document, const QString& text,
                                                          const std::function<void(nn::Module& root)>& change) {
  std::shared_ptr<nn::Module> before = document->model().module->clone();
  change(*document->model().module);
  std::unique_ptr<ModelEditCommand> command(new ModelEditCommand(document, text, std::move(before)));
  document->notifyModuleChanged();
  return command;
}

ModelEditCommand::ModelEditCommand(ModelDocument* document, const QString& text, std::shared_ptr<nn::Module> other)
    : QUndoCommand(text), document_(document), other_(std::move(other)) {}

void ModelEditCommand::swap() {
  std::shared_ptr<nn::Module> shown = document_->model().module;
  document_->replaceModule(other_);
  other_ = std::move(shown);
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

}  // namespace paratrace::inspector
