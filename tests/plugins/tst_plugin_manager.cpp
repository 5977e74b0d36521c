// The plugin host against real plugin files: the built-in plugin directory
// and a directory of broken plugins with one good plugin among them. Every
// broken file is rejected with its own reason, none stops the others, and
// create() validates options and reports factory failures.
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include "paratrace/nn/linear.h"
#include "paratrace/nn/parametrize.h"
#include "paratrace/tensor/factories.h"
#include "paratrace/tensor/ops.h"
#include "plugin_directories.h"
#include "plugin_manager.h"

using namespace paratrace;
using paratrace::pluginhost::LoadError;
using paratrace::pluginhost::PluginManager;

namespace {

const QString kBuiltinDir = QStringLiteral(PARATRACE_BUILTIN_PLUGIN_DIR);
const QString kTestDir = QStringLiteral(PARATRACE_TEST_PLUGIN_DIR);

QString builtin(const char* file) { return QDir(kBuiltinDir).filePath(QLatin1String(file)); }
QString test_plugin(const QString& file) { return QDir(kTestDir).filePath(file); }

}  // namespace

class TestPluginManager : public QObject {
  Q_OBJECT

  PluginManager manager_;

  LoadError error_for(const QString& file) const {
    for (const LoadError& e : manager_.errors())
      if (e.file == file) return e;
    return {};
  }

 private slots:
  void initTestCase() { manager_.load_directories({kBuiltinDir, kTestDir}); }

  void loads_the_good_plugins_in_order() {
    // The built-in directory first, by file name, then the test directory.
    QStringList names;
    for (const auto& loaded : manager_.plugins()) names << loaded.metadata.name;
    QCOMPARE(names, (QStringList{"lowrank", "norms", "orthogonal", "sparsity", "symmetric", "shift"}));
    const auto& symmetric = manager_.plugins().at(4);
    QCOMPARE(symmetric.file, builtin("libparatrace_symmetric.so"));
    const auto& shift = manager_.plugins().at(5);
    QCOMPARE(shift.file, test_plugin(QStringLiteral("libgood_shift.so")));
    QCOMPARE(shift.metadata.name, QStringLiteral("shift"));
    QCOMPARE(shift.metadata.version, QStringLiteral("2.5"));
    QCOMPARE(shift.metadata.api_version, 2);
    QCOMPARE(shift.metadata.author, QStringLiteral("Paratrace tests"));
    QCOMPARE(shift.metadata.description, QStringLiteral("Adds a constant (test plugin)."));
    QCOMPARE(manager_.type_names(), (QStringList{"LowRank", "RankOne", "SpectralNorm", "WeightNorm", "Orthogonal",
                                                 "Cayley", "FakeSparsity", "Symmetric", "Skew", "Shift"}));
    QCOMPARE(manager_.provider(QStringLiteral("Shift")), shift.file);
  }

