#include "sparsity_plugin.h"

#include <QRegularExpression>

#include "paratrace/nn/parametrizations/fake_sparsity.h"
#include "paratrace/nn/sparsity/mask_builders.h"
#include "paratrace/plugin/plugin_helpers.h"
#include "paratrace/tensor/factories.h"

namespace {

using namespace paratrace::plugin;
using paratrace::Tensor;
using paratrace::nn::Parametrization;
namespace sparsity = paratrace::nn::sparsity;

class FakeSparsityType : public ParametrizationType {
  Q_DECLARE_TR_FUNCTIONS(SparsityPlugin)

 public:
  QString type_name() const override { return QStringLiteral("FakeSparsity"); }
  QString display_name() const override { return tr("Sparsity mask"); }
  QString description() const override {
    return tr("Multiplies the weight by a fixed 0/1 mask computed from its magnitudes when applied, as "
              "torch.ao.sparsity's FakeSparsity; the mask is a buffer left out of the state_dict.");
  }
  QList<OptionSpec> options() const override {
    return {
        choice_option("mask", QStringLiteral("unstructured"),
                      {QStringLiteral("unstructured"), QStringLiteral("nm"), QStringLiteral("block"),
                       QStringLiteral("none")},
                      tr("unstructured: the smallest entries; nm: n of every m along the last dimension; block: whole "
                         "blocks of smallest mean square; none: all ones")),
        float_option("sparsity_level", 0.5, 0.0, 1.0,
                     tr("The fraction of entries (unstructured) or blocks (block) set to zero")),
        int_option("n", 2, 0, tr("nm: how many entries of every m are kept")),
        int_option("m", 4, 1, tr("nm: the group size along the last dimension")),
        string_option("block_shape", QStringLiteral("1x4"), tr("block: rows x columns of a block, such as 1x4 or 4x4")),
    };
  }
  std::optional<QString> check(const TensorSpec& tensor) const override {
    return first_reason({require_dimension(tensor, type_name()), require_floating(tensor, type_name())});
  }
  // What the mask builders would refuse at registration, said before.
  std::optional<QString> check_with_options(const TensorSpec& tensor, const QVariantMap& options) const override {
    if (auto reason = check(tensor)) return reason;
    const QString kind = options.value(QStringLiteral("mask")).toString();
    const auto& shape = tensor.shape;
    if (kind == QLatin1String("nm")) {
      const qlonglong m = options.value(QStringLiteral("m")).toLongLong();
      if (shape.back() % m != 0)
        return tr("%1 with an N:M mask needs the last dimension to be divisible by m=%2, got shape %3")
            .arg(type_name(), QString::number(m), shape_text(shape));
    } else if (kind == QLatin1String("block") && shape.size() < 2) {
      return tr("%1 with a block mask needs a matrix, got shape %2").arg(type_name(), shape_text(shape));
    }
    return std::nullopt;
  }
  // The builders check the shape again when the mask is built, for callers
  // that register without asking check_with_options.
  std::shared_ptr<Parametrization> create(const QVariantMap& options) const override {
    const QString kind = options.value(QStringLiteral("mask")).toString();
    const double level = options.value(QStringLiteral("sparsity_level")).toDouble();
    paratrace::nn::FakeSparsity::MaskBuilder builder;
    if (kind == QLatin1String("unstructured")) {
      builder = [level](const Tensor& w) { return sparsity::unstructured_mask(w, level); };
    } else if (kind == QLatin1String("nm")) {
      const qlonglong n = options.value(QStringLiteral("n")).toLongLong();
      const qlonglong m = options.value(QStringLiteral("m")).toLongLong();
      if (n > m) throw OptionError(QStringLiteral("n"), tr("must be at most m (%1), got %2").arg(m).arg(n));
      builder = [n, m](const Tensor& w) { return sparsity::nm_mask(w, n, m); };
    } else if (kind == QLatin1String("block")) {
      const auto [rows, cols] = block_shape(options.value(QStringLiteral("block_shape")).toString());
      builder = [rows, cols, level](const Tensor& w) { return sparsity::block_mask(w, rows, cols, level); };
    } else {
      builder = [](const Tensor& w) { return paratrace::ones_like(w); };
    }
    return std::make_shared<paratrace::nn::FakeSparsity>(std::move(builder));
  }

 private:
  static std::pair<qlonglong, qlonglong> block_shape(const QString& text) {
    static const QRegularExpression pattern(QStringLiteral("^\\s*(\\d+)\\s*[xX]\\s*(\\d+)\\s*$"));
    const auto match = pattern.match(text);
    const qlonglong rows = match.hasMatch() ? match.captured(1).toLongLong() : 0;
    const qlonglong cols = match.hasMatch() ? match.captured(2).toLongLong() : 0;
    if (rows < 1 || cols < 1)
      throw OptionError(QStringLiteral("block_shape"),
                        tr("expected rows x columns of at least 1, such as 1x4 or 4x4, got \"%1\"").arg(text));
    return {rows, cols};
  }
};

}  // namespace

QList<std::shared_ptr<const ParametrizationType>> SparsityPlugin::parametrizations() const {
  return make_types<FakeSparsityType>();
}
