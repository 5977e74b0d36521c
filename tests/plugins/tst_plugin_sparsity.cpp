// The built-in sparsity plugin loaded from its file as a host loads it:
// FakeSparsity with each mask builder, masked entries staying zero through
// training, the mask left out of the state_dict, no right_inverse (as
// PyTorch), option validation and applicability.
#include <QTest>

#include "paratrace/nn/linear.h"
#include "paratrace/nn/parametrizations/fake_sparsity.h"
#include "paratrace/nn/parametrize.h"
#include "paratrace/nn/sparsity/mask_builders.h"
#include "paratrace/optim/sgd.h"
#include "paratrace/tensor/generator.h"
#include "parametrization_fixture.h"
#include "plugin_manager.h"

using namespace paratrace;
using paratrace::plugin::OptionSpec;
using paratrace::plugin::TensorSpec;

namespace {

const QString kBuiltinDir = QStringLiteral(PARATRACE_BUILTIN_PLUGIN_DIR);

Tensor mask_of(nn::Module& m) { return m.get_buffer("parametrizations.weight.0.mask"); }

std::int64_t zeros_in(const Tensor& t) { return eq(t, 0.0).sum().item<std::int64_t>(); }

}  // namespace

class TestPluginSparsity : public QObject {
  Q_OBJECT

  pluginhost::PluginManager manager_;

  std::shared_ptr<nn::Parametrization> create(const QVariantMap& options = {}) const {
    return manager_.create(QStringLiteral("FakeSparsity"), options);
  }
  QString option_error(const QVariantMap& options, QString* option) const {
    try {
      create(options);
    } catch (const plugin::OptionError& e) {
      *option = e.option();
      return QString::fromUtf8(e.what());
    }
    return {};
  }

 private slots:
  void initTestCase() {
    QVERIFY(manager_.load_file(kBuiltinDir + QStringLiteral("/libparatrace_sparsity.so")));
    QVERIFY(manager_.errors().isEmpty());
  }
  void init() { manual_seed(0); }

  void metadata() {
    QCOMPARE(manager_.plugins().size(), 1);
    const auto& meta = manager_.plugins().at(0).metadata;
    QCOMPARE(meta.name, QStringLiteral("sparsity"));
    QCOMPARE(meta.parametrizations, QStringList{"FakeSparsity"});
    QCOMPARE(manager_.type(QStringLiteral("FakeSparsity"))->display_name(), QStringLiteral("Sparsity mask"));
  }

  void options_schema() {
    const auto options = manager_.type(QStringLiteral("FakeSparsity"))->options();
    QStringList names;
    for (const OptionSpec& o : options) names << o.name;
    QCOMPARE(names, (QStringList{"mask", "sparsity_level", "n", "m", "block_shape"}));
    QCOMPARE(options[0].choices, (QStringList{"unstructured", "nm", "block", "none"}));
    QCOMPARE(options[0].default_value.toString(), QStringLiteral("unstructured"));
    QCOMPARE(options[1].default_value.toDouble(), 0.5);
    QCOMPARE(options[1].maximum.toDouble(), 1.0);
    QCOMPARE(options[2].default_value.toLongLong(), 2);
    QCOMPARE(options[3].default_value.toLongLong(), 4);
    QCOMPARE(options[4].default_value.toString(), QStringLiteral("1x4"));
  }

