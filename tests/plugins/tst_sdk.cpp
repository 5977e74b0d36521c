// The SDK works for a plugin outside this tree: install the current build
// into a temporary prefix, configure and build plugins/examples/hello there
// as a separate CMake project with find_package(Paratrace), then load it
// through PARATRACE_PLUGIN_PATH and apply its parametrizations.
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include "paratrace/nn/linear.h"
#include "paratrace/nn/parametrize.h"
#include "paratrace/tensor/factories.h"
#include "paratrace/tensor/ops.h"
#include "plugin_directories.h"
#include "plugin_manager.h"

using namespace paratrace;

class TestSdk : public QObject {
  Q_OBJECT

  QTemporaryDir work_;

  QString prefix() const { return work_.filePath(QStringLiteral("prefix")); }
  QString build() const { return work_.filePath(QStringLiteral("hello-build")); }

  // Runs cmake; on failure the test fails with cmake's output.
  static bool cmake(const QStringList& arguments, QString* output) {
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(QStringLiteral(PARATRACE_CMAKE_COMMAND), arguments);
    const bool finished = process.waitForFinished(120000);
    *output = QStringLiteral("cmake %1\n%2").arg(arguments.join(QLatin1Char(' ')),
                                                 QString::fromLocal8Bit(process.readAll()));
    return finished && process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
  }

 private slots:
  void initTestCase() {
    QVERIFY(work_.isValid());
    // Only the plugin built here may be found (not the user's).
    qputenv("XDG_DATA_HOME", work_.filePath(QStringLiteral("data")).toUtf8());
    qputenv("XDG_DATA_DIRS", work_.filePath(QStringLiteral("data")).toUtf8());
  }

  void install_the_sdk() {
    QString output;
    QVERIFY2(cmake({"--install", PARATRACE_BINARY_DIR, "--prefix", prefix()}, &output), qPrintable(output));
    for (const char* file : {"include/paratrace/plugin/parametrization_plugin.h", "include/paratrace/nn/parametrize.h",
                             "lib/cmake/Paratrace/ParatraceConfig.cmake", "lib/cmake/Paratrace/ParatracePlugin.cmake",
                             "lib/libparatrace-core.so"})
      QVERIFY2(QFileInfo::exists(prefix() + QLatin1Char('/') + QLatin1String(file)), file);
  }

  void build_the_example_against_it() {
    QString output;
    QVERIFY2(cmake({"-S", PARATRACE_HELLO_SOURCE_DIR, "-B", build(), "-G", PARATRACE_CMAKE_GENERATOR,
                    "-DCMAKE_BUILD_TYPE=Release", "-DCMAKE_PREFIX_PATH=" + prefix(),
                    "-DCMAKE_CXX_COMPILER=" PARATRACE_CXX_COMPILER, "-DQt6_DIR=" PARATRACE_QT6_DIR,
                    "-DCMAKE_CXX_COMPILER_LAUNCHER=" PARATRACE_COMPILER_LAUNCHER},
                   &output),
             qPrintable(output));
    // It found the package in the temporary prefix.
    QFile cache(build() + QStringLiteral("/CMakeCache.txt"));
    QVERIFY(cache.open(QIODevice::ReadOnly));
    QVERIFY(QString::fromUtf8(cache.readAll()).contains(QStringLiteral("Paratrace_DIR:PATH=%1/lib/cmake/Paratrace").arg(prefix())));
    QVERIFY(cmake({"--build", build()}, &output));
    QVERIFY2(QFileInfo::exists(build() + QStringLiteral("/libparatrace_hello.so")), qPrintable(output));
  }

  void load_and_apply_it() {
    qputenv(pluginhost::kPluginPathVariable, build().toUtf8());
    pluginhost::PluginManager manager;
    manager.load_directories(pluginhost::default_plugin_directories());
    QVERIFY2(manager.errors().isEmpty(), qPrintable(manager.errors().value(0).reason));
    QCOMPARE(manager.plugins().size(), 1);
    QCOMPARE(manager.plugins().at(0).metadata.name, QStringLiteral("hello"));
    QCOMPARE(manager.plugins().at(0).file, build() + QStringLiteral("/libparatrace_hello.so"));
    QCOMPARE(manager.type_names(), (QStringList{"Scale", "Negate"}));

    nn::Linear layer(2, 2);
    const Tensor W = layer.attr("weight").detach().clone();
    nn::parametrize::register_parametrization(layer, "weight",
                                              manager.create(QStringLiteral("Scale"), {{QStringLiteral("factor"), 3}}));
    nn::parametrize::register_parametrization(layer, "weight", manager.create(QStringLiteral("Negate")));
    // As in PyTorch: the first registration runs right_inverse (the original
    // holds W / 3, the weight stays W); a step appended to the chain leaves
    // the original alone, so the weight is now negated.
    const Tensor original = layer.get_parameter("parametrizations.weight.original");
    QVERIFY(allclose(original, W * (1.0 / 3.0)));
    QVERIFY(allclose(layer.attr("weight"), -W));
    // Changing the original, as an optimizer does, shows through both steps.
    original.detach().fill_(1.0);
    QVERIFY(allclose(layer.attr("weight"), full({2, 2}, -3.0)));
  }

  void its_option_errors_name_the_option() {
    pluginhost::PluginManager manager;
    manager.load_directories({build()});
    try {
      manager.create(QStringLiteral("Scale"), {{QStringLiteral("factor"), 0}});
      QFAIL("no OptionError thrown");
    } catch (const plugin::OptionError& e) {
      QCOMPARE(e.option(), QStringLiteral("factor"));
      QCOMPARE(QString::fromUtf8(e.what()), QStringLiteral("option 'factor': must not be 0 (Scale needs an inverse)"));
    }
    const auto reason = manager.type(QStringLiteral("Negate"))->check({{4}, ScalarType::Int64});
    QCOMPARE(reason.value_or(QString()), QStringLiteral("Negate needs a floating-point tensor, got torch.int64"));
  }
};

QTEST_GUILESS_MAIN(TestSdk)
#include "tst_sdk.moc"
