#pragma once
// Writes the trace graph as SVG, PNG or PDF from the scene the user sees
// (the whole graph or just the visible area), atomically (QSaveFile).
//
// Exporting is split so that the expensive part can leave the GUI thread:
// snapshot() records the scene's drawing into a QPicture (the scene lives on
// the GUI thread; recording is cheap), encode() plays it into the SVG, PDF
// or PNG writer on any thread, and commit() publishes the file.
#include <QColor>
#include <QCoreApplication>
#include <QPicture>
#include <QRectF>
#include <QSaveFile>
#include <QString>
#include <functional>
#include <memory>

class QGraphicsScene;

namespace paratrace::inspector {

struct GraphExportOptions {
  QString format = QStringLiteral("svg");  // "svg", "png" or "pdf"
  double dpi = 96;                         // PNG pixels per inch; SVG and PDF are vector
  QRectF area;                             // scene rectangle; empty: the whole scene
};

// The area of the scene as drawn, in points from (0, 0).
struct GraphSnapshot {
  QPicture picture;
  QSizeF size;
  QColor background;
};

struct GraphExport {
  Q_DECLARE_TR_FUNCTIONS(GraphExport)

 public:
  // Errors are std::runtime_error naming the file and the reason.
  // Writes on the calling thread (tests, small graphs).
  static void write(QGraphicsScene& scene, const QString& path, const GraphExportOptions& options);
  // GUI thread. Throws when the area is empty.
  static GraphSnapshot snapshot(QGraphicsScene& scene, const QRectF& area, const QString& path);
  // Any thread. Writes the image into a QSaveFile left uncommitted, so that
  // nothing appears at `path` before commit(). `cancelled` is asked between
  // the stages (`stage` tells which starts); when it says yes the temporary
  // file is removed and null returned.
  static std::unique_ptr<QSaveFile> encode(const GraphSnapshot& snapshot, const QString& path,
                                           const GraphExportOptions& options,
                                           const std::function<bool()>& cancelled = {},
                                           const std::function<void(const QString&)>& stage = {});
  static void commit(QSaveFile& file);
  // Throws unless `format` is svg, png or pdf (before any work is done).
  static void checkFormat(const QString& format, const QString& path);
  // Writes `text` to `path` atomically; throws like write().
  static void writeText(const QString& path, const QString& text);
};

}  // namespace paratrace::inspector
