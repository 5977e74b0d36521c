#pragma once
// The QGraphicsItems of the trace graph: op boxes, module clusters and edges.
#include <QGraphicsItem>
#include <QGraphicsPathItem>

#include "graph_picture.h"
#include "op_family.h"

namespace paratrace::inspector {

class NodeItem : public QGraphicsItem {
 public:
  enum { Type = UserType + 1 };
  NodeItem(const PictureNode& node, const NodeStyle& style);
  // The font a label line is drawn in (the title bold), in scene units
  // (Graphviz's points).
  static QFont labelFont(bool title);
  // The box a label needs in that font: what the layout asks Graphviz for.
  static QSizeF labelSize(const QStringList& label);
  int type() const override { return Type; }
  const QString& id() const { return id_; }
  QRectF boundingRect() const override;
  void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;
  void setMatched(bool matched);

 private:
  QString id_;
  QStringList label_;
  QRectF rect_;
  NodeStyle style_;
  PictureRole role_;
  qreal textScale_ = 1;  // below 1 when the box is smaller than the label needs
  bool matched_ = false;
};

class ClusterItem : public QGraphicsItem {
 public:
  enum { Type = UserType + 2 };
  ClusterItem(const PictureCluster& cluster, bool dark);
  int type() const override { return Type; }
  const QString& id() const { return id_; }
  QRectF boundingRect() const override { return rect_; }
  void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

 private:
  QString id_, label_;
  QRectF rect_;
  QColor fill_, border_, text_;
};

class EdgeItem : public QGraphicsPathItem {
 public:
  enum { Type = UserType + 3 };
  EdgeItem(const PictureEdge& edge, const QColor& colour);
  int type() const override { return Type; }
  const QString& from() const { return from_; }
  const QString& to() const { return to_; }
  void setHighlighted(bool on);
  bool isHighlighted() const { return highlighted_; }

 private:
  QString from_, to_;
  QColor colour_;
  QGraphicsPolygonItem* arrow_ = nullptr;
  bool highlighted_ = false;
};

}  // namespace paratrace::inspector
