// Layout and export through libgvc: geometry for a GUI, SVG/PNG/PDF/DOT
// files, themes, the large-graph settings, errors and concurrent use.
#include <graphviz/cgraph.h>

#include <QDir>
#include <QFile>
#include <QImage>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>
#include <future>
#include <set>

#include "../core/test_util.h"
#include "graph_test_models.h"
#include "graphview/graph_model.h"
#include "graphview/graphviz_renderer.h"

using namespace paratrace;
using namespace paratrace::graphview;

namespace {

DisplayGraph sequential_graph(const GraphModelOptions& options = {}) {
  static const auto traced = test::traced_parametrized_sequential();
  return build_display_graph(*traced, options);
}

// The <title> of every node, edge and cluster group in an SVG, failing the
// test on malformed XML.
std::set<std::string> svg_titles(const std::string& svg, QString* error) {
  std::set<std::string> titles;
  QXmlStreamReader xml(QByteArray::fromStdString(svg));
  while (!xml.atEnd()) {
    if (xml.readNext() == QXmlStreamReader::StartElement && xml.name() == QLatin1String("title")) {
      titles.insert(xml.readElementText().toStdString());
    }
  }
  if (xml.hasError()) *error = xml.errorString();
  return titles;
}

bool contains(const Box& outer, const Box& inner) {
  return inner.x >= outer.x - 0.01 && inner.y >= outer.y - 0.01 && inner.x + inner.width <= outer.x + outer.width + 0.01 &&
         inner.y + inner.height <= outer.y + outer.height + 0.01;
}

std::size_t count(const std::string& text, const std::string& needle) {
  std::size_t n = 0;
  for (auto pos = text.find(needle); pos != std::string::npos; pos = text.find(needle, pos + 1)) ++n;
  return n;
}

}  // namespace

class TestGraphvizRenderer : public QObject {
  Q_OBJECT
 private slots:
  void geometryMatchesTheDisplayGraph() {
    const DisplayGraph g = sequential_graph();
    const LaidOutGraph laid = layout(g);
    const Geometry& geo = laid.geometry();
    QVERIFY(geo.width > 0 && geo.height > 0);
    QCOMPARE(geo.nodes.size(), g.nodes.size());
    std::map<std::string, Box> boxes;
    for (const NodeGeometry& n : geo.nodes) {
      QVERIFY(g.find_node(n.id));
      QVERIFY(n.box.width > 0 && n.box.height > 0);
      QVERIFY(contains({0, 0, geo.width, geo.height}, n.box));
      boxes[n.id] = n.box;
    }
    QCOMPARE(boxes.size(), g.nodes.size());
    // y grows downwards: the input is above the output.
    QVERIFY(boxes.at("value:input").y < boxes.at("output:0").y);

    QCOMPARE(geo.edges.size(), g.edges.size());
    for (const EdgeGeometry& e : geo.edges) {
      const DisplayEdge& de = g.edges.at(std::stoul(e.id.substr(1)));
      QCOMPARE(e.from, de.from);
      QCOMPARE(e.to, de.to);
      QVERIFY(e.path.size() >= 4 && (e.path.size() - 1) % 3 == 0);
      QVERIFY(e.arrow_tip.has_value());
    }

    QCOMPARE(geo.clusters.size(), g.clusters.size());
    std::map<std::string, Box> clusters;
    for (const ClusterGeometry& c : geo.clusters) clusters[c.id] = c.box;
    // Every node lies inside its cluster, every cluster inside its parent.
    for (const DisplayNode& n : g.nodes) {
      if (!n.cluster.empty()) QVERIFY2(contains(clusters.at(n.cluster), boxes.at(n.id)), n.id.c_str());
    }
    for (const DisplayCluster& c : g.clusters) {
      if (!c.parent.empty()) QVERIFY2(contains(clusters.at(c.parent), clusters.at(c.id)), c.id.c_str());
    }
  }

