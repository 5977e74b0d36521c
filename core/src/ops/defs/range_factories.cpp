// arange and linspace, bit-identical to PyTorch 1.13's CPU kernels.
//
// Those kernels (cpu_serial_kernel_vec in the AVX2 build) write the output in
// blocks of two W-lane vectors, W = 32 bytes / element size. The first lane of
// each vector comes from the scalar formula at its index; the other lanes are
// base + j * step. Elements after the last whole block use the scalar formula.
// The scalar formulas are `start + step * i`, which the compiler contracts to
// a fused multiply-add, so std::fma is used where PyTorch's binary gets one.
// (Outputs longer than PyTorch's parallel grain, 2000 elements for arange and
// 32768 for linspace, restart the blocks at each thread's chunk there.)
#include <cmath>
#include <limits>

#include "../kernels/tensor_alloc.h"
#include "define_ops.h"
#include "factory_args.h"
#include "paratrace/tensor/factories.h"

namespace paratrace {
namespace {

using factory::dtype_arg;

template <typename T> constexpr const char* c_type_name() {
  if constexpr (std::is_same_v<T, std::uint8_t>) return "uint8_t";
  else return "int64_t";
}

// c10's checked Scalar::to<T>() for an integral T: a float that T cannot hold (nan, inf, out of range) is an error.
template <typename T> T checked_integral(const IValue& v) {
  if (!v.is_double()) return static_cast<T>(v.to_int());
  const double d = v.to_double();
  const bool fits = d >= static_cast<double>(std::numeric_limits<T>::lowest()) &&
                    d < static_cast<double>(std::numeric_limits<T>::max()) + 1.0;
  PT_CHECK(fits, RuntimeError, "value cannot be converted to type " << c_type_name<T>() << " without overflow");
  return static_cast<T>(d);
}

template <typename T, typename ScalarAt, typename Lane>
void fill_in_vector_blocks(T* p, std::int64_t n, ScalarAt scalar_at, Lane lane) {
  constexpr std::int64_t W = 32 / static_cast<std::int64_t>(sizeof(T));
  std::int64_t i = 0;
  for (; i + 2 * W <= n; i += 2 * W) {
    for (std::int64_t v = i; v < i + 2 * W; v += W) {
      const T base = scalar_at(v);
      for (std::int64_t j = 0; j < W; ++j) p[v + j] = lane(base, j);
    }
  }
  for (; i < n; ++i) p[i] = scalar_at(i);
}

// ---- arange -------------------------------------------------------------------

// aten::arange.start_step(Scalar start, Scalar end, Scalar step, *, ScalarType? dtype, ...):
// int64 unless some bound is a float, then the default float32.
ScalarType arange_dtype(const Stack& a) {
  if (a.size() > 3 && !a[3].is_none()) return a[3].to_scalar_type();
  const bool any_float = a[0].is_double() || a[1].is_double() || a[2].is_double();
  return any_float ? ScalarType::Float32 : ScalarType::Int64;
}

// The bounds in PyTorch's accumulate type: double for floating outputs, int64 for integral ones.
template <typename Acc> struct ArangeBounds {
  Acc start, end, step;
};
template <typename Acc> ArangeBounds<Acc> arange_bounds(const Stack& a) {
  ArangeBounds<Acc> b;
  if constexpr (std::is_floating_point_v<Acc>) b = {a[0].to_double(), a[1].to_double(), a[2].to_double()};
  else b = {checked_integral<Acc>(a[0]), checked_integral<Acc>(a[1]), checked_integral<Acc>(a[2])};
  PT_CHECK(b.step > 0 || b.step < 0, RuntimeError, "step must be nonzero");
  PT_CHECK(std::isfinite(static_cast<double>(b.start)) && std::isfinite(static_cast<double>(b.end)), RuntimeError,
           "unsupported range: " << b.start << " -> " << b.end);
  PT_CHECK((b.step > 0 && b.end >= b.start) || (b.step < 0 && b.end <= b.start), RuntimeError,
           "upper bound and larger bound inconsistent with step sign");
  return b;
}

template <typename T> using ArangeAcc = std::conditional_t<std::is_floating_point_v<T>, double, std::int64_t>;

// The length, computed in double as PyTorch does for every device: from the
// converted int64 bounds for int64 outputs, from the arguments as given otherwise.

template <typename T> std::int64_t arange_length(const Stack& a, const ArangeBounds<ArangeAcc<T>>& b) {
  double size;
  if constexpr (std::is_same_v<T, std::int64_t>) {
    // Wrapping difference, as the int64 subtraction in PyTorch wraps on overflow.
    const auto span = static_cast<std::int64_t>(static_cast<std::uint64_t>(b.end) - static_cast<std::uint64_t>(b.start));
    size = std::ceil(static_cast<double>(span) / static_cast<double>(b.step));
  } else {
    size = std::ceil((a[1].to_double() - a[0].to_double()) / a[2].to_double());
  }
  PT_CHECK(size >= 0 && size <= static_cast<double>(std::numeric_limits<std::int64_t>::max()), RuntimeError,
           "invalid size, possible overflow?");
  return static_cast<std::int64_t>(size);
}

ScalarType checked_arange_dtype(const Stack& a) {
  const ScalarType dt = arange_dtype(a);
  PT_CHECK(dt != ScalarType::Bool, RuntimeError, "\"arange_cpu\" not implemented for 'Bool'");
  return dt;
}

MetaList arange_shape(const Stack& a) {
  const ScalarType dt = checked_arange_dtype(a);
  return dispatch_dtype(dt, [&]<typename T>() -> MetaList {
    if constexpr (std::is_same_v<T, bool>) return {};  // rejected by checked_arange_dtype
    else return {{{arange_length<T>(a, arange_bounds<ArangeAcc<T>>(a))}, dt}};
  });
}

Stack arange_forward(const Stack& a) {
  const ScalarType dt = checked_arange_dtype(a);
  return dispatch_dtype(dt, [&]<typename T>() -> Stack {
    if constexpr (std::is_same_v<T, bool>) {
      return {};  // rejected by checked_arange_dtype
    } else {
      const auto b = arange_bounds<ArangeAcc<T>>(a);
      const std::int64_t n = arange_length<T>(a, b);
      Tensor t = kernels::make_tensor({n}, dt);
      T* p = t.data_ptr<T>();
      if constexpr (std::is_floating_point_v<T>) {
        fill_in_vector_blocks(
            p, n, [&](std::int64_t i) { return static_cast<T>(std::fma(b.step, static_cast<double>(i), b.start)); },
            [&](T base, std::int64_t j) {
              return static_cast<T>(std::fma(static_cast<double>(j), b.step, static_cast<double>(base)));
            });
      } else {
        // Exact in int64, so the block layout does not matter; narrower types wrap as PyTorch's cast does.
        for (std::int64_t i = 0; i < n; ++i) p[i] = static_cast<T>(b.start + b.step * i);
      }
      return {t};
    }
  });
}

// ---- linspace -----------------------------------------------------------------

// aten::linspace(Scalar start, Scalar end, int? steps, *, ScalarType? dtype, ...)
MetaList linspace_shape(const Stack& a) {
  const std::int64_t steps = a[2].to_int();
  PT_CHECK(steps >= 0, RuntimeError, "number of steps must be non-negative");
  const ScalarType dt = dtype_arg(a, 3);
  PT_CHECK(dt != ScalarType::Bool, RuntimeError, "\"linspace_cpu\" not implemented for 'Bool'");
  return {{{steps}, dt}};
}

// The first half counts up from start, the second half down from end, so
// both ends are exact. The step is computed in the output type for floating
// outputs and in double for integral ones.
template <typename T> void linspace_fill(T* p, std::int64_t n, const IValue& start_arg, const IValue& end_arg) {
  using Step = std::conditional_t<std::is_floating_point_v<T>, T, double>;
  T start, end;
  if constexpr (std::is_floating_point_v<T>) {
    start = static_cast<T>(start_arg.to_double());
    end = static_cast<T>(end_arg.to_double());
  } else {
    start = checked_integral<T>(start_arg);
    end = checked_integral<T>(end_arg);
  }
  if (n == 1) {  // PyTorch fills start without going through the kernel
    p[0] = start;
    return;
  }
  const Step step = (static_cast<Step>(end) - static_cast<Step>(start)) / static_cast<Step>(n - 1);
  const std::int64_t halfway = n / 2;
  auto scalar_at = [&](std::int64_t i) {
    return static_cast<T>(i < halfway ? std::fma(step, static_cast<Step>(i), static_cast<Step>(start))
                                      : std::fma(-step, static_cast<Step>(n - 1 - i), static_cast<Step>(end)));
  };
  auto lane = [&](T base, std::int64_t j) {
    const Step offset = static_cast<Step>(j) * step;  // rounded on its own: PyTorch's lanes are not fused
    return static_cast<T>(static_cast<Step>(base) + offset);
  };
  fill_in_vector_blocks(p, n, scalar_at, lane);
}

Stack linspace_forward(const Stack& a) {
  const TensorMeta m = linspace_shape(a)[0];
  Tensor t = kernels::make_tensor(m.sizes, m.dtype);
  dispatch_dtype(m.dtype, [&]<typename T>() {
    if constexpr (!std::is_same_v<T, bool>) linspace_fill(t.data_ptr<T>(), m.sizes[0], a[0], a[1]);
  });
  return {t};
}

}  // namespace

Tensor arange(const Scalar& end, std::optional<ScalarType> dtype) { return arange(Scalar(std::int64_t{0}), end, 1, dtype); }
Tensor arange(const Scalar& start, const Scalar& end, const Scalar& step, std::optional<ScalarType> dtype) {
  return call_op1(OpKind::arange, {start, end, step, IValue(dtype)});
}
Tensor linspace(double start, double end, std::int64_t steps, TensorOptions o) {
  return factory::with_requires_grad(call_op1(OpKind::linspace, {start, end, steps, o.dtype}), o.requires_grad);
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
