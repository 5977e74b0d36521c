#include "heat_map_widget.h"

#include <QHelpEvent>
#include <QPainter>
#include <QToolTip>
#include <algorithm>
#include <cmath>

namespace paratrace::inspector {

namespace {
constexpr int kMaxCell = 18;     // px: small tensors stay readable, not huge
constexpr int kMaxHeight = 220;  // px: long tensors get thin rows

QColor mix(const QColor& a, const QColor& b, double t) {
  return QColor::fromRgbF(static_cast<float>(a.redF() + (b.redF() - a.redF()) * t),
                          static_cast<float>(a.greenF() + (b.greenF() - a.greenF()) * t),
                          static_cast<float>(a.blueF() + (b.blueF() - a.blueF()) * t));
}
}  // namespace

HeatMapWidget::HeatMapWidget(QWidget* parent) : QWidget(parent) {
  setMouseTracking(true);
  setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
}

QColor HeatMapWidget::colourFor(double v, double scale) {
  static const QColor negative(0x2c, 0x7b, 0xb6), zero(0xf7, 0xf7, 0xf7), positive(0xd7, 0x19, 0x1c);
  if (!std::isfinite(v)) return QColor(Qt::black);
  if (scale <= 0) return zero;
  const double t = std::clamp(v / scale, -1.0, 1.0);
  return t < 0 ? mix(zero, negative, -t) : mix(zero, positive, t);
}

void HeatMapWidget::setTensor(const Tensor& tensor) {
  values_ = toMatrix(tensor);
  shape_ = tensor.defined() ? tensor.sizes() : Shape{};
  image_ = QImage(static_cast<int>(values_.cols()), static_cast<int>(values_.rows()), QImage::Format_RGB32);
  const double scale = values_.size() ? values_.cwiseAbs().maxCoeff() : 0.0;
  for (Eigen::Index r = 0; r < values_.rows(); ++r)
    for (Eigen::Index c = 0; c < values_.cols(); ++c)
      image_.setPixelColor(static_cast<int>(c), static_cast<int>(r), colourFor(values_(r, c), scale));
  updateGeometry();
  update();
}

int HeatMapWidget::heightForWidth(int width) const {
  if (values_.size() == 0) return 0;
  const double cell = std::min<double>(kMaxCell, static_cast<double>(width) / static_cast<double>(values_.cols()));
  return std::min(kMaxHeight, static_cast<int>(std::ceil(cell * static_cast<double>(values_.rows()))));
}

QSize HeatMapWidget::sizeHint() const { return {240, heightForWidth(240)}; }

QRect HeatMapWidget::cellArea() const {
  if (values_.size() == 0) return {};
  const double cols = static_cast<double>(values_.cols()), rows = static_cast<double>(values_.rows());
  const double cell = std::min({static_cast<double>(kMaxCell), width() / cols, height() / rows});
  // Cells thinner than a pixel are stretched to fill the area instead.
  const int w = cell * cols < 1 ? width() : static_cast<int>(cell * cols);
  const int h = cell * rows < 1 ? height() : static_cast<int>(cell * rows);
  return {0, 0, std::max(w, 1), std::max(h, 1)};
}

void HeatMapWidget::paintEvent(QPaintEvent*) {
  if (image_.isNull()) return;
  QPainter painter(this);
  const QRect area = cellArea();
  painter.drawImage(area, image_);
  painter.setPen(palette().color(QPalette::Mid));
  painter.drawRect(area.adjusted(0, 0, -1, -1));
}

QString HeatMapWidget::toolTipAt(const QPoint& pos) const {
  const QRect area = cellArea();
  if (!area.contains(pos)) return {};
  const auto row = static_cast<Eigen::Index>(static_cast<double>(pos.y()) * values_.rows() / area.height());
  const auto col = static_cast<Eigen::Index>(static_cast<double>(pos.x()) * values_.cols() / area.width());
  if (row >= values_.rows() || col >= values_.cols()) return {};
  // The index in the tensor's own dimensions, not the flattened view's.
  QStringList index;
  if (shape_.size() >= 2) {
    index << QString::number(row);
    qint64 rest = col;
    QList<qint64> tail;
    for (std::size_t d = shape_.size() - 1; d >= 1; --d) {
      tail.prepend(rest % shape_[d]);
      rest /= shape_[d];
    }
    for (qint64 i : tail) index << QString::number(i);
  } else if (shape_.size() == 1) {
    index << QString::number(col);
  }
  return QStringLiteral("[%1] = %2").arg(index.join(QStringLiteral(", ")), QString::number(values_(row, col), 'g', 6));
}

bool HeatMapWidget::event(QEvent* event) {
  if (event->type() == QEvent::ToolTip) {
    auto* help = static_cast<QHelpEvent*>(event);
    const QString text = toolTipAt(help->pos());
    if (text.isEmpty()) QToolTip::hideText();
    else QToolTip::showText(help->globalPos(), text, this);
    return true;
  }
  return QWidget::event(event);
}

}  // namespace paratrace::inspector
