#pragma once
// A tensor's values as a row-major matrix of doubles, the form the heat map,
// the statistics and the property measures read: a 0-d tensor is 1×1, a
// vector one row, and a tensor of more dimensions is viewed as
// [size(0), rest] (as spectral_norm flattens a weight).
#include <Eigen/Dense>

#include "paratrace/tensor/tensor.h"

namespace paratrace::inspector {

using Matrix = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

Matrix toMatrix(const Tensor& tensor);

}  // namespace paratrace::inspector
