#pragma once
// The IR dock: the printed graph (Graph::str) with highlighting. Moving the
// cursor to a line names the value that line defines; selectValue goes the
// other way.
#include <QHash>
#include <QPlainTextEdit>
#include <memory>

namespace paratrace::jit {
class Graph;
}

namespace paratrace::inspector {

class IrHighlighter;

class IrView : public QPlainTextEdit {
  Q_OBJECT

 public:
  explicit IrView(QWidget* parent = nullptr);
  void setGraph(const std::shared_ptr<jit::Graph>& graph);
  void setDark(bool dark);
  // Moves to the line defining `name` (no "%"); false when no line does.
  bool selectValue(const QString& name);
  // The value defined on line `line` (0-based); empty when none.
  QString valueAtLine(int line) const;
  int lineOfValue(const QString& name) const { return lineOf_.value(name, -1); }

 signals:
  void valueSelected(const QString& name);

 private:
  void onCursorMoved();
  void highlightLine(int line);

  IrHighlighter* highlighter_;
  QHash<QString, int> lineOf_;
  QHash<int, QString> valueOf_;
  bool moving_ = false;
};

}  // namespace paratrace::inspector
