// The bundled example models (resources/models/) compute what PyTorch 1.13
// computes for the same model, weights and inputs
// (tests/fixtures/generate_model_fixtures.py), eagerly and as traced. The
// examples checked are PARATRACE_EXAMPLES; each must find its plugins.
#include <QDir>
#include <QTest>

#include "model_file.h"
#include "model_test_util.h"
#include "paratrace/autograd/grad_mode.h"
#include "paratrace/tensor/ops.h"
#include "tracing.h"

using namespace paratrace;

class TestModelExamples : public QObject {
  Q_OBJECT

  pluginhost::PluginManager plugins_;

 private slots:
  void initTestCase() {
    plugins_.load_directories({QStringLiteral(PARATRACE_BUILTIN_PLUGIN_DIR)});
    for (const auto& error : plugins_.errors()) qWarning("%s: %s", qPrintable(error.file), qPrintable(error.reason));
    QVERIFY(plugins_.errors().isEmpty());
  }

  void matches_pytorch_data() {
    QTest::addColumn<QString>("example");
    QTest::addColumn<QString>("method");
    const QStringList examples = QStringLiteral(PARATRACE_EXAMPLES).split(QLatin1Char(','));
    const QDir fixtures(model_test::kFixturesDir);
    for (const QString& example : examples) {
      const QStringList files = fixtures.entryList({example + QStringLiteral(".*.inputs.safetensors")});
      QVERIFY2(!files.isEmpty(), qPrintable(example));
      for (const QString& file : files) {
        const QString method = file.section(QLatin1Char('.'), 1, 1);
        QTest::newRow(qPrintable(example + QLatin1Char('.') + method)) << example << method;
      }
    }
  }
  void matches_pytorch() {
    QFETCH(QString, example);
    QFETCH(QString, method);
    const QString path = QDir(model_test::kModelsDir).filePath(example + QStringLiteral(".paratrace.json"));
    const QString stem = QDir(model_test::kFixturesDir).filePath(example + QLatin1Char('.') + method);
    const model::ModelFile model = model::load_model(path, plugins_);
    const Tensor input = model_test::fixture_tensor(stem + QStringLiteral(".inputs.safetensors"), "input0");
    const Tensor expected = model_test::fixture_tensor(stem + QStringLiteral(".outputs.safetensors"), "output0");
    QVERIFY(input.defined() && expected.defined());
    NoGradGuard no_grad;
    const Tensor eager = model.module->call_method(method.toStdString(), {input}).to_tensor();
    QCOMPARE(eager.sizes(), expected.sizes());
    QVERIFY2(eager.allclose(expected, 1e-4, 1e-5), qPrintable(QString::number((eager - expected).abs().max().item<double>())));
    // The trace with the file's example inputs replays the same computation.
    const auto traced = model::trace_model(model);
    const Tensor replayed = traced->run_method(method.toStdString(), {input}).to_tensor();
    QVERIFY(replayed.allclose(expected, 1e-4, 1e-5));
  }

  // The app embeds the examples (paratrace_example_models): they load from
  // the resources with the same weights as from the source tree.
  void loads_from_the_embedded_resources_data() {
    QTest::addColumn<QString>("example");
    for (const QString& example : QStringLiteral(PARATRACE_EXAMPLES).split(QLatin1Char(',')))
      QTest::newRow(qPrintable(example)) << example;
  }
  void loads_from_the_embedded_resources() {
    QFETCH(QString, example);
    const QString file = example + QStringLiteral(".paratrace.json");
    const model::ModelFile embedded = model::load_model(QStringLiteral(":/models/") + file, plugins_);
    const model::ModelFile on_disk = model::load_model(QDir(model_test::kModelsDir).filePath(file), plugins_);
    QCOMPARE(embedded.weights_path, QStringLiteral(":/models/") + example + QStringLiteral(".safetensors"));
    const auto a = embedded.module->state_dict();
    const auto b = on_disk.module->state_dict();
    QCOMPARE(a.keys(), b.keys());
    for (const auto& key : a.keys()) QVERIFY2(a.find(key)->equal(*b.find(key)), key.c_str());
  }
};

QTEST_GUILESS_MAIN(TestModelExamples)
#include "tst_model_examples.moc"
