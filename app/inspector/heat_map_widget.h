#pragma once
// A tensor's values as coloured cells on a diverging scale (blue below zero,
// white at zero, red above, symmetric in the largest magnitude); hovering a
// cell shows its index and value.
#include <QImage>
#include <QWidget>

#include "tensor_values.h"

namespace paratrace::inspector {

class HeatMapWidget : public QWidget {
  Q_OBJECT

 public:
  explicit HeatMapWidget(QWidget* parent = nullptr);

  void setTensor(const Tensor& tensor);
  // "[i, j] = v" for the cell under `pos` (widget coordinates); empty outside.
  QString toolTipAt(const QPoint& pos) const;
  // The colour of value `v` when the largest magnitude is `scale`.
  static QColor colourFor(double v, double scale);
  QSize sizeHint() const override;
  bool hasHeightForWidth() const override { return true; }
  int heightForWidth(int width) const override;

 protected:
  void paintEvent(QPaintEvent* event) override;
  bool event(QEvent* event) override;

 private:
  QRect cellArea() const;

  Matrix values_;
  paratrace::Shape shape_;
  QImage image_;
};

}  // namespace paratrace::inspector
