#include "option_form.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <limits>

namespace paratrace::inspector {

using plugin::OptionSpec;

OptionForm::OptionForm(QWidget* parent) : QWidget(parent), layout_(new QFormLayout(this)) {
  layout_->setContentsMargins(0, 0, 0, 0);
}

void OptionForm::setSchema(const QList<OptionSpec>& schema) {
  while (layout_->rowCount() > 0) layout_->removeRow(0);
  fields_.clear();
  schema_ = schema;
  for (const OptionSpec& spec : schema_) {
    QWidget* field = nullptr;
    if (spec.default_value.isNull()) {
      auto* edit = new QLineEdit(this);
      edit->setPlaceholderText(tr("unset"));
      field = edit;
    } else if (spec.type == OptionSpec::Type::Int) {
      auto* box = new QSpinBox(this);
      box->setRange(spec.minimum.isNull() ? std::numeric_limits<int>::min() : spec.minimum.toInt(),
                    spec.maximum.isNull() ? std::numeric_limits<int>::max() : spec.maximum.toInt());
      box->setValue(spec.default_value.toInt());
      field = box;
    } else if (spec.type == OptionSpec::Type::Float) {
      auto* box = new QDoubleSpinBox(this);
      box->setDecimals(8);
      box->setRange(spec.minimum.isNull() ? -1e300 : spec.minimum.toDouble(),
                    spec.maximum.isNull() ? 1e300 : spec.maximum.toDouble());
      box->setValue(spec.default_value.toDouble());
      field = box;
    } else if (spec.type == OptionSpec::Type::Bool) {
      auto* box = new QCheckBox(this);
      box->setChecked(spec.default_value.toBool());
      field = box;
    } else if (spec.type == OptionSpec::Type::Choice) {
      auto* box = new QComboBox(this);
      box->addItems(spec.choices);
      box->setCurrentText(spec.default_value.toString());
      field = box;
    } else {
      field = new QLineEdit(spec.default_value.toString(), this);
    }
    field->setObjectName(spec.name);
    field->setToolTip(spec.help);
    layout_->addRow(spec.name, field);
    fields_ << field;
  }
  if (schema_.isEmpty()) layout_->addRow(new QLabel(tr("This parametrization has no options."), this));
}

QWidget* OptionForm::field(const QString& name) const {
  for (int i = 0; i < schema_.size(); ++i)
    if (schema_[i].name == name) return fields_[i];
  return nullptr;
}

QVariantMap OptionForm::values() const {
  QVariantMap values;
  for (int i = 0; i < schema_.size(); ++i) {
    const QString& name = schema_[i].name;
    QWidget* w = fields_[i];
    if (auto* edit = qobject_cast<QLineEdit*>(w)) {
      if (!edit->text().isEmpty() || !schema_[i].default_value.isNull()) values.insert(name, edit->text());
    } else if (auto* spin = qobject_cast<QSpinBox*>(w)) {
      values.insert(name, qlonglong(spin->value()));
    } else if (auto* dspin = qobject_cast<QDoubleSpinBox*>(w)) {
      values.insert(name, dspin->value());
    } else if (auto* check = qobject_cast<QCheckBox*>(w)) {
      values.insert(name, check->isChecked());
    } else if (auto* combo = qobject_cast<QComboBox*>(w)) {
      values.insert(name, combo->currentText());
    }
  }
  return values;
}

bool OptionForm::setValue(const QString& name, const QVariant& value) {
  QWidget* w = field(name);
  if (auto* edit = qobject_cast<QLineEdit*>(w)) edit->setText(value.toString());
  else if (auto* spin = qobject_cast<QSpinBox*>(w)) spin->setValue(value.toInt());
  else if (auto* dspin = qobject_cast<QDoubleSpinBox*>(w)) dspin->setValue(value.toDouble());
  else if (auto* check = qobject_cast<QCheckBox*>(w)) check->setChecked(value.toBool());
  else if (auto* combo = qobject_cast<QComboBox*>(w)) {
    const int index = combo->findText(value.toString());
    if (index < 0) return false;
    combo->setCurrentIndex(index);
  } else {
    return false;
  }
  return true;
}

}  // namespace paratrace::inspector
