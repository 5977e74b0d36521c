// Rejected: claims "Symmetric", which the built-in plugin provides.
#include <QObject>

#include "pass_through_type.h"

class DuplicateTypePlugin : public QObject, public paratrace::plugin::ParametrizationPlugin {
  Q_OBJECT
  Q_PLUGIN_METADATA(IID PARATRACE_PARAMETRIZATION_PLUGIN_IID FILE "duplicate_type.json")
  Q_INTERFACES(paratrace::plugin::ParametrizationPlugin)

 public:
  QList<std::shared_ptr<const paratrace::plugin::ParametrizationType>> parametrizations() const override {
    return {std::make_shared<PassThroughType>(QStringLiteral("Symmetric"))};
  }
};

#include "duplicate_type.moc"
