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

void commit(QSaveFile& file, const QString& path) {
  if (!file.commit()) fail(path, file.errorString());
}

}  // namespace

void GraphExport::write(QGraphicsScene& scene, const QString& path, const GraphExportOptions& options) {
  const QRectF area = options.area.isEmpty() ? scene.sceneRect() : options.area;
  if (area.isEmpty()) fail(path, tr("there is no graph to export"));
  QSaveFile file(path);
  if (!file.open(QIODevice::WriteOnly)) fail(path, file.errorString());
  const QString format = options.format.toLower();
  if (format == QLatin1String("svg")) {
    QSvgGenerator svg;
    svg.setOutputDevice(&file);
    svg.setSize(area.size().toSize());
    svg.setViewBox(QRectF(QPointF(0, 0), area.size()));
    svg.setResolution(static_cast<int>(kPointsPerInch));
    svg.setTitle(tr("Trace graph"));
    QPainter painter(&svg);
    scene.render(&painter, QRectF(QPointF(0, 0), area.size()), area);
  } else if (format == QLatin1String("png")) {
    const double scale = options.dpi / kPointsPerInch;
    QImage image(std::max(1, int(std::ceil(area.width() * scale))), std::max(1, int(std::ceil(area.height() * scale))),
                 QImage::Format_ARGB32);
    image.fill(scene.backgroundBrush().color().isValid() ? scene.backgroundBrush().color() : QColor(Qt::white));
    const int dotsPerMeter = static_cast<int>(std::lround(options.dpi / 0.0254));
    image.setDotsPerMeterX(dotsPerMeter);
    image.setDotsPerMeterY(dotsPerMeter);
    {
      QPainter painter(&image);
      painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
      scene.render(&painter, QRectF(image.rect()), area);
    }
    if (!image.save(&file, "PNG")) fail(path, tr("the PNG encoder failed"));
  } else if (format == QLatin1String("pdf")) {
    QPdfWriter pdf(&file);
    pdf.setResolution(static_cast<int>(kPointsPerInch));
    pdf.setPageSize(QPageSize(area.size(), QPageSize::Point));
    pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
    pdf.setTitle(tr("Trace graph"));
    QPainter painter(&pdf);
    scene.render(&painter, QRectF(QPointF(0, 0), area.size()), area);
  } else {
    file.cancelWriting();
    fail(path, tr("unknown image format '%1' (use svg, png or pdf)").arg(options.format));
  }
  commit(file, path);
}

void GraphExport::writeText(const QString& path, const QString& text) {
  QSaveFile file(path);
  if (!file.open(QIODevice::WriteOnly | QIODevice::Text)) fail(path, file.errorString());
  file.write(text.toUtf8());
  commit(file, path);
}

}  // namespace paratrace::inspector
