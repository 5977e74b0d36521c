// The built-in norms plugin loaded from its file as a host loads it:
// options and their validation, applicability, SpectralNorm's and
// WeightNorm's PyTorch values, gradients and buffers, their properties
// through training, assignment, and state_dict round trips.
#include <QTest>

#include "paratrace/nn/linear.h"
#include "paratrace/nn/parametrizations/spectral_norm.h"
#include "paratrace/nn/parametrizations/weight_norm.h"
#include "paratrace/optim/sgd.h"
#include "paratrace/tensor/generator.h"
#include "parametrization_fixture.h"
#include "plugin_manager.h"

using namespace paratrace;
using paratrace::plugin::OptionSpec;
using paratrace::plugin::TensorSpec;

namespace {

const QString kBuiltinDir = QStringLiteral(PARATRACE_BUILTIN_PLUGIN_DIR);

double sigma_max(const Tensor& W) { return linalg_matrix_norm(W.flatten(1), 2).item<double>(); }

// A module whose class name is ConvTranspose2d, for spectral norm's dim rule.
class FakeConvTranspose2d : public nn::Cloneable<FakeConvTranspose2d> {
 public:
  FakeConvTranspose2d() { register_parameter("weight", randn({3, 5, 2, 2})); }
  std::string class_name() const override { return "ConvTranspose2d"; }
};

template <typename P> std::shared_ptr<P> step_of(const nn::Module& m) {
  return std::dynamic_pointer_cast<P>(nn::parametrize::parametrization_list(m, "weight")->step(0));
}

}  // namespace

class TestPluginNorms : public QObject {
  Q_OBJECT

  pluginhost::PluginManager manager_;

  QString check(const char* type, const Shape& shape, ScalarType dtype = ScalarType::Float32) const {
    return manager_.type(QLatin1String(type))->check(TensorSpec{shape, dtype}).value_or(QString());
  }
  std::shared_ptr<nn::Parametrization> create(const char* type, const QVariantMap& options = {}) const {
    return manager_.create(QLatin1String(type), options);
  }
  QString option_error(const char* type, const QVariantMap& options, QString* option) const {
    try {
      create(type, options);
    } catch (const plugin::OptionError& e) {
      *option = e.option();
      return QString::fromUtf8(e.what());
    }
    return {};
  }

 private slots:
  void initTestCase() {
    QVERIFY(manager_.load_file(kBuiltinDir + QStringLiteral("/libparatrace_norms.so")));
    QVERIFY(manager_.errors().isEmpty());
  }
  void init() { manual_seed(0); }

  void metadata() {
    QCOMPARE(manager_.plugins().size(), 1);
    const auto& meta = manager_.plugins().at(0).metadata;
    QCOMPARE(meta.name, QStringLiteral("norms"));
    QCOMPARE(meta.parametrizations, (QStringList{"SpectralNorm", "WeightNorm"}));
    QCOMPARE(manager_.type(QStringLiteral("SpectralNorm"))->display_name(), QStringLiteral("Spectral normalization"));
    QCOMPARE(manager_.type(QStringLiteral("WeightNorm"))->display_name(), QStringLiteral("Weight normalization"));
  }

  void options_schema() {
    const auto spectral = manager_.type(QStringLiteral("SpectralNorm"))->options();
    QCOMPARE(spectral.size(), 3);
    QCOMPARE(spectral[0].name, QStringLiteral("n_power_iterations"));
    QVERIFY(spectral[0].type == OptionSpec::Type::Int);
    QCOMPARE(spectral[0].default_value.toLongLong(), 1);
    QCOMPARE(spectral[0].minimum.toLongLong(), 1);
    QCOMPARE(spectral[1].name, QStringLiteral("eps"));
    QCOMPARE(spectral[1].default_value.toDouble(), 1e-12);
    QCOMPARE(spectral[2].name, QStringLiteral("dim"));
    QVERIFY(spectral[2].type == OptionSpec::Type::Int);
    QVERIFY(spectral[2].default_value.isNull());
    const auto weight = manager_.type(QStringLiteral("WeightNorm"))->options();
    QCOMPARE(weight.size(), 1);
    QCOMPARE(weight[0].name, QStringLiteral("dim"));
    QVERIFY(weight[0].type == OptionSpec::Type::Int);
    QCOMPARE(weight[0].default_value.toLongLong(), 0);
    QCOMPARE(weight[0].minimum.toLongLong(), -1);
  }

