#include "graph_view.h"

#include <QMouseEvent>
#include <QScrollBar>
#include <QWheelEvent>
#include <algorithm>
#include <cmath>

namespace paratrace::inspector {

GraphView::GraphView(QWidget* parent) : QGraphicsView(parent) {
  setDragMode(QGraphicsView::ScrollHandDrag);
  setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
  setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
  setViewportUpdateMode(QGraphicsView::SmartViewportUpdate);
}

void GraphView::zoomBy(double factor) {
  const double target = std::clamp(zoom() * factor, 0.02, 8.0);
  const double f = target / zoom();
  scale(f, f);
  emit viewportChanged();
}

void GraphView::zoomIn() {
  const ViewportAnchor anchor = transformationAnchor();
  setTransformationAnchor(QGraphicsView::AnchorViewCenter);
  zoomBy(1.25);
  setTransformationAnchor(anchor);
}

void GraphView::zoomOut() {
  const ViewportAnchor anchor = transformationAnchor();
  setTransformationAnchor(QGraphicsView::AnchorViewCenter);
  zoomBy(0.8);
  setTransformationAnchor(anchor);
}

void GraphView::fitGraph() {
  if (!scene()) return;
  fitInView(scene()->sceneRect(), Qt::KeepAspectRatio);
  // A tiny graph would otherwise be blown up to fill the window.
  if (zoom() > 1.5) zoomBy(1.5 / zoom());
  // A graph too large to read when fitted (an unrolled recurrence) opens at a
  // readable zoom on its beginning instead; the minimap shows the rest.
  if (zoom() < kMinReadableZoom) {
    zoomBy(kMinReadableZoom / zoom());
    // Scrolled to the top-left corner: the start, to the pixel.
    horizontalScrollBar()->setValue(horizontalScrollBar()->minimum());
    verticalScrollBar()->setValue(verticalScrollBar()->minimum());
  }
  emit viewportChanged();
}

void GraphView::centreOnItem(const QGraphicsItem* item) {
  centerOn(item);
  emit viewportChanged();
}

void GraphView::wheelEvent(QWheelEvent* event) {
  const double steps = event->angleDelta().y() / 120.0;
  if (steps != 0) zoomBy(std::pow(1.15, steps));
  event->accept();
}

void GraphView::scrollContentsBy(int dx, int dy) {
  QGraphicsView::scrollContentsBy(dx, dy);
  emit viewportChanged();
}

void GraphView::resizeEvent(QResizeEvent* event) {
  QGraphicsView::resizeEvent(event);
  emit viewportChanged();
}

Minimap::Minimap(GraphView* main, QWidget* parent) : QGraphicsView(parent), main_(main) {
  setScene(main->scene());
  setInteractive(false);
  setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  setFrameShape(QFrame::Box);
  setRenderHints(QPainter::Antialiasing);
  connect(main, &GraphView::viewportChanged, this, [this] { viewport()->update(); });
}

void Minimap::refresh() {
  if (scene()) fitInView(scene()->sceneRect(), Qt::KeepAspectRatio);
  viewport()->update();
}

void Minimap::drawForeground(QPainter* painter, const QRectF&) {
  const QRectF visible = main_->mapToScene(main_->viewport()->rect()).boundingRect();
  painter->setPen(QPen(QColor("#ff6f00"), 0));
  painter->setBrush(QColor(255, 111, 0, 40));
  painter->drawRect(visible);
}

void Minimap::mousePressEvent(QMouseEvent* event) {
  main_->centerOn(mapToScene(event->position().toPoint()));
  viewport()->update();
}

void Minimap::mouseMoveEvent(QMouseEvent* event) {
  if (event->buttons() & Qt::LeftButton) mousePressEvent(event);
}

}  // namespace paratrace::inspector
