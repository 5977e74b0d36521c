#pragma once
// The zoomable, pannable view of the trace graph (wheel and Ctrl+=/- zoom,
// drag to pan, F fits), with a minimap overlay showing the visible area.
#include <QGraphicsView>

namespace paratrace::inspector {

class GraphView : public QGraphicsView {
  Q_OBJECT

 public:
  explicit GraphView(QWidget* parent = nullptr);

  void zoomIn();
  void zoomOut();
  void fitGraph();
  // Scales about the view's centre; clamped to [0.02, 8].
  void zoomBy(double factor);
  double zoom() const { return transform().m11(); }
  // Below this, fitGraph shows the start of the graph rather than all of it.
  // Labels are drawn from 40% zoom on (NodeItem::paint).
  static constexpr double kMinReadableZoom = 0.6;
  void centreOnItem(const QGraphicsItem* item);

 signals:
  void viewportChanged();

 protected:
  void wheelEvent(QWheelEvent* event) override;
  void scrollContentsBy(int dx, int dy) override;
  void resizeEvent(QResizeEvent* event) override;
};

// A small overview of the whole scene with the main view's visible area as
// a rectangle; clicking or dragging in it moves the main view.
class Minimap : public QGraphicsView {
  Q_OBJECT

 public:
  explicit Minimap(GraphView* main, QWidget* parent = nullptr);
  void refresh();

 protected:
  void drawForeground(QPainter* painter, const QRectF& rect) override;
  void mousePressEvent(QMouseEvent* event) override;
  void mouseMoveEvent(QMouseEvent* event) override;

 private:
  GraphView* main_;
};

}  // namespace paratrace::inspector
