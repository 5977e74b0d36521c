#pragma once
// Writes the trace graph as SVG, PNG or PDF from the scene the user sees
// (the whole graph or just the visible area), atomically (QSaveFile).
#include <QCoreApplication>
#include <QRectF>
#include <QString>

class QGraphicsScene;

namespace paratrace::inspector {

struct GraphExportOptions {
  QString format = QStringLiteral("svg");  // "svg", "png" or "pdf"
  double dpi = 96;                         // PNG pixels per inch; SVG and PDF are vector
  QRectF area;                             // scene rectangle; empty: the whole scene
};

struct GraphExport {
  Q_DECLARE_TR_FUNCTIONS(GraphExport)

 public:
  // Throws std::runtime_error naming the file and the reason.
  static void write(QGraphicsScene& scene, const QString& path, const GraphExportOptions& options);
  // Writes `text` to `path` atomically; throws like write().
  static void writeText(const QString& path, const QString& text);
};

}  // namespace paratrace::inspector
