#include "orthogonal_plugin.h"

#include <QCoreApplication>

#include "paratrace/nn/parametrizations/cayley.h"
#include "paratrace/nn/parametrizations/orthogonal.h"

namespace {

using paratrace::nn::Parametrization;
using paratrace::plugin::OptionSpec;
using paratrace::plugin::ParametrizationType;
using paratrace::plugin::shape_text;
using paratrace::plugin::TensorSpec;
namespace parametrizations = paratrace::nn::parametrizations;

// The value of the orthogonal_map option that leaves the choice to
// PyTorch's rule, which needs the tensor's shape.
const QString kAutoMap = QStringLiteral("auto");

// Both types translate in the plugin's context.
class OrthogonalPluginType : public ParametrizationType {
  Q_DECLARE_TR_FUNCTIONS(OrthogonalPlugin)

 protected:
  std::optional<QString> floating_check(const TensorSpec& tensor) const {
    if (!paratrace::is_floating_point(tensor.dtype))
      return tr("%1 needs a floating-point tensor, got %2")
          .arg(type_name(), QString::fromUtf8(paratrace::dtype_name(tensor.dtype)));
    return std::nullopt;
  }
};

class OrthogonalType : public OrthogonalPluginType {
 public:
  QString type_name() const override { return QStringLiteral("Orthogonal"); }
  QString display_name() const override { return tr("Orthogonal matrix"); }
  QString description() const override {
    return tr("Keeps a matrix (or a batch of them) with orthonormal columns, or rows if it is wide, as "
              "torch.nn.utils.parametrizations.orthogonal.");
  }
  QList<OptionSpec> options() const override {
    return {
        {QStringLiteral("orthogonal_map"), OptionSpec::Type::Choice, kAutoMap, {}, {},
         {kAutoMap, QStringLiteral("matrix_exp"), QStringLiteral("cayley"), QStringLiteral("householder")},
         tr("How an unconstrained matrix becomes orthogonal; auto picks matrix_exp for square matrices and "
            "householder otherwise, as PyTorch does")},
        {QStringLiteral("use_trivialization"), OptionSpec::Type::Bool, true, {}, {}, {},
         tr("Learn on top of a base orthogonal matrix set by assignment (dynamic trivialization), so an assigned "
            "matrix is kept exactly")},
    };
  }
  // orthogonal()'s dimension check, in words the user reads before applying.
  std::optional<QString> check(const TensorSpec& tensor) const override {
    if (tensor.shape.size() < 2) return tr("Orthogonal needs a matrix, got shape %1").arg(shape_text(tensor.shape));
    return floating_check(tensor);
  }
  std::shared_ptr<Parametrization> create(const QVariantMap& options) const override {
    const QString map = options.value(QStringLiteral("orthogonal_map")).toString();
    std::optional<parametrizations::OrthogonalMap> chosen;
    if (map != kAutoMap) chosen = parametrizations::parse_orthogonal_map(map.toStdString());
    return std::make_shared<parametrizations::Orthogonal>(chosen,
                                                          options.value(QStringLiteral("use_trivialization")).toBool());
  }
};

class CayleyType : public OrthogonalPluginType {
 public:
  QString type_name() const override { return QStringLiteral("Cayley"); }
  QString display_name() const override { return tr("Cayley map"); }
  QString description() const override {
    return tr("Maps a square matrix X to (I + X)^-1 (I - X), orthogonal when X is skew-symmetric: put it after "
              "Skew, as the Orthogonal of PyTorch's parametrize tests.");
  }
  std::optional<QString> check(const TensorSpec& tensor) const override {
    const auto& shape = tensor.shape;
    if (shape.size() < 2 || shape[shape.size() - 1] != shape[shape.size() - 2])
      return tr("Cayley needs a square matrix (or a batch of them), got shape %1").arg(shape_text(shape));
    return floating_check(tensor);
  }
  std::shared_ptr<Parametrization> create(const QVariantMap&) const override {
    return std::make_shared<parametrizations::Cayley>();
  }
};

}  // namespace

QList<std::shared_ptr<const ParametrizationType>> OrthogonalPlugin::parametrizations() const {
  return {std::make_shared<OrthogonalType>(), std::make_shared<CayleyType>()};
}
