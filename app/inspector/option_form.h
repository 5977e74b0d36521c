#pragma once
// An options form generated from a parametrization's options schema: a spin
// box, check box, combo box or line edit per option, help as tooltip. An
// option whose default is null (Python's None) is a line edit left empty
// for "unset".
#include <QList>
#include <QVariantMap>
#include <QWidget>

#include "paratrace/plugin/parametrization_plugin.h"

class QFormLayout;

namespace paratrace::inspector {

class OptionForm : public QWidget {
  Q_OBJECT

 public:
  explicit OptionForm(QWidget* parent = nullptr);
  void setSchema(const QList<plugin::OptionSpec>& schema);
  // The values entered, keyed by option name; unset options are left out so
  // that the host fills in their defaults.
  QVariantMap values() const;
  // Sets one field; false when there is no such option or the value does not fit.
  bool setValue(const QString& name, const QVariant& value);
  QWidget* field(const QString& name) const;

 private:
  QFormLayout* layout_;
  QList<plugin::OptionSpec> schema_;
  QList<QWidget*> fields_;
};

}  // namespace paratrace::inspector
