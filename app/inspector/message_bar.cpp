#include "message_bar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>

namespace paratrace::inspector {

MessageBar::MessageBar(QWidget* parent) : QFrame(parent), label_(new QLabel(this)), close_(new QToolButton(this)) {
  setFrameShape(QFrame::StyledPanel);
  setAutoFillBackground(true);
  label_->setWordWrap(true);
  label_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  close_->setAutoRaise(true);
  close_->setText(QStringLiteral("✕"));
  close_->setToolTip(tr("Dismiss"));
  auto* layout = new QHBoxLayout(this);
  layout->setContentsMargins(8, 4, 4, 4);
  layout->addWidget(label_, 1);
  layout->addWidget(close_, 0, Qt::AlignTop);
  connect(close_, &QToolButton::clicked, this, &QWidget::hide);
  hide();
}

void MessageBar::showMessage(Level level, const QString& text) {
  level_ = level;
  label_->setText(text);
  const char* colour = level == Level::Error ? "#f8d7da" : level == Level::Warning ? "#fff3cd" : "#d1ecf1";
  setStyleSheet(QStringLiteral("paratrace--inspector--MessageBar { background: %1; border: 1px solid #bbb; }"
                               " QLabel { color: #222; }")
                    .arg(QLatin1String(colour)));
  show();
}

QString MessageBar::text() const { return label_->text(); }

}  // namespace paratrace::inspector
