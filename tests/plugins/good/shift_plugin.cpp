// A working test plugin with one option, loaded among the broken ones: the
// host must still load it, and create() must hand it the typed option.
#include <QObject>

#include "paratrace/plugin/parametrization_plugin.h"
#include "paratrace/tensor/tensor.h"

using namespace paratrace;

namespace {

class Shift : public nn::Cloneable<Shift, nn::Parametrization> {
 public:
  explicit Shift(double offset) : offset_(offset) {}
  Tensor forward(const Tensor& X) override { return X + offset_; }

 private:
  double offset_;
};

class ShiftType : public plugin::ParametrizationType {
 public:
  QString type_name() const override { return QStringLiteral("Shift"); }
  QString display_name() const override { return QStringLiteral("Shift"); }
  QString description() const override { return QStringLiteral("Adds offset."); }
  QList<plugin::OptionSpec> options() const override {
    plugin::OptionSpec offset;
    offset.name = QStringLiteral("offset");
    offset.type = plugin::OptionSpec::Type::Float;
    offset.default_value = 1.0;
    offset.minimum = -10.0;
    offset.maximum = 10.0;
    return {offset};
  }
  std::optional<QString> check(const plugin::TensorSpec& tensor) const override {
    if (tensor.shape.empty()) return QStringLiteral("Shift needs at least one dimension");
    return std::nullopt;
  }
  std::shared_ptr<nn::Parametrization> create(const QVariantMap& options) const override {
    // The host guarantees a double here; anything else is a host bug.
    if (options.value(QStringLiteral("offset")).typeId() != QMetaType::Double)
      throw std::logic_error("offset did not arrive as a double");
    return std::make_shared<Shift>(options.value(QStringLiteral("offset")).toDouble());
  }
};

}  // namespace

class ShiftPlugin : public QObject, public plugin::ParametrizationPlugin {
  Q_OBJECT
  Q_PLUGIN_METADATA(IID PARATRACE_PARAMETRIZATION_PLUGIN_IID FILE "shift.json")
  Q_INTERFACES(paratrace::plugin::ParametrizationPlugin)

 public:
  QList<std::shared_ptr<const plugin::ParametrizationType>> parametrizations() const override {
    return {std::make_shared<ShiftType>()};
  }
};

#include "shift_plugin.moc"
