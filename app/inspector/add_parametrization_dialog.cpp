#include "add_parametrization_dialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QListWidget>
#include <QVBoxLayout>

#include "option_form.h"
#include "option_values.h"
#include "plugin_manager.h"
#include "shape_text.h"

namespace paratrace::inspector {

namespace {
constexpr int kTypeRole = Qt::UserRole + 1;
constexpr int kReasonRole = Qt::UserRole + 2;
}  // namespace

AddParametrizationDialog::AddParametrizationDialog(const pluginhost::PluginManager& plugins, const QString& tensorPath,
                                                   const plugin::TensorSpec& tensor, Apply apply, QWidget* parent)
    : QDialog(parent),
      plugins_(plugins),
      tensor_(tensor),
      apply_(std::move(apply)),
      list_(new QListWidget(this)),
      description_(new QLabel(this)),
      form_(new OptionForm(this)),
      unsafe_(new QCheckBox(tr("Unsafe (skip the shape and dtype checks)"), this)),
      error_(new QLabel(this)) {
  setWindowTitle(tr("Add Parametrization to %1").arg(tensorPath));
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(new QLabel(tr("Tensor %1: shape %2, %3").arg(tensorPath, shapeText(tensor.shape), dtypeText(tensor.dtype)),
                               this));
  layout->addWidget(list_, 1);
  description_->setWordWrap(true);
  layout->addWidget(description_);
  layout->addWidget(form_);
  layout->addWidget(unsafe_);
  error_->setWordWrap(true);
  error_->setStyleSheet(QStringLiteral("color: #c0392b;"));
  error_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  layout->addWidget(error_);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
  layout->addWidget(buttons);
  connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

  for (const QString& name : plugins_.type_names()) {
    const auto type = plugins_.type(name);
    const std::optional<QString> reason = type->check(tensor_);
    auto* item = new QListWidgetItem(reason ? tr("%1 — %2").arg(type->display_name(), *reason) : type->display_name(),
                                     list_);
    item->setData(kTypeRole, name);
    item->setToolTip(type->description());
    if (reason) {
      item->setData(kReasonRole, *reason);
      item->setFlags(item->flags() & ~(Qt::ItemIsSelectable | Qt::ItemIsEnabled));
    }
  }
  if (plugins_.type_names().isEmpty()) error_->setText(tr("No parametrization plugins are loaded (see Model ▸ Plugins…)."));
  connect(list_, &QListWidget::currentRowChanged, this, &AddParametrizationDialog::onTypeChanged);
  for (const QString& name : applicableTypes()) {
    selectType(name);
    break;
  }
  resize(520, 480);
}

QStringList AddParametrizationDialog::applicableTypes() const {
  QStringList names;
  for (int i = 0; i < list_->count(); ++i)
    if (list_->item(i)->flags() & Qt::ItemIsEnabled) names << list_->item(i)->data(kTypeRole).toString();
  return names;
}

QString AddParametrizationDialog::reasonNotApplicable(const QString& type) const {
  for (int i = 0; i < list_->count(); ++i)
    if (list_->item(i)->data(kTypeRole).toString() == type) return list_->item(i)->data(kReasonRole).toString();
  return {};
}

bool AddParametrizationDialog::selectType(const QString& type) {
  for (int i = 0; i < list_->count(); ++i) {
    QListWidgetItem* item = list_->item(i);
    if (item->data(kTypeRole).toString() == type && (item->flags() & Qt::ItemIsEnabled)) {
      list_->setCurrentRow(i);
      return true;
    }
  }
  return false;
}

void AddParametrizationDialog::onTypeChanged() {
  error_->clear();
  QListWidgetItem* item = list_->currentItem();
  const auto type = item ? plugins_.type(item->data(kTypeRole).toString()) : nullptr;
  description_->setText(type ? type->description() : QString());
  form_->setSchema(type ? type->options() : QList<plugin::OptionSpec>{});
}

void AddParametrizationDialog::setUnsafe(bool unsafe) { unsafe_->setChecked(unsafe); }

QString AddParametrizationDialog::errorText() const { return error_->text(); }

bool AddParametrizationDialog::tryApply() {
  QListWidgetItem* item = list_->currentItem();
  if (!item) {
    error_->setText(tr("Choose a parametrization."));
    return false;
  }
  const QString type = item->data(kTypeRole).toString();
  try {
    // The options chosen may not fit the tensor (a rank above its size).
    if (const auto reason = plugins_.check(type, tensor_, form_->values())) {
      error_->setText(*reason);
      return false;
    }
    const auto parametrization = plugins_.create(type, form_->values());
    apply_(parametrization, unsafe_->isChecked(), type,
           pluginhost::resolve_options(plugins_.type(type)->options(), form_->values()));
  } catch (const std::exception& e) {
    error_->setText(QString::fromStdString(e.what()));
    return false;
  }
  return true;
}

void AddParametrizationDialog::accept() {
  if (tryApply()) QDialog::accept();
}

}  // namespace paratrace::inspector
