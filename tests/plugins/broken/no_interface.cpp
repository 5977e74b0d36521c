// Rejected: declares Paratrace's IID, but its root object does not implement
// ParametrizationPlugin (as when Q_INTERFACES is forgotten).
#include <QObject>

#include "pass_through_type.h"

class NoInterfacePlugin : public QObject {
  Q_OBJECT
  Q_PLUGIN_METADATA(IID PARATRACE_PARAMETRIZATION_PLUGIN_IID FILE "broken.json")
};

#include "no_interface.moc"
