#include "broadcast.h"

#include <algorithm>

#include "paratrace/tensor/ops.h"

namespace paratrace::kernels {

Shape broadcast_shapes(const Shape& a, const Shape& b) {
  const std::size_t n = std::max(a.size(), b.size());
  Shape out(n);
  for (std::size_t i = 0; i < n; ++i) {
    const std::int64_t da = i < n - a.size() ? 1 : a[i - (n - a.size())];
    const std::int64_t db = i < n - b.size() ? 1 : b[i - (n - b.size())];
    PT_CHECK(da == db || da == 1 || db == 1, RuntimeError,
             "The size of tensor a (" << da << ") must match the size of tensor b (" << db
                                      << ") at non-singleton dimension " << i);
    out[i] = da == 1 ? db : da;
  }
  return out;
}

Shape broadcast_strides(const Tensor& t, const Shape& shape) {
  const Shape& sz = t.sizes();
  const Shape& st = t.strides();
  Shape out(shape.size(), 0);
  const std::size_t lead = shape.size() - sz.size();
  for (std::size_t i = 0; i < sz.size(); ++i) out[lead + i] = sz[i] == 1 ? 0 : st[i];
  return out;
}

namespace {
int category(ScalarType t) { return t == ScalarType::Bool ? 0 : is_integral(t) ? 1 : 2; }
}  // namespace

ScalarType result_type(std::initializer_list<const Tensor*> tensors) {
  // Three priority tiers; within a tier types promote normally.
  std::optional<ScalarType> dimmed, zero_dim, wrapped;
  auto fold = [](std::optional<ScalarType>& acc, ScalarType t) { acc = acc ? promote_types(*acc, t) : t; };
  for (const Tensor* t : tensors) {
    if (!t || !t->defined()) continue;
    if (t->impl()->is_wrapped_number) {
      // A wrapped float counts as the default float dtype, like PyTorch.
      fold(wrapped, is_floating_point(t->dtype()) ? ScalarType::Float32 : t->dtype());
    } else if (t->dim() == 0) {
      fold(zero_dim, t->dtype());
    } else {
      fold(dimmed, t->dtype());
    }
  }
  ScalarType result = dimmed ? *dimmed : zero_dim ? *zero_dim : wrapped ? *wrapped : ScalarType::Float32;
  if (dimmed && zero_dim && category(*zero_dim) > category(result)) result = *zero_dim;
  if ((dimmed || zero_dim) && wrapped && category(*wrapped) > category(result)) result = *wrapped;
  return result;
}

Tensor sum_to(const Tensor& grad, const Shape& shape) {
  if (grad.sizes() == shape) return grad;
  const std::int64_t lead = grad.dim() - static_cast<std::int64_t>(shape.size());
  IntList dims;
  for (std::int64_t i = 0; i < grad.dim(); ++i) {
    if (i < lead || (shape[i - lead] == 1 && grad.size(i) != 1)) dims.push_back(i);
  }
  if (dims.empty()) return paratrace::reshape(grad, shape);
  // sum's result is contiguous, so a view (one op, where reshape is two) always fits.
  Tensor r = paratrace::sum(grad, dims, /*keepdim=*/true);
  return r.sizes() == shape ? r : paratrace::view(r, shape);
}

}  // namespace paratrace::kernels
