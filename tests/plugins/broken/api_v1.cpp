// Rejected: built for an older plugin API (IID suffix 1).
#include <QObject>

#include "pass_through_type.h"

class ApiV1Plugin : public QObject, public paratrace::plugin::ParametrizationPlugin {
  Q_OBJECT
  Q_PLUGIN_METADATA(IID "org.paratrace.ParametrizationPlugin/1" FILE "broken.json")
  Q_INTERFACES(paratrace::plugin::ParametrizationPlugin)

 public:
  QList<std::shared_ptr<const paratrace::plugin::ParametrizationType>> parametrizations() const override {
    return {std::make_shared<PassThroughType>(QStringLiteral("Broken"))};
  }
};

#include "api_v1.moc"
