// `paratrace-cli export` run as a user runs it: the bundled model files,
// traced-module files and IR text (ours and PyTorch 1.13's, tests/fixtures/ir)
// to SVG, PNG, PDF and DOT with every option, and bad input or usage (exit 2,
// the file named on stderr).
#include <QDir>
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>
#include <set>

#include "cli_process.h"
#include "graph_test_models.h"
#include "graphview/graph_model.h"
#include "graphview/theme.h"
#include "paratrace/jit/ir_parser.h"

using namespace paratrace;

namespace {

const QString kIrFixtures = QStringLiteral(PARATRACE_IR_FIXTURE_DIR);
const QString kModels = QStringLiteral(PARATRACE_MODELS_DIR);

CliRun run(const QStringList& arguments) { return run_cli(QStringList{QStringLiteral("export")} + arguments); }

QByteArray read(const QString& path) {
  QFile file(path);
  return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// The ids of the SVG's node groups (<g id="value:x" class="node">); empty
// with *error set when the XML is malformed.
std::set<QString> svg_node_ids(const QByteArray& svg, QString* error) {
  std::set<QString> ids;
  QXmlStreamReader xml(svg);
  while (!xml.atEnd()) {
    if (xml.readNext() == QXmlStreamReader::StartElement && xml.name() == QLatin1String("g") &&
        xml.attributes().value(QLatin1String("class")) == QLatin1String("node")) {
      ids.insert(xml.attributes().value(QLatin1String("id")).toString());
    }
  }
  if (xml.hasError()) *error = xml.errorString();
  return ids;
}

}  // namespace

class TestCliExport : public QObject {
  Q_OBJECT

  QTemporaryDir dir_;
  QString traced_path_;

  QString path(const QString& name) const { return dir_.filePath(name); }

 private slots:
  void initTestCase() {
    QVERIFY(dir_.isValid());
    traced_path_ = path(QStringLiteral("sequential.traced"));
    test::traced_parametrized_sequential()->save(traced_path_.toStdString());
  }

  void help() {
    const CliRun r = run({QStringLiteral("--help")});
    QCOMPARE(r.exit_code, 0);
    for (const char* option : {"--format", "--output", "--collapse-depth", "--dpi", "--rankdir", "--theme", "--method",
                               "--layout"}) {
      QVERIFY2(r.out.contains(QLatin1String(option)), option);
    }
  }

