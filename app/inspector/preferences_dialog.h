#pragma once
// Preferences: language, light/dark theme and the default export format,
// read from and written to AppSettings.
#include <QDialog>

class QComboBox;

namespace paratrace::inspector {

class AppSettings;

class PreferencesDialog : public QDialog {
  Q_OBJECT

 public:
  explicit PreferencesDialog(AppSettings& settings, QWidget* parent = nullptr);
  QComboBox* language() const { return language_; }
  QComboBox* theme() const { return theme_; }
  QComboBox* exportFormat() const { return format_; }
  // Writes the choices to the settings.
  void save();

 private:
  AppSettings& settings_;
  QComboBox *language_, *theme_, *format_;
};

}  // namespace paratrace::inspector