  void rejects_bad_options_data() {
    QTest::addColumn<QVariantMap>("options");
    QTest::addColumn<QString>("option");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown mask") << QVariantMap{{"mask", "random"}} << "mask"
                                  << "option 'mask': expected one of unstructured, nm, block, none, got \"random\"";
    QTest::newRow("level above 1") << QVariantMap{{"sparsity_level", 1.5}} << "sparsity_level"
                                   << "option 'sparsity_level': must be at most 1, got 1.5";
    QTest::newRow("n as text") << QVariantMap{{"mask", "nm"}, {"n", "two"}} << "n"
                               << "option 'n': expected an integer, got \"two\"";
    QTest::newRow("n above m") << QVariantMap{{"mask", "nm"}, {"n", 5}} << "n" << "option 'n': must be at most m (4), got 5";
    QTest::newRow("m zero") << QVariantMap{{"mask", "nm"}, {"m", 0}} << "m" << "option 'm': must be at least 1, got 0";
    QTest::newRow("block shape") << QVariantMap{{"mask", "block"}, {"block_shape", "4by4"}} << "block_shape"
                                 << "option 'block_shape': expected rows x columns of at least 1, such as 1x4 or 4x4, "
                                    "got \"4by4\"";
    QTest::newRow("empty block") << QVariantMap{{"mask", "block"}, {"block_shape", "0x4"}} << "block_shape"
                                 << "option 'block_shape': expected rows x columns of at least 1, such as 1x4 or 4x4, "
                                    "got \"0x4\"";
    QTest::newRow("block shape as number") << QVariantMap{{"mask", "block"}, {"block_shape", 4}} << "block_shape"
                                           << "option 'block_shape': expected text, got 4";
  }
  void rejects_bad_options() {
    QFETCH(QVariantMap, options);
    QFETCH(QString, option);
    QFETCH(QString, message);
    QString got_option;
    QCOMPARE(option_error(options, &got_option), message);
    QCOMPARE(got_option, option);
  }

  void applicability() {
    const auto type = manager_.type(QStringLiteral("FakeSparsity"));
    QVERIFY(!type->check(TensorSpec{{4, 8}, ScalarType::Float32}));
    QVERIFY(!type->check(TensorSpec{{8}, ScalarType::Float64}));
    QCOMPARE(type->check(TensorSpec{{}, ScalarType::Float32}).value_or(QString()),
             QStringLiteral("FakeSparsity needs at least one dimension, got shape []"));
    QCOMPARE(type->check(TensorSpec{{4, 4}, ScalarType::Bool}).value_or(QString()),
             QStringLiteral("FakeSparsity needs a floating-point tensor, got torch.bool"));
  }

  // With the options, what the mask builders would refuse is said before
  // applying.
  void applicability_with_options() {
    const auto reason = [&](const Shape& shape, const QVariantMap& options) {
      return manager_.check(QStringLiteral("FakeSparsity"), TensorSpec{shape, ScalarType::Float32}, options)
          .value_or(QString());
    };
    QCOMPARE(reason({3, 8}, {{"mask", "nm"}}), QString());
    QCOMPARE(reason({3, 6}, {{"mask", "nm"}}),
             QStringLiteral("FakeSparsity with an N:M mask needs the last dimension to be divisible by m=4, got shape [3, 6]"));
    QCOMPARE(reason({3, 6}, {{"mask", "nm"}, {"n", 1}, {"m", 3}}), QString());
    QCOMPARE(reason({3}, {{"mask", "block"}}), QStringLiteral("FakeSparsity with a block mask needs a matrix, got shape [3]"));
    QCOMPARE(reason({3}, {{"mask", "unstructured"}}), QString());
    QCOMPARE(reason({}, {{"mask", "nm"}}), QStringLiteral("FakeSparsity needs at least one dimension, got shape []"));
    try {
      reason({3, 8}, {{"m", 0}});
      QFAIL("no OptionError thrown");
    } catch (const plugin::OptionError& e) {
      QCOMPARE(e.option(), QStringLiteral("m"));
    }
  }

  // What depends on the shape is refused when the mask is built, at
  // registration, leaving the module as it was.
  void shape_errors_at_registration() {
    nn::Linear layer(6, 3);
    QString why;
    QVERIFY2(test::throws_with<ValueError>(
                 [&] { nn::parametrize::register_parametrization(layer, "weight", create({{"mask", "nm"}})); },
                 "N:M sparsity needs the last dimension to be divisible by m=4, got shape torch.Size([3, 6])", &why),
             qPrintable(why));
    QVERIFY2(test::throws_with<ValueError>(
                 [&] { nn::parametrize::register_parametrization(layer, "bias", create({{"mask", "block"}})); },
                 "block sparsity needs a matrix (or a tensor seen as one), got shape torch.Size([3])", &why),
             qPrintable(why));
    QVERIFY(!nn::parametrize::is_parametrized(layer));
  }

