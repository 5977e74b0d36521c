// Rejected: creating its root object throws.
#include <QObject>
#include <stdexcept>

#include "pass_through_type.h"

class ConstructorThrowsPlugin : public QObject, public paratrace::plugin::ParametrizationPlugin {
  Q_OBJECT
  Q_PLUGIN_METADATA(IID PARATRACE_PARAMETRIZATION_PLUGIN_IID FILE "broken.json")
  Q_INTERFACES(paratrace::plugin::ParametrizationPlugin)

 public:
  ConstructorThrowsPlugin() { throw std::runtime_error("cannot read the licence file"); }
  QList<std::shared_ptr<const paratrace::plugin::ParametrizationType>> parametrizations() const override {
    return {std::make_shared<PassThroughType>(QStringLiteral("Broken"))};
  }
};

#include "constructor_throws.moc"
