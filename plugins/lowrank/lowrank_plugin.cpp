#include "lowrank_plugin.h"

#include <QCoreApplication>

#include "paratrace/nn/parametrizations/low_rank.h"

namespace {

using paratrace::nn::Parametrization;
using paratrace::plugin::OptionSpec;
using paratrace::plugin::ParametrizationType;
using paratrace::plugin::shape_text;
using paratrace::plugin::TensorSpec;
namespace parametrizations = paratrace::nn::parametrizations;

// Both types translate in the plugin's context and apply to floating
// matrices (or batches of them). A rank above min(n, m) is refused by
// LowRank's right_inverse when registered, as the check cannot see options.
class LowRankPluginType : public ParametrizationType {
  Q_DECLARE_TR_FUNCTIONS(LowRankPlugin)

 public:
  std::optional<QString> check(const TensorSpec& tensor) const override {
    if (tensor.shape.size() < 2) return tr("%1 needs a matrix, got shape %2").arg(type_name(), shape_text(tensor.shape));
    if (!paratrace::is_floating_point(tensor.dtype))
      return tr("%1 needs a floating-point tensor, got %2")
          .arg(type_name(), QString::fromUtf8(paratrace::dtype_name(tensor.dtype)));
    return std::nullopt;
  }
};

class LowRankType : public LowRankPluginType {
 public:
  QString type_name() const override { return QStringLiteral("LowRank"); }
  QString display_name() const override { return tr("Low rank"); }
  QString description() const override {
    return tr("Keeps the rank of a matrix at most r by learning it as A B, with A (n x r) as original0 and B "
              "(r x m) as original1; applying it keeps the best rank-r approximation (truncated SVD).");
  }
  QList<OptionSpec> options() const override {
    return {{QStringLiteral("rank"), OptionSpec::Type::Int, 1, 1, {}, {}, tr("The largest rank r the matrix may have")}};
  }
  std::shared_ptr<Parametrization> create(const QVariantMap& options) const override {
    return std::make_shared<parametrizations::LowRank>(options.value(QStringLiteral("rank")).toLongLong());
  }
};

class RankOneType : public LowRankPluginType {
 public:
  QString type_name() const override { return QStringLiteral("RankOne"); }
  QString display_name() const override { return tr("Rank one"); }
  QString description() const override {
    return tr("The outer product a b^T of two learnt vectors, as RankOne of PyTorch's parametrize tests (LowRank "
              "with rank 1).");
  }
  std::shared_ptr<Parametrization> create(const QVariantMap&) const override {
    return std::make_shared<parametrizations::RankOne>();
  }
};

}  // namespace

QList<std::shared_ptr<const ParametrizationType>> LowRankPlugin::parametrizations() const {
  return {std::make_shared<LowRankType>(), std::make_shared<RankOneType>()};
}