  void tracedModuleToSvgHasEveryOpNode() {
    const QString svg = path(QStringLiteral("sequential.svg"));
    const CliRun r = run({traced_path_, QStringLiteral("--format"), QStringLiteral("svg"), QStringLiteral("--output"), svg});
    QVERIFY2(r.exit_code == 0, qPrintable(r.err));
    QVERIFY(r.out.contains(svg));
    QString error;
    const std::set<QString> ids = svg_node_ids(read(svg), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    // The same display graph, built here from the same file.
    const auto traced = jit::TracedModule::load(traced_path_.toStdString());
    const graphview::DisplayGraph expected = graphview::build_display_graph(*traced);
    QCOMPARE(ids.size(), expected.nodes.size());
    std::size_t ops = 0;
    for (const graphview::DisplayNode& node : expected.nodes) {
      QVERIFY2(ids.contains(QString::fromStdString(node.id)), node.id.c_str());
      ops += node.role == graphview::NodeRole::Op;
    }
    QVERIFY(ops >= 5);  // linear, relu, linear, tanh and the parametrization's ops
    QVERIFY(read(svg).contains("aten::linear"));
  }

  void pngCarriesTheRequestedDpi() {
    const QString png = path(QStringLiteral("sequential.png"));
    const CliRun r = run({traced_path_, QStringLiteral("--output"), png, QStringLiteral("--dpi"), QStringLiteral("150")});
    QVERIFY2(r.exit_code == 0, qPrintable(r.err));  // the format comes from the suffix
    QImage image;
    QVERIFY(image.loadFromData(read(png), "PNG"));
    QCOMPARE(image.dotsPerMeterX(), qRound(150 / 0.0254));
    QCOMPARE(image.dotsPerMeterY(), qRound(150 / 0.0254));
    // Twice the resolution, twice the pixels (up to Graphviz's rounding).
    const QString png300 = path(QStringLiteral("sequential300.png"));
    QCOMPARE(run({traced_path_, QStringLiteral("--output"), png300, QStringLiteral("--dpi"), QStringLiteral("300")}).exit_code, 0);
    QImage image300;
    QVERIFY(image300.loadFromData(read(png300), "PNG"));
    QVERIFY(qAbs(image300.width() - 2 * image.width()) <= 4);
  }

  void pdfAndDot() {
    const QString pdf = path(QStringLiteral("g.out"));
    QCOMPARE(run({traced_path_, QStringLiteral("--format"), QStringLiteral("pdf"), QStringLiteral("-o"), pdf}).exit_code, 0);
    QVERIFY(read(pdf).startsWith("%PDF"));
    const QString dot = path(QStringLiteral("g.dot"));
    QCOMPARE(run({traced_path_, QStringLiteral("--format"), QStringLiteral("dot"), QStringLiteral("-o"), dot}).exit_code, 0);
    const QByteArray text = read(dot);
    QVERIFY(text.startsWith("digraph"));
    QVERIFY(text.contains("pos=\""));  // laid out
  }

  void optionsChangeThePicture() {
    auto export_svg = [&](const QString& name, const QStringList& options) {
      const QString file = path(name);
      const CliRun r = run(QStringList{traced_path_, QStringLiteral("-o"), file} + options);
      return r.exit_code == 0 ? read(file) : QByteArray();
    };
    const QByteArray expanded = export_svg(QStringLiteral("expanded.svg"), {});
    const QByteArray collapsed = export_svg(QStringLiteral("collapsed.svg"), {QStringLiteral("--collapse-depth"), QStringLiteral("0")});
    QString error;
    const auto expanded_ids = svg_node_ids(expanded, &error);
    const auto collapsed_ids = svg_node_ids(collapsed, &error);
    QVERIFY(error.isEmpty());
    QVERIFY(collapsed_ids.size() < expanded_ids.size());
    QVERIFY(collapsed_ids.contains(QStringLiteral("module:2")));
    QVERIFY(collapsed.contains("class=\"edge\""));

    const QByteArray dark = export_svg(QStringLiteral("dark.svg"), {QStringLiteral("--theme"), QStringLiteral("dark")});
    QVERIFY(!dark.isEmpty());
    QVERIFY(dark != expanded);
    QVERIFY(dark.contains(QByteArray::fromStdString(graphview::dark_theme().background)));

    const QByteArray wide = export_svg(QStringLiteral("lr.svg"), {QStringLiteral("--rankdir"), QStringLiteral("LR")});
    QXmlStreamReader xml(wide);
    while (xml.readNext() != QXmlStreamReader::StartElement && !xml.atEnd()) {}
    QCOMPARE(xml.name(), QLatin1String("svg"));
    const double width = xml.attributes().value(QLatin1String("width")).toString().remove(QLatin1String("pt")).toDouble();
    const double height = xml.attributes().value(QLatin1String("height")).toString().remove(QLatin1String("pt")).toDouble();
    QVERIFY2(width > height, qPrintable(QStringLiteral("%1 x %2").arg(width).arg(height)));

    QVERIFY(!export_svg(QStringLiteral("sfdp.svg"), {QStringLiteral("--layout"), QStringLiteral("sfdp")}).isEmpty());
  }

  void ourIrText() {
    // What Graph::str() prints (paratrace-cli trace), scopes included.
    const QString ir = path(QStringLiteral("sequential.ir"));
    {
      QFile f(ir);
      QVERIFY(f.open(QIODevice::WriteOnly));
      f.write(QByteArray::fromStdString(test::traced_parametrized_sequential()->inlined_graph()->str()));
    }
    const QString svg = path(QStringLiteral("sequential-ir.svg"));
    const CliRun r = run({ir, QStringLiteral("-o"), svg});
    QVERIFY2(r.exit_code == 0, qPrintable(r.err));
    QString error;
    const std::set<QString> ids = svg_node_ids(read(svg), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const graphview::DisplayGraph expected = graphview::build_display_graph(*jit::parse_ir(read(ir).toStdString()));
    QCOMPARE(ids.size(), expected.nodes.size());
    QVERIFY(!expected.clusters.empty());
    QVERIFY(read(svg).contains("id=\"cluster:2/2.0\""));
    QVERIFY(r.out.contains(QStringLiteral("%1 module clusters").arg(expected.clusters.size())));
  }

  void bundledModelFiles_data() {
    QTest::addColumn<QString>("file");
    const QStringList files = QDir(kModels).entryList({QStringLiteral("*.paratrace.json")}, QDir::Files, QDir::Name);
    QVERIFY(files.size() >= 7);
    for (const QString& f : files) QTest::newRow(qPrintable(f)) << QDir(kModels).filePath(f);
  }

  void bundledModelFiles() {
    QFETCH(QString, file);
    const QString svg = path(QFileInfo(file).fileName() + QStringLiteral(".svg"));
    // Collapsed: the unrolled RNN calls one cell 250 times, one cluster for
    // all calls, which dot lays out slowly (docs/graph-rendering.md).
    const CliRun r = run({file, QStringLiteral("-o"), svg, QStringLiteral("--collapse-depth"), QStringLiteral("0")});
    QVERIFY2(r.exit_code == 0, qPrintable(r.err));
    QString error;
    const std::set<QString> ids = svg_node_ids(read(svg), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(ids.size() >= 3);  // an input, something, an output
    QVERIFY(ids.contains(QStringLiteral("output:0")));
  }

  void modelFileMethodAndErrors() {
    // The conv net traces two methods; features has one input of batch 1.
    const QString conv = QDir(kModels).filePath(QStringLiteral("conv_net.paratrace.json"));
    const QString svg = path(QStringLiteral("features.svg"));
    CliRun r = run({conv, QStringLiteral("-o"), svg, QStringLiteral("--method"), QStringLiteral("features")});
    QVERIFY2(r.exit_code == 0, qPrintable(r.err));
    QVERIFY(read(svg).contains("aten::conv2d") || read(svg).contains("aten::_convolution"));
    r = run({conv, QStringLiteral("-o"), svg, QStringLiteral("--method"), QStringLiteral("nosuch")});
    QCOMPARE(r.exit_code, 2);
    QVERIFY2(r.err.contains(conv + QStringLiteral(": no traced method 'nosuch'")), qPrintable(r.err));

    // A model file with an error: the loader's message names the file.
    const QString broken = path(QStringLiteral("broken.paratrace.json"));
    {
      QFile f(broken);
      QVERIFY(f.open(QIODevice::WriteOnly));
      f.write("{\"format\": \"paratrace-model\", \"version\": 1, \"module\": {\"type\": \"NoSuchLayer\"}}");
    }
    r = run({broken, QStringLiteral("-o"), path(QStringLiteral("broken.svg"))});
    QCOMPARE(r.exit_code, 2);
    QVERIFY2(r.err.contains(broken), qPrintable(r.err));
    QVERIFY(!QFile::exists(path(QStringLiteral("broken.svg"))));
  }

  void irTextFromPyTorch_data() {
    QTest::addColumn<QString>("file");
    const QStringList files = QDir(kIrFixtures).entryList({QStringLiteral("*.txt")}, QDir::Files, QDir::Name);
    QVERIFY(files.size() >= 10);
    for (const QString& f : files) QTest::newRow(qPrintable(f)) << QDir(kIrFixtures).filePath(f);
  }

  void irTextFromPyTorch() {
    QFETCH(QString, file);
    const QString svg = path(QFileInfo(file).completeBaseName() + QStringLiteral(".svg"));
    const CliRun r = run({file, QStringLiteral("--format"), QStringLiteral("svg"), QStringLiteral("--output"), svg});
    QVERIFY2(r.exit_code == 0, qPrintable(r.err));
    QString error;
    const std::set<QString> ids = svg_node_ids(read(svg), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const auto graph = jit::parse_ir(read(file).toStdString());
    const graphview::DisplayGraph expected = graphview::build_display_graph(*graph);
    QCOMPARE(ids.size(), expected.nodes.size());
    // Every op kind the graph runs is drawn.
    const QByteArray text = read(svg);
    for (const graphview::DisplayNode& node : expected.nodes) {
      if (node.role == graphview::NodeRole::Op) QVERIFY2(text.contains(QByteArray::fromStdString(node.kind)), node.kind.c_str());
    }
  }

  void badInputNamesTheFile() {
    const QString out = path(QStringLiteral("never.svg"));
    const QString missing = path(QStringLiteral("missing.traced"));
    CliRun r = run({missing, QStringLiteral("-o"), out});
    QCOMPARE(r.exit_code, 2);
    QVERIFY2(r.err.contains(QStringLiteral("cannot read %1").arg(missing)), qPrintable(r.err));

    const QString garbage = path(QStringLiteral("garbage.bin"));
    {
      QFile f(garbage);
      QVERIFY(f.open(QIODevice::WriteOnly));
      f.write("not a graph at all");
    }
    r = run({garbage, QStringLiteral("-o"), out});
    QCOMPARE(r.exit_code, 2);
    QVERIFY2(r.err.startsWith(garbage + QStringLiteral(": not a traced-module file, IR text")), qPrintable(r.err));

    // IR text with an error: file, line and column.
    const QString bad_ir = path(QStringLiteral("bad.ir"));
    {
      QFile f(bad_ir);
      QVERIFY(f.open(QIODevice::WriteOnly));
      f.write("graph(%x : Tensor):\n  %y : Tensor = aten::relu(%x\n  return (%y)\n");
    }
    r = run({bad_ir, QStringLiteral("-o"), out});
    QCOMPARE(r.exit_code, 2);
    QVERIFY2(r.err.startsWith(bad_ir + QStringLiteral(":2:")), qPrintable(r.err));

    // A traced-module file cut short: core's message names it.
    const QString truncated = path(QStringLiteral("truncated.traced"));
    {
      QFile f(truncated);
      QVERIFY(f.open(QIODevice::WriteOnly));
      f.write(read(traced_path_).left(200));
    }
    r = run({truncated, QStringLiteral("-o"), out});
    QCOMPARE(r.exit_code, 2);
    QVERIFY2(r.err.contains(truncated), qPrintable(r.err));

    r = run({traced_path_, QStringLiteral("-o"), out, QStringLiteral("--method"), QStringLiteral("backward")});
    QCOMPARE(r.exit_code, 2);
    QVERIFY2(r.err.contains(traced_path_ + QStringLiteral(": no traced method 'backward' (it has: forward)")), qPrintable(r.err));

    // Nothing was written for any of them.
    QVERIFY(!QFile::exists(out));

    r = run({traced_path_, QStringLiteral("-o"), QStringLiteral("/nonexistent-directory/g.svg")});
    QCOMPARE(r.exit_code, 2);
    QVERIFY2(r.err.contains(QStringLiteral("cannot write /nonexistent-directory/g.svg")), qPrintable(r.err));
  }

  void badUsage_data() {
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    const QString t = QStringLiteral("TRACED");  // replaced by the traced file
    QTest::newRow("no input") << QStringList{QStringLiteral("-o"), QStringLiteral("x.svg")} << QStringLiteral("No input file given.");
    QTest::newRow("no output") << QStringList{t} << QStringLiteral("No output file given");
    QTest::newRow("unknown format") << QStringList{t, QStringLiteral("-o"), QStringLiteral("x"), QStringLiteral("--format"), QStringLiteral("bmp")}
                                    << QStringLiteral("Unknown format 'bmp'");
    QTest::newRow("suffix") << QStringList{t, QStringLiteral("-o"), QStringLiteral("x.jpg")} << QStringLiteral("suffix 'jpg'");
    QTest::newRow("depth") << QStringList{t, QStringLiteral("-o"), QStringLiteral("x.svg"), QStringLiteral("--collapse-depth"), QStringLiteral("-1")}
                           << QStringLiteral("Invalid value for --collapse-depth: '-1'");
    QTest::newRow("dpi") << QStringList{t, QStringLiteral("-o"), QStringLiteral("x.png"), QStringLiteral("--dpi"), QStringLiteral("lots")}
                         << QStringLiteral("Invalid value for --dpi: 'lots'");
    QTest::newRow("rankdir") << QStringList{t, QStringLiteral("-o"), QStringLiteral("x.svg"), QStringLiteral("--rankdir"), QStringLiteral("BT")}
                             << QStringLiteral("Invalid value for --rankdir: 'BT'");
    QTest::newRow("theme") << QStringList{t, QStringLiteral("-o"), QStringLiteral("x.svg"), QStringLiteral("--theme"), QStringLiteral("pink")}
                           << QStringLiteral("Invalid value for --theme: 'pink'");
    QTest::newRow("layout") << QStringList{t, QStringLiteral("-o"), QStringLiteral("x.svg"), QStringLiteral("--layout"), QStringLiteral("neato")}
                            << QStringLiteral("Invalid value for --layout: 'neato'");
    QTest::newRow("unknown option") << QStringList{t, QStringLiteral("-o"), QStringLiteral("x.svg"), QStringLiteral("--depth")}
                                    << QStringLiteral("Unknown option 'depth'");
    QTest::newRow("two inputs") << QStringList{t, t, QStringLiteral("-o"), QStringLiteral("x.svg")} << QStringLiteral("Too many arguments");
  }

  void badUsage() {
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    arguments.replaceInStrings(QStringLiteral("TRACED"), traced_path_);
    // Relative outputs would land in the working directory: use the temporary one.
    for (QString& a : arguments) {
      if (a.startsWith(QStringLiteral("x."))) a = path(a);
    }
    const CliRun r = run(arguments);
    QCOMPARE(r.exit_code, 2);
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
    QVERIFY(r.err.contains(QStringLiteral("paratrace-cli export --help")));
  }
};

QTEST_GUILESS_MAIN(TestCliExport)
#include "tst_cli_export.moc"
