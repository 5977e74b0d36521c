#pragma once
// Allocation and small helpers shared by op kernels (internal to core).
#include <memory>

#include "paratrace/tensor/tensor.h"

namespace paratrace::kernels {

// A new contiguous tensor with uninitialised contents.
Tensor make_tensor(const Shape& sizes, ScalarType dtype);
// A new tensor aliasing `base`'s storage with the given geometry (for views).
Tensor make_view(const Tensor& base, const Shape& sizes, const Shape& strides, std::int64_t storage_offset);
// A new tensor sharing `t`'s storage and geometry, with no autograd history
// and not marked as a view (detach's result).
Tensor alias_without_history(const Tensor& t);
// A 0-dim tensor holding `s`; `wrapped` marks it as a wrapped number for type promotion.
Tensor scalar_to_tensor(const Scalar& s, std::optional<ScalarType> dtype = std::nullopt, bool wrapped = true);

// Normalises a possibly negative dim, throwing PyTorch's IndexError:
// "Dimension out of range (expected to be in range of [-2, 1], but got 2)".
std::int64_t wrap_dim(std::int64_t dim, std::int64_t ndim);

// "[2, 3]"
std::string shape_str(const Shape& s);

// Contiguous copy of `t` converted to `dtype`; returns `t` itself when it is
// already contiguous with that dtype. No autograd, no tracing.
Tensor contiguous_as(const Tensor& t, ScalarType dtype);
inline Tensor contiguous_kernel(const Tensor& t) { return contiguous_as(t, t.dtype()); }
// `t` converted to `dtype` (a contiguous copy), or `t` itself (any strides) when it already has it.
inline Tensor cast(const Tensor& t, ScalarType dtype) { return t.dtype() == dtype ? t : contiguous_as(t, dtype); }
// A new contiguous copy with no autograd history.
Tensor clone_kernel(const Tensor& t);
// Writes src (broadcast to dst's shape, converted to dst's dtype) into dst through dst's strides.
void copy_kernel(const Tensor& dst, const Tensor& src);

}  // namespace paratrace::kernels
