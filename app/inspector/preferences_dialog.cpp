#include "preferences_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>

#include "app_settings.h"
#include "translations.h"

namespace paratrace::inspector {

PreferencesDialog::PreferencesDialog(AppSettings& settings, QWidget* parent)
    : QDialog(parent),
      settings_(settings),
      language_(new QComboBox(this)),
      theme_(new QComboBox(this)),
      format_(new QComboBox(this)) {
  setWindowTitle(tr("Preferences"));
  language_->addItem(tr("System default"), QString());
  for (const auto& [code, name] : Translations::languages()) language_->addItem(name, code);
  language_->setCurrentIndex(std::max(0, language_->findData(settings_.language())));
  theme_->addItem(tr("Light"), QStringLiteral("light"));
  theme_->addItem(tr("Dark"), QStringLiteral("dark"));
  theme_->setCurrentIndex(std::max(0, theme_->findData(settings_.theme())));
  for (const char* f : {"svg", "png", "pdf"}) format_->addItem(QString::fromLatin1(f).toUpper(), QLatin1String(f));
  format_->setCurrentIndex(std::max(0, format_->findData(settings_.defaultExportFormat())));
  auto* layout = new QFormLayout(this);
  layout->addRow(tr("Language:"), language_);
  layout->addRow(tr("Theme:"), theme_);
  layout->addRow(tr("Default export format:"), format_);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
  layout->addRow(buttons);
  connect(buttons, &QDialogButtonBox::accepted, this, [this] {
    save();
    accept();
  });
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

void PreferencesDialog::save() {
  settings_.setLanguage(language_->currentData().toString());
  settings_.setTheme(theme_->currentData().toString());
  settings_.setDefaultExportFormat(format_->currentData().toString());
}

}  // namespace paratrace::inspector