  void svgIsWellFormedAndShowsEveryOp() {
    const DisplayGraph g = sequential_graph();
    const std::string svg = layout(g).render(Format::Svg);
    QString error;
    const std::set<std::string> titles = svg_titles(svg, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    std::size_t ops = 0;
    for (const DisplayNode& n : g.nodes) {
      QVERIFY2(titles.contains(n.id), n.id.c_str());
      ops += n.role == NodeRole::Op;
      // Node groups carry the display id, so a viewer can map them back.
      QVERIFY2(svg.find("id=\"" + n.id + "\"") != std::string::npos, n.id.c_str());
    }
    QCOMPARE(ops, std::size_t(8));
    QVERIFY(svg.find(">aten::triu</text>") != std::string::npos);
    QVERIFY(svg.find(">2.0.parametrizations.weight.0</text>") != std::string::npos);
    QCOMPARE(count(svg, "class=\"cluster\""), g.clusters.size());
  }

  void pngDecodesAtTheRequestedDpi() {
    const DisplayGraph g = sequential_graph();
    RenderOptions options;
    options.dpi = 72;
    const LaidOutGraph at72 = layout(g, options);
    options.dpi = 144;
    const LaidOutGraph at144 = layout(g, options);
    const std::string png = at144.render(Format::Png);
    QImage image;
    QVERIFY(image.loadFromData(QByteArray::fromStdString(png), "PNG"));
    QImage small;
    QVERIFY(small.loadFromData(QByteArray::fromStdString(at72.render(Format::Png)), "PNG"));
    // Pixels are points * dpi / 72, with the 0.2 in padding on every side.
    const double pad = 0.2 * 72;
    QVERIFY(std::abs(small.width() - (at72.geometry().width + 2 * pad)) <= 2);
    QVERIFY(std::abs(image.width() - 2 * (at144.geometry().width + 2 * pad)) <= 3);
    QVERIFY(std::abs(image.height() - 2 * small.height()) <= 3);
    // The resolution is recorded in the file.
    QCOMPARE(image.dotsPerMeterX(), qRound(144 / 0.0254));
    QCOMPARE(image.dotsPerMeterY(), qRound(144 / 0.0254));
    // The light background is really painted.
    QCOMPARE(image.pixelColor(1, 1).name(), QString("#ffffff"));
  }

  void tallPngsStayWithinCairosLimit() {
    // A chain of 300 ops: about 10,000 points tall, 42,000 pixels at 300 dpi.
    // Appended, as GCC 12 misreports `"n" + std::string` (-Wrestrict).
    auto id = [](int i) {
      std::string s = "n";
      s += std::to_string(i);
      return s;
    };
    DisplayGraph chain;
    for (int i = 0; i < 300; ++i) {
      chain.nodes.push_back({id(i), NodeRole::Op, {"aten::relu"}, "aten::relu", "", {}, nullptr, false});
      if (i > 0) chain.edges.push_back({id(i - 1), id(i), "", nullptr});
    }
    RenderOptions options;
    options.dpi = 300;
    const LaidOutGraph laid = layout(chain, options);
    QVERIFY(laid.geometry().height * 300 / 72 > 32767);
    const double dpi = laid.png_dpi();
    QVERIFY(dpi < 300 && dpi > 150);
    QImage image;
    QVERIFY(image.loadFromData(QByteArray::fromStdString(laid.render(Format::Png)), "PNG"));
    QVERIFY(image.height() <= 32767);
    QVERIFY(image.height() > 32000);  // as large as cairo allows, not scaled further
    // The file records the resolution it was drawn at, so its physical size is right.
    QCOMPARE(image.dotsPerMeterY(), qRound(dpi / 0.0254));
    // Small pictures keep the requested resolution.
    QCOMPARE(layout(sequential_graph(), options).png_dpi(), 300.0);
  }

  void pdfAndDotAreProduced() {
    const LaidOutGraph laid = layout(sequential_graph());
    const std::string pdf = laid.render(Format::Pdf);
    QVERIFY(pdf.starts_with("%PDF-"));
    QVERIFY(pdf.find("%%EOF") != std::string::npos);
    // DOT after layout carries positions.
    const std::string dot = laid.render(Format::Dot);
    QVERIFY(dot.find("pos=") != std::string::npos);
    QVERIFY(dot.find("bb=") != std::string::npos);
  }

  void dotTextParsesBack() {
    const DisplayGraph g = sequential_graph();
    for (const std::string& text : {to_dot(g), layout(g).render(Format::Dot)}) {
      Agraph_t* parsed = agmemread(text.c_str());
      QVERIFY(parsed);
      QCOMPARE(std::size_t(agnnodes(parsed)), g.nodes.size());
      QCOMPARE(std::size_t(agnedges(parsed)), g.edges.size());
      QVERIFY(agnode(parsed, const_cast<char*>("value:input"), 0));
      Agraph_t* cluster2 = agsubg(parsed, const_cast<char*>("cluster_2"), 0);
      QVERIFY(cluster2);
      QVERIFY(agsubg(cluster2, const_cast<char*>("cluster_2/2.0"), 0));
      agclose(parsed);
    }
    // ... and lays out again, ids and clusters intact.
    const LaidOutGraph again = layout_dot(to_dot(g));
    QCOMPARE(again.geometry().nodes.size(), g.nodes.size());
    QCOMPARE(again.geometry().clusters.size(), g.clusters.size());
    for (const NodeGeometry& n : again.geometry().nodes) QVERIFY2(g.find_node(n.id), n.id.c_str());
    for (const ClusterGeometry& c : again.geometry().clusters) QVERIFY2(g.find_cluster(c.id), c.id.c_str());
  }

  void darkThemeColoursAreApplied() {
    const DisplayGraph g = sequential_graph();
    RenderOptions dark;
    dark.theme = dark_theme();
    const std::string svg = layout(g, dark).render(Format::Svg);
    const std::string light = layout(g).render(Format::Svg);
    QVERIFY(svg.find("fill=\"" + dark.theme.background + "\"") != std::string::npos);
    QCOMPARE(count(svg, "fill=\"" + dark.theme.op.fill + "\""), std::size_t(8));
    QCOMPARE(count(svg, "fill=\"" + dark.theme.parameter.fill + "\""), std::size_t(4));
    QVERIFY(svg.find("fill=\"" + dark.theme.input.fill + "\"") != std::string::npos);
    QVERIFY(svg.find("fill=\"" + dark.theme.output.fill + "\"") != std::string::npos);
    QVERIFY(svg.find("fill=\"" + dark.theme.cluster_fill + "\"") != std::string::npos);
    QVERIFY(svg.find("fill=\"" + dark.theme.op.text + "\"") != std::string::npos);
    QCOMPARE(count(light, dark.theme.op.fill), std::size_t(0));
    QCOMPARE(count(light, "fill=\"" + light_theme().op.fill + "\""), std::size_t(8));
    QImage image;
    QVERIFY(image.loadFromData(QByteArray::fromStdString(layout(g, dark).render(Format::Png)), "PNG"));
    QCOMPARE(image.pixelColor(1, 1).name(), QString::fromStdString(dark.theme.background));
  }

  void rankdirTurnsTheDataflow() {
    auto centre = [](const Geometry& geo, const std::string& id) {
      for (const NodeGeometry& n : geo.nodes) {
        if (n.id == id) return Point{n.box.x + n.box.width / 2, n.box.y + n.box.height / 2};
      }
      throw std::out_of_range(id);
    };
    const DisplayGraph g = sequential_graph();
    const Geometry down = layout(g).geometry();
    QVERIFY(centre(down, "value:input").y < centre(down, "output:0").y);
    RenderOptions options;
    options.rankdir = rankdir_from_name("lr");
    QVERIFY(to_dot(g, options).find("rankdir=LR") != std::string::npos);
    const Geometry right = layout(g, options).geometry();
    QVERIFY(centre(right, "value:input").x < centre(right, "output:0").x);
    QVERIFY(right.width > right.height);
    QCOMPARE(rankdir_from_name("TB"), RankDir::TopToBottom);
    PT_VERIFY_THROWS(std::invalid_argument, rankdir_from_name("BT"), "unknown rank direction 'BT' (expected TB or LR)");
  }

  void largeGraphsGetTheFastSettings() {
    GraphModelOptions collapsed;
    collapsed.collapse_depth = 0;
    const DisplayGraph g = sequential_graph(collapsed);  // its module edges carry shape labels
    RenderOptions small;
    QVERIFY(to_dot(g, small).find("label=\"Float(2, 4)\"") != std::string::npos);
    QVERIFY(to_dot(g, small).find("newrank") == std::string::npos);
    RenderOptions large;
    large.large_graph_nodes = 3;
    const std::string dot = to_dot(g, large);
    QVERIFY(dot.find("label=\"Float(2, 4)\"") == std::string::npos);
    QVERIFY(dot.find("newrank=true") != std::string::npos);
    QVERIFY(dot.find("nslimit=0") != std::string::npos);
    const LaidOutGraph laid = layout(g, large);
    for (const EdgeGeometry& e : laid.geometry().edges) QVERIFY(!e.label_centre);
    // With module clusters, newrank is what is slow (one cluster per call
    // of an unrolled cell): left out.
    const DisplayGraph clustered = sequential_graph({});
    QVERIFY(!clustered.clusters.empty());
    QVERIFY(to_dot(clustered, large).find("newrank") == std::string::npos);
    QVERIFY(to_dot(clustered, large).find("nslimit=0") != std::string::npos);
  }

  void sfdpLaysOutWithoutClusters() {
    RenderOptions options;
    options.engine = Engine::Sfdp;
    const DisplayGraph g = sequential_graph();
    QVERIFY(to_dot(g, options).find("subgraph") == std::string::npos);
    const LaidOutGraph laid = layout(g, options);
    QCOMPARE(laid.geometry().nodes.size(), g.nodes.size());
    QVERIFY(laid.geometry().clusters.empty());
    QVERIFY(laid.render(Format::Svg).find("</svg>") != std::string::npos);
  }

  void filesAreReplacedAtomically() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string path = dir.filePath("graph.svg").toStdString();
    {
      QFile old(QString::fromStdString(path));
      QVERIFY(old.open(QIODevice::WriteOnly));
      old.write("old");
    }
    const LaidOutGraph laid = layout(sequential_graph());
    laid.write(Format::Svg, path);
    QFile written(QString::fromStdString(path));
    QVERIFY(written.open(QIODevice::ReadOnly));
    QCOMPARE(written.readAll().toStdString(), laid.render(Format::Svg));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{"graph.svg"});  // no temporary left
    laid.write(Format::Pdf, dir.filePath("graph.pdf").toStdString());
    QVERIFY(QFile::exists(dir.filePath("graph.pdf")));
  }

  void errorsAreTypedAndExplained() {
    PT_VERIFY_THROWS(UnknownFormatError, format_from_name("bmp"), "unknown export format 'bmp' (expected svg, png, pdf or dot)");
    QCOMPARE(format_from_name("SVG"), Format::Svg);
    QCOMPARE(format_from_name("gv"), Format::Dot);
    // Line numbers count from the text's start, whatever was read before.
    QCOMPARE(layout_dot("digraph {\n a -> b\n}\n").geometry().nodes.size(), std::size_t(2));
    PT_VERIFY_THROWS(DotSyntaxError, layout_dot("digraph { a -> }"), "syntax error in line 1 near '}'");
    PT_VERIFY_THROWS(DotSyntaxError, layout_dot("digraph {\n a -> b\n c -> \n}"), "syntax error in line 4 near '}'");
    PT_VERIFY_THROWS(DotSyntaxError, layout_dot("digraph { a } digraph { b }"), "it holds 2 graphs, expected one");
    PT_VERIFY_THROWS(DotSyntaxError, layout_dot("  "), "cannot read the DOT text: it holds no graph");
    // A DOT file may name its engine; an unknown one fails the layout.
    PT_VERIFY_THROWS(LayoutError, layout_dot("digraph { layout=nosuch; a }"),
                     "Graphviz could not lay out the graph with dot: Error: Layout type: \"nosuch\" not recognized");
    // The parser recovers: the next graph is read, and nothing is left over.
    QCOMPARE(layout_dot("digraph { a -> b -> c }").geometry().nodes.size(), std::size_t(3));

    const LaidOutGraph laid = layout(sequential_graph());
    PT_VERIFY_THROWS(FileWriteError, laid.write(Format::Svg, "/nonexistent-directory/graph.svg"),
                     "cannot write /nonexistent-directory/graph.svg: creating a temporary file: No such file or directory");
    // A directory in the way: the rename fails, the directory and its
    // contents stay as they were, and no temporary file is left behind.
    QTemporaryDir dir;
    QVERIFY(QDir(dir.path()).mkdir("taken.svg"));
    PT_VERIFY_THROWS(FileWriteError, laid.write(Format::Svg, dir.filePath("taken.svg").toStdString()),
                     "renaming the temporary file");
    QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot), QStringList{"taken.svg"});

    RenderOptions no_resolution;
    no_resolution.dpi = 0;
    PT_VERIFY_THROWS(RenderError, layout(sequential_graph(), no_resolution).render(Format::Png),
                     "PNG resolution must be positive");
    // Everything derives from one base a CLI can catch.
    PT_VERIFY_THROWS(GraphViewError, format_from_name(""), "unknown export format ''");
  }

  void concurrentUseIsSerialised() {
    // Graphviz is not thread safe; the renderer's lock makes this work.
    std::vector<std::future<std::string>> results;
    for (int i = 0; i < 4; ++i) {
      results.push_back(std::async(std::launch::async, [] { return layout(sequential_graph()).render(Format::Svg); }));
    }
    const std::string first = results[0].get();
    QVERIFY(first.find("</svg>") != std::string::npos);
    for (std::size_t i = 1; i < results.size(); ++i) QCOMPARE(results[i].get(), first);
  }
};

QTEST_GUILESS_MAIN(TestGraphvizRenderer)
#include "tst_graphviz_renderer.moc"
