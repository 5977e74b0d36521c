#pragma once
// Model files (*.paratrace.json, docs/model-format.md): a module tree by type
// and PyTorch constructor keywords, weights with PyTorch's state_dict keys,
// parametrizations resolved through the plugin manager, and example inputs
// per traced method.
#include <QJsonObject>
#include <QString>
#include <QVariantMap>
#include <cstdint>
#include <memory>
#include <vector>

#include "example_inputs.h"
#include "paratrace/nn/module.h"

namespace paratrace::pluginhost {
class PluginManager;
}

namespace paratrace::model {

inline constexpr int kModelFormatVersion = 1;

struct ParametrizationSpec {
  QString module;  // dotted path from the root ("" for the root itself)
  QString tensor;
  QString type;
  QVariantMap options;  // as resolved against the plugin's schema
  bool unsafe = false;
};

// Which state_dict the weights file holds, told apart by its keys.
enum class WeightsKind {
  None,                 // no "weights": the seeded default initialisation
  BeforeParametrizing,  // plain keys ("0.weight"): loaded, then parametrized
  AfterParametrizing,   // "0.parametrizations.weight.original": parametrized, then loaded
};

struct ModelFile {
  QString path;  // absolute
  QString name;
  std::shared_ptr<nn::Module> module;
  WeightsKind weights_kind = WeightsKind::None;
  QString weights_path;  // absolute; empty without weights
  std::uint64_t seed = 0;
  std::vector<ParametrizationSpec> parametrizations;
  // In the file's order; "forward" first when present.
  MethodInputs example_inputs;
  // Set when example_inputs no longer match the document's (the app traced
  // with other inputs): the saver then writes them to a safetensors file.
  bool example_inputs_edited = false;
  // The file as read, which the saver writes back with new weights.
  QJsonObject document;
};

// Throws a ModelFileError (model_error.h) naming the file, the JSON path and
// the reason for every problem. Uses the global random generator (seed).
ModelFile load_model(const QString& path, const pluginhost::PluginManager& plugins);

}  // namespace paratrace::model
