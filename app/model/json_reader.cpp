#include "json_reader.h"

#include <cmath>
#include <utility>

#include "json_key_order.h"
#include "model_error.h"

namespace paratrace::model {

namespace {

QString kind_name(const QJsonValue& value) {
  switch (value.type()) {
    case QJsonValue::Null: return QStringLiteral("null");
    case QJsonValue::Bool: return QStringLiteral("a boolean");
    case QJsonValue::Double: return QStringLiteral("a number");
    case QJsonValue::String: return QStringLiteral("a string");
    case QJsonValue::Array: return QStringLiteral("an array");
    case QJsonValue::Object: return QStringLiteral("an object");
    case QJsonValue::Undefined: break;
  }
  return QStringLiteral("nothing");
}

}  // namespace

JsonNode::JsonNode(QString file, QString path, QJsonValue value, std::shared_ptr<const KeyOrder> order)
    : file_(std::move(file)), path_(std::move(path)), value_(std::move(value)), order_(std::move(order)) {}

JsonNode JsonNode::member(const QString& key) const {
  return JsonNode(file_, member_path(path_, key), value_.toObject().value(key), order_);
}

JsonNode JsonNode::element(qsizetype index) const {
  return JsonNode(file_, path_ + QStringLiteral("[%1]").arg(index), value_.toArray().at(index), order_);
}

QStringList JsonNode::keys() const {
  const QJsonObject obj = object();
  if (order_) {
    const auto it = order_->find(path_);
    if (it != order_->end() && it->size() == obj.size()) return *it;
  }
  return obj.keys();
}

void JsonNode::fail(const QString& reason) const { throw ModelFileSchemaError(file_, path_, reason); }

QJsonObject JsonNode::object() const {
  if (!value_.isObject()) fail(tr("expected an object, got %1").arg(kind_name(value_)));
  return value_.toObject();
}

QJsonArray JsonNode::array() const {
  if (!value_.isArray()) fail(tr("expected an array, got %1").arg(kind_name(value_)));
  return value_.toArray();
}

QString JsonNode::string() const {
  if (!value_.isString()) fail(tr("expected a string, got %1").arg(kind_name(value_)));
  return value_.toString();
}

bool JsonNode::boolean() const {
  if (!value_.isBool()) fail(tr("expected true or false, got %1").arg(kind_name(value_)));
  return value_.toBool();
}

double JsonNode::number() const {
  if (!value_.isDouble()) fail(tr("expected a number, got %1").arg(kind_name(value_)));
  return value_.toDouble();
}

std::int64_t JsonNode::integer() const {
  const double v = number();
  // 2^53: every integer up to it is exact in a JSON number read as double.
  if (v != std::floor(v) || std::fabs(v) > 9007199254740992.0)
    fail(tr("expected an integer, got %1").arg(QString::number(v, 'g', 17)));
  return static_cast<std::int64_t>(v);
}

ObjectReader::ObjectReader(const JsonNode& node) : node_(node), object_(node.object()) {}

JsonNode ObjectReader::get(const QString& key) {
  read_.insert(key);
  return node_.member(key);
}

JsonNode ObjectReader::required(const QString& key) {
  JsonNode child = get(key);
  if (!child.present()) node_.fail(tr("missing required key \"%1\"").arg(key));
  return child;
}

std::int64_t ObjectReader::integer(const QString& key) { return required(key).integer(); }

std::int64_t ObjectReader::integer(const QString& key, std::int64_t fallback) {
  const JsonNode child = get(key);
  return child.present() ? child.integer() : fallback;
}

double ObjectReader::number(const QString& key, double fallback) {
  const JsonNode child = get(key);
  return child.present() ? child.number() : fallback;
}

bool ObjectReader::boolean(const QString& key, bool fallback) {
  const JsonNode child = get(key);
  return child.present() ? child.boolean() : fallback;
}

QString ObjectReader::string(const QString& key) { return required(key).string(); }

QString ObjectReader::string(const QString& key, const QString& fallback) {
  const JsonNode child = get(key);
  return child.present() ? child.string() : fallback;
}

void ObjectReader::expect(const QString& key, const QJsonValue& allowed, const QString& why) {
  const JsonNode child = get(key);
  if (child.present() && child.value() != allowed) child.fail(why);
}

void ObjectReader::finish() const {
  for (auto it = object_.begin(); it != object_.end(); ++it) {
    if (read_.contains(it.key())) continue;
    QStringList accepted(read_.begin(), read_.end());
    accepted.sort();
    node_.member(it.key()).fail(tr("unknown key \"%1\" (accepted here: %2)").arg(it.key(), accepted.join(QLatin1String(", "))));
  }
}

}  // namespace paratrace::model
