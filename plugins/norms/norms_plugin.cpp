#include "norms_plugin.h"

#include "paratrace/nn/parametrizations/spectral_norm.h"
#include "paratrace/nn/parametrizations/weight_norm.h"
#include "paratrace/plugin/plugin_helpers.h"

namespace {

using namespace paratrace::plugin;
using paratrace::nn::Parametrization;
namespace parametrizations = paratrace::nn::parametrizations;

// Both types apply to any floating tensor with at least one dimension.
class NormType : public ParametrizationType {
 public:
  std::optional<QString> check(const TensorSpec& tensor) const override {
    return first_reason({require_dimension(tensor, type_name()), require_floating(tensor, type_name())});
  }
};

class SpectralNormType : public NormType {
  Q_DECLARE_TR_FUNCTIONS(NormsPlugin)

 public:
  QString type_name() const override { return QStringLiteral("SpectralNorm"); }
  QString display_name() const override { return tr("Spectral normalization"); }
  QString description() const override {
    return tr("Divides the weight by its largest singular value, estimated by power iteration (buffers _u, _v; "
              "updated in training mode only), as torch.nn.utils.parametrizations.spectral_norm.");
  }
  QList<OptionSpec> options() const override {
    return {
        int_option("n_power_iterations", 1, 1, tr("Power iterations per evaluation in training mode")),
        float_option("eps", 1e-12, 0.0, tr("Added to norms when normalizing, for numerical stability")),
        // No default: unset picks PyTorch's, which needs the module's class.
        int_option("dim", std::nullopt, std::nullopt,
                   tr("The output dimension (negative counts from the end); unset: 1 for ConvTranspose modules, 0 "
                      "otherwise, as PyTorch does")),
    };
  }
  std::shared_ptr<Parametrization> create(const QVariantMap& options) const override {
    parametrizations::SpectralNorm::Options o;
    o.n_power_iterations = options.value(QStringLiteral("n_power_iterations")).toLongLong();
    o.eps = options.value(QStringLiteral("eps")).toDouble();
    const QVariant dim = options.value(QStringLiteral("dim"));
    if (!dim.isNull()) o.dim = dim.toLongLong();
    return std::make_shared<parametrizations::SpectralNorm>(o);
  }
};

class WeightNormType : public NormType {
  Q_DECLARE_TR_FUNCTIONS(NormsPlugin)

 public:
  QString type_name() const override { return QStringLiteral("WeightNorm"); }
  QString display_name() const override { return tr("Weight normalization"); }
  QString description() const override {
    return tr("Splits the weight into a magnitude g (original0) and a direction v (original1), weight = g v / "
              "||v||, as torch.nn.utils.parametrizations.weight_norm (PyTorch 2).");
  }
  QList<OptionSpec> options() const override {
    return {int_option("dim", 0, -1,
                       tr("The dimension kept by the norm (one g per slice); -1 normalizes the whole tensor (PyTorch's "
                          "dim=None)"))};
  }
  std::shared_ptr<Parametrization> create(const QVariantMap& options) const override {
    return std::make_shared<parametrizations::WeightNorm>(options.value(QStringLiteral("dim")).toLongLong());
  }
};

}  // namespace

QList<std::shared_ptr<const ParametrizationType>> NormsPlugin::parametrizations() const {
  return make_types<SpectralNormType, WeightNormType>();
}
