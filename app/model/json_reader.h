#pragma once
// Typed reading of a model file's JSON with the path of every value kept, so
// each error names the file, the JSON path and the reason.
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QSet>
#include <QString>
#include <QStringList>
#include <cstdint>
#include <memory>
#include <optional>

#include "json_key_order.h"

namespace paratrace::model {

// A JSON value, the file it came from and its path ("$.module.children.0").
class JsonNode {
  Q_DECLARE_TR_FUNCTIONS(JsonNode)

 public:
  // `order` (optional) gives objects' keys in document order (keys()).
  JsonNode(QString file, QString path, QJsonValue value, std::shared_ptr<const KeyOrder> order = {});

  const QString& file() const { return file_; }
  const QString& path() const { return path_; }
  const QJsonValue& value() const { return value_; }
  bool present() const { return !value_.isUndefined(); }
  bool is_null() const { return value_.isNull(); }

  // "$.a.key" (absent keys give an undefined value) and "$.a[3]".
  JsonNode member(const QString& key) const;
  JsonNode element(qsizetype index) const;

  // Conversions that throw ModelFileSchemaError at this path.
  QJsonObject object() const;
  // The object's keys in the file's order (when known), else sorted.
  QStringList keys() const;
  QJsonArray array() const;
  QString string() const;
  bool boolean() const;
  double number() const;
  // A JSON number without a fractional part, within int64's exact range.
  std::int64_t integer() const;

  [[noreturn]] void fail(const QString& reason) const;

 private:
  QString file_, path_;
  QJsonValue value_;
  std::shared_ptr<const KeyOrder> order_;
};

// Reads the keys of one JSON object and remembers which were read, so that
// finish() rejects the rest: a misspelt key must not fall back to a default.
class ObjectReader {
  Q_DECLARE_TR_FUNCTIONS(ObjectReader)

 public:
  explicit ObjectReader(const JsonNode& node);

  const JsonNode& node() const { return node_; }
  bool has(const QString& key) const { return object_.contains(key); }
  // Marks the key as read; absent keys give a node that is not present().
  JsonNode get(const QString& key);
  JsonNode required(const QString& key);

  std::int64_t integer(const QString& key);
  std::int64_t integer(const QString& key, std::int64_t fallback);
  double number(const QString& key, double fallback);
  bool boolean(const QString& key, bool fallback);
  QString string(const QString& key);
  QString string(const QString& key, const QString& fallback);
  // Accepts only `allowed` (the only value Paratrace supports of a PyTorch
  // keyword, such as inplace=false); absent counts as allowed.
  void expect(const QString& key, const QJsonValue& allowed, const QString& why);

  // Throws for the first key not read, listing the accepted ones.
  void finish() const;

 private:
  JsonNode node_;
  QJsonObject object_;
  QSet<QString> read_;
};

}  // namespace paratrace::model
