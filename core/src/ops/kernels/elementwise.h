#pragma once
// Strided, broadcasting element-wise loops. Inputs must already have the
// element types the functor takes (convert with contiguous_as first).
#include <array>
#include <cstdint>

#include "broadcast.h"
#include "tensor_alloc.h"

namespace paratrace::kernels {

// Calls f(offsets) for every index of `shape` in row-major order, where
// offsets[k] is the element offset into operand k given its strides.
template <std::size_t N, typename F>
void for_each_offset(const Shape& shape, const std::array<const std::int64_t*, N>& strides, F&& f) {
  const std::size_t nd = shape.size();
  std::int64_t numel = 1;
  for (auto s : shape) numel *= s;
  if (numel == 0) return;
  std::array<std::int64_t, N> off{};
  if (nd == 0) {
    f(off);
    return;
  }
  const std::int64_t inner = shape[nd - 1];
  std::array<std::int64_t, N> inner_stride;
  for (std::size_t k = 0; k < N; ++k) inner_stride[k] = strides[k][nd - 1];
  if (nd > 64) throw RuntimeError("tensors with more than 64 dimensions are not supported");
  std::int64_t idx[64] = {0};  // outer index counters
  for (std::int64_t done = 0; done < numel; done += inner) {
    std::array<std::int64_t, N> o = off;
    for (std::int64_t i = 0; i < inner; ++i) {
      f(o);
      for (std::size_t k = 0; k < N; ++k) o[k] += inner_stride[k];
    }
    for (std::size_t d = nd - 1; d-- > 0;) {
      ++idx[d];
      for (std::size_t k = 0; k < N; ++k) off[k] += strides[k][d];
      if (idx[d] < shape[d]) break;
      for (std::size_t k = 0; k < N; ++k) off[k] -= strides[k][d] * shape[d];
      idx[d] = 0;
    }
  }
}

// out[i] = f(a[i]) with out freshly allocated (contiguous, dtype Out).
template <typename Out, typename In, typename F>
Tensor map_unary(const Tensor& a, F&& f) {
  Tensor out = make_tensor(a.sizes(), scalar_type_of<Out>);
  Out* o = out.data_ptr<Out>();
  const In* x = a.data_ptr<In>();
  if (a.is_contiguous()) {
    const std::int64_t n = a.numel();
    for (std::int64_t i = 0; i < n; ++i) o[i] = f(x[i]);
    return out;
  }
  std::int64_t i = 0;
  for_each_offset<1>(a.sizes(), {a.strides().data()}, [&](const std::array<std::int64_t, 1>& off) {
    o[i++] = f(x[off[0]]);
  });
  return out;
}

// out = f(a, b) with broadcasting; out is allocated contiguous with dtype Out.
template <typename Out, typename A, typename B, typename F>
Tensor map_binary(const Tensor& a, const Tensor& b, F&& f) {
  const Shape shape = a.sizes() == b.sizes() ? a.sizes() : broadcast_shapes(a.sizes(), b.sizes());
  Tensor out = make_tensor(shape, scalar_type_of<Out>);
  Out* o = out.data_ptr<Out>();
  const A* x = a.data_ptr<A>();
  const B* y = b.data_ptr<B>();
  const std::int64_t n = out.numel();
  if (a.sizes() == shape && b.sizes() == shape && a.is_contiguous() && b.is_contiguous()) {
    for (std::int64_t i = 0; i < n; ++i) o[i] = f(x[i], y[i]);
    return out;
  }
  if (b.numel() == 1 && a.sizes() == shape && a.is_contiguous()) {
    const B yv = y[0];
    for (std::int64_t i = 0; i < n; ++i) o[i] = f(x[i], yv);
    return out;
  }
  const Shape sa = broadcast_strides(a, shape), sb = broadcast_strides(b, shape);
  std::int64_t i = 0;
  for_each_offset<2>(shape, {sa.data(), sb.data()}, [&](const std::array<std::int64_t, 2>& off) {
    o[i++] = f(x[off[0]], y[off[1]]);
  });
  return out;
}

// out = f(a, b, c) with broadcasting of all three (where, clamp with tensors ...).
template <typename Out, typename A, typename B, typename C, typename F>
Tensor map_ternary(const Tensor& a, const Tensor& b, const Tensor& c, F&& f) {
  const Shape shape = broadcast_shapes(broadcast_shapes(a.sizes(), b.sizes()), c.sizes());
  Tensor out = make_tensor(shape, scalar_type_of<Out>);
  Out* o = out.data_ptr<Out>();
  const A* x = a.data_ptr<A>();
  const B* y = b.data_ptr<B>();
  const C* z = c.data_ptr<C>();
  const Shape sa = broadcast_strides(a, shape), sb = broadcast_strides(b, shape), sc = broadcast_strides(c, shape);
  std::int64_t i = 0;
  for_each_offset<3>(shape, {sa.data(), sb.data(), sc.data()}, [&](const std::array<std::int64_t, 3>& off) {
    o[i++] = f(x[off[0]], y[off[1]], z[off[2]]);
  });
  return out;
}

// In place: dst[i] = f(dst[i], src[i]) with src broadcast to dst's shape
// (dst may be a strided view; it is written through its own strides).
template <typename T, typename S, typename F>
void update_binary(const Tensor& dst, const Tensor& src, F&& f) {
  T* d = static_cast<T*>(dst.raw_data());
  const S* s = src.data_ptr<S>();
  if (dst.is_contiguous() && src.sizes() == dst.sizes() && src.is_contiguous()) {
    const std::int64_t n = dst.numel();
    for (std::int64_t i = 0; i < n; ++i) d[i] = f(d[i], s[i]);
    return;
  }
  const Shape ss = broadcast_strides(src, dst.sizes());
  for_each_offset<2>(dst.sizes(), {dst.strides().data(), ss.data()},
                     [&](const std::array<std::int64_t, 2>& off) { d[off[0]] = f(d[off[0]], s[off[1]]); });
}

}  // namespace paratrace::kernels
