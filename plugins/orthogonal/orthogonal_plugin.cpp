#include "orthogonal_plugin.h"

#include "paratrace/nn/parametrizations/cayley.h"
#include "paratrace/nn/parametrizations/orthogonal.h"
#include "paratrace/plugin/plugin_helpers.h"

namespace {

using namespace paratrace::plugin;
using paratrace::nn::Parametrization;
namespace parametrizations = paratrace::nn::parametrizations;

// The value of the orthogonal_map option that leaves the choice to
// PyTorch's rule, which needs the tensor's shape.
const QString kAutoMap = QStringLiteral("auto");

class OrthogonalType : public ParametrizationType {
  Q_DECLARE_TR_FUNCTIONS(OrthogonalPlugin)

 public:
  QString type_name() const override { return QStringLiteral("Orthogonal"); }
  QString display_name() const override { return tr("Orthogonal matrix"); }
  QString description() const override {
    return tr("Keeps a matrix (or a batch of them) with orthonormal columns, or rows if it is wide, as "
              "torch.nn.utils.parametrizations.orthogonal.");
  }
  QList<OptionSpec> options() const override {
    return {
        choice_option("orthogonal_map", kAutoMap,
                      {kAutoMap, QStringLiteral("matrix_exp"), QStringLiteral("cayley"), QStringLiteral("householder")},
                      tr("How an unconstrained matrix becomes orthogonal; auto picks matrix_exp for square matrices "
                         "and householder otherwise, as PyTorch does")),
        bool_option("use_trivialization", true,
                    tr("Learn on top of a base orthogonal matrix set by assignment (dynamic trivialization), so an "
                       "assigned matrix is kept exactly")),
    };
  }
  // orthogonal()'s dimension check, in words the user reads before applying.
  std::optional<QString> check(const TensorSpec& tensor) const override {
    return first_reason({require_matrix(tensor, type_name()), require_floating(tensor, type_name())});
  }
  std::shared_ptr<Parametrization> create(const QVariantMap& options) const override {
    const QString map = options.value(QStringLiteral("orthogonal_map")).toString();
    std::optional<parametrizations::OrthogonalMap> chosen;
    if (map != kAutoMap) chosen = parametrizations::parse_orthogonal_map(map.toStdString());
    return std::make_shared<parametrizations::Orthogonal>(chosen,
                                                          options.value(QStringLiteral("use_trivialization")).toBool());
  }
};

class CayleyType : public ParametrizationType {
  Q_DECLARE_TR_FUNCTIONS(OrthogonalPlugin)

 public:
  QString type_name() const override { return QStringLiteral("Cayley"); }
  QString display_name() const override { return tr("Cayley map"); }
  QString description() const override {
    return tr("Maps a square matrix X to (I + X)^-1 (I - X), orthogonal when X is skew-symmetric: put it after "
              "Skew, as the Orthogonal of PyTorch's parametrize tests.");
  }
  std::optional<QString> check(const TensorSpec& tensor) const override {
    return first_reason({require_square(tensor, type_name()), require_floating(tensor, type_name())});
  }
  std::shared_ptr<Parametrization> create(const QVariantMap&) const override {
    return std::make_shared<parametrizations::Cayley>();
  }
};

}  // namespace

QList<std::shared_ptr<const ParametrizationType>> OrthogonalPlugin::parametrizations() const {
  return make_types<OrthogonalType, CayleyType>();
}