  void rejects_each_broken_file_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("reason");
    QTest::newRow("not a library") << "not_a_library.so" << "not a Qt plugin (it has no plugin metadata)";
    QTest::newRow("plain library") << "libbroken_plain.so" << "not a Qt plugin (it has no plugin metadata)";
    QTest::newRow("another IID") << "libbroken_wrong_iid.so"
                                 << "not a Paratrace parametrization plugin: its IID is "
                                    "\"org.example.OtherApp.Plugin/1\", expected \"org.paratrace.ParametrizationPlugin/2\"";
    QTest::newRow("another API (IID)") << "libbroken_api_v1.so"
                                       << "built for plugin API 1, this Paratrace loads API 2 "
                                          "(IID org.paratrace.ParametrizationPlugin/1)";
    QTest::newRow("another API (metadata)") << "libbroken_api_metadata.so"
                                            << "built for plugin API 1 (metadata apiVersion), this Paratrace loads API 2";
    QTest::newRow("incomplete metadata") << "libbroken_bad_metadata.so"
                                         << "its metadata JSON lacks name, parametrizations (see docs/plugins.md)";
    QTest::newRow("no interface") << "libbroken_no_interface.so"
                                  << "its root object does not implement ParametrizationPlugin";
    QTest::newRow("metadata and code disagree")
        << "libbroken_metadata_mismatch.so"
        << "its metadata lists the parametrizations [Announced] but its code provides [Delivered]";
    QTest::newRow("same type name") << "libbroken_duplicate_type.so"
                                    << "provides the parametrization \"Symmetric\", already provided by " +
                                           builtin("libparatrace_symmetric.so");
    QTest::newRow("unresolved symbol") << "libbroken_unresolved_symbol.so"
                                       << "undefined symbol: paratrace_test_symbol_nobody_defines";
    QTest::newRow("constructor throws") << "libbroken_constructor_throws.so"
                                        << "creating the plugin object threw: cannot read the licence file";
    QTest::newRow("factory throws") << "libbroken_factory_throws.so"
                                    << "building \"Broken\" with its default options threw: no GPU found";
  }
  void rejects_each_broken_file() {
    QFETCH(QString, file);
    QFETCH(QString, reason);
    const LoadError error = error_for(test_plugin(file));
    QVERIFY2(!error.file.isEmpty(), qPrintable(file + " was not reported"));
    QVERIFY2(error.reason.contains(reason), qPrintable(error.reason));
  }

  void reports_nothing_else() {
    // One error per broken file (the rows above), none for the good ones.
    QCOMPARE(manager_.errors().size(), 12);
  }

  void keeps_the_first_provider_of_a_type() {
    QCOMPARE(manager_.provider(QStringLiteral("Symmetric")), builtin("libparatrace_symmetric.so"));
    QVERIFY(!manager_.type(QStringLiteral("Broken")));
  }

  void a_file_seen_before_is_skipped() {
    PluginManager manager;
    QVERIFY(manager.load_file(builtin("libparatrace_symmetric.so")));
    // The same file under another spelling of its path.
    QVERIFY(manager.load_file(kBuiltinDir + QStringLiteral("/../plugins/libparatrace_symmetric.so")));
    QCOMPARE(manager.plugins().size(), 1);
    QVERIFY(manager.errors().isEmpty());
  }

  void a_missing_file_is_an_error() {
    PluginManager manager;
    QVERIFY(!manager.load_file(test_plugin(QStringLiteral("libnothing_here.so"))));
    QCOMPARE(manager.errors().size(), 1);
    QCOMPARE(manager.errors().at(0).reason, QStringLiteral("no such file"));
  }

  void other_files_and_missing_directories_are_skipped() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile readme(dir.filePath(QStringLiteral("README.txt")));
    QVERIFY(readme.open(QIODevice::WriteOnly));
    readme.write("plugins go here\n");
    readme.close();
    PluginManager manager;
    manager.load_directories({dir.path(), dir.filePath(QStringLiteral("missing"))});
    QVERIFY(manager.plugins().isEmpty());
    QVERIFY(manager.errors().isEmpty());
  }

  void create_hands_typed_options_to_the_factory() {
    // "2.5" as a model file may hold it; the factory insists on a double.
    const auto shift = manager_.create(QStringLiteral("Shift"), {{QStringLiteral("offset"), QStringLiteral("2.5")}});
    QVERIFY(equal((*shift)(zeros({2})), full({2}, 2.5)));
    QVERIFY(equal((*manager_.create(QStringLiteral("Shift")))(zeros({2})), full({2}, 1.0)));
  }

  void create_names_a_bad_option() {
    try {
      manager_.create(QStringLiteral("Shift"), {{QStringLiteral("offset"), 20}});
      QFAIL("no OptionError thrown");
    } catch (const plugin::OptionError& e) {
      QCOMPARE(e.option(), QStringLiteral("offset"));
      QCOMPARE(QString::fromUtf8(e.what()), QStringLiteral("option 'offset': must be at most 10, got 20"));
    }
  }

  void create_rejects_an_unknown_type() {
    QVERIFY_THROWS_EXCEPTION(KeyError, manager_.create(QStringLiteral("NoSuchType")));
  }

  // A type without option-dependent conditions (the default
  // check_with_options) answers as check(); options are validated first.
  void check_with_options_defaults_to_check() {
    const plugin::TensorSpec vector{{8}, ScalarType::Float32};
    QCOMPARE(manager_.check(QStringLiteral("Symmetric"), vector).value_or(QString()),
             manager_.type(QStringLiteral("Symmetric"))->check(vector).value_or(QStringLiteral("(none)")));
    QVERIFY(!manager_.check(QStringLiteral("Shift"), vector, {{QStringLiteral("offset"), 3}}));
    QVERIFY_THROWS_EXCEPTION(plugin::OptionError,
                             manager_.check(QStringLiteral("Shift"), vector, {{QStringLiteral("offset"), 20}}));
    QVERIFY_THROWS_EXCEPTION(KeyError, manager_.check(QStringLiteral("NoSuchType"), vector));
  }

  void parametrizations_from_plugins_register_on_modules() {
    nn::Linear layer(3, 3);
    nn::parametrize::register_parametrization(layer, "weight", manager_.create(QStringLiteral("Symmetric")));
    nn::parametrize::register_parametrization(layer, "weight", manager_.create(QStringLiteral("Shift")));
    const Tensor W = layer.attr("weight");
    QVERIFY(equal(W, W.mT()));
    QCOMPARE(layer.type_name(), std::string("ParametrizedLinear"));
  }

  void default_directories_in_priority_order() {
    QTemporaryDir data;
    QVERIFY(data.isValid());
    qputenv("XDG_DATA_HOME", data.path().toUtf8());
    qputenv(pluginhost::kPluginPathVariable, QStringLiteral("/opt/a%1%1/opt/b/").arg(QDir::listSeparator()).toUtf8());
    const QStringList directories = pluginhost::default_plugin_directories();
    qunsetenv(pluginhost::kPluginPathVariable);
    QVERIFY(directories.size() >= 4);
    QCOMPARE(directories.at(0), QCoreApplication::applicationDirPath() + QStringLiteral("/plugins"));
    QCOMPARE(directories.at(1), QStringLiteral("/opt/a"));
    QCOMPARE(directories.at(2), QStringLiteral("/opt/b"));
    QVERIFY2(directories.at(3).startsWith(data.path() + QLatin1Char('/')), qPrintable(directories.at(3)));
    QVERIFY(directories.at(3).endsWith(QStringLiteral("/plugins")));
  }
};

QTEST_GUILESS_MAIN(TestPluginManager)
#include "tst_plugin_manager.moc"
