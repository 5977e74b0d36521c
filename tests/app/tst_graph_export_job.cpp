// Graph image export off the GUI thread: a 1,000-op graph is recorded on the
// GUI thread and written by a worker, the event loop runs before the file
// exists, the files are valid, and Cancel leaves no file, temporary or not.
#include <QDir>
#include <QDomDocument>
#include <QImage>
#include <QPainter>
#include <QSignalSpy>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QtTest>

#include "column_picture.h"
#include "demo_model.h"
#include "graph_export.h"
#include "graph_export_job.h"
#include "graph_panel.h"
#include "graph_scene.h"
#include "main_window.h"

using namespace paratrace;
using namespace paratrace::inspector;

namespace {

// 1,000 two-line op boxes in 20 module clusters, each chained to the next.
GraphPicture largePicture() {
  GraphPicture picture;
  constexpr int kColumns = 20, kRows = 50;
  for (int c = 0; c < kColumns; ++c)
    picture.clusters.push_back({QStringLiteral("m%1").arg(c), QStringLiteral("layers.%1").arg(c), 1,
                                QRectF(c * 260.0 - 10, -30, 240, kRows * 60.0 + 20)});
  for (int c = 0; c < kColumns; ++c)
    for (int r = 0; r < kRows; ++r) {
      PictureNode node;
      node.id = QStringLiteral("value:%1").arg(c * kRows + r);
      node.kind = r % 2 ? QStringLiteral("aten::linear") : QStringLiteral("aten::relu");
      node.label = {node.kind, QStringLiteral("Float(8, 8)")};
      node.cluster = QStringLiteral("m%1").arg(c);
      node.box = QRectF(c * 260.0, r * 60.0, 220, 40);
      picture.nodes.push_back(node);
    }
  for (std::size_t i = 1; i < picture.nodes.size(); ++i) {
    const QPointF a = picture.nodes[i - 1].box.center(), b = picture.nodes[i].box.center();
    picture.edges.push_back({picture.nodes[i - 1].id,
                             picture.nodes[i].id,
                             {a, a + QPointF(0, 20), b - QPointF(0, 20), b},
                             b - QPointF(0, 20),
                             {},
                             {}});
  }
  picture.bounds = QRectF(-10, -30, kColumns * 260.0, kRows * 60.0 + 20);
  return picture;
}

QStringList filesIn(const QTemporaryDir& dir) {
  return QDir(dir.path()).entryList(QDir::Files | QDir::Hidden | QDir::System);
}

}  // namespace