  void rejects_bad_options_data() {
    QTest::addColumn<QString>("type");
    QTest::addColumn<QVariantMap>("options");
    QTest::addColumn<QString>("option");
    QTest::addColumn<QString>("message");
    QTest::newRow("no power iterations") << "SpectralNorm" << QVariantMap{{"n_power_iterations", 0}} << "n_power_iterations"
                                         << "option 'n_power_iterations': must be at least 1, got 0";
    QTest::newRow("fractional iterations") << "SpectralNorm" << QVariantMap{{"n_power_iterations", 1.5}}
                                           << "n_power_iterations"
                                           << "option 'n_power_iterations': expected an integer, got 1.5";
    QTest::newRow("eps as text") << "SpectralNorm" << QVariantMap{{"eps", "tiny"}} << "eps"
                                 << "option 'eps': expected a finite number, got \"tiny\"";
    QTest::newRow("negative eps") << "SpectralNorm" << QVariantMap{{"eps", -1.0}} << "eps"
                                  << "option 'eps': must be at least 0, got -1";
    QTest::newRow("dim not a number") << "SpectralNorm" << QVariantMap{{"dim", "first"}} << "dim"
                                      << "option 'dim': expected an integer, got \"first\"";
    QTest::newRow("dim below -1") << "WeightNorm" << QVariantMap{{"dim", -2}} << "dim"
                                  << "option 'dim': must be at least -1, got -2";
    QTest::newRow("dim as bool") << "WeightNorm" << QVariantMap{{"dim", true}} << "dim"
                                 << "option 'dim': expected an integer, got true";
  }
  void rejects_bad_options() {
    QFETCH(QString, type);
    QFETCH(QVariantMap, options);
    QFETCH(QString, option);
    QFETCH(QString, message);
    QString got_option;
    QCOMPARE(option_error(qPrintable(type), options, &got_option), message);
    QCOMPARE(got_option, option);
  }

  void applicability() {
    QCOMPARE(check("SpectralNorm", {4, 3}), QString());
    QCOMPARE(check("SpectralNorm", {8}), QString());
    QCOMPARE(check("WeightNorm", {2, 3, 3, 3}), QString());
    QCOMPARE(check("SpectralNorm", {}), QStringLiteral("SpectralNorm needs at least one dimension, got shape []"));
    QCOMPARE(check("WeightNorm", {3}, ScalarType::Int64),
             QStringLiteral("WeightNorm needs a floating-point tensor, got torch.int64"));
  }

  // A dim the tensor lacks is refused at registration with PyTorch's error,
  // leaving the module as it was.
  void dim_out_of_range_fails_registration() {
    nn::Linear layer(3, 4);
    QString why;
    QVERIFY2(test::throws_with<IndexError>(
                 [&] { nn::parametrize::register_parametrization(layer, "weight", create("SpectralNorm", {{"dim", 2}})); },
                 "Dimension out of range (expected to be in range of [-2, 1] but got 2)", &why),
             qPrintable(why));
    QVERIFY2(test::throws_with<IndexError>(
                 [&] { nn::parametrize::register_parametrization(layer, "weight", create("WeightNorm", {{"dim", 2}})); },
                 // aten's wrap_dim text (with a comma), where SpectralNorm's is Python's
                 "Dimension out of range (expected to be in range of [-2, 1], but got 2)", &why),
             qPrintable(why));
    QVERIFY(!nn::parametrize::is_parametrized(layer));
  }

  void dim_auto_follows_pytorch() {
    nn::Linear linear(3, 4);
    FakeConvTranspose2d transposed;
    nn::parametrize::register_parametrization(linear, "weight", create("SpectralNorm"));
    nn::parametrize::register_parametrization(transposed, "weight", create("SpectralNorm"));
    QCOMPARE(*step_of<nn::parametrizations::SpectralNorm>(linear)->dim(), std::int64_t{0});
    QCOMPARE(*step_of<nn::parametrizations::SpectralNorm>(transposed)->dim(), std::int64_t{1});
    QCOMPARE(transposed.get_buffer("parametrizations.weight.0._u").sizes(), (Shape{5}));
  }

  void spectral_norm_matches_pytorch_data() {
    QTest::addColumn<QString>("name");
    for (const char* name : {"spectral_norm_linear_train", "spectral_norm_linear_eval", "spectral_norm_conv2d_train",
                             "spectral_norm_conv2d_eval", "spectral_norm_conv2d_dim1_3_iterations_train"})
      QTest::newRow(name) << QString(name);
  }
  void spectral_norm_matches_pytorch() {
    QFETCH(QString, name);
    const auto c = test::load_parametrization_case(name.toStdString());
    auto m = test::build_case_module(c);
    QVariantMap options{{"n_power_iterations", qlonglong(c.options.value("n_power_iterations", std::int64_t{1}))},
                        {"eps", c.options.value("eps", 1e-12)}};
    if (c.options.contains("dim")) options.insert("dim", qlonglong(c.options.at("dim").get<std::int64_t>()));
    nn::parametrize::register_parametrization(*m, "weight", create("SpectralNorm", options));
    PT_CHECK_PARAMETRIZATION_CASE(*m, c, 1e-4, 1e-5);
  }

