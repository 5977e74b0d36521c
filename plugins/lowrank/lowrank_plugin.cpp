#include "lowrank_plugin.h"

#include <algorithm>

#include "paratrace/nn/parametrizations/low_rank.h"
#include "paratrace/plugin/plugin_helpers.h"

namespace {

using namespace paratrace::plugin;
using paratrace::nn::Parametrization;
namespace parametrizations = paratrace::nn::parametrizations;

// Both types apply to floating matrices (or batches of them).
class LowRankPluginType : public ParametrizationType {
 public:
  std::optional<QString> check(const TensorSpec& tensor) const override {
    return first_reason({require_matrix(tensor, type_name()), require_floating(tensor, type_name())});
  }
};

class LowRankType : public LowRankPluginType {
  Q_DECLARE_TR_FUNCTIONS(LowRankPlugin)

 public:
  QString type_name() const override { return QStringLiteral("LowRank"); }
  QString display_name() const override { return tr("Low rank"); }
  QString description() const override {
    return tr("Keeps the rank of a matrix at most r by learning it as A B, with A (n x r) as original0 and B "
              "(r x m) as original1; applying it keeps the best rank-r approximation (truncated SVD).");
  }
  QList<OptionSpec> options() const override {
    return {int_option("rank", 1, 1, tr("The largest rank r the matrix may have"))};
  }
  // Said before applying, in the words of core's refusal at registration.
  std::optional<QString> check_with_options(const TensorSpec& tensor, const QVariantMap& options) const override {
    if (auto reason = check(tensor)) return reason;
    const qlonglong rank = options.value(QStringLiteral("rank")).toLongLong();
    const auto& shape = tensor.shape;
    const qlonglong most = std::min(shape[shape.size() - 2], shape[shape.size() - 1]);
    if (rank <= most) return std::nullopt;
    return tr("%1: rank %2 is larger than min(n, m) = %3 for shape %4")
        .arg(type_name(), QString::number(rank), QString::number(most), shape_text(shape));
  }
  std::shared_ptr<Parametrization> create(const QVariantMap& options) const override {
    return std::make_shared<parametrizations::LowRank>(options.value(QStringLiteral("rank")).toLongLong());
  }
};

class RankOneType : public LowRankPluginType {
  Q_DECLARE_TR_FUNCTIONS(LowRankPlugin)

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
  return make_types<LowRankType, RankOneType>();
}
