// Rejected: calls a function no library defines, so it cannot be loaded with
// every symbol resolved (and, loaded lazily, would end the process at the call).
#include <QObject>

#include "pass_through_type.h"

extern "C" void paratrace_test_symbol_nobody_defines();

class UnresolvedSymbolPlugin : public QObject, public paratrace::plugin::ParametrizationPlugin {
  Q_OBJECT
  Q_PLUGIN_METADATA(IID PARATRACE_PARAMETRIZATION_PLUGIN_IID FILE "broken.json")
  Q_INTERFACES(paratrace::plugin::ParametrizationPlugin)

 public:
  QList<std::shared_ptr<const paratrace::plugin::ParametrizationType>> parametrizations() const override {
    paratrace_test_symbol_nobody_defines();
    return {std::make_shared<PassThroughType>(QStringLiteral("Broken"))};
  }
};

#include "unresolved_symbol.moc"
