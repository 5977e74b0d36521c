#pragma once
// Summary statistics of a tensor and the property a parametrization step
// promises, measured on its output (how far from orthogonal, symmetric ...).
#include <QCoreApplication>
#include <QString>
#include <optional>
#include <string>

#include "paratrace/nn/module.h"

namespace paratrace::inspector {

struct TensorStats {
  qint64 numel = 0;
  double min = 0, max = 0, mean = 0;
  double norm = 0;      // Frobenius / 2-norm of all elements
  double sparsity = 0;  // percent of exact zeros
};

TensorStats computeStats(const Tensor& tensor);

struct PropertyMeasure {
  QString name;   // "‖XᵀX − I‖", translated where words are used
  double value = 0;
  // Whether the value is what the step promises (within a float tolerance);
  // nullopt for a plain measurement such as σ_max.
  std::optional<bool> holds;
};

struct PropertyMeasures {
  Q_DECLARE_TR_FUNCTIONS(PropertyMeasures)

 public:
  // The property of step `step` (its class name, e.g. "Cayley") measured on
  // `output`, the step's value; nullopt for steps that promise nothing
  // measurable or shapes the property does not apply to.
  static std::optional<PropertyMeasure> measure(const nn::Module& step, const Tensor& output);
};

}  // namespace paratrace::inspector
