#pragma once
// The model open in the window. Views read it and listen: modelReset when
// another file is opened, moduleChanged when its parametrizations change,
// traceChanged when the graphs are re-traced.
#include <QObject>
#include <QStringList>

#include "loaded_model.h"

namespace paratrace::inspector {

class ModelDocument : public QObject {
  Q_OBJECT

 public:
  explicit ModelDocument(QObject* parent = nullptr);

  void setModel(LoadedModel model);
  const LoadedModel& model() const { return model_; }
  bool isEmpty() const { return !model_.module && !model_.ir_graph; }
  nn::Module* module() const { return model_.module.get(); }

  // The traced graph of the current method, flat with every op in its module
  // scope (PyTorch's inlined_graph), or the parsed one; null when none.
  std::shared_ptr<jit::Graph> graph() const;
  QStringList methods() const;
  QString currentMethod() const { return method_; }
  void setCurrentMethod(const QString& method);
  bool canRetrace() const { return model_.module && !model_.example_inputs.empty(); }
  // Whether the IR lines still belong to a graph that the module can run.
  bool canCheckTrace() const { return canRetrace() && model_.traced; }

  // Traces every method with its example inputs again; throws core's errors
  // and leaves the previous trace in place then.
  void retrace();
  // The example inputs of `method`; empty when it has none.
  Stack exampleInputs(const QString& method) const;
  // Traces again with `inputs` as `method`'s example inputs (the other
  // methods keep theirs) and shows that method. The inputs replace the old
  // ones only when tracing succeeds; core's errors are thrown, leaving the
  // inputs and the trace as they were.
  void retrace(const QString& method, const Stack& inputs);
  // The registrations behind the module's chains (model files; see LoadedModel).
  const std::vector<model::ParametrizationSpec>& parametrizations() const { return model_.parametrizations; }
  // Shows another module tree with the registrations behind its chains
  // (an edit, its undo or redo), then as notifyModuleChanged.
  void replaceModule(std::shared_ptr<nn::Module> module, std::vector<model::ParametrizationSpec> parametrizations);
  // After Save As: the file the model now lives in, and for a model file the
  // document as written there.
  void setFile(const QString& path, const QString& name, QJsonObject document);
  // Tells the views that the module tree changed (a parametrization added or
  // removed), then re-traces; a failing re-trace drops the stale graph and is
  // reported through traceFailed.
  void notifyModuleChanged();

 signals:
  void modelReset();
  void moduleChanged();
  void traceChanged();
  void traceFailed(const QString& message);

 private:
  LoadedModel model_;
  QString method_;
};

}  // namespace paratrace::inspector