class TstGraphExportJob : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() { scene_.setPicture(largePicture(), false); }

  void writesInAWorkerAfterReturning_data() {
    QTest::addColumn<QString>("format");
    QTest::newRow("svg") << QStringLiteral("svg");
    QTest::newRow("png") << QStringLiteral("png");
    QTest::newRow("pdf") << QStringLiteral("pdf");
  }

  void writesInAWorkerAfterReturning() {
    QFETCH(QString, format);
    QCOMPARE(scene_.picture().nodes.size(), std::size_t(1000));
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("large.") + format);
    GraphExportJob job;
    QSignalSpy finished(&job, &GraphExportJob::finished);
    QSignalSpy stages(&job, &GraphExportJob::stageChanged);
    job.start(GraphExport::snapshot(scene_, {}, path), path, {format, 48, {}});
    // Control is back here while the worker draws; the file only appears
    // once finished() is delivered through the event loop.
    QVERIFY(job.isRunning());
    QCOMPARE(finished.count(), 0);
    QVERIFY(!QFile::exists(path));
    QVERIFY(finished.wait(120000));
    QCOMPARE(finished.first().at(0).toBool(), true);
    QVERIFY(stages.count() >= 1);
    QCOMPARE(filesIn(dir), QStringList{QFileInfo(path).fileName()});
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    if (format == QLatin1String("svg")) {
      QDomDocument dom;
      QVERIFY(dom.setContent(bytes));
      QCOMPARE(dom.documentElement().tagName(), QStringLiteral("svg"));
      QVERIFY(bytes.contains("aten::linear"));
    } else if (format == QLatin1String("png")) {
      QImage image;
      QVERIFY(image.loadFromData(bytes, "PNG"));
      // 48 DPI is two thirds of the scene's 72 points per inch.
      QCOMPARE(image.size(),
               QSize(qCeil(scene_.sceneRect().width() * 48 / 72), qCeil(scene_.sceneRect().height() * 48 / 72)));
      QCOMPARE(qRound(image.dotsPerMeterX() * 0.0254), 48);
    } else {
      QVERIFY(bytes.startsWith("%PDF-"));
    }
  }

  void cancelLeavesNoFile_data() {
    QTest::addColumn<QString>("format");
    QTest::addColumn<bool>("atOnce");
    QTest::newRow("png at once") << QStringLiteral("png") << true;
    QTest::newRow("png while drawing") << QStringLiteral("png") << false;
    QTest::newRow("svg while drawing") << QStringLiteral("svg") << false;
    QTest::newRow("pdf while drawing") << QStringLiteral("pdf") << false;
  }

  void cancelLeavesNoFile() {
    QFETCH(QString, format);
    QFETCH(bool, atOnce);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("large.") + format);
    GraphExportJob job;
    QSignalSpy finished(&job, &GraphExportJob::finished);
    // The first stage is announced from the worker; cancelling then is a
    // cancel while it draws (the event is handled before the worker's end).
    if (!atOnce) connect(&job, &GraphExportJob::stageChanged, &job, &GraphExportJob::cancel);
    job.start(GraphExport::snapshot(scene_, {}, path), path, {format, 96, {}});
    if (atOnce) job.cancel();
    QVERIFY(finished.wait(120000));
    QCOMPARE(finished.first().at(0).toBool(), false);
    QCOMPARE(finished.first().at(1).toString(), QString());
    QCOMPARE(filesIn(dir), QStringList());
  }

  void errorsComeThroughFinished() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("no/such/dir/large.svg"));
    GraphExportJob job;
    QSignalSpy finished(&job, &GraphExportJob::finished);
    job.start(GraphExport::snapshot(scene_, {}, path), path, {QStringLiteral("svg"), 96, {}});
    QVERIFY(finished.wait(120000));
    QCOMPARE(finished.first().at(0).toBool(), false);
    QVERIFY(finished.first().at(1).toString().contains(path));
  }

  void pictureDrawsLikeTheScene_data() {
    QTest::addColumn<QString>("format");
    QTest::addColumn<double>("dpi");
    QTest::newRow("png 72 dpi") << QStringLiteral("png") << 72.0;
    QTest::newRow("png 144 dpi") << QStringLiteral("png") << 144.0;
    QTest::newRow("svg") << QStringLiteral("svg") << 72.0;
  }

  // The worker draws what the scene draws: the file, rasterised, matches the
  // scene rendered directly on the GUI thread (as exports did before).
  void pictureDrawsLikeTheScene() {
    QFETCH(QString, format);
    QFETCH(double, dpi);
    GraphScene small;
    const LoadedModel demo = testing::demoModel();
    small.setPicture(testing::columnPicture(*demo.traced->inlined_graph()), true);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("small.") + format);
    GraphExport::write(small, path, {format, dpi, {}});
    const double scale = dpi / 72;
    const QSize size(qCeil(small.sceneRect().width() * scale), qCeil(small.sceneRect().height() * scale));
    QImage written(size, QImage::Format_ARGB32);
    if (format == QLatin1String("png")) {
      QVERIFY(written.load(path));
      written = written.convertToFormat(QImage::Format_ARGB32);
    } else {
      written.fill(small.backgroundBrush().color());
      QSvgRenderer svg(path);
      QVERIFY(svg.isValid());
      QPainter painter(&written);
      painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
      svg.render(&painter, QRectF(written.rect()));
    }
    QCOMPARE(written.size(), size);
    QImage direct(size, QImage::Format_ARGB32);
    direct.fill(small.backgroundBrush().color());
    const int dotsPerMeter = qRound(dpi / 0.0254);
    direct.setDotsPerMeterX(dotsPerMeter);
    direct.setDotsPerMeterY(dotsPerMeter);
    {
      QPainter painter(&direct);
      painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
      small.render(&painter, QRectF(direct.rect()), small.sceneRect());
    }
    int differing = 0;
    for (int y = 0; y < direct.height(); ++y)
      for (int x = 0; x < direct.width(); ++x) {
        const QColor a = direct.pixelColor(x, y), b = written.pixelColor(x, y);
        if (std::abs(a.red() - b.red()) + std::abs(a.green() - b.green()) + std::abs(a.blue() - b.blue()) > 24)
          ++differing;
      }
    // A misplaced or misscaled drawing differs in over half the pixels; an
    // SVG renderer's own text and antialiasing in a few percent.
    const int allowed = direct.width() * direct.height() / (format == QLatin1String("svg") ? 20 : 100);
    QVERIFY2(differing < allowed, qPrintable(QString::number(differing)));
  }

  void windowExportKeepsTheShownThemeAndReportsWhenDone() {
    MainWindow window;
    window.setModel(testing::demoModel());
    QVERIFY(window.graphPanel()->waitForLayout());
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("demo.svg"));
    GraphExportJob* job = window.startGraphImageExport(path, QStringLiteral("svg"), 96, true, false);
    QVERIFY(job);
    QVERIFY(!window.graphPanel()->isDark());
    QSignalSpy finished(job, &GraphExportJob::finished);
    QVERIFY(finished.wait(60000));
    QVERIFY(finished.first().at(0).toBool());
    QFile svg(path);
    QVERIFY(svg.open(QIODevice::ReadOnly));
    QVERIFY(svg.readAll().contains("aten::linear"));
    QVERIFY(!window.startGraphImageExport(dir.filePath(QStringLiteral("demo.bmp")), QStringLiteral("bmp"), 96, false,
                                          false));
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("demo.bmp"))));
  }

 private:
  GraphScene scene_;
};

QTEST_MAIN(TstGraphExportJob)
#include "tst_graph_export_job.moc"
