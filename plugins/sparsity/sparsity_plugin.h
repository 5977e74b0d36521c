#pragma once
// Built-in plugin offering core's FakeSparsity with the mask builders of
// core's nn/sparsity/mask_builders.h.
#include <QObject>

#include "paratrace/plugin/parametrization_plugin.h"

class SparsityPlugin : public QObject, public paratrace::plugin::ParametrizationPlugin {
  Q_OBJECT
  Q_PLUGIN_METADATA(IID PARATRACE_PARAMETRIZATION_PLUGIN_IID FILE "sparsity.json")
  Q_INTERFACES(paratrace::plugin::ParametrizationPlugin)

 public:
  QList<std::shared_ptr<const paratrace::plugin::ParametrizationType>> parametrizations() const override;
};
