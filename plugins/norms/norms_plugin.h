#pragma once
// Built-in plugin offering core's SpectralNorm (PyTorch's _SpectralNorm) and
// WeightNorm (_WeightNorm of PyTorch main).
#include <QObject>

#include "paratrace/plugin/parametrization_plugin.h"

class NormsPlugin : public QObject, public paratrace::plugin::ParametrizationPlugin {
  Q_OBJECT
  Q_PLUGIN_METADATA(IID PARATRACE_PARAMETRIZATION_PLUGIN_IID FILE "norms.json")
  Q_INTERFACES(paratrace::plugin::ParametrizationPlugin)

 public:
  QList<std::shared_ptr<const paratrace::plugin::ParametrizationType>> parametrizations() const override;
};
