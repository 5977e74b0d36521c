// The bundled example models open from the resources, show their module
// tree, a parametrized tensor's chain and their trace; those that need a
// parametrization no loaded plugin provides fail with an error naming it,
// and the previous model stays open.
#include <QComboBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include "chain_view.h"
#include "demo_model.h"
#include "main_window.h"
#include "message_bar.h"
#include "model_document.h"
#include "module_tree_model.h"
#include "modules_panel.h"

using namespace paratrace;
using namespace paratrace::inspector;

namespace {

QStringList parametrizationTypes(const QString& path) {
  QFile file(path);
  file.open(QIODevice::ReadOnly);
  QStringList types;
  for (const QJsonValue& p : QJsonDocument::fromJson(file.readAll()).object().value(QStringLiteral("parametrizations")).toArray())
    types << p.toObject().value(QStringLiteral("type")).toString();
  return types;
}

}  // namespace

class TstExamples : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() {
    qputenv("PARATRACE_PLUGIN_PATH", PARATRACE_BUILTIN_PLUGIN_DIR);
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(MainWindow::exampleNames().contains(QStringLiteral("skew_cayley")));
    QVERIFY(MainWindow::exampleNames().size() >= 7);
  }

  void opensEachBundledExample_data() {
    QTest::addColumn<QString>("name");
    for (const QString& name : MainWindow::exampleNames()) QTest::newRow(qPrintable(name)) << name;
  }

  void opensEachBundledExample() {
    QFETCH(QString, name);
    MainWindow window;
    window.setModel(testing::demoModel());
    nn::Module* before = window.document()->module();
    const QString path = QStringLiteral(":/models/%1.paratrace.json").arg(name);
    QStringList missing;
    for (const QString& type : parametrizationTypes(path))
      if (!window.plugins().type(type)) missing << type;
    const bool opened = window.openExample(name);
    if (!missing.isEmpty()) {
      QVERIFY(!opened);
      QVERIFY2(window.messageBar()->text().contains(missing.first()), qPrintable(window.messageBar()->text()));
      QCOMPARE(window.document()->module(), before);
      return;
    }
    QVERIFY2(opened, qPrintable(window.messageBar()->text()));
    QVERIFY(window.document()->module() != before);
    QVERIFY(window.document()->graph());
    QVERIFY(window.modulesPanel()->model()->rowCount() == 1);
    if (parametrizationTypes(path).isEmpty()) {
      QVERIFY(window.chainView()->stages().empty());
      return;
    }
    // Opening selects the first parametrized tensor: its chain ends in the effective value.
    QVERIFY(!window.chainView()->stages().empty());
    QVERIFY(window.chainView()->stages().back().effective);
    QCOMPARE(window.modulesPanel()->selectedItem()->kind, TreeItemKind::Parametrized);
  }

  void methodsOfATwoMethodModelAreSelectable() {
    MainWindow window;
    QVERIFY(window.openExample(QStringLiteral("conv_net")));
    auto* box = window.findChild<QComboBox*>(QStringLiteral("methodBox"));
    QVERIFY(box);
    QCOMPARE(box->count(), 2);
    QVERIFY(box->isEnabled());
    const auto forward = window.document()->graph();
    const QString other = box->itemText(box->currentIndex() == 0 ? 1 : 0);
    box->setCurrentText(other);
    QCOMPARE(window.document()->currentMethod(), other);
    QVERIFY(window.document()->graph() != forward);
  }

  void aBrokenModelFileNamesTheJsonPath() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("broken.paratrace.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"format": "paratrace-model", "version": 1, "name": "b", "module": {"type": "Linear", "in_features": "x"}})");
    file.close();
    MainWindow window;
    window.setModel(testing::demoModel());
    nn::Module* before = window.document()->module();
    QVERIFY(!window.openFile(path));
    QCOMPARE(window.document()->module(), before);
    QVERIFY(window.messageBar()->text().contains(path));
    QVERIFY2(window.messageBar()->text().contains(QStringLiteral("in_features")), qPrintable(window.messageBar()->text()));
  }
};

QTEST_MAIN(TstExamples)
#include "tst_examples.moc"
