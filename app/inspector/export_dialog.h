#pragma once
// Export Graph Image…: file, format, DPI, theme, whole graph or visible area.
#include <QDialog>

#include "graph_export.h"

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLineEdit;
class QRadioButton;

namespace paratrace::inspector {

class ExportDialog : public QDialog {
  Q_OBJECT

 public:
  ExportDialog(const QString& defaultFormat, double dpi, bool dark, QWidget* parent = nullptr);
  QString path() const;
  QString format() const;
  double dpi() const;
  bool dark() const;
  bool visibleAreaOnly() const;

 private:
  void browse();
  QLineEdit* path_;
  QComboBox *format_, *theme_;
  QDoubleSpinBox* dpi_;
  QRadioButton *whole_, *visible_;
};

}  // namespace paratrace::inspector
