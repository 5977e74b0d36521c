// The trace graph laid out by Graphviz (paratrace_graphview) in the window:
// off-thread layout, scopes collapsed and expanded by re-layout, search,
// node ↔ IR ↔ Properties, and exports of what is shown.
#include <QLineEdit>
#include <QTemporaryDir>
#include <QTextBlock>
#include <QtTest>

#include "demo_model.h"
#include "graph_items.h"
#include "graph_panel.h"
#include "graph_scene.h"
#include "graph_view.h"
#include "graphview_layouter.h"
#include "ir_view.h"
#include "main_window.h"
#include "model_document.h"
#include "properties_panel.h"

using namespace paratrace;
using namespace paratrace::inspector;

namespace {

bool hasNode(const GraphScene& scene, const QString& id) { return scene.node(id) != nullptr; }

QString firstNodeOfKind(const GraphScene& scene, const QString& kind) {
  for (const PictureNode& n : scene.picture().nodes)
    if (n.kind == kind) return n.id;
  return {};
}

}  // namespace

class TstGraphPanel : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

  void layoutShowsOpsAndModuleClusters() {
    MainWindow window;
    window.setModel(testing::demoModel());
    GraphPanel* panel = window.graphPanel();
    QVERIFY(panel->waitForLayout());
    const GraphScene& scene = *panel->scene();
    QVERIFY(!firstNodeOfKind(scene, QStringLiteral("aten::linear")).isEmpty());
    QVERIFY(!firstNodeOfKind(scene, QStringLiteral("aten::linalg_solve")).isEmpty());  // Cayley, inside 0
    QVERIFY(scene.clusterItem(QStringLiteral("0")));
    QVERIFY(scene.clusterItem(QStringLiteral("2")));
    // Every node sits inside the bounds Graphviz reported.
    for (const PictureNode& n : scene.picture().nodes)
      QVERIFY(scene.picture().bounds.adjusted(-1, -1, 1, 1).contains(n.box));
    QVERIFY(!scene.edgeItems().isEmpty());
  }

  void collapseAndExpandAScope() {
    MainWindow window;
    window.setModel(testing::demoModel());
    GraphPanel* panel = window.graphPanel();
    QVERIFY(panel->waitForLayout());
    const int before = static_cast<int>(panel->scene()->picture().nodes.size());
    panel->collapse(QStringLiteral("0"));
    QVERIFY(panel->waitForLayout());
    QVERIFY(hasNode(*panel->scene(), QStringLiteral("module:0")));
    QVERIFY(!panel->scene()->clusterItem(QStringLiteral("0")));
    QVERIFY(static_cast<int>(panel->scene()->picture().nodes.size()) < before);
    QVERIFY(firstNodeOfKind(*panel->scene(), QStringLiteral("aten::linalg_solve")).isEmpty());
    panel->expand(QStringLiteral("module:0"));
    QVERIFY(panel->waitForLayout());
    QVERIFY(!hasNode(*panel->scene(), QStringLiteral("module:0")));
    QCOMPARE(static_cast<int>(panel->scene()->picture().nodes.size()), before);
  }

  void collapseDepthClosesEveryModuleAndOneCanBeOpened() {
    const LoadedModel demo = testing::demoModel();
    GraphviewLayouter layouter;
    LayoutInput input;
    input.graph = demo.traced->inlined_graph();
    input.traced = demo.traced;
    input.collapseDepth = 0;
    GraphPicture closed = layouter.layout(input);
    QVERIFY(closed.clusters.empty());
    QCOMPARE(std::count_if(closed.nodes.begin(), closed.nodes.end(),
                           [](const PictureNode& n) { return n.role == PictureRole::Module; }),
             std::ptrdiff_t(3));  // 0, 1 (ReLU) and 2
    input.expanded.insert(QStringLiteral("2"));
    GraphPicture open = layouter.layout(input);
    QCOMPARE(open.clusters.size(), std::size_t(1));
    QCOMPARE(open.clusters.front().id, QStringLiteral("2"));
  }

  void nodeBoxesFitTheirBoldTitles() {
    // Graphviz measures its regular font; the scene draws the title bold.
    // Long parameter paths ("0.parametrizations.weight.original") must fit.
    const LoadedModel demo = testing::demoModel();
    LayoutInput input;
    input.graph = demo.traced->inlined_graph();
    input.traced = demo.traced;
    const GraphPicture picture = GraphviewLayouter().layout(input);
    bool sawLongTitle = false;
    for (const PictureNode& n : picture.nodes) {
      sawLongTitle = sawLongTitle || n.label.value(0).endsWith(QStringLiteral(".original"));
      const qreal title = QFontMetricsF(NodeItem::labelFont(true)).horizontalAdvance(n.label.value(0));
      QVERIFY2(n.box.width() >= title, qPrintable(n.label.value(0)));
      QVERIFY2(n.box.width() >= NodeItem::labelSize(n.label).width() - 0.5, qPrintable(n.label.value(0)));
      QVERIFY2(n.box.height() >= NodeItem::labelSize(n.label).height() - 0.5, qPrintable(n.label.value(0)));
    }
    QVERIFY(sawLongTitle);
    // The bold title is wider than the regular text Graphviz would have measured.
    QVERIFY(QFontMetricsF(NodeItem::labelFont(true)).horizontalAdvance(QStringLiteral("parametrizations.weight.original")) >
            QFontMetricsF(NodeItem::labelFont(false)).horizontalAdvance(QStringLiteral("parametrizations.weight.original")));
  }

  void largeGraphsOpenCollapsed() {
    const LoadedModel demo = testing::demoModel();
    QVERIFY(!initialCollapseDepth(*demo.traced->inlined_graph()));
    auto big = std::make_shared<jit::Graph>();
    for (int i = 0; i < 1600; ++i) big->insert_constant(IValue(static_cast<std::int64_t>(i)));
    QCOMPARE(initialCollapseDepth(*big), std::optional<int>(0));
  }

  void searchStepsThroughMatches() {
    MainWindow window;
    window.setModel(testing::demoModel());
    GraphPanel* panel = window.graphPanel();
    QVERIFY(panel->waitForLayout());
    panel->startSearch();
    panel->searchEdit()->setText(QStringLiteral("linear"));
    QCOMPARE(panel->matches().size(), 2);
    const QString first = panel->scene()->selectedNode();
    QCOMPARE(first, panel->matches().at(0));
    QCOMPARE(panel->findNext(), panel->matches().at(1));
    QCOMPARE(panel->findNext(), first);  // wraps around
    QCOMPARE(panel->findNext(true), panel->matches().at(1));
  }

  void selectingANodeShowsItsDetailsAndIrLine() {
    MainWindow window;
    window.setModel(testing::demoModel());
    GraphPanel* panel = window.graphPanel();
    QVERIFY(panel->waitForLayout());
    const QString id = firstNodeOfKind(*panel->scene(), QStringLiteral("aten::linear"));
    QVERIFY(panel->scene()->selectNode(id));
    QCOMPARE(window.propertiesPanel()->value(QStringLiteral("Kind")), QStringLiteral("aten::linear"));
    const QString line = window.irView()->textCursor().block().text();
    QVERIFY2(line.contains(QStringLiteral("aten::linear")), qPrintable(line));
    // And back: an IR line selects its node.
    const QString relu = firstNodeOfKind(*panel->scene(), QStringLiteral("aten::relu"));
    const QString reluValue = relu.section(QLatin1Char(':'), 1);
    const int reluLine = window.irView()->lineOfValue(reluValue);
    QVERIFY(reluLine > 0);
    window.irView()->setTextCursor(QTextCursor(window.irView()->document()->findBlockByNumber(reluLine)));
    QCOMPARE(panel->scene()->selectedNode(), relu);
  }

  void exportsWhatIsShown() {
    MainWindow window;
    window.setModel(testing::demoModel());
    QVERIFY(window.graphPanel()->waitForLayout());
    QTemporaryDir dir;
    for (const char* format : {"svg", "png", "pdf"}) {
      const QString path = dir.filePath(QStringLiteral("graph.") + QLatin1String(format));
      QVERIFY(window.exportGraphImage(path, QLatin1String(format), 150, true, false));
      QVERIFY(QFileInfo(path).size() > 100);
    }
    QFile svg(dir.filePath(QStringLiteral("graph.svg")));
    QVERIFY(svg.open(QIODevice::ReadOnly));
    QVERIFY(svg.readAll().contains("aten::linear"));
    QVERIFY(!window.graphPanel()->isDark());  // the export's theme does not stick
  }
};

QTEST_MAIN(TstGraphPanel)
#include "tst_graph_panel.moc"
