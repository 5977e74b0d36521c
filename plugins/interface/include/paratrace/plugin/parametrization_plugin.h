#pragma once
// The contract between Paratrace (the app, the CLI) and a parametrization
// plugin: the only header a plugin needs besides core's. A plugin is a Qt
// plugin whose root object implements ParametrizationPlugin, declared as in
// Qt's Plug & Paint example:
//
//   class MyPlugin : public QObject, public paratrace::plugin::ParametrizationPlugin {
//     Q_OBJECT
//     Q_PLUGIN_METADATA(IID PARATRACE_PARAMETRIZATION_PLUGIN_IID FILE "my_plugin.json")
//     Q_INTERFACES(paratrace::plugin::ParametrizationPlugin)
//    public:
//     QList<std::shared_ptr<const paratrace::plugin::ParametrizationType>> parametrizations() const override;
//   };
//
// The metadata JSON (read by the host before any plugin code runs) holds
// "name", "version", "apiVersion" (kApiVersion), "author", "description" and
// "parametrizations" (the type names, as returned by parametrizations()).
// docs/plugins.md describes the whole protocol.
#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>
#include <QVariantMap>
#include <QtPlugin>
#include <memory>
#include <optional>
#include <utility>

#include "paratrace/errors.h"
#include "paratrace/nn/parametrization.h"

namespace paratrace::plugin {

// Bumped on every incompatible change to this header. It is both the suffix
// of the IID and the "apiVersion" metadata key, so a host rejects a plugin
// built against another version before loading its code. 2 added
// ParametrizationType::check_with_options.
inline constexpr int kApiVersion = 2;

// One option of a parametrization. A GUI builds its form from the list and a
// model file's values are checked against it; the host hands create() every
// option, typed as below, with defaults filled in.
struct OptionSpec {
  enum class Type {
    Int,     // qlonglong, within [minimum, maximum] when those are set
    Float,   // double, within [minimum, maximum] when those are set
    Bool,    // bool
    Choice,  // QString, one of `choices`
    String,  // QString
  };
  QString name;  // the key in model files and in create()'s map; never translated
  Type type = Type::Float;
  // A null default makes the option optional, as Python's None: create()
  // then receives a null QVariant unless a value is given.
  QVariant default_value;
  QVariant minimum;  // Int and Float only; a null QVariant means unbounded
  QVariant maximum;
  QStringList choices;  // Choice only
  QString help;         // one line, translated
};

// What the applicability check sees of a tensor.
struct TensorSpec {
  Shape shape;
  ScalarType dtype = ScalarType::Float32;
};

// "[8, 3]": how applicability reasons print a shape, the same in every plugin.
inline QString shape_text(const Shape& shape) {
  QStringList sizes;
  for (const auto size : shape) sizes << QString::number(size);
  return QLatin1Char('[') + sizes.join(QLatin1String(", ")) + QLatin1Char(']');
}

// A bad option value. Naming the option lets a form highlight the field and a
// model file loader point at the key. Thrown by the host's validation, and by
// create() for what the schema cannot express ("factor must not be 0").
class OptionError : public ValueError {
 public:
  OptionError(QString option, const QString& message)
      : ValueError(QStringLiteral("option '%1': %2").arg(option, message).toStdString()), option_(std::move(option)) {}
  const QString& option() const { return option_; }

 private:
  QString option_;
};

// One parametrization a plugin provides.
class ParametrizationType {
 public:
  virtual ~ParametrizationType() = default;
  // The stable identifier used in model files and listed in the metadata
  // ("Orthogonal"); never translated, unique among all loaded plugins.
  virtual QString type_name() const = 0;
  // For people, translated (QCoreApplication::translate or tr()).
  virtual QString display_name() const = 0;
  virtual QString description() const = 0;
  virtual QList<OptionSpec> options() const { return {}; }
  // Why this parametrization cannot be applied to such a tensor, translated
  // ("Orthogonal needs a matrix, got shape [8]"); nullopt when it can.
  virtual std::optional<QString> check(const TensorSpec& tensor) const = 0;
  // The same with the options chosen (validated, defaults filled in, as
  // create() receives them), for conditions that need both, such as a rank
  // above min(n, m). The default knows no such conditions and asks check().
  virtual std::optional<QString> check_with_options(const TensorSpec& tensor, const QVariantMap& options) const {
    return check(tensor);
  }
  // Builds the parametrization from validated options (see OptionSpec). The
  // host calls it once with the defaults when loading the plugin, so the
  // defaults must build.
  virtual std::shared_ptr<nn::Parametrization> create(const QVariantMap& options) const = 0;
};

// The plugin's root object.
class ParametrizationPlugin {
 public:
  virtual ~ParametrizationPlugin() = default;
  // In the order of the metadata's "parametrizations".
  virtual QList<std::shared_ptr<const ParametrizationType>> parametrizations() const = 0;
};

}  // namespace paratrace::plugin

// The suffix is kApiVersion (moc needs a string literal, so it is spelt out).
#define PARATRACE_PARAMETRIZATION_PLUGIN_IID "org.paratrace.ParametrizationPlugin/2"
// The two must change together (the check reads a single-digit suffix).
static_assert(PARATRACE_PARAMETRIZATION_PLUGIN_IID[sizeof(PARATRACE_PARAMETRIZATION_PLUGIN_IID) - 2] ==
              '0' + paratrace::plugin::kApiVersion);
Q_DECLARE_INTERFACE(paratrace::plugin::ParametrizationPlugin, PARATRACE_PARAMETRIZATION_PLUGIN_IID)
