#pragma once
// Colours printed IR: value names, op kinds, types, constants and comments.
#include <QRegularExpression>
#include <QSyntaxHighlighter>

namespace paratrace::inspector {

class IrHighlighter : public QSyntaxHighlighter {
  Q_OBJECT

 public:
  explicit IrHighlighter(QTextDocument* document);
  void setDark(bool dark);

 protected:
  void highlightBlock(const QString& text) override;

 private:
  struct Rule {
    QRegularExpression pattern;
    QTextCharFormat format;
  };
  QList<Rule> rules_;
  bool dark_ = false;
  void buildRules();
};

}  // namespace paratrace::inspector
