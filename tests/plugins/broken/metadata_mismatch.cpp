// Rejected: the metadata announces "Announced", the code provides "Delivered".
#include <QObject>

#include "pass_through_type.h"

class MetadataMismatchPlugin : public QObject, public paratrace::plugin::ParametrizationPlugin {
  Q_OBJECT
  Q_PLUGIN_METADATA(IID PARATRACE_PARAMETRIZATION_PLUGIN_IID FILE "metadata_mismatch.json")
  Q_INTERFACES(paratrace::plugin::ParametrizationPlugin)

 public:
  QList<std::shared_ptr<const paratrace::plugin::ParametrizationType>> parametrizations() const override {
    return {std::make_shared<PassThroughType>(QStringLiteral("Delivered"))};
  }
};

#include "metadata_mismatch.moc"
