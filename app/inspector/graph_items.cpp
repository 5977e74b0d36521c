#include "graph_items.h"

#include <QPainter>
#include <QPen>
#include <QStyleOptionGraphicsItem>
#include <QtMath>

namespace paratrace::inspector {

namespace {

constexpr int kLabelPixels = 11;
// Room around the text, as Graphviz's node margin (0.12 x 0.05 inches).
constexpr qreal kMarginX = 9, kMarginY = 4;

}  // namespace

QFont NodeItem::labelFont(bool title) {
  QFont font;
  font.setPixelSize(kLabelPixels);
  font.setBold(title);
  return font;
}

QSizeF NodeItem::labelSize(const QStringList& label) {
  const QFontMetricsF title(labelFont(true)), body(labelFont(false));
  qreal width = 0;
  for (int i = 0; i < label.size(); ++i)
    width = std::max(width, (i == 0 ? title : body).horizontalAdvance(label[i]));
  const qreal height = body.height() * std::max<qsizetype>(1, label.size());
  return {width + 2 * kMarginX, height + 2 * kMarginY};
}

NodeItem::NodeItem(const PictureNode& node, const NodeStyle& style)
    : id_(node.id), label_(node.label), rect_(node.box), style_(style), role_(node.role) {
  setFlags(ItemIsSelectable);
  setToolTip(node.label.join(QLatin1Char('\n')));
  const QSizeF needed = labelSize(label_);
  textScale_ = std::min<qreal>({1.0, rect_.width() / needed.width(), rect_.height() / needed.height()});
  setZValue(10);
  setData(0, node.id);
}

QRectF NodeItem::boundingRect() const { return rect_.adjusted(-3, -3, 3, 3); }

void NodeItem::setMatched(bool matched) {
  matched_ = matched;
  update();
}

void NodeItem::paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget*) {
  const bool selected = option->state & QStyle::State_Selected;
  QPen pen(selected ? QColor("#ff6f00") : matched_ ? QColor("#fdd835") : style_.border, selected || matched_ ? 3 : 1);
  painter->setPen(pen);
  painter->setBrush(style_.fill);
  const qreal radius = role_ == PictureRole::Input || role_ == PictureRole::Output ? rect_.height() / 2 : 4;
  painter->drawRoundedRect(rect_, radius, radius);
  // Below ~40% zoom the text is unreadable; boxes alone keep large graphs fast.
  if (option->levelOfDetailFromTransform(painter->worldTransform()) < 0.4) return;
  painter->setPen(style_.text);
  // The layout sized the box for this font (labelSize); a box made smaller
  // by Graphviz (a fixed-size shape) shrinks the text rather than clip it.
  const int lines = std::max<int>(1, static_cast<int>(label_.size()));
  QFont font = labelFont(true);
  if (textScale_ < 1) font.setPixelSize(std::max(1, qRound(kLabelPixels * textScale_)));
  const qreal lineHeight = QFontMetricsF(font).height();
  qreal y = rect_.center().y() - lineHeight * lines / 2;
  for (int i = 0; i < label_.size(); ++i) {
    font.setBold(i == 0);
    painter->setFont(font);
    painter->drawText(QRectF(rect_.left() + 2, y, rect_.width() - 4, lineHeight), Qt::AlignCenter, label_[i]);
    y += lineHeight;
  }
}

ClusterItem::ClusterItem(const PictureCluster& cluster, bool dark)
    : id_(cluster.id), label_(cluster.label), rect_(cluster.box) {
  const bool odd = cluster.depth % 2 == 1;
  fill_ = dark ? QColor(odd ? "#2b2f36" : "#353a42") : QColor(odd ? "#f3f6fb" : "#e6ecf5");
  border_ = dark ? QColor("#6b7b8c") : QColor("#9fb3c8");
  text_ = dark ? QColor("#c5d0dc") : QColor("#34495e");
  setZValue(cluster.depth);
  setToolTip(QObject::tr("Module %1 (double-click to collapse)").arg(cluster.label));
  setData(0, cluster.id);
}

void ClusterItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) {
  painter->setPen(QPen(border_, 1, Qt::DashLine));
  painter->setBrush(fill_);
  painter->drawRoundedRect(rect_, 6, 6);
  painter->setPen(text_);
  QFont font = painter->font();
  font.setPixelSize(10);
  font.setItalic(true);
  painter->setFont(font);
  painter->drawText(rect_.adjusted(6, 2, -6, -2), Qt::AlignTop | Qt::AlignLeft, label_);
}

namespace {

QPainterPath bezierPath(const std::vector<QPointF>& points) {
  QPainterPath path;
  if (points.empty()) return path;
  path.moveTo(points[0]);
  for (std::size_t i = 1; i + 2 < points.size(); i += 3) path.cubicTo(points[i], points[i + 1], points[i + 2]);
  return path;
}

QPolygonF arrowHead(const QPointF& from, const QPointF& tip) {
  const QLineF line(from, tip);
  const qreal angle = qDegreesToRadians(line.angle());
  const qreal size = 7;
  auto point = [&](qreal offset) {
    return tip + QPointF(-std::cos(angle + offset) * size, std::sin(angle + offset) * size);
  };
  return QPolygonF({tip, point(0.4), point(-0.4)});
}

}  // namespace

EdgeItem::EdgeItem(const PictureEdge& edge, const QColor& colour)
    : QGraphicsPathItem(bezierPath(edge.path)), from_(edge.from), to_(edge.to), colour_(colour) {
  setZValue(5);
  if (!edge.path.empty()) {
    const QPointF end = edge.path.back();
    const QPointF tip = edge.arrowTip.value_or(end);
    const QPointF from = edge.arrowTip ? end : edge.path[edge.path.size() >= 2 ? edge.path.size() - 2 : 0];
    arrow_ = new QGraphicsPolygonItem(arrowHead(from, tip), this);
    arrow_->setPen(Qt::NoPen);
  }
  if (!edge.label.isEmpty() && edge.labelCentre) {
    auto* text = new QGraphicsSimpleTextItem(edge.label, this);
    QFont font = text->font();
    font.setPointSizeF(7.5);
    text->setFont(font);
    text->setBrush(colour);
    text->setPos(*edge.labelCentre - text->boundingRect().center());
  }
  setHighlighted(false);
}

void EdgeItem::setHighlighted(bool on) {
  highlighted_ = on;
  const QColor c = on ? QColor("#ff6f00") : colour_;
  setPen(QPen(c, on ? 2.5 : 1.0));
  if (arrow_) arrow_->setBrush(c);
  setZValue(on ? 15 : 5);
}

}  // namespace paratrace::inspector
