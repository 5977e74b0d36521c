// Rejected: a Qt plugin of another application (another IID).
#include <QObject>

#include "pass_through_type.h"

class WrongIidPlugin : public QObject, public paratrace::plugin::ParametrizationPlugin {
  Q_OBJECT
  Q_PLUGIN_METADATA(IID "org.example.OtherApp.Plugin/1" FILE "broken.json")
  Q_INTERFACES(paratrace::plugin::ParametrizationPlugin)

 public:
  QList<std::shared_ptr<const paratrace::plugin::ParametrizationType>> parametrizations() const override {
    return {std::make_shared<PassThroughType>(QStringLiteral("Broken"))};
  }
};

#include "wrong_iid.moc"
