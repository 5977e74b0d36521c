#include "hello_plugin.h"

#include <QCoreApplication>

#include "paratrace/tensor/tensor.h"

using namespace paratrace;
using plugin::OptionSpec;
using plugin::ParametrizationType;
using plugin::TensorSpec;

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

// Both only make sense for tensors that can be trained.
std::optional<QString> needs_floating_point(const QString& type_name, const TensorSpec& tensor) {
  if (is_floating_point(tensor.dtype)) return std::nullopt;
  return QCoreApplication::translate("HelloPlugin", "%1 needs a floating-point tensor, got %2")
      .arg(type_name, QString::fromUtf8(dtype_name(tensor.dtype)));
}

class ScaleType : public ParametrizationType {
 public:
  QString type_name() const override { return QStringLiteral("Scale"); }
  QString display_name() const override { return QCoreApplication::translate("HelloPlugin", "Scale"); }
  QString description() const override {
    return QCoreApplication::translate("HelloPlugin", "Multiplies the tensor by a constant factor.");
  }
  QList<OptionSpec> options() const override {
    OptionSpec factor;
    factor.name = QStringLiteral("factor");
    factor.type = OptionSpec::Type::Float;
    factor.default_value = 2.0;
    factor.minimum = -1000.0;
    factor.maximum = 1000.0;
    factor.help = QCoreApplication::translate("HelloPlugin", "What the original is multiplied by; not 0.");
    return {factor};
  }
  std::optional<QString> check(const TensorSpec& tensor) const override {
    return needs_floating_point(type_name(), tensor);
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
    return needs_floating_point(type_name(), tensor);
  }
  std::shared_ptr<nn::Parametrization> create(const QVariantMap&) const override { return std::make_shared<Negate>(); }
};

}  // namespace

QList<std::shared_ptr<const ParametrizationType>> HelloPlugin::parametrizations() const {
  return {std::make_shared<ScaleType>(), std::make_shared<NegateType>()};
}
