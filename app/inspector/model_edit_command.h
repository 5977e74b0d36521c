#pragma once
// Undo/redo for changes to the module tree (adding or removing
// parametrizations): the tree before the change is kept as a deep copy and
// swapped back in on undo; redo swaps the changed tree in again. The change
// itself is made before the command is pushed, so a change that fails is
// never on the stack.
#include <QUndoCommand>
#include <functional>
#include <memory>

#include "paratrace/nn/module.h"

namespace paratrace::inspector {

class ModelDocument;

class ModelEditCommand : public QUndoCommand {
 public:
  // Copies the document's tree, runs `change` on the live tree (which may
  // throw: nothing is changed then, as core's parametrize functions leave a
  // module as it was on failure) and returns the command to push.
  static std::unique_ptr<ModelEditCommand> apply(ModelDocument* document, const QString& text,
                                                 const std::function<void(nn::Module& root)>& change);
  void undo() override;
  void redo() override;

 private:
  ModelEditCommand(ModelDocument* document, const QString& text, std::shared_ptr<nn::Module> other);
  void swap();

  ModelDocument* document_;
  std::shared_ptr<nn::Module> other_;  // the tree not currently shown
  bool first_ = true;
};

}  // namespace paratrace::inspector
