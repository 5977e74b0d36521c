// The trace graph scene and the IR view: items from a picture, selection with
// edge highlighting, search, collapse/expand requests, IR line ↔ node.
#include <QGraphicsSceneMouseEvent>
#include <QTextBlock>
#include <QtTest>

#include "column_picture.h"
#include "demo_model.h"
#include "graph_items.h"
#include "graph_scene.h"
#include "graph_view.h"
#include "ir_view.h"
#include "node_properties.h"
#include "op_family.h"
#include "paratrace/jit/ir_parser.h"

using namespace paratrace;
using namespace paratrace::inspector;


class TstGraphScene : public QObject {
  Q_OBJECT

 private slots:
  void buildsItemsAndHighlightsTheSelectedNodesEdges() {
    const LoadedModel demo = testing::demoModel();
    GraphScene scene;
    scene.setPicture(testing::columnPicture(*demo.traced->inlined_graph()), false);
    const GraphPicture& picture = scene.picture();
    QVERIFY(picture.nodes.size() >= 3);
    QCOMPARE(scene.edgeItems().size(), static_cast<qsizetype>(picture.nodes.size() - 1));
    QSignalSpy spy(&scene, &GraphScene::nodeSelected);
    const QString middle = picture.nodes[1].id;
    QVERIFY(scene.selectNode(middle));
    QCOMPARE(spy.last().first().toString(), middle);
    QCOMPARE(scene.selectedNode(), middle);
    int highlighted = 0;
    for (EdgeItem* e : scene.edgeItems()) highlighted += e->isHighlighted();
    QCOMPARE(highlighted, 2);  // one in, one out
    QVERIFY(!scene.selectNode(QStringLiteral("value:nope")));
  }

  void searchFindsByKindAndScope() {
    const LoadedModel demo = testing::demoModel();
    GraphScene scene;
    scene.setPicture(testing::columnPicture(*demo.traced->inlined_graph()), false);
    const QStringList linear = scene.findNodes(QStringLiteral("LINEAR"));
    QCOMPARE(linear.size(), 2);
    const QStringList scoped = scene.findNodes(QStringLiteral("__module.2"));
    QVERIFY(!scoped.isEmpty());
    QVERIFY(scene.findNodes(QStringLiteral("no such op")).isEmpty());
  }

  void doubleClickRequestsCollapse() {
    const LoadedModel demo = testing::demoModel();
    GraphScene scene;
    scene.setPicture(testing::columnPicture(*demo.traced->inlined_graph()), false);
    QSignalSpy collapse(&scene, &GraphScene::collapseRequested);
    QGraphicsSceneMouseEvent event(QEvent::GraphicsSceneMouseDoubleClick);
    event.setScenePos(QPointF(205, 360));  // inside the cluster, outside every node
    event.setButton(Qt::LeftButton);
    QCoreApplication::sendEvent(&scene, &event);
    QCOMPARE(collapse.count(), 1);
    QCOMPARE(collapse.first().first().toString(), QStringLiteral("0"));
  }

