// The built-in lowrank plugin loaded from its file as a host loads it:
// LowRank and RankOne with their two originals, rank <= r through training,
// the truncated-SVD right_inverse, state_dict round trips, option
// validation and applicability.
#include <QTest>

#include "paratrace/nn/linear.h"
#include "paratrace/nn/parametrize.h"
#include "paratrace/optim/sgd.h"
#include "paratrace/tensor/generator.h"
#include "parametrization_fixture.h"
#include "plugin_manager.h"

using namespace paratrace;
using paratrace::plugin::OptionSpec;
using paratrace::plugin::TensorSpec;

namespace {

const QString kBuiltinDir = QStringLiteral(PARATRACE_BUILTIN_PLUGIN_DIR);

std::int64_t rank_of(const Tensor& X) { return linalg_matrix_rank(X.detach()).item<std::int64_t>(); }

}  // namespace

class TestPluginLowRank : public QObject {
  Q_OBJECT

  pluginhost::PluginManager manager_;

  std::shared_ptr<nn::Parametrization> low_rank(qlonglong rank) const {
    return manager_.create(QStringLiteral("LowRank"), {{QStringLiteral("rank"), rank}});
  }
  QString check(const char* type, const Shape& shape, ScalarType dtype = ScalarType::Float32) const {
    return manager_.type(QLatin1String(type))->check(TensorSpec{shape, dtype}).value_or(QString());
  }

 private slots:
  void initTestCase() {
    QVERIFY(manager_.load_file(kBuiltinDir + QStringLiteral("/libparatrace_lowrank.so")));
    QVERIFY(manager_.errors().isEmpty());
  }
  void init() { manual_seed(0); }

  void metadata_and_schema() {
    QCOMPARE(manager_.plugins().size(), 1);
    QCOMPARE(manager_.plugins().at(0).metadata.name, QStringLiteral("lowrank"));
    QCOMPARE(manager_.plugins().at(0).metadata.parametrizations, (QStringList{"LowRank", "RankOne"}));
    const auto options = manager_.type(QStringLiteral("LowRank"))->options();
    QCOMPARE(options.size(), 1);
    QCOMPARE(options[0].name, QStringLiteral("rank"));
    QVERIFY(options[0].type == OptionSpec::Type::Int);
    QCOMPARE(options[0].default_value.toLongLong(), 1);
    QCOMPARE(options[0].minimum.toLongLong(), 1);
    QVERIFY(manager_.type(QStringLiteral("RankOne"))->options().isEmpty());
  }

  void rejects_bad_options() {
    const auto error = [&](const QVariant& rank) {
      try {
        manager_.create(QStringLiteral("LowRank"), {{QStringLiteral("rank"), rank}});
      } catch (const plugin::OptionError& e) {
        return QString::fromUtf8(e.what());
      }
      return QString();
    };
    QCOMPARE(error(0), QStringLiteral("option 'rank': must be at least 1, got 0"));
    QCOMPARE(error(QStringLiteral("two")), QStringLiteral("option 'rank': expected an integer, got \"two\""));
    QCOMPARE(error(2.5), QStringLiteral("option 'rank': expected an integer, got 2.5"));
    QCOMPARE(error(QStringLiteral("3")), QString());
  }

  void applicability() {
    QCOMPARE(check("LowRank", {4, 6}), QString());
    QCOMPARE(check("RankOne", {2, 4, 6}), QString());
    QCOMPARE(check("LowRank", {8}), QStringLiteral("LowRank needs a matrix, got shape [8]"));
    QCOMPARE(check("RankOne", {3, 3}, ScalarType::Int64), QStringLiteral("RankOne needs a floating-point tensor, got torch.int64"));
  }

  // With the options, the rank is checked against the shape before applying.
  void applicability_with_options() {
    const auto with_rank = [&](const Shape& shape, qlonglong rank) {
      return manager_.check(QStringLiteral("LowRank"), TensorSpec{shape, ScalarType::Float32}, {{"rank", rank}})
          .value_or(QString());
    };
    QCOMPARE(with_rank({4, 3}, 3), QString());
    QCOMPARE(with_rank({2, 5, 6}, 5), QString());
    QCOMPARE(with_rank({4, 3}, 5), QStringLiteral("LowRank: rank 5 is larger than min(n, m) = 3 for shape [4, 3]"));
    QCOMPARE(with_rank({2, 5, 6}, 6), QStringLiteral("LowRank: rank 6 is larger than min(n, m) = 5 for shape [2, 5, 6]"));
    // The tensor's own reasons come first; the defaults fill missing options.
    QCOMPARE(with_rank({8}, 5), QStringLiteral("LowRank needs a matrix, got shape [8]"));
    QVERIFY(!manager_.check(QStringLiteral("RankOne"), TensorSpec{{1, 1}, ScalarType::Float32}));
  }

