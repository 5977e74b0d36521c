// The built-in symmetric plugin as a host sees it: metadata, descriptions,
// applicability reasons, and parametrizations that hold their constraint.
#include <QTest>

#include "paratrace/nn/linear.h"
#include "paratrace/nn/parametrize.h"
#include "paratrace/tensor/factories.h"
#include "paratrace/tensor/ops.h"
#include "plugin_manager.h"

using namespace paratrace;
using paratrace::plugin::TensorSpec;

class TestPluginSymmetric : public QObject {
  Q_OBJECT

  pluginhost::PluginManager manager_;

  // The reason it does not apply; empty when it does.
  QString check(const char* type, const Shape& shape, ScalarType dtype = ScalarType::Float32) const {
    return manager_.type(QLatin1String(type))->check(TensorSpec{shape, dtype}).value_or(QString());
  }

 private slots:
  void initTestCase() {
    // Its own file only: the other built-in plugins have suites of their own.
    QVERIFY(manager_.load_file(QStringLiteral(PARATRACE_BUILTIN_PLUGIN_DIR "/libparatrace_symmetric.so")));
    QVERIFY(manager_.errors().isEmpty());
  }

  void metadata() {
    QCOMPARE(manager_.plugins().size(), 1);
    const auto& meta = manager_.plugins().at(0).metadata;
    QCOMPARE(meta.name, QStringLiteral("symmetric"));
    QCOMPARE(meta.version, QStringLiteral("0.1.0"));
    QCOMPARE(meta.api_version, plugin::kApiVersion);
    QCOMPARE(meta.author, QStringLiteral("The Paratrace authors"));
    QCOMPARE(meta.parametrizations, (QStringList{"Symmetric", "Skew"}));
  }

  void descriptions() {
    const auto symmetric = manager_.type(QStringLiteral("Symmetric"));
    QCOMPARE(symmetric->display_name(), QStringLiteral("Symmetric matrix"));
    QVERIFY(symmetric->description().contains(QStringLiteral("transpose")));
    QVERIFY(symmetric->options().isEmpty());
    const auto skew = manager_.type(QStringLiteral("Skew"));
    QCOMPARE(skew->display_name(), QStringLiteral("Skew-symmetric matrix"));
    QVERIFY(skew->description().contains(QStringLiteral("minus its transpose")));
  }

  void applicability() {
    QCOMPARE(check("Symmetric", {4, 4}), QString());
    QCOMPARE(check("Skew", {2, 3, 3}, ScalarType::Float64), QString());
    QCOMPARE(check("Symmetric", {8}), QStringLiteral("Symmetric needs a square matrix (or a batch of them), got shape [8]"));
    QCOMPARE(check("Skew", {2, 3}), QStringLiteral("Skew needs a square matrix (or a batch of them), got shape [2, 3]"));
    QCOMPARE(check("Skew", {3, 3}, ScalarType::Int64), QStringLiteral("Skew needs a floating-point tensor, got torch.int64"));
  }

  void builds_constrained_parametrizations() {
    nn::Linear layer(4, 4);
    nn::Linear other(4, 4);
    nn::parametrize::register_parametrization(layer, "weight", manager_.create(QStringLiteral("Symmetric")));
    nn::parametrize::register_parametrization(other, "weight", manager_.create(QStringLiteral("Skew")));
    const Tensor S = layer.attr("weight");
    const Tensor K = other.attr("weight");
    QVERIFY(equal(S, S.mT()));
    QVERIFY(equal(K, -K.mT()));
    QCOMPARE(nn::parametrize::parametrization_list(layer, "weight")->step(0)->class_name(), std::string("Symmetric"));
  }

  void takes_no_options() {
    try {
      manager_.create(QStringLiteral("Symmetric"), {{QStringLiteral("upper"), true}});
      QFAIL("no OptionError thrown");
    } catch (const plugin::OptionError& e) {
      QCOMPARE(e.option(), QStringLiteral("upper"));
    }
  }
};

QTEST_GUILESS_MAIN(TestPluginSymmetric)
#include "tst_plugin_symmetric.moc"
