#include "export_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>

namespace paratrace::inspector {

ExportDialog::ExportDialog(const QString& defaultFormat, double dpi, bool dark, QWidget* parent)
    : QDialog(parent),
      path_(new QLineEdit(this)),
      format_(new QComboBox(this)),
      theme_(new QComboBox(this)),
      dpi_(new QDoubleSpinBox(this)),
      whole_(new QRadioButton(tr("Whole graph"), this)),
      visible_(new QRadioButton(tr("Visible area"), this)) {
  setWindowTitle(tr("Export Graph Image"));
  for (const char* f : {"svg", "png", "pdf"}) format_->addItem(QString::fromLatin1(f).toUpper(), QLatin1String(f));
  format_->setCurrentIndex(std::max(0, format_->findData(defaultFormat)));
  theme_->addItem(tr("Light"), false);
  theme_->addItem(tr("Dark"), true);
  theme_->setCurrentIndex(dark ? 1 : 0);
  dpi_->setRange(36, 1200);
  dpi_->setDecimals(0);
  dpi_->setValue(dpi);
  whole_->setChecked(true);
  auto* browse = new QPushButton(tr("Browse…"), this);
  auto* file = new QHBoxLayout;
  file->addWidget(path_, 1);
  file->addWidget(browse);
  auto* area = new QHBoxLayout;
  area->addWidget(whole_);
  area->addWidget(visible_);
  auto* layout = new QFormLayout(this);
  layout->addRow(tr("File:"), file);
  layout->addRow(tr("Format:"), format_);
  layout->addRow(tr("Resolution (PNG, DPI):"), dpi_);
  layout->addRow(tr("Theme:"), theme_);
  layout->addRow(tr("Area:"), area);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
  layout->addRow(buttons);
  connect(browse, &QPushButton::clicked, this, &ExportDialog::browse);
  connect(format_, &QComboBox::currentIndexChanged, this, [this] {
    dpi_->setEnabled(format() == QLatin1String("png"));
    if (!path_->text().isEmpty())
      path_->setText(QFileInfo(path_->text()).path() + QLatin1Char('/') + QFileInfo(path_->text()).completeBaseName() +
                     QLatin1Char('.') + format());
  });
  dpi_->setEnabled(format() == QLatin1String("png"));
  connect(buttons, &QDialogButtonBox::accepted, this, [this] {
    if (!path_->text().isEmpty()) accept();
  });
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

void ExportDialog::browse() {
  const QString chosen = QFileDialog::getSaveFileName(this, tr("Export Graph Image"), path_->text(),
                                                      tr("%1 files (*.%2)").arg(format().toUpper(), format()));
  if (!chosen.isEmpty()) path_->setText(chosen);
}

QString ExportDialog::path() const { return path_->text(); }
QString ExportDialog::format() const { return format_->currentData().toString(); }
double ExportDialog::dpi() const { return dpi_->value(); }
bool ExportDialog::dark() const { return theme_->currentData().toBool(); }
bool ExportDialog::visibleAreaOnly() const { return visible_->isChecked(); }

}  // namespace paratrace::inspector
