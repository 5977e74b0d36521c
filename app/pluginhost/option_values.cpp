#include "option_values.h"

#include <QCoreApplication>
#include <algorithm>
#include <cmath>

namespace paratrace::pluginhost {

namespace {

using plugin::OptionError;
using plugin::OptionSpec;

struct OptionValues {
  Q_DECLARE_TR_FUNCTIONS(OptionValues)
};

bool is_text(const QVariant& v) { return v.typeId() == QMetaType::QString; }

bool is_number(const QVariant& v) {
  switch (v.typeId()) {
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
    case QMetaType::Double:
    case QMetaType::Float:
      return true;
    default:
      return false;
  }
}

// How a rejected value is quoted in a message: text in quotes, numbers bare.
QString shown(const QVariant& v) {
  if (is_text(v)) return QLatin1Char('"') + v.toString() + QLatin1Char('"');
  if (is_number(v) || v.typeId() == QMetaType::Bool) return v.toString();
  return OptionValues::tr("a value of type %1").arg(QString::fromLatin1(v.typeName()));
}

qlonglong to_int(const OptionSpec& spec, const QVariant& v) {
  bool ok = false;
  qlonglong result = 0;
  if (v.typeId() == QMetaType::LongLong || v.typeId() == QMetaType::Int || v.typeId() == QMetaType::UInt) {
    result = v.toLongLong(&ok);
  } else if (is_number(v)) {
    // JSON numbers arrive as doubles; 3.0 is an integer, 3.5 is not.
    const double d = v.toDouble();
    ok = std::isfinite(d) && d == std::trunc(d) && std::abs(d) < 9.0e18;
    result = static_cast<qlonglong>(d);
  } else if (is_text(v)) {
    result = v.toString().trimmed().toLongLong(&ok);
  }
  if (!ok) throw OptionError(spec.name, OptionValues::tr("expected an integer, got %1").arg(shown(v)));
  return result;
}

double to_float(const OptionSpec& spec, const QVariant& v) {
  bool ok = false;
  double result = 0;
  if (is_number(v)) {
    result = v.toDouble(&ok);
  } else if (is_text(v)) {
    result = v.toString().trimmed().toDouble(&ok);
  }
  if (!ok || !std::isfinite(result))
    throw OptionError(spec.name, OptionValues::tr("expected a finite number, got %1").arg(shown(v)));
  return result;
}

bool to_bool(const OptionSpec& spec, const QVariant& v) {
  if (v.typeId() == QMetaType::Bool) return v.toBool();
  const QString text = is_text(v) ? v.toString().trimmed().toLower() : QString();
  if (text == QLatin1String("true")) return true;
  if (text == QLatin1String("false")) return false;
  throw OptionError(spec.name, OptionValues::tr("expected true or false, got %1").arg(shown(v)));
}

template <typename T> void check_range(const OptionSpec& spec, T value) {
  if (!spec.minimum.isNull() && value < spec.minimum.value<T>())
    throw OptionError(spec.name, OptionValues::tr("must be at least %1, got %2").arg(spec.minimum.toString()).arg(value));
  if (!spec.maximum.isNull() && value > spec.maximum.value<T>())
    throw OptionError(spec.name, OptionValues::tr("must be at most %1, got %2").arg(spec.maximum.toString()).arg(value));
}

QVariant convert(const OptionSpec& spec, const QVariant& v) {
  switch (spec.type) {
    case OptionSpec::Type::Int: {
      const qlonglong value = to_int(spec, v);
      check_range(spec, value);
      return value;
    }
    case OptionSpec::Type::Float: {
      const double value = to_float(spec, v);
      check_range(spec, value);
      return value;
    }
    case OptionSpec::Type::Bool:
      return to_bool(spec, v);
    case OptionSpec::Type::Choice:
      if (!is_text(v) || !spec.choices.contains(v.toString()))
        throw OptionError(spec.name, OptionValues::tr("expected one of %1, got %2")
                                         .arg(spec.choices.join(QLatin1String(", ")), shown(v)));
      return v.toString();
    case OptionSpec::Type::String:
      if (!is_text(v)) throw OptionError(spec.name, OptionValues::tr("expected text, got %1").arg(shown(v)));
      return v.toString();
  }
  return {};
}

}  // namespace

QVariantMap resolve_options(const QList<OptionSpec>& schema, const QVariantMap& values) {
  for (auto it = values.keyBegin(); it != values.keyEnd(); ++it) {
    const bool known = std::any_of(schema.begin(), schema.end(), [&](const OptionSpec& s) { return s.name == *it; });
    if (!known) {
      QStringList names;
      for (const OptionSpec& s : schema) names << s.name;
      throw OptionError(*it, names.isEmpty() ? OptionValues::tr("there is no such option (this parametrization has none)")
                                             : OptionValues::tr("there is no such option (the options are %1)")
                                                   .arg(names.join(QLatin1String(", "))));
    }
  }
  QVariantMap resolved;
  for (const OptionSpec& spec : schema) {
    const QVariant value = values.contains(spec.name) ? values.value(spec.name) : spec.default_value;
    // An option without a default may stay unset (Python's None).
    if (spec.default_value.isNull() && value.isNull()) {
      resolved.insert(spec.name, QVariant());
      continue;
    }
    resolved.insert(spec.name, convert(spec, value));
  }
  return resolved;
}

}  // namespace paratrace::pluginhost
