#pragma once
// Built-in plugin offering core's Orthogonal (PyTorch's _Orthogonal) and the
// plain Cayley map of PyTorch's parametrize tests.
#include <QObject>

#include "paratrace/plugin/parametrization_plugin.h"

class OrthogonalPlugin : public QObject, public paratrace::plugin::ParametrizationPlugin {
  Q_OBJECT
  Q_PLUGIN_METADATA(IID PARATRACE_PARAMETRIZATION_PLUGIN_IID FILE "orthogonal.json")
  Q_INTERFACES(paratrace::plugin::ParametrizationPlugin)

 public:
  QList<std::shared_ptr<const paratrace::plugin::ParametrizationType>> parametrizations() const override;
};
