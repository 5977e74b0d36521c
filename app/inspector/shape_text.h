#pragma once
// How the inspector writes shapes and dtypes: "[8, 8]", "float32".
#include <QString>

#include "paratrace/tensor/scalar_type.h"
#include "paratrace/tensor/tensor.h"

namespace paratrace::inspector {

QString shapeText(const Shape& shape);
QString dtypeText(ScalarType dtype);
qint64 numelOf(const Shape& shape);

}  // namespace paratrace::inspector
