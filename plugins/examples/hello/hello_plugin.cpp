#include "hello_plugin.h"

#include <QCoreApplication>

#include "paratrace/plugin/plugin_helpers.h"
#include "paratrace/tensor/tensor.h"

using namespace paratrace;
using namespace paratrace::plugin;

namespace {

// The parametrizations themselves: ordinary core Parametrizations, defined
// in the plugin.
class Scale : public nn::Cloneable<Scale, nn::Parametrization> {
 public:
  explicit Scale(double factor) : factor_(factor) {}
  std::string class_name() const override { return "Scale"; }
  std::string extra_repr() const override { return "factor=" + std::to_string(factor_); }
  Tensor forward(const Tensor& X) override { return X * factor_; }
  // Makes assigning through the parametrization store X / factor.
  nn::RightInverseResult right_inverse(const Tensor& X) override { return X * (1.0 / factor_); }

 private:
  double factor_;
};

class Negate : public nn::Cloneable<Negate, nn::Parametrization> {
 public:
  std::string class_name() const override { return "Negate"; }
  Tensor forward(const Tensor& X) override { return -X; }
  nn::RightInverseResult right_inverse(const Tensor& X) override { return -X; }
};

class ScaleType : public ParametrizationType {
 public:
  QString type_name() const override { return QStringLiteral("Scale"); }
  QString display_name() const override { return QCoreApplication::translate("HelloPlugin", "Scale"); }
  QString description() const override {
    return QCoreApplication::translate("HelloPlugin", "Multiplies the tensor by a constant factor.");
  }
  QList<OptionSpec> options() const override {
    return {float_option("factor", 2.0, -1000.0, 1000.0,
                         QCoreApplication::translate("HelloPlugin", "What the original is multiplied by; not 0."))};
  }
  std::optional<QString> check(const TensorSpec& tensor) const override {
    // Only tensors that can be trained; the helper's reason is translated by the app.
    return require_floating(tensor, type_name());
  }
  std::shared_ptr<nn::Parametrization> create(const QVariantMap& options) const override {
    const double factor = options.value(QStringLiteral("factor")).toDouble();
    // The range is in the schema; "not zero" is not, so it is checked here.
    if (factor == 0.0)
      throw plugin::OptionError(QStringLiteral("factor"),
                                QCoreApplication::translate("HelloPlugin", "must not be 0 (Scale needs an inverse)"));
    return std::make_shared<Scale>(factor);
  }
};

class NegateType : public ParametrizationType {
 public:
  QString type_name() const override { return QStringLiteral("Negate"); }
  QString display_name() const override { return QCoreApplication::translate("HelloPlugin", "Negate"); }
  QString description() const override { return QCoreApplication::translate("HelloPlugin", "Flips the sign."); }
  std::optional<QString> check(const TensorSpec& tensor) const override {
    return require_floating(tensor, type_name());
  }
  std::shared_ptr<nn::Parametrization> create(const QVariantMap&) const override { return std::make_shared<Negate>(); }
};

}  // namespace

QList<std::shared_ptr<const ParametrizationType>> HelloPlugin::parametrizations() const {
  return make_types<ScaleType, NegateType>();
}
