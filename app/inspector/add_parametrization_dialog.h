#pragma once
// Add parametrization…: every parametrization the loaded plugins provide,
// those that cannot apply to the selected tensor greyed out with the
// plugin's reason; an options form from the chosen type's schema; the unsafe
// switch. Errors (bad options, options that do not fit the tensor, core
// refusing the registration) are shown in the dialog, which stays open.
#include <QDialog>
#include <functional>
#include <memory>

#include "paratrace/plugin/parametrization_plugin.h"

class QCheckBox;
class QLabel;
class QListWidget;

namespace paratrace::pluginhost {
class PluginManager;
}

namespace paratrace::inspector {

class OptionForm;

class AddParametrizationDialog : public QDialog {
  Q_OBJECT

 public:
  // Registers the built parametrization, made from plugin type `type` with
  // `options` (resolved against its schema, as saved); throws core's errors.
  using Apply = std::function<void(std::shared_ptr<nn::Parametrization>, bool unsafe, const QString& type,
                                   const QVariantMap& options)>;

  AddParametrizationDialog(const pluginhost::PluginManager& plugins, const QString& tensorPath,
                           const plugin::TensorSpec& tensor, Apply apply, QWidget* parent = nullptr);

  // The types listed, and why those that do not apply do not.
  QStringList applicableTypes() const;
  QString reasonNotApplicable(const QString& type) const;
  bool selectType(const QString& type);
  OptionForm* optionForm() const { return form_; }
  void setUnsafe(bool unsafe);
  // Builds and applies; false (with the error shown) when anything fails.
  bool tryApply();
  QString errorText() const;

  void accept() override;

 private:
  void onTypeChanged();

  const pluginhost::PluginManager& plugins_;
  plugin::TensorSpec tensor_;
  Apply apply_;
  QListWidget* list_;
  QLabel* description_;
  OptionForm* form_;
  QCheckBox* unsafe_;
  QLabel* error_;
};

}  // namespace paratrace::inspector
