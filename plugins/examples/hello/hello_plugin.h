#pragma once
// An example parametrization plugin: what a plugin needs is this class, its
// metadata JSON (hello.json) and the ParametrizationType of each
// parametrization it provides (hello_plugin.cpp).
#include <QObject>

#include "paratrace/plugin/parametrization_plugin.h"

class HelloPlugin : public QObject, public paratrace::plugin::ParametrizationPlugin {
  Q_OBJECT
  Q_PLUGIN_METADATA(IID PARATRACE_PARAMETRIZATION_PLUGIN_IID FILE "hello.json")
  Q_INTERFACES(paratrace::plugin::ParametrizationPlugin)

 public:
  QList<std::shared_ptr<const paratrace::plugin::ParametrizationType>> parametrizations() const override;
};
