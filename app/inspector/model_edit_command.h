#pragma once
// Undo/redo for changes to the module tree (adding or removing
// parametrizations): the tree before the change is kept as a deep copy, with
// the model file's parametrization list, and both are swapped back in on
// undo; redo swaps the changed pair in again. The change itself is made
// before the command is pushed, so a change that fails is never on the stack.
#include <QString>
#include <QUndoCommand>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "model_file.h"
#include "paratrace/nn/module.h"

namespace paratrace::inspector {

class ModelDocument;

using ParametrizationSpecs = std::vector<model::ParametrizationSpec>;

class ModelEditCommand : public QUndoCommand {
 public:
  // Copies the document's tree, runs `change` on the live tree (which may
  // throw: nothing is changed then, as core's parametrize functions leave a
  // module as it was on failure), then gives the document `parametrizations`
  // (the list after the change) and returns the command to push.
  static std::unique_ptr<ModelEditCommand> apply(ModelDocument* document, const QString& text,
                                                 const std::function<void(nn::Module& root)>& change,
                                                 ParametrizationSpecs parametrizations);
  void undo() override;
  void redo() override;

 private:
  ModelEditCommand(ModelDocument* document, const QString& text, std::shared_ptr<nn::Module> other,
                   ParametrizationSpecs otherSpecs);
  void swap();

  ModelDocument* document_;
  // The tree and list not currently shown.
  std::shared_ptr<nn::Module> other_;
  ParametrizationSpecs otherSpecs_;
  bool first_ = true;
};

// `specs` with one more registration on `tensor` of the module at
// `modulePath` (dotted, "" for the root).
ParametrizationSpecs withParametrization(ParametrizationSpecs specs, const std::string& modulePath,
                                         const std::string& tensor, const QString& type, const QVariantMap& options,
                                         bool unsafe);
// `specs` without the registrations that remove_parametrizations(module,
// tensor) undoes: those on the tensor and those nested inside its chain
// ("<module>.parametrizations.<tensor>…").
ParametrizationSpecs withoutChain(ParametrizationSpecs specs, const std::string& modulePath, const std::string& tensor);

}  // namespace paratrace::inspector
