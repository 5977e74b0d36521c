#pragma once
// The stages the chain view draws for one tensor, read through core's
// introspection API (describe, evaluate_steps): each original, then each
// step's output; the last step's output is the effective tensor. A tensor
// without parametrizations is one stage.
#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <optional>
#include <vector>

#include "paratrace/nn/module.h"
#include "tensor_stats.h"

namespace paratrace::inspector {

struct ChainStage {
  enum class Kind { Original, Step, Plain };
  Kind kind = Kind::Plain;
  QString title;         // "original", "1 · Skew", "weight"
  QString details;       // the step's repr (type and options)
  QStringList ownTensors;  // a step's own parameters and buffers: "mask [4, 8] float32 (buffer)"
  bool effective = false;  // this stage's value is what module.weight returns
  Tensor values;
  TensorStats stats;
  std::optional<PropertyMeasure> property;
};

struct ChainStages {
  Q_DECLARE_TR_FUNCTIONS(ChainStages)

 public:
  // Throws core's errors (a step that fails to evaluate).
  static std::vector<ChainStage> build(nn::Module& module, const std::string& tensor_name);
};

}  // namespace paratrace::inspector
