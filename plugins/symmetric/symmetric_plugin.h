#pragma once
// Built-in plugin offering core's Symmetric and Skew parametrizations.
#include <QObject>

#include "paratrace/plugin/parametrization_plugin.h"

class SymmetricPlugin : public QObject, public paratrace::plugin::ParametrizationPlugin {
  Q_OBJECT
  Q_PLUGIN_METADATA(IID PARATRACE_PARAMETRIZATION_PLUGIN_IID FILE "symmetric.json")
  Q_INTERFACES(paratrace::plugin::ParametrizationPlugin)

 public:
  QList<std::shared_ptr<const paratrace::plugin::ParametrizationType>> parametrizations() const override;
};
