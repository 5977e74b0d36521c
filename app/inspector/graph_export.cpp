#include "graph_export.h"

#include <QGraphicsScene>
#include <QImage>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QSvgGenerator>
#include <cmath>
#include <stdexcept>

namespace paratrace::inspector {

namespace {

// Scene units are points (1/72 in), as Graphviz's.
constexpr double kPointsPerInch = 72.0;

[[noreturn]] void fail(const QString& path, const QString& reason) {
  throw std::runtime_error(GraphExport::tr("%1: %2").arg(path, reason).toStdString());
}

// QPicture plays back scaled by the target's DPI over its own (it keeps
// physical size); the scene's points must map to the target's units as
// scene.render would map them, so that scale is undone.
void play(QPainter& painter, const QPicture& picture) {
  const double undo = double(picture.logicalDpiX()) / painter.device()->logicalDpiX();
  painter.scale(undo, undo);
  painter.drawPicture(0, 0, picture);
}

void drawSvg(const GraphSnapshot& snapshot, QSaveFile& file) {
  QSvgGenerator svg;
  svg.setOutputDevice(&file);
  svg.setSize(snapshot.size.toSize());
  svg.setViewBox(QRectF(QPointF(0, 0), snapshot.size));
  svg.setResolution(static_cast<int>(kPointsPerInch));
  svg.setTitle(GraphExport::tr("Trace graph"));
  QPainter painter(&svg);
  play(painter, snapshot.picture);
}

void drawPdf(const GraphSnapshot& snapshot, QSaveFile& file) {
  QPdfWriter pdf(&file);
  pdf.setResolution(static_cast<int>(kPointsPerInch));
  pdf.setPageSize(QPageSize(snapshot.size, QPageSize::Point));
  pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
  pdf.setTitle(GraphExport::tr("Trace graph"));
  QPainter painter(&pdf);
  play(painter, snapshot.picture);
}

QImage drawPng(const GraphSnapshot& snapshot, double dpi) {
  const double scale = dpi / kPointsPerInch;
  QImage image(std::max(1, int(std::ceil(snapshot.size.width() * scale))),
               std::max(1, int(std::ceil(snapshot.size.height() * scale))), QImage::Format_ARGB32);
  image.fill(snapshot.background.isValid() ? snapshot.background : QColor(Qt::white));
  const int dotsPerMeter = static_cast<int>(std::lround(dpi / 0.0254));
  image.setDotsPerMeterX(dotsPerMeter);
  image.setDotsPerMeterY(dotsPerMeter);
  QPainter painter(&image);
  painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
  painter.scale(scale, scale);
  play(painter, snapshot.picture);
  return image;
}

}  // namespace

void GraphExport::checkFormat(const QString& format, const QString& path) {
  const QString f = format.toLower();
  if (f != QLatin1String("svg") && f != QLatin1String("png") && f != QLatin1String("pdf"))
    fail(path, tr("unknown image format '%1' (use svg, png or pdf)").arg(format));
}

GraphSnapshot GraphExport::snapshot(QGraphicsScene& scene, const QRectF& area, const QString& path) {
  const QRectF source = area.isEmpty() ? scene.sceneRect() : area;
  if (source.isEmpty()) fail(path, tr("there is no graph to export"));
  GraphSnapshot out;
  out.size = source.size();
  out.background = scene.backgroundBrush().color();
  // Painting with antialiasing on is recorded, so every format draws alike.
  QPainter painter(&out.picture);
  painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
  scene.render(&painter, QRectF(QPointF(0, 0), source.size()), source);
  painter.end();
  return out;
}

std::unique_ptr<QSaveFile> GraphExport::encode(const GraphSnapshot& snapshot, const QString& path,
                                               const GraphExportOptions& options,
                                               const std::function<bool()>& cancelled,
                                               const std::function<void(const QString&)>& stage) {
  checkFormat(options.format, path);
  auto stop = [&] { return cancelled && cancelled(); };
  auto begin = [&](const QString& text) {
    if (stage) stage(text);
  };
  if (stop()) return nullptr;
  auto file = std::make_unique<QSaveFile>(path);
  if (!file->open(QIODevice::WriteOnly)) fail(path, file->errorString());
  const QString format = options.format.toLower();
  begin(tr("Drawing the graph…"));
  if (format == QLatin1String("svg")) {
    drawSvg(snapshot, *file);
  } else if (format == QLatin1String("pdf")) {
    drawPdf(snapshot, *file);
  } else {
    const QImage image = drawPng(snapshot, options.dpi);
    if (stop()) {
      file->cancelWriting();
      return nullptr;
    }
    begin(tr("Encoding the PNG…"));
    if (!image.save(file.get(), "PNG")) fail(path, tr("the PNG encoder failed"));
  }
  if (stop()) {
    file->cancelWriting();
    return nullptr;
  }
  return file;
}

void GraphExport::commit(QSaveFile& file) {
  if (!file.commit()) fail(file.fileName(), file.errorString());
}

void GraphExport::write(QGraphicsScene& scene, const QString& path, const GraphExportOptions& options) {
  checkFormat(options.format, path);
  const GraphSnapshot picture = snapshot(scene, options.area, path);
  commit(*encode(picture, path, options));
}

void GraphExport::writeText(const QString& path, const QString& text) {
  QSaveFile file(path);
  if (!file.open(QIODevice::WriteOnly | QIODevice::Text)) fail(path, file.errorString());
  file.write(text.toUtf8());
  commit(file);
}

}  // namespace paratrace::inspector
