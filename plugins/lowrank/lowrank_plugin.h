#pragma once
// Built-in plugin offering core's LowRank and RankOne: parametrizations with
// two originals (original0, original1).
#include <QObject>

#include "paratrace/plugin/parametrization_plugin.h"

class LowRankPlugin : public QObject, public paratrace::plugin::ParametrizationPlugin {
  Q_OBJECT
  Q_PLUGIN_METADATA(IID PARATRACE_PARAMETRIZATION_PLUGIN_IID FILE "lowrank.json")
  Q_INTERFACES(paratrace::plugin::ParametrizationPlugin)

 public:
  QList<std::shared_ptr<const paratrace::plugin::ParametrizationType>> parametrizations() const override;
};
