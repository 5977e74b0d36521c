#pragma once
// Broadcasting and type promotion rules, as PyTorch applies them.
#include <initializer_list>

#include "paratrace/tensor/tensor.h"

namespace paratrace::kernels {

// Throws RuntimeError "The size of tensor a (3) must match the size of tensor b (4) at non-singleton dimension 1".
Shape broadcast_shapes(const Shape& a, const Shape& b);
// Strides that read `t` as if it had `shape` (0 on broadcast dims).
Shape broadcast_strides(const Tensor& t, const Shape& shape);
// torch.result_type over tensors: dimensioned tensors outrank 0-dim ones,
// which outrank wrapped numbers; a lower-priority operand only matters when
// it is of a higher category (bool < integral < floating).
ScalarType result_type(std::initializer_list<const Tensor*> tensors);
// Sums `grad` down to `shape` (undoing broadcasting), for backward formulas.
// Goes through the dispatcher so it is differentiable for create_graph.
Tensor sum_to(const Tensor& grad, const Shape& shape);

}  // namespace paratrace::kernels
