// The Modules dock's item model over core's module tree, and its filter.
#include <QAbstractItemModelTester>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QtTest>

#include "demo_model.h"
#include "module_tree_model.h"
#include "modules_panel.h"

using namespace paratrace::inspector;

class TstModuleTreeModel : public QObject {
  Q_OBJECT

 private slots:
  void passesTheItemModelTester() {
    ModuleTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    LoadedModel demo = testing::demoModel();
    model.setRoot(demo.module.get());
    QVERIFY(model.rowCount() == 1);
    model.setRoot(nullptr);
    QCOMPARE(model.rowCount(), 0);
  }

  void listsModulesTensorsAndParametrizedTensors() {
    LoadedModel demo = testing::demoModel();
    ModuleTreeModel model;
    model.setRoot(demo.module.get());
    const QModelIndex root = model.index(0, 0);
    QCOMPARE(model.data(root.siblingAtColumn(ModuleTreeModel::TypeColumn)).toString(), QStringLiteral("Sequential"));
    QCOMPARE(model.rowCount(root), 3);

    const QModelIndex weight = model.indexForPath(QStringLiteral("0.weight"));
    QVERIFY(weight.isValid());
    QCOMPARE(model.itemAt(weight)->kind, TreeItemKind::Parametrized);
    QVERIFY(model.data(weight, Qt::DecorationRole).isValid());
    QVERIFY(model.data(weight.siblingAtColumn(ModuleTreeModel::TypeColumn)).toString().contains(
        QStringLiteral("Skew → Cayley")));
    QCOMPARE(model.data(weight.siblingAtColumn(ModuleTreeModel::ShapeColumn)).toString(), QStringLiteral("[8, 8]"));
    QCOMPARE(model.data(weight.siblingAtColumn(ModuleTreeModel::DtypeColumn)).toString(), QStringLiteral("float32"));
    QCOMPARE(model.data(weight.siblingAtColumn(ModuleTreeModel::NumelColumn)).toLongLong(), 64);

    const QModelIndex bias = model.indexForPath(QStringLiteral("0.bias"));
    QCOMPARE(model.itemAt(bias)->kind, TreeItemKind::Parameter);
    QCOMPARE(model.data(bias.siblingAtColumn(ModuleTreeModel::ShapeColumn)).toString(), QStringLiteral("[8]"));
    QVERIFY(!model.data(bias, Qt::DecorationRole).isValid());
    // The parametrizations container is not listed; its chain is the tensor's.
    QVERIFY(!model.indexForPath(QStringLiteral("0.parametrizations")).isValid());
    QCOMPARE(model.itemAt(model.indexForPath(QStringLiteral("2.weight")))->kind, TreeItemKind::Parametrized);
  }

  void filterKeepsAncestorsOfDeepMatches() {
    LoadedModel demo = testing::demoModel();
    ModulesPanel panel;
    panel.setRoot(demo.module.get());
    QAbstractItemModelTester tester(panel.proxy(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    panel.filterEdit()->setText(QStringLiteral("bias"));
    const QModelIndex root = panel.proxy()->index(0, 0);
    QVERIFY(root.isValid());
    // 0 and 2 have a bias, ReLU has none.
    QCOMPARE(panel.proxy()->rowCount(root), 2);
    QCOMPARE(panel.proxy()->rowCount(panel.proxy()->index(0, 0, root)), 1);
    panel.filterEdit()->clear();
    QCOMPARE(panel.proxy()->rowCount(root), 3);
  }

  void selectingAPathEmitsTheItem() {
    LoadedModel demo = testing::demoModel();
    ModulesPanel panel;
    panel.setRoot(demo.module.get());
    QSignalSpy spy(&panel, &ModulesPanel::itemSelected);
    QVERIFY(panel.selectPath(QStringLiteral("2.weight")));
    QCOMPARE(spy.count(), 1);
    QCOMPARE(panel.selectedItem()->name, std::string("weight"));
    QCOMPARE(panel.selectedItem()->module, demo.module->child("2").get());
    QVERIFY(!panel.selectPath(QStringLiteral("9.weight")));
  }
};

QTEST_MAIN(TstModuleTreeModel)
#include "tst_module_tree_model.moc"
