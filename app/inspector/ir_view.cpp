#include "ir_view.h"

#include <QFontDatabase>
#include <QRegularExpression>
#include <QTextBlock>

#include "ir_highlighter.h"
#include "paratrace/jit/ir.h"

namespace paratrace::inspector {

IrView::IrView(QWidget* parent) : QPlainTextEdit(parent), highlighter_(new IrHighlighter(document())) {
  setReadOnly(true);
  setLineWrapMode(QPlainTextEdit::NoWrap);
  setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
  setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
  connect(this, &QPlainTextEdit::cursorPositionChanged, this, &IrView::onCursorMoved);
}

void IrView::setDark(bool dark) { highlighter_->setDark(dark); }

void IrView::setGraph(const std::shared_ptr<jit::Graph>& graph) {
  lineOf_.clear();
  valueOf_.clear();
  const QSignalBlocker blocker(this);
  if (!graph) {
    setPlainText(QString());
    return;
  }
  setPlainText(QString::fromStdString(graph->str(false)));
  // A line defines the values before " = " ("%y : Float(2) = aten::relu(%x)"),
  // or graph inputs in the header ("graph(%self : ..., %x : Float(...)):").
  static const QRegularExpression defined(QStringLiteral(R"(^\s*(?:graph\()?%([A-Za-z_0-9.]+)\s*:)"));
  const QStringList lines = toPlainText().split(QLatin1Char('\n'));
  for (int i = 0; i < lines.size(); ++i) {
    const auto match = defined.match(lines[i]);
    if (!match.hasMatch()) continue;
    const QString name = match.captured(1);
    lineOf_.insert(name, i);
    valueOf_.insert(i, name);
  }
}

QString IrView::valueAtLine(int line) const { return valueOf_.value(line); }

bool IrView::selectValue(const QString& name) {
  const int line = lineOf_.value(name, -1);
  if (line < 0) return false;
  moving_ = true;
  QTextCursor cursor(document()->findBlockByNumber(line));
  setTextCursor(cursor);
  centerCursor();
  moving_ = false;
  highlightLine(line);
  return true;
}

void IrView::highlightLine(int line) {
  QTextEdit::ExtraSelection selection;
  selection.format.setBackground(palette().color(QPalette::Highlight).lighter(170));
  selection.format.setProperty(QTextFormat::FullWidthSelection, true);
  selection.cursor = QTextCursor(document()->findBlockByNumber(line));
  setExtraSelections({selection});
}

void IrView::onCursorMoved() {
  const int line = textCursor().blockNumber();
  highlightLine(line);
  if (moving_) return;
  const QString name = valueOf_.value(line);
  if (!name.isEmpty()) emit valueSelected(name);
}

}  // namespace paratrace::inspector
