#pragma once
// Shape rules and backward formulas shared by several op groups.
#include "paratrace/ops/op.h"

namespace paratrace::rules {

inline MetaList meta_of(const Tensor& t) { return {{t.sizes(), t.dtype()}}; }
// Output has self's shape and dtype.
inline MetaList same_shape(const Stack& a) { return meta_of(a[0].to_tensor()); }
// `shape` with its one -1 (if any) resolved against numel, throwing view's errors
// ("shape '[2, 3]' is invalid for input of size 5"). Defined in shape.cpp.
Shape infer_size(const IntList& shape, std::int64_t numel);
// d out / d self = identity.
inline TensorList identity_backward(BackwardContext&, const TensorList& g) { return {g[0]}; }

}  // namespace paratrace::rules