  // Each builder's mask, computed from the weight at registration, with the
  // expected number of zeros; training leaves the masked entries at zero.
  void masked_entries_stay_zero_through_training_data() {
    QTest::addColumn<QVariantMap>("options");
    QTest::addColumn<int>("zeros");
    QTest::newRow("unstructured") << QVariantMap{{"mask", "unstructured"}, {"sparsity_level", 0.25}} << 16;
    QTest::newRow("nm 2:4") << QVariantMap{{"mask", "nm"}} << 32;
    QTest::newRow("nm 1:4") << QVariantMap{{"mask", "nm"}, {"n", 1}} << 48;
    QTest::newRow("block 4x4") << QVariantMap{{"mask", "block"}, {"block_shape", "4x4"}, {"sparsity_level", 0.25}}
                               << 16;
    QTest::newRow("block 1x4") << QVariantMap{{"mask", "block"}} << 32;
    QTest::newRow("none") << QVariantMap{{"mask", "none"}} << 0;
  }
  void masked_entries_stay_zero_through_training() {
    QFETCH(QVariantMap, options);
    QFETCH(int, zeros);
    nn::Linear layer(8, 8);
    const Tensor initial = layer.attr("weight").detach().clone();
    nn::parametrize::register_parametrization(layer, "weight", create(options));
    const Tensor mask = mask_of(layer);
    QCOMPARE(zeros_in(mask), std::int64_t(zeros));
    const QString kind = options.value("mask").toString();
    if (kind == QLatin1String("unstructured")) QVERIFY(equal(mask, nn::sparsity::unstructured_mask(initial, 0.25)));
    if (kind == QLatin1String("nm")) QVERIFY(equal(mask, nn::sparsity::nm_mask(initial, options.value("n", 2).toLongLong(), 4)));
    QVERIFY(equal(layer.attr("weight"), initial * mask));
    optim::SGD sgd(layer.parameters(), {.lr = 0.5});
    const Tensor x = randn({16, 8}), target = randn({16, 8});
    for (int i = 0; i < 3; ++i) {
      sgd.zero_grad();
      mse_loss(layer(x), target).backward();
      sgd.step();
    }
    const Tensor weight = layer.attr("weight");
    QVERIFY(equal(weight * (1.0 - mask), zeros_like(weight)));
    // The kept entries did train, and the mask itself did not move.
    QVERIFY(((weight - initial) * mask).abs().max().item<double>() > 1e-3);
    QVERIFY(mask_of(layer).is_same(mask));
    QCOMPARE(zeros_in(mask_of(layer)), std::int64_t(zeros));
  }

  // PyTorch's FakeSparsity saves no mask: the state_dict has only the
  // original, and loading one leaves the target's mask as it is.
  void state_dict_has_no_mask() {
    nn::Linear a(8, 4), b(8, 4);
    nn::parametrize::register_parametrization(a, "weight", create({{"mask", "nm"}}));
    nn::parametrize::register_parametrization(b, "weight", create({{"mask", "nm"}}));
    const nn::StateDict state = a.state_dict();
    QCOMPARE(test::keys_of(state), (std::vector<std::string>{"bias", "parametrizations.weight.original"}));
    const Tensor b_mask = mask_of(b).clone();
    b.load_state_dict(state);
    QVERIFY(equal(b.get_parameter("parametrizations.weight.original"), a.get_parameter("parametrizations.weight.original")));
    QVERIFY(equal(mask_of(b), b_mask));
    QVERIFY(equal(b.attr("weight"), a.get_parameter("parametrizations.weight.original") * b_mask));
  }

  void has_no_right_inverse() {
    nn::Linear layer(8, 4);
    nn::parametrize::register_parametrization(layer, "weight", create());
    QString why;
    QVERIFY2(test::throws_with<RuntimeError>([&] { layer.set_attr("weight", zeros({4, 8})); },
                                             "parametrization FakeSparsity does not implement right_inverse.", &why),
             qPrintable(why));
  }
};

QTEST_GUILESS_MAIN(TestPluginSparsity)
#include "tst_plugin_sparsity.moc"
