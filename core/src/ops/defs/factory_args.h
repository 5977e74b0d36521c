#pragma once
// Argument rules shared by the three factory op groups (factories.cpp,
// range_factories.cpp, random_factories.cpp).
#include "paratrace/ops/op.h"
#include "paratrace/tensor/tensor.h"

namespace paratrace::factory {

// The `ScalarType? dtype=None` argument at position i, or `fallback` when it is None or absent.
inline ScalarType dtype_arg(const Stack& a, std::size_t i, ScalarType fallback = ScalarType::Float32) {
  return a.size() > i && !a[i].is_none() ? a[i].to_scalar_type() : fallback;
}

// aten::*_like(Tensor self, *, ScalarType? dtype, ...): self's shape, and the dtype argument or self's dtype.
inline MetaList like_shape(const Stack& a) {
  const Tensor& x = a[0].to_tensor();
  return {{x.sizes(), dtype_arg(a, 1, x.dtype())}};
}

// A factory's requires_grad=True. PyTorch words this check differently from
// Tensor.requires_grad_'s ("only Tensors of floating point dtype ...").
inline Tensor with_requires_grad(Tensor t, bool requires_grad) {
  PT_CHECK(!requires_grad || t.is_floating_point(), RuntimeError,
           "Only Tensors of floating point and complex dtype can require gradients");
  t.requires_grad_(requires_grad);
  return t;
}

}  // namespace paratrace::factory