  // A rank above min(n, m) is refused at registration, leaving the module.
  void rank_above_the_shape_fails_registration() {
    nn::Linear layer(3, 4);
    QString why;
    QVERIFY2(test::throws_with<ValueError>(
                 [&] { nn::parametrize::register_parametrization(layer, "weight", low_rank(5)); },
                 "LowRank: rank 5 is larger than min(n, m) = 3 for a matrix of shape torch.Size([4, 3]).", &why),
             qPrintable(why));
    QVERIFY(!nn::parametrize::is_parametrized(layer));
  }

  void rank_stays_bounded_through_training_data() {
    QTest::addColumn<QString>("type");
    QTest::addColumn<int>("rank");
    QTest::newRow("LowRank 2") << "LowRank" << 2;
    QTest::newRow("LowRank 3") << "LowRank" << 3;
    QTest::newRow("RankOne") << "RankOne" << 1;
  }
  void rank_stays_bounded_through_training() {
    QFETCH(QString, type);
    QFETCH(int, rank);
    nn::Linear m(6, 5);
    nn::parametrize::register_parametrization(
        m, "weight", type == QLatin1String("RankOne") ? manager_.create(type) : low_rank(rank));
    QCOMPARE(m.get_parameter("parametrizations.weight.original0").sizes(), (Shape{5, rank}));
    QCOMPARE(m.get_parameter("parametrizations.weight.original1").sizes(), (Shape{rank, 6}));
    QCOMPARE(rank_of(m.attr("weight")), std::int64_t(rank));
    optim::SGD sgd(m.parameters(), {.lr = 0.1});
    const Tensor x = randn({10, 6}), target = randn({10, 5});
    const Tensor first = m.attr("weight").detach();
    for (int i = 0; i < 5; ++i) {
      sgd.zero_grad();
      mse_loss(m(x), target).backward();
      sgd.step();
      QVERIFY(rank_of(m.attr("weight")) <= rank);
    }
    QVERIFY((m.attr("weight") - first).abs().max().item<double>() > 1e-3);
  }

  // Assigning a matrix of rank <= r keeps it exactly (truncated SVD).
  void right_inverse_round_trips() {
    nn::Linear m(6, 4);
    nn::parametrize::register_parametrization(m, "weight", low_rank(2));
    const Tensor X = matmul(randn({4, 2}), randn({2, 6}));
    m.set_attr("weight", X);
    QString why;
    QVERIFY2(test::tensors_close(m.attr("weight"), X, 1e-4, 1e-5, &why), qPrintable(why));

    nn::Linear one(4, 3);
    nn::parametrize::register_parametrization(one, "weight", manager_.create(QStringLiteral("RankOne")));
    const Tensor outer_product = outer(randn({3}), randn({4}));
    one.set_attr("weight", outer_product);
    QVERIFY2(test::tensors_close(one.attr("weight"), outer_product, 1e-5, 1e-6, &why), qPrintable(why));
  }

  void state_dict_round_trips() {
    nn::Linear a(6, 4), b(6, 4);
    nn::parametrize::register_parametrization(a, "weight", low_rank(2));
    nn::parametrize::register_parametrization(b, "weight", low_rank(2));
    const nn::StateDict state = a.state_dict();
    QCOMPARE(test::keys_of(state), (std::vector<std::string>{"bias", "parametrizations.weight.original0",
                                                             "parametrizations.weight.original1"}));
    b.load_state_dict(state);
    QVERIFY(equal(b.attr("weight"), a.attr("weight")));
    QCOMPARE(b.get_submodule("parametrizations.weight.0")->repr(), std::string("LowRank(rank=2)"));
  }
};

QTEST_GUILESS_MAIN(TestPluginLowRank)
#include "tst_plugin_lowrank.moc"
