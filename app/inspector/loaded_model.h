#pragma once
// What one opened file gives the inspector: a module tree with its example
// inputs and traced methods, or (for IR text) a graph alone. A model file
// also keeps what saving it needs: the JSON as read and its parametrizations.
#include <QJsonObject>
#include <QString>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "model_file.h"
#include "paratrace/jit/traced_module.h"
#include "paratrace/nn/module.h"

namespace paratrace::inspector {

using MethodInputs = std::vector<std::pair<std::string, Stack>>;

struct LoadedModel {
  QString path;  // empty for a model built in memory
  QString name;
  std::shared_ptr<nn::Module> module;            // null for IR text
  MethodInputs example_inputs;                   // per method; empty when unknown
  bool example_inputs_edited = false;            // re-traced with other inputs than the file's
  std::shared_ptr<jit::TracedModule> traced;     // null until traced
  std::shared_ptr<jit::Graph> ir_graph;          // IR text only
  // Model files only (empty otherwise): the document as read, which Save
  // writes back, and the registrations that made the module's chains, in
  // order; edits keep them in step with the module.
  QJsonObject document;
  std::vector<model::ParametrizationSpec> parametrizations;
};

}  // namespace paratrace::inspector
