#include "shape_text.h"

#include <QStringList>

namespace paratrace::inspector {

QString shapeText(const Shape& shape) {
  QStringList sizes;
  for (const auto size : shape) sizes << QString::number(size);
  return QLatin1Char('[') + sizes.join(QLatin1String(", ")) + QLatin1Char(']');
}

// "float32" rather than dtype_name's "torch.float32": the column says it is a dtype.
QString dtypeText(ScalarType dtype) {
  const auto name = dtype_name(dtype);
  QString text = QString::fromLatin1(name.data(), static_cast<qsizetype>(name.size()));
  if (text.startsWith(QLatin1String("torch."))) text.remove(0, 6);
  return text;
}

qint64 numelOf(const Shape& shape) {
  qint64 n = 1;
  for (const auto size : shape) n *= size;
  return n;
}

}  // namespace paratrace::inspector
