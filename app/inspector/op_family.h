#pragma once
// Node colours by what an op does, so a reader sees the matmuls, the
// activations and the shape shuffling at a glance.
#include <QColor>
#include <QString>

#include "graph_picture.h"

namespace paratrace::inspector {

enum class OpFamily { LinearAlgebra, Activation, Elementwise, Reduction, Shape, Normalization, Random, Other };

OpFamily opFamily(const QString& kind);

struct NodeStyle {
  QColor fill, border, text;
};

NodeStyle nodeStyle(PictureRole role, const QString& kind, bool dark);

}  // namespace paratrace::inspector
