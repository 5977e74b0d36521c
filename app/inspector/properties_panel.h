#pragma once
// The Properties dock: name/value rows, grouped in sections, for whatever is
// selected (a tensor, a module, a graph node).
#include <QList>
#include <QPair>
#include <QTreeWidget>

namespace paratrace::inspector {

struct PropertySection {
  QString title;
  QList<QPair<QString, QString>> rows;
};

class PropertiesPanel : public QTreeWidget {
  Q_OBJECT

 public:
  explicit PropertiesPanel(QWidget* parent = nullptr);
  void setSections(const QList<PropertySection>& sections);
  // The value of the first row named `name`; empty when absent (for tests).
  QString value(const QString& name) const;

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void retranslate();
};

}  // namespace paratrace::inspector
