// Every message the plugin host and the built-in plugins show reaches the
// translators: lupdate, run over the app's translation sources (the list
// qt_add_translations uses), finds each (context, source) pair the code asks
// the installed translator for. A tr() whose run-time context differs from
// the one lupdate assigns (a derived class inheriting tr) would never
// translate, and fails here.
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

#include "option_values.h"
#include "paratrace/errors.h"
#include "plugin_manager.h"

using namespace paratrace;
using paratrace::plugin::TensorSpec;
using paratrace::pluginhost::PluginManager;

namespace {

QString key(const QString& context, const QString& source) { return context + QLatin1String(" | ") + source; }

// Remembers what it is asked and translates nothing.
class RecordingTranslator : public QTranslator {
 public:
  bool isEmpty() const override { return false; }
  QString translate(const char* context, const char* source, const char*, int) const override {
    const QString name = QString::fromUtf8(context);
    // Qt's own contexts (QLibrary's load errors) come with Qt's translations.
    if (!(name.size() > 1 && name[0] == QLatin1Char('Q') && name[1].isUpper()))
      asked.insert(key(name, QString::fromUtf8(source)));
    return {};
  }
  mutable QSet<QString> asked;
};

// Runs `work`, ignoring the exception the bad input is meant to raise.
template <typename F> void expect_throw(F&& work) {
  try {
    work();
    QFAIL("nothing was thrown");
  } catch (const std::exception&) {
  }
}

}  // namespace

class TestPluginTranslations : public QObject {
  Q_OBJECT

  QSet<QString> extracted_;
  RecordingTranslator translator_;

 private slots:
  void initTestCase() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString ts = dir.filePath(QStringLiteral("all.ts"));
    QProcess lupdate;
    lupdate.setProcessChannelMode(QProcess::MergedChannels);
    lupdate.start(QStringLiteral(PARATRACE_LUPDATE),
                  {QStringLiteral("@" PARATRACE_TRANSLATED_SOURCES_LIST), QStringLiteral("-locations"),
                   QStringLiteral("none"), QStringLiteral("-ts"), ts});
    QVERIFY(lupdate.waitForFinished(120000));
    QVERIFY2(lupdate.exitCode() == 0, lupdate.readAll().constData());

    QFile file(ts);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QXmlStreamReader xml(&file);
    QString context;
    while (!xml.atEnd()) {
      if (!xml.readNext() || !xml.isStartElement()) continue;
      if (xml.name() == QLatin1String("name")) context = xml.readElementText();
      else if (xml.name() == QLatin1String("source")) extracted_.insert(key(context, xml.readElementText()));
    }
    QVERIFY(!xml.hasError());
    QVERIFY(!extracted_.isEmpty());
    QCoreApplication::installTranslator(&translator_);
  }

  void cleanupTestCase() { QCoreApplication::removeTranslator(&translator_); }

  void every_shown_message_is_extracted() {
    PluginManager manager;
    manager.load_directories({QStringLiteral(PARATRACE_BUILTIN_PLUGIN_DIR), QStringLiteral(PARATRACE_TEST_PLUGIN_DIR)});
    QVERIFY(!manager.load_file(QStringLiteral("/nonexistent/plugin.so")));
    QVERIFY(manager.errors().size() > 1);

    // Each type's texts, and its reason for every kind of unsuitable tensor.
    const QList<TensorSpec> tensors{{{}, ScalarType::Float32}, {{8}, ScalarType::Float32},
                                    {{2, 3}, ScalarType::Float32}, {{3, 3}, ScalarType::Int64}};
    int reasons = 0;
    for (const QString& name : manager.type_names()) {
      const auto type = manager.type(name);
      type->display_name();
      type->description();
      type->options();
      for (const TensorSpec& tensor : tensors) reasons += type->check(tensor).has_value();
    }
    QVERIFY(reasons >= 9 * 2);
    // The reasons that need the options too.
    QVERIFY(manager.check(QStringLiteral("LowRank"), {{4, 3}, ScalarType::Float32}, {{QStringLiteral("rank"), 5}}));
    QVERIFY(manager.check(QStringLiteral("FakeSparsity"), {{3, 6}, ScalarType::Float32},
                          {{QStringLiteral("mask"), QStringLiteral("nm")}}));
    QVERIFY(manager.check(QStringLiteral("FakeSparsity"), {{3}, ScalarType::Float32},
                          {{QStringLiteral("mask"), QStringLiteral("block")}}));

    // Option and factory errors, from the host and from a plugin's create().
    expect_throw([&] { manager.create(QStringLiteral("NoSuchType")); });
    expect_throw([&] { manager.create(QStringLiteral("LowRank"), {{QStringLiteral("rank"), 0}}); });
    expect_throw([&] { manager.create(QStringLiteral("LowRank"), {{QStringLiteral("rnak"), 1}}); });
    expect_throw([&] {
      manager.create(QStringLiteral("FakeSparsity"),
                     {{QStringLiteral("mask"), QStringLiteral("nm")}, {QStringLiteral("n"), 5}});
    });
    expect_throw([&] {
      manager.create(QStringLiteral("FakeSparsity"),
                     {{QStringLiteral("mask"), QStringLiteral("block")}, {QStringLiteral("block_shape"), "x"}});
    });

    QStringList missing;
    for (const QString& asked : std::as_const(translator_.asked))
      if (!extracted_.contains(asked)) missing << asked;
    missing.sort();
    QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("not extracted by lupdate:\n") + missing.join(QLatin1Char('\n'))));

    // The contexts docs/plugins.md lists were all asked for.
    QSet<QString> contexts;
    for (const QString& asked : std::as_const(translator_.asked)) contexts.insert(asked.section(QLatin1String(" | "), 0, 0));
    for (const char* context : {"ParametrizationPlugin", "SymmetricPlugin", "OrthogonalPlugin", "NormsPlugin",
                                "SparsityPlugin", "LowRankPlugin", "PluginManager", "PluginMetadata", "OptionValues"})
      QVERIFY2(contexts.contains(QLatin1String(context)), context);
  }
};

QTEST_GUILESS_MAIN(TestPluginTranslations)
#include "tst_plugin_translations.moc"
