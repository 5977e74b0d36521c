// Rejected: its factory throws when building with the default options.
#include <QObject>
#include <stdexcept>

#include "pass_through_type.h"

class ThrowingType : public PassThroughType {
 public:
  ThrowingType() : PassThroughType(QStringLiteral("Broken")) {}
  std::shared_ptr<paratrace::nn::Parametrization> create(const QVariantMap&) const override {
    throw std::runtime_error("no GPU found");
  }
};

class FactoryThrowsPlugin : public QObject, public paratrace::plugin::ParametrizationPlugin {
  Q_OBJECT
  Q_PLUGIN_METADATA(IID PARATRACE_PARAMETRIZATION_PLUGIN_IID FILE "broken.json")
  Q_INTERFACES(paratrace::plugin::ParametrizationPlugin)

 public:
  QList<std::shared_ptr<const paratrace::plugin::ParametrizationType>> parametrizations() const override {
    return {std::make_shared<ThrowingType>()};
  }
};

#include "factory_throws.moc"
