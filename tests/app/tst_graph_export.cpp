// Exporting the graph as SVG, PNG (at the requested DPI) and PDF, the
// visible area only, and IR text; files are complete or not written.
#include <QDomDocument>
#include <QImage>
#include <QTemporaryDir>
#include <QtTest>

#include "column_picture.h"
#include "demo_model.h"
#include "graph_export.h"
#include "graph_scene.h"

using namespace paratrace;
using namespace paratrace::inspector;

class TstGraphExport : public QObject {
  Q_OBJECT

 private slots:
  void init() {
    demo_ = testing::demoModel();
    scene_.setPicture(testing::columnPicture(*demo_.traced->inlined_graph()), false);
  }

  void svgIsWellFormedAndNamesEveryOp() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("g.svg"));
    GraphExport::write(scene_, path, {QStringLiteral("svg"), 96, {}});
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QDomDocument dom;
    QVERIFY(dom.setContent(bytes));
    QCOMPARE(dom.documentElement().tagName(), QStringLiteral("svg"));
    for (const PictureNode& n : scene_.picture().nodes) QVERIFY2(bytes.contains(n.kind.toUtf8()), qPrintable(n.kind));
  }

  void pngHasTheRequestedDpi() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("g.png"));
    GraphExport::write(scene_, path, {QStringLiteral("png"), 144, {}});
    QImage image;
    QVERIFY(image.load(path));
    QCOMPARE(qRound(image.dotsPerMeterX() * 0.0254), 144);
    // 144 DPI is twice the scene's 72 points per inch.
    QCOMPARE(image.width(), qCeil(scene_.sceneRect().width() * 2));
  }

  void pdfStartsWithTheMagic() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("g.pdf"));
    GraphExport::write(scene_, path, {QStringLiteral("pdf"), 96, {}});
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.read(5) == "%PDF-");
  }

  void visibleAreaOnlyIsSmaller() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("part.png"));
    GraphExport::write(scene_, path, {QStringLiteral("png"), 72, QRectF(0, 0, 100, 50)});
    QImage image;
    QVERIFY(image.load(path));
    QCOMPARE(image.size(), QSize(100, 50));
  }

  void badFormatOrPathThrowsAndWritesNothing() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("g.bmp"));
    QVERIFY_THROWS_EXCEPTION(std::runtime_error, GraphExport::write(scene_, path, {QStringLiteral("bmp"), 96, {}}));
    QVERIFY(!QFile::exists(path));
    const QString missing = dir.filePath(QStringLiteral("no/such/dir/g.svg"));
    try {
      GraphExport::write(scene_, missing, {QStringLiteral("svg"), 96, {}});
      QFAIL("expected an error");
    } catch (const std::runtime_error& e) {
      QVERIFY(QString::fromStdString(e.what()).contains(missing));
    }
  }

  void irTextIsWrittenAtomically() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("g.ir"));
    const QString text = QString::fromStdString(demo_.traced->inlined_graph()->str(false));
    GraphExport::writeText(path, text);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(file.readAll()), text);
  }

 private:
  LoadedModel demo_;
  GraphScene scene_;
};

QTEST_MAIN(TstGraphExport)
#include "tst_graph_export.moc"
