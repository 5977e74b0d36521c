// Tensor factories. Their outputs never require grad; rand-like ones are
// marked nondeterministic for the trace checker.
#include <cstring>

#include "../kernels/elementwise.h"
#include "define_ops.h"
#include "paratrace/tensor/factories.h"
#include "paratrace/tensor/generator.h"
#include "paratrace/tensor/ops.h"

namespace paratrace {
namespace {

// aten::zeros(int[] size, *, ScalarType? dtype, Layout? layout, Device? device, bool? pin_memory)
ScalarType dtype_arg(const Stack& a, std::size_t i, ScalarType fallback = ScalarType::Float32) {
  return a.size() > i && !a[i].is_none() ? a[i].to_scalar_type() : fallback;
}

std::vector<TensorMeta> size_dtype_shape(const Stack& a) {
  return {{a[0].to_int_list(), dtype_arg(a, 1)}};
}

Tensor filled(const Shape& size, ScalarType dt, const Scalar& v) {
  Tensor t = kernels::make_tensor(size, dt);
  dispatch_dtype(dt, [&]<typename T>() {
    T* p = t.data_ptr<T>();
    const T x = v.to<T>();
    std::fill(p, p + t.numel(), x);
  });
  return t;
}

Stack zeros_forward(const Stack& a) { return {filled(a[0].to_int_list(), dtype_arg(a, 1), 0)}; }
Stack ones_forward(const Stack& a) { return {filled(a[0].to_int_list(), dtype_arg(a, 1), 1)}; }
Stack empty_forward(const Stack& a) { return {kernels::make_tensor(a[0].to_int_list(), dtype_arg(a, 1))}; }

// aten::zeros_like(Tensor self, *, ScalarType? dtype, ...)
std::vector<TensorMeta> like_shape(const Stack& a) {
  const Tensor& x = a[0].to_tensor();
  return {{x.sizes(), dtype_arg(a, 1, x.dtype())}};
}
Stack zeros_like_forward(const Stack& a) {
  const TensorMeta m = like_shape(a)[0];
  return {filled(m.sizes, m.dtype, 0)};
}
Stack ones_like_forward(const Stack& a) {
  const TensorMeta m = like_shape(a)[0];
  return {filled(m.sizes, m.dtype, 1)};
}

// aten::full(int[] size, Scalar fill_value, *, ScalarType? dtype, ...)
std::vector<TensorMeta> full_shape(const Stack& a) {
  return {{a[0].to_int_list(), dtype_arg(a, 2, a[1].to_scalar().default_dtype())}};
}
Stack full_forward(const Stack& a) {
  const TensorMeta m = full_shape(a)[0];
  return {filled(m.sizes, m.dtype, a[1].to_scalar())};
}

// aten::scalar_tensor(Scalar s, *, ScalarType? dtype, ...)
std::vector<TensorMeta> scalar_tensor_shape(const Stack& a) { return {{{}, dtype_arg(a, 1)}}; }
Stack scalar_tensor_forward(const Stack& a) {
  return {kernels::scalar_to_tensor(a[0].to_scalar(), dtype_arg(a, 1), /*wrapped=*/false)};
}

template <typename V> Tensor from_nested(const std::vector<V>& flat, const Shape& shape, ScalarType dt) {
  Tensor t = kernels::make_tensor(shape, dt);
  dispatch_dtype(dt, [&]<typename T>() {
    T* p = t.data_ptr<T>();
    for (std::size_t i = 0; i < flat.size(); ++i) p[i] = static_cast<T>(flat[i]);
  });
  return t;
}

template <typename V> Tensor tensor_2d(std::initializer_list<std::initializer_list<V>> rows, ScalarType dt) {
  std::vector<V> flat;
  const std::int64_t cols = rows.size() ? static_cast<std::int64_t>(rows.begin()->size()) : 0;
  for (const auto& r : rows) {
    PT_CHECK(static_cast<std::int64_t>(r.size()) == cols, ValueError,
             "expected sequence of length " << cols << " at dim 1 (got " << r.size() << ")");
    flat.insert(flat.end(), r.begin(), r.end());
  }
  return from_nested(flat, {static_cast<std::int64_t>(rows.size()), cols}, dt);
}

}  // namespace

Tensor empty(const IntList& size, TensorOptions o) {
  return call_op1(OpKind::empty, {size, o.dtype}).requires_grad_(o.requires_grad);
}
Tensor zeros(const IntList& size, TensorOptions o) {
  return call_op1(OpKind::zeros, {size, o.dtype}).requires_grad_(o.requires_grad);
}
Tensor ones(const IntList& size, TensorOptions o) {
  return call_op1(OpKind::ones, {size, o.dtype}).requires_grad_(o.requires_grad);
}
Tensor full(const IntList& size, const Scalar& fill_value, std::optional<ScalarType> dtype) {
  return call_op1(OpKind::full, {size, fill_value, IValue(dtype)});
}
Tensor zeros_like(const Tensor& t, std::optional<ScalarType> dtype) {
  return call_op1(OpKind::zeros_like, {t, IValue(dtype)});
}
Tensor ones_like(const Tensor& t, std::optional<ScalarType> dtype) {
  return call_op1(OpKind::ones_like, {t, IValue(dtype)});
}
Tensor scalar_tensor(const Scalar& s, std::optional<ScalarType> dtype) {
  return call_op1(OpKind::scalar_tensor, {s, IValue(dtype.value_or(s.default_dtype()))});
}

Tensor tensor(std::initializer_list<double> values, std::optional<ScalarType> dtype) {
  return from_nested(std::vector<double>(values), {static_cast<std::int64_t>(values.size())},
                     dtype.value_or(ScalarType::Float32));
}
Tensor tensor(std::initializer_list<std::initializer_list<double>> values, std::optional<ScalarType> dtype) {
  return tensor_2d(values, dtype.value_or(ScalarType::Float32));
}
Tensor tensor(std::initializer_list<std::int64_t> values, std::optional<ScalarType> dtype) {
  return from_nested(std::vector<std::int64_t>(values), {static_cast<std::int64_t>(values.size())},
                     dtype.value_or(ScalarType::Int64));
}
Tensor tensor(std::initializer_list<std::initializer_list<std::int64_t>> values, std::optional<ScalarType> dtype) {
  return tensor_2d(values, dtype.value_or(ScalarType::Int64));
}
Tensor tensor(std::initializer_list<int> values, std::optional<ScalarType> dtype) {
  return from_nested(std::vector<int>(values), {static_cast<std::int64_t>(values.size())},
                     dtype.value_or(ScalarType::Int64));
}
Tensor tensor(std::initializer_list<std::initializer_list<int>> values, std::optional<ScalarType> dtype) {
  return tensor_2d(values, dtype.value_or(ScalarType::Int64));
}
Tensor tensor(std::initializer_list<bool> values) {
  return from_nested(std::vector<bool>(values), {static_cast<std::int64_t>(values.size())}, ScalarType::Bool);
}

namespace defs {

void define_factory_ops(OpTable& t) {
  constexpr auto kFactory = kNonDifferentiable;
  t.def({.kind = OpKind::zeros,
         .schema = "aten::zeros(int[] size, *, ScalarType? dtype=None, Layout? layout=None, Device? device=None, "
                   "bool? pin_memory=None) -> Tensor",
         .forward = zeros_forward,
         .shape = size_dtype_shape,
         .flags = kFactory});
  t.def({.kind = OpKind::ones,
         .schema = "aten::ones(int[] size, *, ScalarType? dtype=None, Layout? layout=None, Device? device=None, "
                   "bool? pin_memory=None) -> Tensor",
         .forward = ones_forward,
         .shape = size_dtype_shape,
         .flags = kFactory});
  t.def({.kind = OpKind::empty,
         .schema = "aten::empty.memory_format(int[] size, *, ScalarType? dtype=None, Layout? layout=None, Device? "
                   "device=None, bool? pin_memory=None, MemoryFormat? memory_format=None) -> Tensor",
         .forward = empty_forward,
         .shape = size_dtype_shape,
         .flags = kFactory});
  t.def({.kind = OpKind::full,
         .schema = "aten::full(int[] size, Scalar fill_value, *, ScalarType? dtype=None, Layout? layout=None, "
                   "Device? device=None, bool? pin_memory=None) -> Tensor",
         .forward = full_forward,
         .shape = full_shape,
         .flags = kFactory});
  t.def({.kind = OpKind::zeros_like,
         .schema = "aten::zeros_like(Tensor self, *, ScalarType? dtype=None, Layout? layout=None, Device? "
                   "device=None, bool? pin_memory=None, MemoryFormat? memory_format=None) -> Tensor",
         .forward = zeros_like_forward,
         .shape = like_shape,
         .flags = kFactory});
  t.def({.kind = OpKind::ones_like,
         .schema = "aten::ones_like(Tensor self, *, ScalarType? dtype=None, Layout? layout=None, Device? "
                   "device=None, bool? pin_memory=None, MemoryFormat? memory_format=None) -> Tensor",
         .forward = ones_like_forward,
         .shape = like_shape,
         .flags = kFactory});
  t.def({.kind = OpKind::scalar_tensor,
         .schema = "aten::scalar_tensor(Scalar s, *, ScalarType? dtype=None, Layout? layout=None, Device? "
                   "device=None, bool? pin_memory=None) -> Tensor",
         .forward = scalar_tensor_forward,
         .shape = scalar_tensor_shape,
         .flags = kFactory});
}

}  // namespace defs
}  // namespace paratrace
