// Tensor factories. Their outputs never require grad; rand-like ones are
// marked nondeterministic for the trace checker.
#include <algorithm>
#include <cmath>
#include <cstring>

#include "../kernels/elementwise.h"
#include "common_rules.h"
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

MetaList size_dtype_shape(const Stack& a) {
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
MetaList like_shape(const Stack& a) {
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
MetaList full_shape(const Stack& a) {
  return {{a[0].to_int_list(), dtype_arg(a, 2, a[1].to_scalar().default_dtype())}};
}
Stack full_forward(const Stack& a) {
  const TensorMeta m = full_shape(a)[0];
  return {filled(m.sizes, m.dtype, a[1].to_scalar())};
}

// aten::scalar_tensor(Scalar s, *, ScalarType? dtype, ...)
MetaList scalar_tensor_shape(const Stack& a) { return {{{}, dtype_arg(a, 1)}}; }
Stack scalar_tensor_forward(const Stack& a) {
  return {kernels::scalar_to_tensor(a[0].to_scalar(), dtype_arg(a, 1), /*wrapped=*/false)};
}


template <typename V> Tensor from_nested(const std::vector<V>& flat, const Shape& shape, ScalarType dt);
// ---- eye / arange / linspace --------------------------------------------------

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

// aten::arange.start_step(Scalar start, Scalar end, Scalar step, *, ScalarType? dtype, ...)
ScalarType arange_dtype(const Stack& a) {
  if (a.size() > 3 && !a[3].is_none()) return a[3].to_scalar_type();
  const bool all_int = a[0].is_int() && a[1].is_int() && a[2].is_int();
  return all_int ? ScalarType::Int64 : ScalarType::Float32;
}
std::int64_t arange_size(const Stack& a) {
  const double start = a[0].to_double(), end = a[1].to_double(), step = a[2].to_double();
  PT_CHECK(step != 0, RuntimeError, "step must be nonzero");
  PT_CHECK((step > 0 && end >= start) || (step < 0 && end <= start), RuntimeError,
           "upper bound and larger bound inconsistent with step sign");
  return static_cast<std::int64_t>(std::ceil((end - start) / step));
}
MetaList arange_shape(const Stack& a) { return {{{arange_size(a)}, arange_dtype(a)}}; }
Stack arange_forward(const Stack& a) {
  const TensorMeta m = arange_shape(a)[0];
  Tensor t = kernels::make_tensor(m.sizes, m.dtype);
  dispatch_dtype(m.dtype, [&]<typename T>() {
    T* p = t.data_ptr<T>();
    if constexpr (std::is_floating_point_v<T>) {
      const double start = a[0].to_double(), step = a[2].to_double();
      for (std::int64_t i = 0; i < m.sizes[0]; ++i) p[i] = static_cast<T>(start + step * static_cast<double>(i));
    } else {
      const std::int64_t start = a[0].to_int(), step = a[2].to_int();
      for (std::int64_t i = 0; i < m.sizes[0]; ++i) p[i] = static_cast<T>(start + step * i);
    }
  });
  return {t};
}

// aten::linspace(Scalar start, Scalar end, int? steps, *, ScalarType? dtype, ...)
MetaList linspace_shape(const Stack& a) {
  const std::int64_t steps = a[2].to_int();
  PT_CHECK(steps >= 0, RuntimeError, "number of steps must be non-negative");
  return {{{steps}, dtype_arg(a, 3)}};
}
Stack linspace_forward(const Stack& a) {
  const TensorMeta m = linspace_shape(a)[0];
  const double start = a[0].to_double(), end = a[1].to_double();
  const std::int64_t n = m.sizes[0];
  Tensor t = kernels::make_tensor(m.sizes, m.dtype);
  dispatch_dtype(m.dtype, [&]<typename T>() {
    T* p = t.data_ptr<T>();
    const double step = n > 1 ? (end - start) / static_cast<double>(n - 1) : 0.0;
    // Symmetric evaluation from both ends, as PyTorch, so the last value is exactly `end`.
    for (std::int64_t i = 0; i < n; ++i) {
      p[i] = static_cast<T>(i < n / 2 ? start + step * static_cast<double>(i)
                                      : end - step * static_cast<double>(n - 1 - i));
    }
  });
  return {t};
}

// ---- random ---------------------------------------------------------------------

template <typename Draw> Tensor random_tensor(const Shape& size, ScalarType dt, Draw draw) {
  PT_CHECK(is_floating_point(dt), RuntimeError,
           "\"check_uniform_bounds\" not implemented for '" << ir_type_name(dt) << "'");
  Tensor t = kernels::make_tensor(size, dt);
  Generator& g = default_generator();
  dispatch_floating(dt, [&]<typename T>() {
    T* p = t.data_ptr<T>();
    for (std::int64_t i = 0; i < t.numel(); ++i) p[i] = static_cast<T>(draw(g));
  });
  return t;
}
Stack rand_forward(const Stack& a) {
  return {random_tensor(a[0].to_int_list(), dtype_arg(a, 1), [](Generator& g) { return g.uniform(0.0, 1.0); })};
}
Stack randn_forward(const Stack& a) {
  return {random_tensor(a[0].to_int_list(), dtype_arg(a, 1), [](Generator& g) { return g.normal(0.0, 1.0); })};
}
Stack rand_like_forward(const Stack& a) {
  const TensorMeta m = like_shape(a)[0];
  return {random_tensor(m.sizes, m.dtype, [](Generator& g) { return g.uniform(0.0, 1.0); })};
}
Stack randn_like_forward(const Stack& a) {
  const TensorMeta m = like_shape(a)[0];
  return {random_tensor(m.sizes, m.dtype, [](Generator& g) { return g.normal(0.0, 1.0); })};
}
Stack empty_like_forward(const Stack& a) {
  const TensorMeta m = like_shape(a)[0];
  return {kernels::make_tensor(m.sizes, m.dtype)};
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

// aten::randint.low(int low, int high, int[] size, *, ScalarType? dtype=long, ...)
MetaList randint_shape(const Stack& a) {
  PT_CHECK(a[0].to_int() < a[1].to_int(), RuntimeError,
           "random_ expects 'from' to be less than 'to', but got from=" << a[0].to_int()
                                                                        << " >= to=" << a[1].to_int());
  return {{a[2].to_int_list(), dtype_arg(a, 3, ScalarType::Int64)}};
}
Stack randint_forward(const Stack& a) {
  const TensorMeta m = randint_shape(a)[0];
  Tensor t = kernels::make_tensor(m.sizes, m.dtype);
  Generator& g = default_generator();
  const std::int64_t lo = a[0].to_int(), hi = a[1].to_int();
  dispatch_dtype(m.dtype, [&]<typename T>() {
    T* p = t.data_ptr<T>();
    for (std::int64_t i = 0; i < t.numel(); ++i) p[i] = static_cast<T>(g.randint(lo, hi));
  });
  return {t};
}

// aten::randperm(int n, *, ScalarType? dtype=long, ...)
MetaList randperm_shape(const Stack& a) {
  PT_CHECK(a[0].to_int() >= 0, RuntimeError, "n must be non-negative, got" << a[0].to_int());
  return {{{a[0].to_int()}, dtype_arg(a, 1, ScalarType::Int64)}};
}
Stack randperm_forward(const Stack& a) {
  const std::int64_t n = a[0].to_int();
  std::vector<std::int64_t> v(static_cast<std::size_t>(n));
  for (std::int64_t i = 0; i < n; ++i) v[i] = i;
  std::shuffle(v.begin(), v.end(), default_generator().engine());
  return {kernels::contiguous_as(from_nested(v, {n}, ScalarType::Int64), randperm_shape(a)[0].dtype)};
}

// In-place sampling used by init: aten::uniform_(self, from, to), aten::normal_(self, mean, std).
Stack uniform_forward(const Stack& a) {
  const Tensor& x = a[0].to_tensor();
  const double lo = a[1].to_double(), hi = a[2].to_double();
  PT_CHECK(lo <= hi, RuntimeError, "uniform_ expects to return a [from, to) range, but found from=" << lo << " > to=" << hi);
  kernels::copy_kernel(x, random_tensor(x.sizes(), x.dtype(), [&](Generator& g) { return g.uniform(lo, hi); }));
  return {x};
}
Stack normal_forward(const Stack& a) {
  const Tensor& x = a[0].to_tensor();
  const double mean = a[1].to_double(), sd = a[2].to_double();
  PT_CHECK(sd >= 0.0, RuntimeError, "normal expects std >= 0.0, but found std " << sd);
  kernels::copy_kernel(x, random_tensor(x.sizes(), x.dtype(), [&](Generator& g) { return g.normal(mean, sd); }));
  return {x};
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

Tensor eye(std::int64_t n, std::optional<std::int64_t> m, TensorOptions o) {
  return call_op1(OpKind::eye, {n, m.value_or(n), o.dtype}).requires_grad_(o.requires_grad);
}
Tensor arange(const Scalar& end, std::optional<ScalarType> dtype) { return arange(Scalar(std::int64_t{0}), end, 1, dtype); }
Tensor arange(const Scalar& start, const Scalar& end, const Scalar& step, std::optional<ScalarType> dtype) {
  return call_op1(OpKind::arange, {start, end, step, IValue(dtype)});
}
Tensor linspace(double start, double end, std::int64_t steps, TensorOptions o) {
  return call_op1(OpKind::linspace, {start, end, steps, o.dtype});
}
Tensor empty_like(const Tensor& t, std::optional<ScalarType> dtype) {
  return call_op1(OpKind::empty_like, {t, IValue(dtype)});
}
Tensor full_like(const Tensor& t, const Scalar& fill_value, std::optional<ScalarType> dtype) {
  return call_op1(OpKind::full_like, {t, fill_value, IValue(dtype)});
}
Tensor rand(const IntList& size, TensorOptions o) {
  return call_op1(OpKind::rand, {size, o.dtype}).requires_grad_(o.requires_grad);
}
Tensor randn(const IntList& size, TensorOptions o) {
  return call_op1(OpKind::randn, {size, o.dtype}).requires_grad_(o.requires_grad);
}
Tensor rand_like(const Tensor& t) { return call_op1(OpKind::rand_like, {t, IValue()}); }
Tensor randn_like(const Tensor& t) { return call_op1(OpKind::randn_like, {t, IValue()}); }
Tensor randint(std::int64_t low, std::int64_t high, const IntList& size, TensorOptions o) {
  return call_op1(OpKind::randint, {low, high, size, o.dtype});
}
Tensor randperm(std::int64_t n) { return call_op1(OpKind::randperm, {n, ScalarType::Int64}); }
template <typename T> Tensor from_vector(const std::vector<T>& values, const IntList& shape) {
  std::int64_t n = 1;
  for (auto d : shape) n *= d;
  PT_CHECK(n == static_cast<std::int64_t>(values.size()), ValueError,
           "from_vector: " << values.size() << " values do not fill shape " << kernels::shape_str(shape));
  return from_nested(values, shape, scalar_type_of<T>);
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
  return from_nested(flat, {d0, d1, d2}, dtype.value_or(ScalarType::Float32));
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
  constexpr auto kRandom = kNonDifferentiable | kNondeterministic;
  auto factory = [&t](OpKind k, const char* schema, ForwardFn f, ShapeFn sh, std::uint32_t flags) {
    t.def({.kind = k, .schema = schema, .forward = f, .shape = sh, .flags = flags});
  };
  factory(OpKind::eye,
          "aten::eye.m(int n, int m, *, ScalarType? dtype=None, Layout? layout=None, Device? device=None, bool? "
          "pin_memory=None) -> Tensor",
          eye_forward, eye_shape, kFactory);
  factory(OpKind::arange,
          "aten::arange.start_step(Scalar start, Scalar end, Scalar step=1, *, ScalarType? dtype=None, Layout? "
          "layout=None, Device? device=None, bool? pin_memory=None) -> Tensor",
          arange_forward, arange_shape, kFactory);
  factory(OpKind::linspace,
          "aten::linspace(Scalar start, Scalar end, int? steps=None, *, ScalarType? dtype=None, Layout? layout=None, "
          "Device? device=None, bool? pin_memory=None) -> Tensor",
          linspace_forward, linspace_shape, kFactory);
  factory(OpKind::empty_like,
          "aten::empty_like(Tensor self, *, ScalarType? dtype=None, Layout? layout=None, Device? device=None, bool? "
          "pin_memory=None, MemoryFormat? memory_format=None) -> Tensor",
          empty_like_forward, like_shape, kFactory);
  factory(OpKind::full_like,
          "aten::full_like(Tensor self, Scalar fill_value, *, ScalarType? dtype=None, Layout? layout=None, Device? "
          "device=None, bool? pin_memory=None, MemoryFormat? memory_format=None) -> Tensor",
          full_like_forward, full_like_shape, kFactory);
  factory(OpKind::rand,
          "aten::rand(int[] size, *, ScalarType? dtype=None, Layout? layout=None, Device? device=None, bool? "
          "pin_memory=None) -> Tensor",
          rand_forward, size_dtype_shape, kRandom);
  factory(OpKind::randn,
          "aten::randn(int[] size, *, ScalarType? dtype=None, Layout? layout=None, Device? device=None, bool? "
          "pin_memory=None) -> Tensor",
          randn_forward, size_dtype_shape, kRandom);
  factory(OpKind::rand_like,
          "aten::rand_like(Tensor self, *, ScalarType? dtype=None, Layout? layout=None, Device? device=None, bool? "
          "pin_memory=None, MemoryFormat? memory_format=None) -> Tensor",
          rand_like_forward, like_shape, kRandom);
  factory(OpKind::randn_like,
          "aten::randn_like(Tensor self, *, ScalarType? dtype=None, Layout? layout=None, Device? device=None, bool? "
          "pin_memory=None, MemoryFormat? memory_format=None) -> Tensor",
          randn_like_forward, like_shape, kRandom);
  factory(OpKind::randint,
          "aten::randint.low(int low, int high, int[] size, *, ScalarType? dtype=None, Layout? layout=None, Device? "
          "device=None, bool? pin_memory=None) -> Tensor",
          randint_forward, randint_shape, kRandom);
  factory(OpKind::randperm,
          "aten::randperm(int n, *, ScalarType? dtype=None, Layout? layout=None, Device? device=None, bool? "
          "pin_memory=None) -> Tensor",
          randperm_forward, randperm_shape, kRandom);
  factory(OpKind::uniform_, "aten::uniform_(Tensor(a!) self, float from=0., float to=1., *, Generator? generator=None) -> Tensor(a!)",
          uniform_forward, rules::same_shape, kRandom | kInplace);
  factory(OpKind::normal_, "aten::normal_(Tensor(a!) self, float mean=0., float std=1., *, Generator? generator=None) -> Tensor(a!)",
          normal_forward, rules::same_shape, kRandom | kInplace);
}

}  // namespace defs
}  // namespace paratrace
