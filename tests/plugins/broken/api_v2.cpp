// Rejected: built for a future plugin API (IID suffix 2).
#include <QObject>

#include "pass_through_type.h"

class ApiV2Plugin : public QObject, public paratrace::plugin::ParametrizationPlugin {
  Q_OBJECT
  Q_PLUGIN_METADATA(IID "org.paratrace.ParametrizationPlugin/2" FILE "broken.json")
  Q_INTERFACES(paratrace::plugin::ParametrizationPlugin)

 public:
  QList<std::shared_ptr<const paratrace::plugin::ParametrizationType>> parametrizations() const override {
    return {std::make_shared<PassThroughType>(QStringLiteral("Broken"))};
  }
};

#include "api_v2.moc"