  void weight_norm_matches_pytorch_data() {
    QTest::addColumn<QString>("name");
    for (const char* name : {"weight_norm_linear", "weight_norm_linear_dim1", "weight_norm_linear_dim_none",
                             "weight_norm_conv2d", "weight_norm_conv2d_dim2", "weight_norm_conv2d_dim3"})
      QTest::newRow(name) << QString(name);
  }
  void weight_norm_matches_pytorch() {
    QFETCH(QString, name);
    const auto c = test::load_parametrization_case(name.toStdString());
    auto m = test::build_case_module(c);
    const qlonglong dim = c.options.at("dim").is_null() ? -1 : c.options.at("dim").get<qlonglong>();
    nn::parametrize::register_parametrization(*m, "weight", create("WeightNorm", {{"dim", dim}}));
    PT_CHECK_PARAMETRIZATION_CASE(*m, c, 1e-4, 1e-5);
  }

  void sigma_max_is_one_through_training() {
    nn::Linear m(8, 6);
    nn::parametrize::register_parametrization(m, "weight", create("SpectralNorm"));
    optim::SGD sgd(m.parameters(), {.lr = 0.05});
    const Tensor x = randn({16, 8}), target = randn({16, 6});
    const Tensor first = m.attr("weight").detach();
    for (int i = 0; i < 10; ++i) {
      sgd.zero_grad();
      mse_loss(m(x), target).backward();
      sgd.step();
    }
    QVERIFY((m.attr("weight") - first).abs().max().item<double>() > 1e-3);
    // Each training read runs one more power iteration.
    for (int i = 0; i < 30; ++i) m.attr("weight");
    const double sigma = sigma_max(m.attr("weight"));
    QVERIFY2(std::abs(sigma - 1.0) < 1e-3, qPrintable(QString::number(sigma)));
  }

  void weight_norm_keeps_g_as_the_norm_through_training() {
    nn::Linear m(5, 4);
    nn::parametrize::register_parametrization(m, "weight", create("WeightNorm"));
    optim::SGD sgd(m.parameters(), {.lr = 0.1});
    const Tensor x = randn({16, 5}), target = randn({16, 4});
    const Tensor first_g = m.get_parameter("parametrizations.weight.original0").detach().clone();
    for (int i = 0; i < 5; ++i) {
      sgd.zero_grad();
      mse_loss(m(x), target).backward();
      sgd.step();
    }
    const Tensor g = m.get_parameter("parametrizations.weight.original0");
    QVERIFY((g - first_g).abs().max().item<double>() > 1e-4);
    QString why;
    QVERIFY2(test::tensors_close(nn::parametrizations::norm_except_dim(m.attr("weight"), 2, 0), g, 1e-5, 1e-6, &why),
             qPrintable(why));
  }

  // SpectralNorm stores an assigned value as is; a matrix whose singular
  // values are all 1 then reads back unchanged. WeightNorm splits it exactly.
  void right_inverse_round_trips() {
    nn::Linear spectral(4, 4);
    nn::parametrize::register_parametrization(spectral, "weight", create("SpectralNorm"));
    const Tensor Q = std::get<0>(linalg_qr(randn({4, 4})));
    spectral.set_attr("weight", Q);
    QVERIFY(equal(spectral.get_parameter("parametrizations.weight.original"), Q));
    QString why;
    QVERIFY2(test::tensors_close(spectral.attr("weight"), Q, 1e-5, 1e-5, &why), qPrintable(why));

    nn::Linear weight(5, 3);
    nn::parametrize::register_parametrization(weight, "weight", create("WeightNorm", {{"dim", 1}}));
    const Tensor W = randn({3, 5});
    weight.set_attr("weight", W);
    QVERIFY2(test::tensors_close(weight.attr("weight"), W, 1e-5, 1e-6, &why), qPrintable(why));
    QCOMPARE(weight.get_parameter("parametrizations.weight.original0").sizes(), (Shape{1, 5}));
  }

  void state_dict_round_trips() {
    nn::Linear a(5, 3), b(5, 3);
    nn::parametrize::register_parametrization(a, "weight", create("SpectralNorm"));
    nn::parametrize::register_parametrization(b, "weight", create("SpectralNorm"));
    const nn::StateDict state = a.state_dict();
    QCOMPARE(test::keys_of(state), (std::vector<std::string>{"bias", "parametrizations.weight.original",
                                                             "parametrizations.weight.0._u",
                                                             "parametrizations.weight.0._v"}));
    b.load_state_dict(state);
    a.eval();
    b.eval();
    QVERIFY(equal(b.attr("weight"), a.attr("weight")));

    nn::Linear c(5, 3), d(5, 3);
    nn::parametrize::register_parametrization(c, "weight", create("WeightNorm"));
    nn::parametrize::register_parametrization(d, "weight", create("WeightNorm"));
    QCOMPARE(test::keys_of(c.state_dict()),
             (std::vector<std::string>{"bias", "parametrizations.weight.original0", "parametrizations.weight.original1"}));
    d.load_state_dict(c.state_dict());
    QVERIFY(equal(d.attr("weight"), c.attr("weight")));
  }
};

QTEST_GUILESS_MAIN(TestPluginNorms)
#include "tst_plugin_norms.moc"
