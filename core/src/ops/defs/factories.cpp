// Constant-filled factories (empty, zeros, ones, full, eye, *_like) and
// tensors built from C++ values (tensor literals, from_vector). Their outputs
// never require grad unless asked to. arange/linspace live in
// range_factories.cpp, random ones in random_factories.cpp.
#include <algorithm>
#include <cstring>

#include "../kernels/tensor_alloc.h"
#include "common_rules.h"
#include "define_ops.h"
#include "factory_args.h"
#include "paratrace/tensor/factories.h"

namespace paratrace {
namespace {

using factory::dtype_arg;
using factory::like_shape;

// aten::zeros(int[] size, *, ScalarType? dtype, Layout? layout, Device? device, bool? pin_memory)
MetaList size_dtype_shape(const Stack& a) { return {{a[0].to_int_list(), dtype_arg(a, 1)}}; }

Tensor filled(const Shape& size, ScalarType dt, const Scalar& v) {
  Tensor t = kernels::make_tensor(size, dt);
  dispatch_dtype(dt, [&]<typename T>() {
    T* p = t.data_ptr<T>();
    std::fill(p, p + t.numel(), v.to<T>());
  });
  return t;
}

Stack zeros_forward(const Stack& a) { return {filled(a[0].to_int_list(), dtype_arg(a, 1), 0)}; }
Stack ones_forward(const Stack& a) { return {filled(a[0].to_int_list(), dtype_arg(a, 1), 1)}; }
Stack empty_forward(const Stack& a) { return {kernels::make_tensor(a[0].to_int_list(), dtype_arg(a, 1))}; }

Stack zeros_like_forward(const Stack& a) {
  const TensorMeta m = like_shape(a)[0];
  return {filled(m.sizes, m.dtype, 0)};
}
Stack ones_like_forward(const Stack& a) {
  const TensorMeta m = like_shape(a)[0];
  return {filled(m.sizes, m.dtype, 1)};
}
Stack empty_like_forward(const Stack& a) {
  const TensorMeta m = like_shape(a)[0];
  return {kernels::make_tensor(m.sizes, m.dtype)};
}

// aten::full(int[] size, Scalar fill_value, *, ScalarType? dtype, ...)
MetaList full_shape(const Stack& a) {
  return {{a[0].to_int_list(), dtype_arg(a, 2, a[1].to_scalar().default_dtype())}};
}
Stack full_forward(const Stack& a) {
  const TensorMeta m = full_shape(a)[0];
  return {filled(m.sizes, m.dtype, a[1].to_scalar())};
}
// aten::full_like(Tensor self, Scalar fill_value, *, ScalarType? dtype, ...)
MetaList full_like_shape(const Stack& a) {
  const Tensor& x = a[0].to_tensor();
  return {{x.sizes(), dtype_arg(a, 2, x.dtype())}};
}
Stack full_like_forward(const Stack& a) {
  const TensorMeta m = full_like_shape(a)[0];
  return {filled(m.sizes, m.dtype, a[1].to_scalar())};
}

// aten::scalar_tensor(Scalar s, *, ScalarType? dtype, ...)
MetaList scalar_tensor_shape(const Stack& a) { return {{{}, dtype_arg(a, 1)}}; }
Stack scalar_tensor_forward(const Stack& a) {
  return {kernels::scalar_to_tensor(a[0].to_scalar(), dtype_arg(a, 1), /*wrapped=*/false)};
}

// aten::eye.m(int n, int m, *, ScalarType? dtype, ...)
MetaList eye_shape(const Stack& a) {
  const std::int64_t n = a[0].to_int(), m = a[1].to_int();
  PT_CHECK(n >= 0, RuntimeError, "n must be greater or equal to 0, got " << n);
  PT_CHECK(m >= 0, RuntimeError, "m must be greater or equal to 0, got " << m);
  return {{{n, m}, dtype_arg(a, 2)}};
}
Stack eye_forward(const Stack& a) {
  const TensorMeta meta = eye_shape(a)[0];
  Tensor t = filled(meta.sizes, meta.dtype, 0);
  const std::int64_t n = meta.sizes[0], m = meta.sizes[1];
  dispatch_dtype(meta.dtype, [&]<typename T>() {
    T* p = t.data_ptr<T>();
    for (std::int64_t i = 0; i < std::min(n, m); ++i) p[i * m + i] = T(1);
  });
  return {t};
}

template <typename V> Tensor from_flat(const std::vector<V>& flat, const Shape& shape, ScalarType dt) {
  Tensor t = kernels::make_tensor(shape, dt);
  dispatch_dtype(dt, [&]<typename T>() {
    T* p = t.data_ptr<T>();
    for (std::size_t i = 0; i < flat.size(); ++i) p[i] = static_cast<T>(flat[i]);
  });
  return t;
}

template <typename V> Tensor tensor_1d(std::initializer_list<V> values, ScalarType dt) {
  return from_flat(std::vector<V>(values), {static_cast<std::int64_t>(values.size())}, dt);
}

template <typename V> Tensor tensor_2d(std::initializer_list<std::initializer_list<V>> rows, ScalarType dt) {
  std::vector<V> flat;
  const std::int64_t cols = rows.size() ? static_cast<std::int64_t>(rows.begin()->size()) : 0;
  for (const auto& r : rows) {
    PT_CHECK(static_cast<std::int64_t>(r.size()) == cols, ValueError,
             "expected sequence of length " << cols << " at dim 1 (got " << r.size() << ")");
    flat.insert(flat.end(), r.begin(), r.end());
  }
  return from_flat(flat, {static_cast<std::int64_t>(rows.size()), cols}, dt);
}

}  // namespace

Tensor empty(const IntList& size, TensorOptions o) {
  return factory::with_requires_grad(call_op1(OpKind::empty, {size, o.dtype}), o.requires_grad);
}
Tensor zeros(const IntList& size, TensorOptions o) {
  return factory::with_requires_grad(call_op1(OpKind::zeros, {size, o.dtype}), o.requires_grad);
}
Tensor ones(const IntList& size, TensorOptions o) {
  return factory::with_requires_grad(call_op1(OpKind::ones, {size, o.dtype}), o.requires_grad);
}
Tensor full(const IntList& size, const Scalar& fill_value, std::optional<ScalarType> dtype) {
  return call_op1(OpKind::full, {size, fill_value, IValue(dtype)});
}
Tensor eye(std::int64_t n, std::optional<std::int64_t> m, TensorOptions o) {
  return factory::with_requires_grad(call_op1(OpKind::eye, {n, m.value_or(n), o.dtype}), o.requires_grad);
}
Tensor zeros_like(const Tensor& t, std::optional<ScalarType> dtype) {
  return call_op1(OpKind::zeros_like, {t, IValue(dtype)});
}
Tensor ones_like(const Tensor& t, std::optional<ScalarType> dtype) {
  return call_op1(OpKind::ones_like, {t, IValue(dtype)});
}
Tensor empty_like(const Tensor& t, std::optional<ScalarType> dtype) {
  return call_op1(OpKind::empty_like, {t, IValue(dtype)});
}
Tensor full_like(const Tensor& t, const Scalar& fill_value, std::optional<ScalarType> dtype) {
  return call_op1(OpKind::full_like, {t, fill_value, IValue(dtype)});
}
Tensor scalar_tensor(const Scalar& s, std::optional<ScalarType> dtype) {
  // torch.scalar_tensor(3) is float32: the default dtype, whatever the kind of s.
  return call_op1(OpKind::scalar_tensor, {s, IValue(dtype.value_or(ScalarType::Float32))});
}

Tensor tensor(std::initializer_list<double> values, std::optional<ScalarType> dtype) {
  return tensor_1d(values, dtype.value_or(ScalarType::Float32));
}
Tensor tensor(std::initializer_list<std::initializer_list<double>> values, std::optional<ScalarType> dtype) {
  return tensor_2d(values, dtype.value_or(ScalarType::Float32));
}
Tensor tensor(std::initializer_list<std::initializer_list<std::initializer_list<double>>> values,
              std::optional<ScalarType> dtype) {
  std::vector<double> flat;
  const std::int64_t d0 = static_cast<std::int64_t>(values.size());
  const std::int64_t d1 = d0 ? static_cast<std::int64_t>(values.begin()->size()) : 0;
  const std::int64_t d2 = d1 ? static_cast<std::int64_t>(values.begin()->begin()->size()) : 0;
  for (const auto& m : values) {
    PT_CHECK(static_cast<std::int64_t>(m.size()) == d1, ValueError,
             "expected sequence of length " << d1 << " at dim 1 (got " << m.size() << ")");
    for (const auto& r : m) {
      PT_CHECK(static_cast<std::int64_t>(r.size()) == d2, ValueError,
               "expected sequence of length " << d2 << " at dim 2 (got " << r.size() << ")");
      flat.insert(flat.end(), r.begin(), r.end());
    }
  }
  return from_flat(flat, {d0, d1, d2}, dtype.value_or(ScalarType::Float32));
}
Tensor tensor(std::initializer_list<std::int64_t> values, std::optional<ScalarType> dtype) {
  return tensor_1d(values, dtype.value_or(ScalarType::Int64));
}
Tensor tensor(std::initializer_list<std::initializer_list<std::int64_t>> values, std::optional<ScalarType> dtype) {
  return tensor_2d(values, dtype.value_or(ScalarType::Int64));
}
Tensor tensor(std::initializer_list<int> values, std::optional<ScalarType> dtype) {
  return tensor_1d(values, dtype.value_or(ScalarType::Int64));
}
Tensor tensor(std::initializer_list<std::initializer_list<int>> values, std::optional<ScalarType> dtype) {
  return tensor_2d(values, dtype.value_or(ScalarType::Int64));
}
Tensor tensor(std::initializer_list<bool> values) { return tensor_1d(values, ScalarType::Bool); }

// torch.tensor(values).view(shape): one -1 is inferred, and a mismatch is view's error.
template <typename T> Tensor from_vector(const std::vector<T>& values, const IntList& shape) {
  return from_flat(values, rules::infer_size(shape, static_cast<std::int64_t>(values.size())), scalar_type_of<T>);
}
template Tensor from_vector<bool>(const std::vector<bool>&, const IntList&);
template Tensor from_vector<std::uint8_t>(const std::vector<std::uint8_t>&, const IntList&);
template Tensor from_vector<std::int64_t>(const std::vector<std::int64_t>&, const IntList&);
template Tensor from_vector<float>(const std::vector<float>&, const IntList&);
template Tensor from_vector<double>(const std::vector<double>&, const IntList&);

Tensor from_blob_copy(const void* data, const IntList& shape, ScalarType dtype) {
  Tensor t = kernels::make_tensor(shape, dtype);
  if (t.nbytes() > 0) std::memcpy(t.raw_data(), data, t.nbytes());
  return t;
}

namespace defs {

void define_factory_ops(OpTable& t) {
  auto def = [&t](OpKind k, const char* schema, ForwardFn f, ShapeFn sh) {
    t.def({.kind = k, .schema = schema, .forward = f, .shape = sh, .flags = kNonDifferentiable});
  };
  def(OpKind::zeros,
      "aten::zeros(int[] size, *, ScalarType? dtype=None, Layout? layout=None, Device? device=None, bool? "
      "pin_memory=None) -> Tensor",
      zeros_forward, size_dtype_shape);
  def(OpKind::ones,
      "aten::ones(int[] size, *, ScalarType? dtype=None, Layout? layout=None, Device? device=None, bool? "
      "pin_memory=None) -> Tensor",
      ones_forward, size_dtype_shape);
  def(OpKind::empty,
      "aten::empty.memory_format(int[] size, *, ScalarType? dtype=None, Layout? layout=None, Device? device=None, "
      "bool? pin_memory=None, MemoryFormat? memory_format=None) -> Tensor",
      empty_forward, size_dtype_shape);
  def(OpKind::full,
      "aten::full(int[] size, Scalar fill_value, *, ScalarType? dtype=None, Layout? layout=None, Device? "
      "device=None, bool? pin_memory=None) -> Tensor",
      full_forward, full_shape);
  def(OpKind::zeros_like,
      "aten::zeros_like(Tensor self, *, ScalarType? dtype=None, Layout? layout=None, Device? device=None, bool? "
      "pin_memory=None, MemoryFormat? memory_format=None) -> Tensor",
      zeros_like_forward, like_shape);
  def(OpKind::ones_like,
      "aten::ones_like(Tensor self, *, ScalarType? dtype=None, Layout? layout=None, Device? device=None, bool? "
      "pin_memory=None, MemoryFormat? memory_format=None) -> Tensor",
      ones_like_forward, like_shape);
  def(OpKind::empty_like,
      "aten::empty_like(Tensor self, *, ScalarType? dtype=None, Layout? layout=None, Device? device=None, bool? "
      "pin_memory=None, MemoryFormat? memory_format=None) -> Tensor",
      empty_like_forward, like_shape);
  def(OpKind::full_like,
      "aten::full_like(Tensor self, Scalar fill_value, *, ScalarType? dtype=None, Layout? layout=None, Device? "
      "device=None, bool? pin_memory=None, MemoryFormat? memory_format=None) -> Tensor",
      full_like_forward, full_like_shape);
  def(OpKind::scalar_tensor,
      "aten::scalar_tensor(Scalar s, *, ScalarType? dtype=None, Layout? layout=None, Device? device=None, bool? "
      "pin_memory=None) -> Tensor",
      scalar_tensor_forward, scalar_tensor_shape);
  def(OpKind::eye,
      "aten::eye.m(int n, int m, *, ScalarType? dtype=None, Layout? layout=None, Device? device=None, bool? "
      "pin_memory=None) -> Tensor",
      eye_forward, eye_shape);
}

}  // namespace defs
}  // namespace paratrace
