// The main window: docks, opening files, errors that keep the model open,
// recent files and persisted layout.
#include <QDockWidget>
#include <QMenu>
#include <QMenuBar>
#include <QTemporaryDir>
#include <QtTest>

#include "app_settings.h"
#include "demo_model.h"
#include "main_actions.h"
#include "main_window.h"
#include "message_bar.h"
#include "model_document.h"
#include "module_tree_model.h"
#include "modules_panel.h"

using namespace paratrace::inspector;

class TstMainWindow : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("ParatraceTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_main_window"));
    QSettings().clear();
  }

  void hasTheFiveDocks() {
    MainWindow window;
    for (const char* name : {"modulesDock", "chainDock", "propertiesDock", "irDock", "traceCheckDock"}) {
      QDockWidget* dock = window.dock(QLatin1String(name));
      QVERIFY2(dock, name);
      QVERIFY(!dock->windowTitle().isEmpty());
    }
  }

  void opensATracedModuleFileAndRemembersIt() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("demo.traced.safetensors"));
    testing::demoModel().traced->save(path.toStdString());
    MainWindow window;
    QVERIFY(window.openFile(path));
    QVERIFY(window.document()->model().traced);
    QVERIFY(window.windowTitle().contains(QStringLiteral("demo")));
    QVERIFY(window.modulesPanel()->model()->rowCount() == 1);
    QCOMPARE(AppSettings().recentFiles().first(), QFileInfo(path).absoluteFilePath());
    QVERIFY(window.actions()->recentMenu->actions().size() >= 1);
  }

  void opensIrText() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("demo.ir"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray::fromStdString(testing::demoModel().traced->inlined_graph()->str()));
    file.close();
    MainWindow window;
    QVERIFY(window.openFile(path));
    QVERIFY(window.document()->graph());
    QVERIFY(!window.document()->module());
  }

  void brokenFileShowsErrorAndKeepsTheModel() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("broken.ir"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("graph(%x : Tensor):\n  %y = aten::relu(%x\n");
    file.close();
    MainWindow window;
    window.setModel(testing::demoModel());
    paratrace::nn::Module* before = window.document()->module();
    QVERIFY(!window.openFile(path));
    QCOMPARE(window.document()->module(), before);
    QVERIFY(window.messageBar()->isVisibleTo(&window));
    QCOMPARE(window.messageBar()->level(), MessageBar::Level::Error);
    QVERIFY(window.messageBar()->text().contains(path));
    QVERIFY(!window.openFile(dir.filePath(QStringLiteral("missing.paratrace.json"))));
    QVERIFY(window.messageBar()->text().contains(QStringLiteral("missing.paratrace.json")));
    QCOMPARE(window.document()->module(), before);
  }

  void savesAndRestoresTheLayout() {
    {
      MainWindow window;
      window.show();
      window.dock(QStringLiteral("irDock"))->hide();
      window.close();
    }
    MainWindow again;
    again.show();
    QVERIFY(!again.dock(QStringLiteral("irDock"))->isVisible());
    QVERIFY(again.dock(QStringLiteral("modulesDock"))->isVisible());
  }
};

QTEST_MAIN(TstMainWindow)
#include "tst_main_window.moc"
