#pragma once
// Helpers for writing a plugin: named builders for the options schema, the
// applicability checks most parametrizations share, and the list of types a
// plugin returns. Everything here is inline and outside the interface's
// classes, so it changes neither the binary layout nor kApiVersion: a plugin
// built without it loads the same (docs/plugins.md).
//
// The check messages translate in the context "ParametrizationPlugin", for
// every plugin alike: the app's translations carry them, so a plugin that
// uses these checks gets its reasons translated without translating them
// itself.
#include <QAnyStringView>
#include <QCoreApplication>
#include <initializer_list>
#include <optional>

#include "paratrace/plugin/parametrization_plugin.h"

namespace paratrace::plugin {

namespace detail {
inline QVariant optional_value(const auto& value) { return value ? QVariant(*value) : QVariant(); }
}  // namespace detail

// Option builders, one per OptionSpec::Type. An unset (std::nullopt)
// default makes the option optional, as Python's None; an unset bound leaves
// that side unbounded. `help` is one translated line.
inline OptionSpec int_option(QAnyStringView name, std::optional<qlonglong> default_value,
                             std::optional<qlonglong> minimum, std::optional<qlonglong> maximum, QString help) {
  return {name.toString(),          OptionSpec::Type::Int, detail::optional_value(default_value),
          detail::optional_value(minimum), detail::optional_value(maximum), {}, std::move(help)};
}
inline OptionSpec int_option(QAnyStringView name, std::optional<qlonglong> default_value,
                             std::optional<qlonglong> minimum, QString help) {
  return int_option(name, default_value, minimum, std::nullopt, std::move(help));
}
inline OptionSpec float_option(QAnyStringView name, std::optional<double> default_value, std::optional<double> minimum,
                               std::optional<double> maximum, QString help) {
  return {name.toString(),          OptionSpec::Type::Float, detail::optional_value(default_value),
          detail::optional_value(minimum), detail::optional_value(maximum), {}, std::move(help)};
}
inline OptionSpec float_option(QAnyStringView name, std::optional<double> default_value, std::optional<double> minimum,
                               QString help) {
  return float_option(name, default_value, minimum, std::nullopt, std::move(help));
}
inline OptionSpec bool_option(QAnyStringView name, bool default_value, QString help) {
  return {name.toString(), OptionSpec::Type::Bool, default_value, {}, {}, {}, std::move(help)};
}
// The default should be one of `choices`: the host builds every type with
// its defaults when loading it, and rejects the plugin if it is not.
inline OptionSpec choice_option(QAnyStringView name, const QString& default_value, QStringList choices, QString help) {
  return {name.toString(), OptionSpec::Type::Choice, default_value, {}, {}, std::move(choices), std::move(help)};
}
inline OptionSpec string_option(QAnyStringView name, const QString& default_value, QString help) {
  return {name.toString(), OptionSpec::Type::String, default_value, {}, {}, {}, std::move(help)};
}

// Applicability checks: each returns the translated reason a tensor fails
// it, naming the parametrization by `type_name`, or nullopt when it passes.
inline std::optional<QString> require_floating(const TensorSpec& tensor, const QString& type_name) {
  if (is_floating_point(tensor.dtype)) return std::nullopt;
  return QCoreApplication::translate("ParametrizationPlugin", "%1 needs a floating-point tensor, got %2")
      .arg(type_name, QString::fromUtf8(dtype_name(tensor.dtype)));
}
inline std::optional<QString> require_dimension(const TensorSpec& tensor, const QString& type_name) {
  if (!tensor.shape.empty()) return std::nullopt;
  return QCoreApplication::translate("ParametrizationPlugin", "%1 needs at least one dimension, got shape %2")
      .arg(type_name, shape_text(tensor.shape));
}
// A matrix or a batch of them: at least two dimensions.
inline std::optional<QString> require_matrix(const TensorSpec& tensor, const QString& type_name) {
  if (tensor.shape.size() >= 2) return std::nullopt;
  return QCoreApplication::translate("ParametrizationPlugin", "%1 needs a matrix, got shape %2")
      .arg(type_name, shape_text(tensor.shape));
}
// A square matrix or a batch of them: the last two dimensions equal.
inline std::optional<QString> require_square(const TensorSpec& tensor, const QString& type_name) {
  const Shape& shape = tensor.shape;
  if (shape.size() >= 2 && shape[shape.size() - 1] == shape[shape.size() - 2]) return std::nullopt;
  return QCoreApplication::translate("ParametrizationPlugin",
                                     "%1 needs a square matrix (or a batch of them), got shape %2")
      .arg(type_name, shape_text(shape));
}
// The first reason given, so a check reads as the list of its conditions:
//   return first_reason({require_matrix(tensor, type_name()), require_floating(tensor, type_name())});
inline std::optional<QString> first_reason(std::initializer_list<std::optional<QString>> reasons) {
  for (const auto& reason : reasons)
    if (reason) return reason;
  return std::nullopt;
}

// ParametrizationPlugin::parametrizations() of a plugin whose types are
// default-constructible, in the order given (the metadata's order).
template <typename... Types> QList<std::shared_ptr<const ParametrizationType>> make_types() {
  return {std::make_shared<const Types>()...};
}

}  // namespace paratrace::plugin
