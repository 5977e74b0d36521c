#pragma once
// The subset of JSON Schema (2020-12) that docs/paratrace-model.schema.json
// uses: type, const, enum, required, properties, additionalProperties,
// items, minItems, maxItems, minimum, anyOf and local $ref. Returns the
// first violation as "path: reason", empty when the value conforms.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>
#include <cmath>

namespace model_test {

class SchemaCheck {
 public:
  explicit SchemaCheck(QJsonObject root) : root_(std::move(root)) {}

  QString check(const QJsonValue& value) const { return check(value, root_, QStringLiteral("$")); }

 private:
  static bool has_type(const QJsonValue& v, const QString& type) {
    if (type == QLatin1String("object")) return v.isObject();
    if (type == QLatin1String("array")) return v.isArray();
    if (type == QLatin1String("string")) return v.isString();
    if (type == QLatin1String("boolean")) return v.isBool();
    if (type == QLatin1String("null")) return v.isNull();
    if (type == QLatin1String("number")) return v.isDouble();
    if (type == QLatin1String("integer")) return v.isDouble() && v.toDouble() == std::floor(v.toDouble());
    return false;
  }

  QJsonObject resolve(const QString& ref) const {
    // Only "#/$defs/<name>" is used.
    return root_.value(QStringLiteral("$defs")).toObject().value(ref.section(QLatin1Char('/'), 2)).toObject();
  }

  QString check(const QJsonValue& v, const QJsonObject& s, const QString& path) const {
    if (s.contains(QStringLiteral("$ref"))) {
      const QString ref = s.value(QStringLiteral("$ref")).toString();
      if (resolve(ref).isEmpty()) return path + QStringLiteral(": unresolved ") + ref;
      if (QString e = check(v, resolve(ref), path); !e.isEmpty()) return e;
    }
    if (s.contains(QStringLiteral("type"))) {
      const QJsonValue t = s.value(QStringLiteral("type"));
      const QJsonArray types = t.isArray() ? t.toArray() : QJsonArray{t};
      bool ok = false;
      for (const QJsonValue& type : types) ok = ok || has_type(v, type.toString());
      if (!ok) return path + QStringLiteral(": not of type ") + QString::fromUtf8(QJsonDocument(QJsonArray(types)).toJson(QJsonDocument::Compact));
    }
    if (s.contains(QStringLiteral("const")) && v != s.value(QStringLiteral("const"))) return path + QStringLiteral(": not the const");
    if (s.contains(QStringLiteral("enum")) && !s.value(QStringLiteral("enum")).toArray().contains(v))
      return path + QStringLiteral(": not in enum");
    if (s.contains(QStringLiteral("minimum")) && v.isDouble() && v.toDouble() < s.value(QStringLiteral("minimum")).toDouble())
      return path + QStringLiteral(": below minimum");
    if (v.isArray()) {
      const QJsonArray a = v.toArray();
      if (s.contains(QStringLiteral("minItems")) && a.size() < s.value(QStringLiteral("minItems")).toInt()) return path + QStringLiteral(": too few items");
      if (s.contains(QStringLiteral("maxItems")) && a.size() > s.value(QStringLiteral("maxItems")).toInt()) return path + QStringLiteral(": too many items");
      if (s.contains(QStringLiteral("items")))
        for (qsizetype i = 0; i < a.size(); ++i)
          if (QString e = check(a[i], s.value(QStringLiteral("items")).toObject(), path + QStringLiteral("[%1]").arg(i)); !e.isEmpty()) return e;
    }
    if (v.isObject()) {
      const QJsonObject o = v.toObject();
      for (const QJsonValue& key : s.value(QStringLiteral("required")).toArray())
        if (!o.contains(key.toString())) return path + QStringLiteral(": missing ") + key.toString();
      const QJsonObject properties = s.value(QStringLiteral("properties")).toObject();
      const QJsonValue additional = s.value(QStringLiteral("additionalProperties"));
      for (auto it = o.begin(); it != o.end(); ++it) {
        const QString child = path + QLatin1Char('.') + it.key();
        if (properties.contains(it.key())) {
          if (QString e = check(it.value(), properties.value(it.key()).toObject(), child); !e.isEmpty()) return e;
        } else if (additional.isBool() && !additional.toBool()) {
          return child + QStringLiteral(": not allowed");
        } else if (additional.isObject()) {
          if (QString e = check(it.value(), additional.toObject(), child); !e.isEmpty()) return e;
        }
      }
    }
    if (s.contains(QStringLiteral("anyOf"))) {
      QStringList errors;
      for (const QJsonValue& option : s.value(QStringLiteral("anyOf")).toArray()) {
        const QString e = check(v, option.toObject(), path);
        if (e.isEmpty()) return {};
        errors << e;
      }
      return path + QStringLiteral(": matches none of anyOf (") + errors.join(QLatin1String("; ")) + QLatin1Char(')');
    }
    return {};
  }

  QJsonObject root_;
};

}  // namespace model_test
