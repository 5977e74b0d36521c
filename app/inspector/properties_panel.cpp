#include "properties_panel.h"

#include <QEvent>
#include <QHeaderView>

namespace paratrace::inspector {

PropertiesPanel::PropertiesPanel(QWidget* parent) : QTreeWidget(parent) {
  setColumnCount(2);
  setRootIsDecorated(false);
  setAlternatingRowColors(true);
  header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
  retranslate();
}

void PropertiesPanel::setSections(const QList<PropertySection>& sections) {
  clear();
  for (const PropertySection& section : sections) {
    auto* head = new QTreeWidgetItem(this, {section.title});
    QFont bold = head->font(0);
    bold.setBold(true);
    head->setFont(0, bold);
    head->setFirstColumnSpanned(true);
    for (const auto& [name, value] : section.rows) {
      auto* row = new QTreeWidgetItem(head, {name, value});
      row->setToolTip(1, value);
    }
  }
  setRootIsDecorated(false);
  expandAll();
}

QString PropertiesPanel::value(const QString& name) const {
  for (int i = 0; i < topLevelItemCount(); ++i)
    for (int j = 0; j < topLevelItem(i)->childCount(); ++j)
      if (topLevelItem(i)->child(j)->text(0) == name) return topLevelItem(i)->child(j)->text(1);
  return {};
}

void PropertiesPanel::retranslate() { setHeaderLabels({tr("Property"), tr("Value")}); }

void PropertiesPanel::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslate();
  QTreeWidget::changeEvent(event);
}

}  // namespace paratrace::inspector
