#pragma once
// A dismissable strip above the graph that shows what went wrong (or what
// happened) without blocking the window, like KMessageWidget.
#include <QFrame>

class QLabel;
class QToolButton;

namespace paratrace::inspector {

class MessageBar : public QFrame {
  Q_OBJECT

 public:
  enum class Level { Info, Warning, Error };
  explicit MessageBar(QWidget* parent = nullptr);

  void showMessage(Level level, const QString& text);
  QString text() const;
  Level level() const { return level_; }

 private:
  QLabel* label_;
  QToolButton* close_;
  Level level_ = Level::Info;
};

}  // namespace paratrace::inspector
