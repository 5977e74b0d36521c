// docs/paratrace-model.schema.json and the loader agree: the same module
// types, for each type the same keys, and every bundled example and a saved
// model conform.
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QTest>

#include "json_schema_check.h"
#include "model_error.h"
#include "model_file.h"
#include "model_saver.h"
#include "model_test_util.h"
#include "module_factory.h"
#include "paratrace/nn/parametrizations/fake_sparsity.h"
#include "paratrace/nn/parametrize.h"
#include "paratrace/tensor/factories.h"
#include "plugin_manager.h"

using namespace paratrace;

namespace {

QJsonObject read_schema() {
  QFile file(QStringLiteral(PARATRACE_MODEL_SCHEMA));
  if (!file.open(QIODevice::ReadOnly)) return {};
  return QJsonDocument::fromJson(file.readAll()).object();
}

QJsonObject def(const QJsonObject& schema, const QString& name) {
  return schema.value(QStringLiteral("$defs")).toObject().value(name).toObject();
}

// A value for a required key, from its schema: enough for the loader to
// build the module, so that an unknown key is what it reports.
QJsonValue sample(const QJsonObject& property) {
  const QString ref = property.value(QStringLiteral("$ref")).toString();
  if (ref.endsWith(QLatin1String("/module")))
    return QJsonObject{{"type", "RNNCell"}, {"input_size", 2}, {"hidden_size", 2}};
  return 2;  // every other required key is an integer, a size or a shape
}

}  // namespace

class TestModelSchema : public QObject {
  Q_OBJECT

  QJsonObject schema_;

 private slots:
  void initTestCase() {
    schema_ = read_schema();
    QVERIFY2(!schema_.isEmpty(), "the schema file is missing or not a JSON object");
  }

  void lists_every_module_type_the_loader_accepts() {
    QStringList listed;
    for (const QJsonValue& v : def(schema_, QStringLiteral("module")).value(QStringLiteral("properties")).toObject()
                                   .value(QStringLiteral("type")).toObject().value(QStringLiteral("enum")).toArray())
      listed << v.toString();
    QCOMPARE(listed, model::module_type_names());
    for (const QString& type : listed) QVERIFY2(!def(schema_, QStringLiteral("layer_") + type).isEmpty(), qPrintable(type));
  }

  void each_type_has_the_loaders_keys_data() {
    QTest::addColumn<QString>("type");
    for (const QString& type : model::module_type_names()) QTest::newRow(qPrintable(type)) << type;
  }
  void each_type_has_the_loaders_keys() {
    QFETCH(QString, type);
    const QJsonObject layer = def(schema_, QStringLiteral("layer_") + type);
    const QJsonObject properties = layer.value(QStringLiteral("properties")).toObject();
    QJsonObject module{{"type", type}, {"zz_unknown", 1}};
    for (const QJsonValue& key : layer.value(QStringLiteral("required")).toArray())
      if (key.toString() != QLatin1String("type")) module.insert(key.toString(), sample(properties.value(key.toString()).toObject()));
    // The loader names the keys it accepts when it meets an unknown one.
    QString accepted;
    try {
      model::build_module(model::JsonNode(QStringLiteral("t.json"), QStringLiteral("$"), module));
      QFAIL("the unknown key was accepted");
    } catch (const model::ModelFileError& e) {
      QCOMPARE(e.json_path(), QStringLiteral("$.zz_unknown"));
      accepted = e.reason().section(QStringLiteral("accepted here: "), 1).chopped(1);
    }
    QStringList schema_keys = properties.keys();
    schema_keys.sort();
    QCOMPARE(accepted.split(QStringLiteral(", ")), schema_keys);
  }

  void every_example_conforms_data() {
    QTest::addColumn<QString>("file");
    const QDir models(model_test::kModelsDir);
    const QStringList files = models.entryList({QStringLiteral("*.paratrace.json")});
    QCOMPARE(files.size(), 7);
    for (const QString& f : files) QTest::newRow(qPrintable(f)) << models.filePath(f);
  }
  void every_example_conforms() {
    QFETCH(QString, file);
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll());
    QVERIFY(doc.isObject());
    const QString error = model_test::SchemaCheck(schema_).check(doc.object());
    QVERIFY2(error.isEmpty(), qPrintable(error));
  }

  void a_saved_model_conforms() {
    const pluginhost::PluginManager no_plugins;
    model::ModelFile m = model::load_model(QDir(model_test::kModelsDir).filePath(QStringLiteral("conv_net.paratrace.json")), no_plugins);
    nn::Module& classifier = *m.module->get_submodule("classifier");
    nn::parametrize::register_parametrization(classifier, "weight", std::make_shared<nn::FakeSparsity>(ones({10, 64})));
    m.parametrizations = {{QStringLiteral("classifier"), QStringLiteral("weight"), QStringLiteral("FakeSparsity"),
                           {{QStringLiteral("mask"), QStringLiteral("none")}}, false}};
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QJsonObject saved = model::save_model(m, dir.filePath(QStringLiteral("saved.paratrace.json")));
    QVERIFY(saved.contains(QStringLiteral("buffers")));  // the mask
    const QString error = model_test::SchemaCheck(schema_).check(saved);
    QVERIFY2(error.isEmpty(), qPrintable(error));
  }

  void the_check_rejects_what_the_schema_forbids_data() {
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("error");
    const QByteArray head = R"({"format": "paratrace-model", "version": 1, "name": "x", )";
    QTest::newRow("unknown key") << head + R"("module": {"type": "ReLU"}, "extra": 1})" << "$.extra: not allowed";
    QTest::newRow("missing module") << QByteArray(R"({"format": "paratrace-model", "version": 1, "name": "x"})")
                                    << "$: missing module";
    QTest::newRow("bad layer key") << head + R"("module": {"type": "Linear", "in_features": 1, "out_features": 1, "bais": true}})"
                                   << "$.module: matches none of anyOf";
    QTest::newRow("bad seed") << head + R"("module": {"type": "ReLU"}, "seed": -1})" << "$.seed: below minimum";
  }
  void the_check_rejects_what_the_schema_forbids() {
    QFETCH(QByteArray, text);
    QFETCH(QString, error);
    const QString found = model_test::SchemaCheck(schema_).check(QJsonDocument::fromJson(text).object());
    QVERIFY2(found.startsWith(error), qPrintable(found));
  }
};

QTEST_GUILESS_MAIN(TestModelSchema)
#include "tst_model_schema.moc"
