// paratrace-cli run as a user runs it: help, version, `plugins` with only the
// built-in plugins (exit 0) and with broken ones on PARATRACE_PLUGIN_PATH
// (exit 1, each error listed), and usage errors (exit 2).
#include <QDir>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include "cli_process.h"

namespace {

const QString kBuiltinDir = QStringLiteral(PARATRACE_BUILTIN_PLUGIN_DIR);
const QString kTestDir = QStringLiteral(PARATRACE_TEST_PLUGIN_DIR);

}  // namespace

class TestCli : public QObject {
  Q_OBJECT

  QTemporaryDir data_;  // stands in for the user's data directories

  CliRun run(const QStringList& arguments, const QString& plugin_path = {}) {
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("PARATRACE_PLUGIN_PATH"));
    if (!plugin_path.isEmpty()) env.insert(QStringLiteral("PARATRACE_PLUGIN_PATH"), plugin_path);
    // Keep plugins the machine's user installed out of the test.
    env.insert(QStringLiteral("XDG_DATA_HOME"), data_.path());
    env.insert(QStringLiteral("XDG_DATA_DIRS"), data_.path());
    return run_cli(arguments, env, 30000);
  }

 private slots:
  void initTestCase() { QVERIFY(data_.isValid()); }

  void help() {
    const CliRun r = run({QStringLiteral("--help")});
    QCOMPARE(r.exit_code, 0);
    QVERIFY2(r.out.contains(QStringLiteral("plugins  List the parametrization plugins")), qPrintable(r.out));
    QVERIFY(r.out.contains(QStringLiteral("PARATRACE_PLUGIN_PATH")));
    QVERIFY(r.out.contains(QStringLiteral("--version")));
  }

  void version() {
    const CliRun r = run({QStringLiteral("--version")});
    QCOMPARE(r.exit_code, 0);
    QCOMPARE(r.out, QStringLiteral("paratrace-cli " PARATRACE_VERSION "\n"));
  }

  void plugins_all_loaded() {
    const CliRun r = run({QStringLiteral("plugins")});
    QCOMPARE(r.exit_code, 0);
    QVERIFY2(r.out.contains(QStringLiteral("Loaded plugins: 5\n")), qPrintable(r.out));
    const QString expected = QStringLiteral(
        "  symmetric 0.1.0 by The Paratrace authors\n"
        "    file: %1/libparatrace_symmetric.so\n"
        "    Symmetric and skew-symmetric square matrices.\n"
        "    parametrizations:\n"
        "      Symmetric - Symmetric matrix: ").arg(kBuiltinDir);
    QVERIFY2(r.out.contains(expected), qPrintable(r.out));
    QVERIFY(r.out.contains(QStringLiteral("      Skew - Skew-symmetric matrix: ")));
    // Every built-in plugin, in file name order, with its parametrizations.
    qsizetype at = 0;
    for (const char* name : {"lowrank", "norms", "orthogonal", "sparsity", "symmetric"}) {
      const qsizetype found = r.out.indexOf(QStringLiteral("  %1 0.1.0 by The Paratrace authors\n    file: %2/libparatrace_%1.so\n")
                                                .arg(QLatin1String(name), kBuiltinDir));
      QVERIFY2(found > at, name);
      at = found;
    }
    for (const char* line : {"      LowRank - Low rank: ", "      RankOne - Rank one: ", "      SpectralNorm - Spectral normalization: ",
                             "      WeightNorm - Weight normalization: ", "      Orthogonal - Orthogonal matrix: ",
                             "      Cayley - Cayley map: ", "      FakeSparsity - Sparsity mask: "})
      QVERIFY2(r.out.contains(QLatin1String(line)), line);
    QVERIFY(r.out.contains(QStringLiteral("Load errors: 0\n")));
    // Where it looked comes first, built-in directory at the top.
    QVERIFY(r.out.startsWith(QStringLiteral("Plugin directories (searched in this order):\n  %1\n").arg(kBuiltinDir)));
  }

  void plugins_with_broken_ones() {
    const CliRun r = run({QStringLiteral("plugins")}, kTestDir);
    QCOMPARE(r.exit_code, 1);
    QVERIFY2(r.out.contains(QStringLiteral("  %1\n").arg(kTestDir)), qPrintable(r.out));
    QVERIFY(r.out.contains(QStringLiteral("Loaded plugins: 6\n")));
    QVERIFY(r.out.contains(QStringLiteral("  shift 2.5 by Paratrace tests\n")));
    QVERIFY(r.out.contains(QStringLiteral("      Shift - Shift: Adds offset.\n")));
    QVERIFY(r.out.contains(QStringLiteral("Load errors: 12\n")));
    QVERIFY(r.out.contains(QStringLiteral("  %1/libbroken_factory_throws.so: building \"Broken\" with its default "
                                          "options threw: no GPU found\n").arg(kTestDir)));
    QVERIFY(r.out.contains(QStringLiteral("  %1/not_a_library.so: not a Qt plugin").arg(kTestDir)));
    QVERIFY(r.out.contains(QStringLiteral("undefined symbol: paratrace_test_symbol_nobody_defines")));
  }

  void a_missing_plugin_directory_is_shown() {
    const QString missing = data_.filePath(QStringLiteral("nowhere"));
    const CliRun r = run({QStringLiteral("plugins")}, missing);
    QCOMPARE(r.exit_code, 0);
    QVERIFY2(r.out.contains(QStringLiteral("  %1 (does not exist)\n").arg(missing)), qPrintable(r.out));
  }

  void usage_errors_data() {
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::newRow("no command") << QStringList{} << "No command given.";
    QTest::newRow("unknown command") << QStringList{"frobnicate"} << "Unknown command: frobnicate";
    QTest::newRow("too many") << QStringList{"plugins", "extra"} << "Too many arguments: plugins extra";
    QTest::newRow("unknown option") << QStringList{"--frob"} << "Unknown option 'frob'.";
  }
  void usage_errors() {
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const CliRun r = run(arguments);
    QCOMPARE(r.exit_code, 2);
    QVERIFY2(r.err.startsWith(message), qPrintable(r.err));
    QVERIFY(r.err.contains(QStringLiteral("Try 'paratrace-cli --help'.")));
    QVERIFY(r.out.isEmpty());
  }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
