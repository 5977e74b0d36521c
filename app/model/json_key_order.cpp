#include "json_key_order.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace paratrace::model {

QString member_path(const QString& parent, const QString& key) {
  static const QRegularExpression plain(QStringLiteral("^[A-Za-z0-9_]+$"));
  if (plain.match(key).hasMatch()) return parent + QLatin1Char('.') + key;
  return parent + QStringLiteral("[\"%1\"]").arg(key);
}

namespace {

class Scanner {
 public:
  explicit Scanner(const QByteArray& text) : text_(text) {}

  KeyOrder run() {
    value(QStringLiteral("$"));
    return order_;
  }

 private:
  void skip_space() {
    while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\n' || text_[pos_] == '\r' || text_[pos_] == '\t'))
      ++pos_;
  }

  // A string token, decoded by QJsonDocument so escapes mean what they mean there.
  QString string() {
    const qsizetype start = pos_++;
    while (pos_ < text_.size() && text_[pos_] != '"') pos_ += text_[pos_] == '\\' ? 2 : 1;
    ++pos_;
    const QByteArray token = text_.mid(start, pos_ - start);
    return QJsonDocument::fromJson('[' + token + ']').array().at(0).toString();
  }

  void value(const QString& path) {
    skip_space();
    if (pos_ >= text_.size()) return;
    const char c = text_[pos_];
    if (c == '{') {
      ++pos_;
      QStringList& keys = order_[path];
      for (skip_space(); pos_ < text_.size() && text_[pos_] != '}'; skip_space()) {
        if (text_[pos_] == ',') {
          ++pos_;
          continue;
        }
        const QString key = string();
        keys << key;
        skip_space();
        ++pos_;  // ':'
        value(member_path(path, key));
      }
      ++pos_;
    } else if (c == '[') {
      ++pos_;
      int index = 0;
      for (skip_space(); pos_ < text_.size() && text_[pos_] != ']'; skip_space()) {
        if (text_[pos_] == ',') {
          ++pos_;
          continue;
        }
        value(path + QStringLiteral("[%1]").arg(index++));
      }
      ++pos_;
    } else if (c == '"') {
      string();
    } else {
      while (pos_ < text_.size() && !QByteArrayLiteral(",]} \n\r\t").contains(text_[pos_])) ++pos_;
    }
  }

  const QByteArray& text_;
  qsizetype pos_ = 0;
  KeyOrder order_;
};

}  // namespace

KeyOrder scan_key_order(const QByteArray& text) { return Scanner(text).run(); }

}  // namespace paratrace::model