  void irLinesAndNodesSelectEachOther() {
    const LoadedModel demo = testing::demoModel();
    const auto graph = demo.traced->inlined_graph();
    IrView ir;
    ir.setGraph(graph);
    QVERIFY(ir.toPlainText().contains(QStringLiteral("aten::linear")));
    const jit::Node* linear = nullptr;
    for (const jit::Node* n : graph->nodes())
      if (n->kind() == "aten::linear" && !linear) linear = n;
    const QString name = QString::fromStdString(linear->output()->debug_name());
    const int line = ir.lineOfValue(name);
    QVERIFY(line > 0);
    QCOMPARE(ir.valueAtLine(line), name);
    QVERIFY(ir.toPlainText().split('\n')[line].contains(QStringLiteral("aten::linear")));

    GraphScene scene;
    scene.setPicture(testing::columnPicture(*graph), false);
    QCOMPARE(scene.nodeForValue(name), QStringLiteral("value:") + name);
    QSignalSpy spy(&ir, &IrView::valueSelected);
    QTextCursor cursor(ir.document()->findBlockByNumber(line));
    ir.setTextCursor(cursor);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.first().first().toString(), name);
    QVERIFY(ir.selectValue(QString::fromStdString(graph->nodes().back()->output()->debug_name())));
    QCOMPARE(spy.count(), 1);  // moving programmatically does not echo back
  }

  void nodePropertiesListTypesAndScope() {
    const LoadedModel demo = testing::demoModel();
    GraphScene scene;
    scene.setPicture(testing::columnPicture(*demo.traced->inlined_graph()), false);
    const PictureNode* linear = nullptr;
    for (const PictureNode& n : scene.picture().nodes)
      if (n.kind == QStringLiteral("aten::linear") && !linear) linear = &n;
    PropertiesPanel panel;
    panel.setSections(NodeProperties::forNode(*linear));
    QCOMPARE(panel.value(QStringLiteral("Kind")), QStringLiteral("aten::linear"));
    QVERIFY(panel.value(QStringLiteral("Scope")).contains(QStringLiteral("__module.0")));
    QVERIFY(panel.topLevelItemCount() >= 3);  // node, inputs, outputs
  }

  void nodePropertiesNameEnumCodes() {
    // aten::zeros(size, dtype=6): the Properties dock shows torch.float32.
    const auto graph = jit::parse_ir(
        "graph(%x : Float(2, strides=[1], requires_grad=0, device=cpu)):\n"
        "  %1 : int[] = prim::Constant[value=[2]]()\n"
        "  %2 : int = prim::Constant[value=6]()\n"
        "  %3 : Float(2, strides=[1], requires_grad=0, device=cpu) = aten::zeros(%1, %2)\n"
        "  return (%3)\n");
    const GraphPicture picture = testing::columnPicture(*graph);
    PropertiesPanel panel;
    panel.setSections(NodeProperties::forNode(picture.nodes.front()));
    QCOMPARE(panel.value(QStringLiteral("dtype")), QStringLiteral("%2 : int = torch.float32"));
    QCOMPARE(panel.value(QStringLiteral("size")), QStringLiteral("%1 : int[] = [2]"));
  }

  void opFamiliesColourNodes() {
    QCOMPARE(opFamily(QStringLiteral("aten::linear")), OpFamily::LinearAlgebra);
    QCOMPARE(opFamily(QStringLiteral("aten::relu")), OpFamily::Activation);
    QCOMPARE(opFamily(QStringLiteral("aten::add_")), OpFamily::Elementwise);
    QCOMPARE(opFamily(QStringLiteral("aten::linalg_solve")), OpFamily::LinearAlgebra);
    QCOMPARE(opFamily(QStringLiteral("aten::transpose")), OpFamily::Shape);
    QCOMPARE(opFamily(QStringLiteral("prim::ListConstruct")), OpFamily::Other);
    QVERIFY(nodeStyle(PictureRole::Op, QStringLiteral("aten::linear"), false).fill !=
            nodeStyle(PictureRole::Op, QStringLiteral("aten::relu"), false).fill);
  }

  void viewZoomsWithinLimits() {
    GraphScene scene;
    const LoadedModel demo = testing::demoModel();
    scene.setPicture(testing::columnPicture(*demo.traced->inlined_graph()), false);
    GraphView view;
    view.setScene(&scene);
    view.resize(400, 300);
    view.fitGraph();
    const double fitted = view.zoom();
    view.zoomIn();
    QVERIFY(std::abs(view.zoom() - fitted * 1.25) < 1e-9);
    for (int i = 0; i < 100; ++i) view.zoomOut();
    QVERIFY(std::abs(view.zoom() - 0.02) < 1e-9);
  }

  void fittingAHugeGraphShowsItsStartReadably() {
    GraphScene scene;
    const LoadedModel demo = testing::demoModel();
    scene.setPicture(testing::columnPicture(*demo.traced->inlined_graph()), false);
    scene.setSceneRect(scene.sceneRect().adjusted(0, 0, 0, 50000));  // as tall as thousands of ops
    GraphView view;
    view.setScene(&scene);
    view.resize(400, 300);
    view.fitGraph();
    QVERIFY(std::abs(view.zoom() - GraphView::kMinReadableZoom) < 1e-9);
    const QRectF visible = view.mapToScene(view.viewport()->rect()).boundingRect();
    QVERIFY2(visible.contains(scene.sceneRect().topLeft() + QPointF(1, 1)), "the view shows the graph's start");
    QVERIFY(visible.height() < scene.sceneRect().height() / 10);
  }
};

QTEST_MAIN(TstGraphScene)
#include "tst_graph_scene.moc"
