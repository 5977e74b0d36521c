// arange and linspace.
#include <cmath>

#include "../kernels/tensor_alloc.h"
#include "define_ops.h"
#include "factory_args.h"
#include "paratrace/tensor/factories.h"

namespace paratrace {
namespace {

using factory::dtype_arg;

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
std::vector<TensorMeta> arange_shape(const Stack& a) { return {{{arange_size(a)}, arange_dtype(a)}}; }
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
std::vector<TensorMeta> linspace_shape(const Stack& a) {
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

}  // namespace

Tensor arange(const Scalar& end, std::optional<ScalarType> dtype) { return arange(Scalar(std::int64_t{0}), end, 1, dtype); }
Tensor arange(const Scalar& start, const Scalar& end, const Scalar& step, std::optional<ScalarType> dtype) {
  return call_op1(OpKind::arange, {start, end, step, IValue(dtype)});
}
Tensor linspace(double start, double end, std::int64_t steps, TensorOptions o) {
  return call_op1(OpKind::linspace, {start, end, steps, o.dtype});
}

namespace defs {

void define_range_factory_ops(OpTable& t) {
  t.def({.kind = OpKind::arange,
         .schema = "aten::arange.start_step(Scalar start, Scalar end, Scalar step=1, *, ScalarType? dtype=None, "
                   "Layout? layout=None, Device? device=None, bool? pin_memory=None) -> Tensor",
         .forward = arange_forward,
         .shape = arange_shape,
         .flags = kNonDifferentiable});
  t.def({.kind = OpKind::linspace,
         .schema = "aten::linspace(Scalar start, Scalar end, int? steps=None, *, ScalarType? dtype=None, Layout? "
                   "layout=None, Device? device=None, bool? pin_memory=None) -> Tensor",
         .forward = linspace_forward,
         .shape = linspace_shape,
         .flags = kNonDifferentiable});
}

}  // namespace defs
}  // namespace paratrace
