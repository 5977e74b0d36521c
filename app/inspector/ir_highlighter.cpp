#include "ir_highlighter.h"

namespace paratrace::inspector {

IrHighlighter::IrHighlighter(QTextDocument* document) : QSyntaxHighlighter(document) { buildRules(); }

void IrHighlighter::setDark(bool dark) {
  dark_ = dark;
  buildRules();
  rehighlight();
}

void IrHighlighter::buildRules() {
  auto format = [this](const char* light, const char* dark, bool bold = false, bool italic = false) {
    QTextCharFormat f;
    f.setForeground(QColor(dark_ ? dark : light));
    if (bold) f.setFontWeight(QFont::Bold);
    f.setFontItalic(italic);
    return f;
  };
  rules_ = {
      {QRegularExpression(QStringLiteral(R"(\b(?:Float|Double|Long|Int|Bool|Half|Tensor|int|float|bool|str|NoneType|Device)\b(?:\([^)]*\))?(?:\[\])?)")),
       format("#00796b", "#4db6ac")},
      {QRegularExpression(QStringLiteral(R"(\b-?\d+(?:\.\d+)?(?:e-?\d+)?\b)")), format("#6a1b9a", "#ce93d8")},
      {QRegularExpression(QStringLiteral(R"("[^"]*")")), format("#b26a00", "#ffcc80")},
      {QRegularExpression(QStringLiteral(R"(\b(?:aten|prim)::[A-Za-z_0-9.]+)")), format("#1565c0", "#64b5f6", true)},
      {QRegularExpression(QStringLiteral(R"(%[A-Za-z_0-9.]+)")), format("#c62828", "#ef9a9a")},
      {QRegularExpression(QStringLiteral(R"(\b(?:graph|return)\b)")), format("#37474f", "#cfd8dc", true)},
      {QRegularExpression(QStringLiteral(R"(#.*$)")), format("#757575", "#9e9e9e", false, true)},
  };
}

void IrHighlighter::highlightBlock(const QString& text) {
  for (const Rule& rule : rules_) {
    auto it = rule.pattern.globalMatch(text);
    while (it.hasNext()) {
      const auto match = it.next();
      setFormat(static_cast<int>(match.capturedStart()), static_cast<int>(match.capturedLength()), rule.format);
    }
  }
}

}  // namespace paratrace::inspector
