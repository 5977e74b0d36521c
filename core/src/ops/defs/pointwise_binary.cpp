// Binary pointwise ops: arithmetic, comparison and selection, with PyTorch's
// broadcasting and type promotion. Each op: shape rule, kernel, backward,
// table entry, public function — in that order.
#include <cmath>
#include <functional>
#include <limits>

#include "../kernels/broadcast.h"
#include "../kernels/elementwise.h"
#include "define_ops.h"
#include "paratrace/tensor/factories.h"
#include "paratrace/tensor/ops.h"

namespace paratrace {
namespace {

using kernels::sum_to;

// ---- shared rules -----------------------------------------------------------

MetaList binary_shape(const Stack& a) {
  const Tensor& x = a[0].to_tensor();
  const Tensor& y = a[1].to_tensor();
  // Same shape and dtype, no wrapped number (most calls): nothing to broadcast or promote.
  if (x.dtype() == y.dtype() && x.sizes() == y.sizes() && !x.impl()->is_wrapped_number &&
      !y.impl()->is_wrapped_number) {
    return {{x.sizes(), x.dtype()}};
  }
  return {{kernels::broadcast_shapes(x.sizes(), y.sizes()), kernels::result_type({&x, &y})}};
}

// Arithmetic on bool tensors is done in bool, as PyTorch does (True + True == True).
template <typename T, typename F> T arith(F f) {
  if constexpr (std::is_same_v<T, bool>) return static_cast<bool>(f());
  else return static_cast<T>(f());
}

void check_alpha(const Scalar& alpha, ScalarType dtype) {
  PT_CHECK(is_floating_point(dtype) || !alpha.is_floating_point(), RuntimeError,
           "For integral input tensors, argument alpha must not be a floating point number.");
  PT_CHECK(dtype != ScalarType::Bool || alpha.is_bool() || alpha.to_int() == 1 || alpha.to_int() == 0, RuntimeError,
           "Boolean alpha only supported for Boolean results.");
}

// The result of an in-place op must fit its self: same shape after
// broadcasting, and a dtype self can hold.
void check_inplace_result(const Tensor& self, const TensorMeta& m) {
  PT_CHECK(m.sizes == self.sizes(), RuntimeError,
           "output with shape " << kernels::shape_str(self.sizes()) << " doesn't match the broadcast shape "
                                << kernels::shape_str(m.sizes));
  PT_CHECK(!(is_floating_point(m.dtype) && !is_floating_point(self.dtype())) &&
               !(m.dtype != ScalarType::Bool && self.dtype() == ScalarType::Bool),
           RuntimeError,
           "result type " << ir_type_name(m.dtype) << " can't be cast to the desired output type "
                          << ir_type_name(self.dtype()));
}

// Runs `f(x, y)` element-wise in the promoted dtype m.dtype (m from binary_shape);
// f.template operator()<T>() makes the element functor for dtype T.
template <typename F> Tensor promoted_binary(const Stack& a, const TensorMeta& m, F&& f) {
  const Tensor x = kernels::cast(a[0].to_tensor(), m.dtype);
  const Tensor y = kernels::cast(a[1].to_tensor(), m.dtype);
  return dispatch_dtype(m.dtype, [&]<typename T>() { return kernels::map_binary<T, T, T>(x, y, f.template operator()<T>()); });
}
template <typename F> Tensor promoted_binary(const Stack& a, F&& f) { return promoted_binary(a, binary_shape(a)[0], f); }

// For in-place variants: compute out of place, then write into self.
Stack write_into_self(const Stack& a, const Tensor& result) {
  const Tensor& self = a[0].to_tensor();
  check_inplace_result(self, {result.sizes(), result.dtype()});
  kernels::copy_kernel(self, result);
  return {self};
}

// self = f(self, other) in place. Computed straight into self when that gives
// what computing out of place and copying in would: the result has self's
// dtype and shape, self is contiguous (no element aliases another) and other
// shares no memory with it (nothing is read after being written). Otherwise
// it does exactly that.
template <typename F> Stack promoted_binary_(const Stack& a, const TensorMeta& m, F&& f) {
  const Tensor& self = a[0].to_tensor();
  if (m.dtype != self.dtype() || m.sizes != self.sizes() || !self.is_contiguous()) {
    return write_into_self(a, promoted_binary(a, m, f));
  }
  const Tensor y = kernels::cast(a[1].to_tensor(), m.dtype);
  // Compared as buffers, so distinct Storage objects over the same memory count too.
  const Storage &ss = *self.storage(), &ys = *y.storage();
  const auto s0 = reinterpret_cast<std::uintptr_t>(ss.data()), y0 = reinterpret_cast<std::uintptr_t>(ys.data());
  if (s0 < y0 + ys.nbytes() && y0 < s0 + ss.nbytes()) return write_into_self(a, promoted_binary(a, m, f));
  dispatch_dtype(m.dtype, [&]<typename T>() { kernels::update_binary<T, T>(self, y, f.template operator()<T>()); });
  return {self};
}

// ---- add / sub ----------------------------------------------------------------

// self + Sign * alpha * other, out of place or (Inplace) into self. With
// alpha != 1, PyTorch's CPU kernel rounds a floating result once, as a fused
// multiply-add (vec::fmadd), and so does this one.
template <int Sign, bool Inplace = false> auto add_kernel(const Stack& a) {
  const Scalar alpha = a[2].to_scalar();
  const TensorMeta m = binary_shape(a)[0];
  check_alpha(alpha, m.dtype);
  auto run = [&](auto&& f) {
    if constexpr (Inplace) return promoted_binary_(a, m, f);
    else return promoted_binary(a, m, f);
  };
  if (alpha.to_double() == 1.0) {
    return run([]<typename T>() { return [](T u, T v) { return arith<T>([&] { return u + Sign * v; }); }; });
  }
  return run([&alpha]<typename T>() {
    const T al = alpha.to<T>();
    return [al](T u, T v) {
      if constexpr (std::is_floating_point_v<T>) return std::fma(static_cast<T>(Sign) * al, v, u);
      else return arith<T>([&] { return u + Sign * al * v; });
    };
  });
}

Tensor scaled(const Tensor& t, const Scalar& alpha) {
  return alpha.to_double() == 1.0 ? t : mul(t, alpha);
}

TensorList add_backward(BackwardContext& ctx, const TensorList& g) {
  const Scalar alpha = ctx.arg(2).to_scalar();
  TensorList r(2);
  if (ctx.needs_input_grad(0)) r[0] = sum_to(g[0], ctx.arg_meta(0).sizes);
  if (ctx.needs_input_grad(1)) r[1] = sum_to(scaled(g[0], alpha), ctx.arg_meta(1).sizes);
  return r;
}

TensorList sub_backward(BackwardContext& ctx, const TensorList& g) {
  const Scalar alpha = ctx.arg(2).to_scalar();
  TensorList r(2);
  if (ctx.needs_input_grad(0)) r[0] = sum_to(g[0], ctx.arg_meta(0).sizes);
  if (ctx.needs_input_grad(1)) r[1] = sum_to(neg(scaled(g[0], alpha)), ctx.arg_meta(1).sizes);
  return r;
}

// ---- mul / div ------------------------------------------------------------------

// self * other, out of place or (Inplace) into self.
template <bool Inplace = false> auto mul_kernel(const Stack& a) {
  auto f = []<typename T>() {
    return [](T u, T v) {
      if constexpr (std::is_same_v<T, bool>) return static_cast<bool>(u && v);
      else return static_cast<T>(u * v);
    };
  };
  if constexpr (Inplace) return promoted_binary_(a, binary_shape(a)[0], f);
  else return promoted_binary(a, f);
}

TensorList mul_backward(BackwardContext& ctx, const TensorList& g) {
  TensorList r(2);
  if (ctx.needs_input_grad(0)) r[0] = sum_to(mul(g[0], ctx.tensor_arg(1)), ctx.arg_meta(0).sizes);
  if (ctx.needs_input_grad(1)) r[1] = sum_to(mul(g[0], ctx.tensor_arg(0)), ctx.arg_meta(1).sizes);
  return r;
}

MetaList div_shape(const Stack& a) {
  TensorMeta m = binary_shape(a)[0];
  const bool true_div = a.size() < 3 || a[2].is_none();
  if (true_div && !is_floating_point(m.dtype)) m.dtype = ScalarType::Float32;
  return {m};
}

Tensor div_kernel(const Stack& a) {
  const TensorMeta m = div_shape(a)[0];
  const std::string mode = a.size() < 3 || a[2].is_none() ? "" : a[2].to_string_ref();
  PT_CHECK(mode.empty() || mode == "trunc" || mode == "floor", RuntimeError,
           "div expected rounding_mode to be one of None, 'trunc', or 'floor' but found '" << mode << "'");
  const Tensor x = kernels::cast(a[0].to_tensor(), m.dtype);
  const Tensor y = kernels::cast(a[1].to_tensor(), m.dtype);
  return dispatch_dtype(m.dtype, [&]<typename T>() {
    return kernels::map_binary<T, T, T>(x, y, [&mode](T u, T v) -> T {
      if constexpr (std::is_floating_point_v<T>) {
        const T q = u / v;
        if (mode == "trunc") return std::trunc(q);
        if (mode == "floor") return std::floor(q);
        return q;
      } else {
        if (v == 0) throw RuntimeError("ZeroDivisionError");
        if constexpr (std::is_same_v<T, bool>) return u;
        else {
          T q = u / v;
          if (mode == "floor" && (u % v != 0) && ((u < 0) != (v < 0))) --q;
          return q;
        }
      }
    });
  });
}

TensorList div_backward(BackwardContext& ctx, const TensorList& g) {
  TensorList r(2);
  const bool rounding = ctx.num_args() > 2 && !ctx.arg(2).is_none();
  if (rounding) return r;  // piecewise constant: zero gradient, as PyTorch
  const Tensor& other = ctx.tensor_arg(1);
  if (ctx.needs_input_grad(0)) r[0] = sum_to(div(g[0], other), ctx.arg_meta(0).sizes);
  if (ctx.needs_input_grad(1)) {
    r[1] = sum_to(neg(mul(g[0], div(ctx.tensor_arg(0), mul(other, other)))), ctx.arg_meta(1).sizes);
  }
  return r;
}

// rsub(self, other, alpha) = other - alpha * self
TensorList rsub_backward(BackwardContext& ctx, const TensorList& g) {
  const Scalar alpha = ctx.arg(2).to_scalar();
  TensorList r(2);
  if (ctx.needs_input_grad(0)) r[0] = sum_to(neg(scaled(g[0], alpha)), ctx.arg_meta(0).sizes);
  if (ctx.needs_input_grad(1)) r[1] = sum_to(g[0], ctx.arg_meta(1).sizes);
  return r;
}

Tensor rsub_kernel(const Stack& a) {
  Stack swapped{a[1], a[0], a[2]};
  return add_kernel<-1>(swapped);
}


// ---- comparisons and logical ops (bool results, no gradient) ------------------

MetaList bool_binary_shape(const Stack& a) {
  return {{binary_shape(a)[0].sizes, ScalarType::Bool}};
}

template <typename Cmp> Stack compare_forward(const Stack& a) {
  const TensorMeta m = binary_shape(a)[0];
  const Tensor x = kernels::cast(a[0].to_tensor(), m.dtype);
  const Tensor y = kernels::cast(a[1].to_tensor(), m.dtype);
  return {dispatch_dtype(m.dtype, [&]<typename T>() {
    return kernels::map_binary<bool, T, T>(x, y, [](T u, T v) { return Cmp{}(u, v); });
  })};
}

template <typename Op> Stack logical_forward(const Stack& a) {
  const Tensor x = kernels::cast(a[0].to_tensor(), ScalarType::Bool);
  const Tensor y = kernels::cast(a[1].to_tensor(), ScalarType::Bool);
  return {kernels::map_binary<bool, bool, bool>(x, y, [](bool u, bool v) { return Op{}(u, v); })};
}

// ---- pow ------------------------------------------------------------------------

MetaList pow_shape(const Stack& a) {
  if (a[0].is_tensor() && a[1].is_tensor()) return binary_shape(a);
  if (a[0].is_tensor()) {  // Tensor ** Scalar
    const Tensor& x = a[0].to_tensor();
    ScalarType dt = x.dtype();
    if (a[1].is_double() && !is_floating_point(dt)) dt = ScalarType::Float32;
    return {{x.sizes(), dt}};
  }
  const Tensor& e = a[1].to_tensor();  // Scalar ** Tensor
  ScalarType dt = e.dtype();
  if (a[0].is_double() && !is_floating_point(dt)) dt = ScalarType::Float32;
  return {{e.sizes(), dt}};
}

template <typename T> T pow_value(T b, T e) {
  if constexpr (std::is_floating_point_v<T>) {
    return std::pow(b, e);
  } else if constexpr (std::is_same_v<T, bool>) {
    return b || !e;
  } else {
    if (e < 0) {
      PT_CHECK(b == 1 || b == -1, RuntimeError, "Integers to negative integer powers are not allowed.");
      return (b == 1 || e % 2 == 0) ? T(1) : b;
    }
    T r = 1;
    for (T i = 0; i < e; ++i) r = static_cast<T>(r * b);
    return r;
  }
}

Stack pow_forward(const Stack& a) {
  const TensorMeta m = pow_shape(a)[0];
  auto as_tensor = [&](const IValue& v) {
    return v.is_tensor() ? kernels::cast(v.to_tensor(), m.dtype) : kernels::scalar_to_tensor(v.to_scalar(), m.dtype);
  };
  const Tensor x = as_tensor(a[0]), y = as_tensor(a[1]);
  return {dispatch_dtype(m.dtype, [&]<typename T>() {
    return kernels::map_binary<T, T, T>(x, y, [](T u, T v) { return pow_value(u, v); });
  })};
}

TensorList pow_backward(BackwardContext& ctx, const TensorList& g) {
  TensorList r;
  const bool base_is_tensor = ctx.arg(0).is_tensor();
  const bool exp_is_tensor = ctx.arg(1).is_tensor();
  if (base_is_tensor) {
    const Tensor& x = ctx.tensor_arg(0);
    Tensor gx;
    if (exp_is_tensor) {
      const Tensor& e = ctx.tensor_arg(1);
      gx = mul(g[0], mul(e, pow(x, sub(e, 1))));
    } else {
      const Scalar e = ctx.arg(1).to_scalar();
      gx = e.to_double() == 0 ? zeros_like(g[0]) : mul(g[0], mul(pow(x, e.to_double() - 1), e));
    }
    r.push_back(kernels::sum_to(gx, ctx.arg_meta(0).sizes));
  }
  if (exp_is_tensor) {
    const Tensor y = ctx.output(0);
    const Tensor base = base_is_tensor ? ctx.tensor_arg(0) : kernels::scalar_to_tensor(ctx.arg(0).to_scalar());
    // d/de b^e = b^e log b, taken as 0 where b == 0 and e >= 0 (PyTorch's masking).
    Tensor ge_ = mul(g[0], mul(y, log(base)));
    ge_ = masked_fill(ge_, logical_and(eq(base, 0), ge(ctx.tensor_arg(1), 0)), 0);
    r.push_back(kernels::sum_to(ge_, ctx.arg_meta(1).sizes));
  }
  return r;
}

// ---- maximum / minimum -------------------------------------------------------------

template <bool IsMax> Stack extremum_forward(const Stack& a) {
  return {promoted_binary(a, []<typename T>() {
    return [](T u, T v) -> T {
      if constexpr (std::is_floating_point_v<T>) {
        if (std::isnan(u) || std::isnan(v)) return std::numeric_limits<T>::quiet_NaN();
      }
      return IsMax ? (u > v ? u : v) : (u < v ? u : v);
    };
  })};
}
// Ties split the gradient in half, as PyTorch.
template <bool IsMax> TensorList extremum_backward(BackwardContext& ctx, const TensorList& g) {
  const Tensor& x = ctx.tensor_arg(0);
  const Tensor& y = ctx.tensor_arg(1);
  const Tensor wins = (IsMax ? gt(x, y) : lt(x, y)).to(g[0].dtype());
  const Tensor ties = eq(x, y).to(g[0].dtype());
  const Tensor wx = add(wins, mul(ties, 0.5));
  return {kernels::sum_to(mul(g[0], wx), ctx.arg_meta(0).sizes),
          kernels::sum_to(mul(g[0], rsub(wx, 1)), ctx.arg_meta(1).sizes)};
}

// ---- where / masked_fill -------------------------------------------------------------

MetaList where_shape(const Stack& a) {
  const Tensor& c = a[0].to_tensor();
  const Tensor& x = a[1].to_tensor();
  const Tensor& y = a[2].to_tensor();
  PT_CHECK(c.dtype() == ScalarType::Bool || c.dtype() == ScalarType::UInt8, RuntimeError,
           "where expected condition to be a boolean tensor, but got a tensor with dtype "
               << ir_type_name(c.dtype()));
  return {{kernels::broadcast_shapes(kernels::broadcast_shapes(c.sizes(), x.sizes()), y.sizes()),
           kernels::result_type({&x, &y})}};
}
Stack where_forward(const Stack& a) {
  const TensorMeta m = where_shape(a)[0];
  const Tensor c = kernels::cast(a[0].to_tensor(), ScalarType::Bool);
  const Tensor x = kernels::cast(a[1].to_tensor(), m.dtype), y = kernels::cast(a[2].to_tensor(), m.dtype);
  return {dispatch_dtype(m.dtype, [&]<typename T>() {
    return kernels::map_ternary<T, bool, T, T>(c, x, y, [](bool k, T u, T v) { return k ? u : v; });
  })};
}
TensorList where_backward(BackwardContext& ctx, const TensorList& g) {
  const Tensor& c = ctx.tensor_arg(0);
  const Tensor z = zeros_like(g[0]);
  return {Tensor(), kernels::sum_to(where(c, g[0], z), ctx.arg_meta(1).sizes),
          kernels::sum_to(where(c, z, g[0]), ctx.arg_meta(2).sizes)};
}

MetaList masked_fill_shape(const Stack& a) {
  const Tensor& x = a[0].to_tensor();
  const Tensor& mask = a[1].to_tensor();
  PT_CHECK(mask.dtype() == ScalarType::Bool, RuntimeError,
           "masked_fill_ only supports boolean masks, but got mask with dtype " << ir_type_name(mask.dtype()));
  if (a[2].is_tensor()) {
    PT_CHECK(a[2].to_tensor().dim() == 0, RuntimeError,
             "masked_fill_ only supports a 0-dimensional value tensor, but got tensor with "
                 << a[2].to_tensor().dim() << " dimension(s).");
  }
  return {{kernels::broadcast_shapes(x.sizes(), mask.sizes()), x.dtype()}};
}
Tensor masked_fill_kernel(const Stack& a) {
  const TensorMeta m = masked_fill_shape(a)[0];
  const Tensor& x = a[0].to_tensor();
  const Tensor mask = a[1].to_tensor();
  const Tensor v = a[2].is_tensor() ? kernels::cast(a[2].to_tensor(), x.dtype())
                                    : kernels::scalar_to_tensor(a[2].to_scalar(), x.dtype());
  return dispatch_dtype(x.dtype(), [&]<typename T>() {
    return kernels::map_ternary<T, T, bool, T>(x, mask, v, [](T u, bool k, T w) { return k ? w : u; });
  });
}
TensorList masked_fill_backward(BackwardContext& ctx, const TensorList& g) {
  const Tensor& mask = ctx.tensor_arg(1);
  TensorList r{kernels::sum_to(masked_fill(g[0], mask, 0), ctx.arg_meta(0).sizes), Tensor()};
  if (ctx.arg(2).is_tensor()) r.push_back(sum(where(mask, g[0], zeros_like(g[0]))));
  return r;
}
Stack masked_fill_inplace_forward(const Stack& a) {
  const Tensor& self = a[0].to_tensor();
  const Tensor result = masked_fill_kernel(a);
  PT_CHECK(result.sizes() == self.sizes(), RuntimeError,
           "output with shape " << kernels::shape_str(self.sizes()) << " doesn't match the broadcast shape "
                                << kernels::shape_str(result.sizes()));
  kernels::copy_kernel(self, result);
  return {self};
}

// ---- copy_ ---------------------------------------------------------------------

MetaList copy_shape(const Stack& a) {
  const Tensor& self = a[0].to_tensor();
  const Tensor& src = a[1].to_tensor();
  const Shape b = kernels::broadcast_shapes(self.sizes(), src.sizes());
  PT_CHECK(b == self.sizes(), RuntimeError,
           "output with shape " << kernels::shape_str(self.sizes()) << " doesn't match the broadcast shape "
                                << kernels::shape_str(b));
  return {{self.sizes(), self.dtype()}};
}
Stack copy_forward(const Stack& a) {
  copy_shape(a);
  const Tensor& self = a[0].to_tensor();
  kernels::copy_kernel(self, kernels::contiguous_kernel(a[1].to_tensor()));
  return {self};
}
TensorList copy_backward(BackwardContext& ctx, const TensorList& g) {
  TensorList r(2);
  if (ctx.needs_input_grad(1)) r[1] = kernels::sum_to(g[0], ctx.arg_meta(1).sizes).to(ctx.arg_meta(1).dtype);
  return r;
}
}  // namespace

// ---- public API ------------------------------------------------------------------

Tensor add(const Tensor& self, const Tensor& other, const Scalar& alpha) {
  return call_op1(OpKind::add, {self, other, alpha});
}
Tensor add(const Tensor& self, const Scalar& other, const Scalar& alpha) {
  return add(self, kernels::scalar_to_tensor(other), alpha);
}
Tensor sub(const Tensor& self, const Tensor& other, const Scalar& alpha) {
  return call_op1(OpKind::sub, {self, other, alpha});
}
Tensor sub(const Tensor& self, const Scalar& other, const Scalar& alpha) {
  return sub(self, kernels::scalar_to_tensor(other), alpha);
}
Tensor rsub(const Tensor& self, const Scalar& other, const Scalar& alpha) {
  return call_op1(OpKind::rsub, {self, kernels::scalar_to_tensor(other), alpha});
}
Tensor mul(const Tensor& self, const Tensor& other) { return call_op1(OpKind::mul, {self, other}); }
Tensor mul(const Tensor& self, const Scalar& other) { return mul(self, kernels::scalar_to_tensor(other)); }
Tensor div(const Tensor& self, const Tensor& other, std::optional<std::string> rounding_mode) {
  if (rounding_mode) return call_op1(OpKind::div, {self, other, *rounding_mode});
  return call_op1(OpKind::div, {self, other});
}
Tensor floor_divide(const Tensor& self, const Tensor& other) { return call_op1(OpKind::floor_divide, {self, other}); }
Tensor div(const Tensor& self, const Scalar& other, std::optional<std::string> rounding_mode) {
  return div(self, kernels::scalar_to_tensor(other), std::move(rounding_mode));
}

#define PT_COMPARE_API(name)                                                                     \
  Tensor name(const Tensor& self, const Tensor& other) { return call_op1(OpKind::name, {self, other}); } \
  Tensor name(const Tensor& self, const Scalar& other) { return name(self, kernels::scalar_to_tensor(other)); }
PT_COMPARE_API(eq)
PT_COMPARE_API(ne)
PT_COMPARE_API(lt)
PT_COMPARE_API(le)
PT_COMPARE_API(gt)
PT_COMPARE_API(ge)
#undef PT_COMPARE_API
Tensor logical_and(const Tensor& self, const Tensor& other) { return call_op1(OpKind::logical_and, {self, other}); }
Tensor logical_or(const Tensor& self, const Tensor& other) { return call_op1(OpKind::logical_or, {self, other}); }
Tensor pow(const Tensor& self, const Tensor& exponent) { return call_op1(OpKind::pow, {self, exponent}); }
Tensor pow(const Tensor& self, const Scalar& exponent) { return call_op1(OpKind::pow, {self, exponent}); }
Tensor pow(const Scalar& self, const Tensor& exponent) { return call_op1(OpKind::pow, {self, exponent}); }
Tensor maximum(const Tensor& self, const Tensor& other) { return call_op1(OpKind::maximum, {self, other}); }
Tensor minimum(const Tensor& self, const Tensor& other) { return call_op1(OpKind::minimum, {self, other}); }
Tensor where(const Tensor& condition, const Tensor& self, const Tensor& other) {
  return call_op1(OpKind::where, {condition, self, other});
}
Tensor where(const Tensor& condition, const Scalar& self, const Tensor& other) {
  return where(condition, kernels::scalar_to_tensor(self), other);
}
Tensor where(const Tensor& condition, const Tensor& self, const Scalar& other) {
  return where(condition, self, kernels::scalar_to_tensor(other));
}
Tensor masked_fill(const Tensor& self, const Tensor& mask, const Scalar& value) {
  return call_op1(OpKind::masked_fill, {self, mask, value});
}
Tensor masked_fill(const Tensor& self, const Tensor& mask, const Tensor& value) {
  return call_op1(OpKind::masked_fill, {self, mask, value});
}
bool allclose(const Tensor& self, const Tensor& other, double rtol, double atol, bool equal_nan) {
  const Shape shape = kernels::broadcast_shapes(self.sizes(), other.sizes());
  const Tensor x = kernels::contiguous_as(self.expand(shape), ScalarType::Float64);
  const Tensor y = kernels::contiguous_as(other.expand(shape), ScalarType::Float64);
  const double* p = x.data_ptr<double>();
  const double* q = y.data_ptr<double>();
  for (std::int64_t i = 0; i < x.numel(); ++i) {
    if (std::isnan(p[i]) || std::isnan(q[i])) {
      if (!(equal_nan && std::isnan(p[i]) && std::isnan(q[i]))) return false;
    } else if (p[i] != q[i] && !(std::abs(p[i] - q[i]) <= atol + rtol * std::abs(q[i]))) {
      return false;
    }
  }
  return true;
}
bool equal(const Tensor& self, const Tensor& other) {
  if (self.sizes() != other.sizes()) return false;
  const Tensor x = kernels::contiguous_as(self, ScalarType::Float64);
  const Tensor y = kernels::contiguous_as(other, ScalarType::Float64);
  return std::equal(x.data_ptr<double>(), x.data_ptr<double>() + x.numel(), y.data_ptr<double>());
}

namespace defs {

void define_pointwise_binary_ops(OpTable& t) {
  t.def({.kind = OpKind::add,
         .schema = "aten::add.Tensor(Tensor self, Tensor other, *, Scalar alpha=1) -> Tensor",
         .forward = [](const Stack& a) -> Stack { return {add_kernel<1>(a)}; },
         .backward = add_backward,
         .shape = binary_shape});
  t.def({.kind = OpKind::add_,
         .schema = "aten::add_.Tensor(Tensor(a!) self, Tensor other, *, Scalar alpha=1) -> Tensor(a!)",
         .forward = [](const Stack& a) { return add_kernel<1, true>(a); },
         .backward = add_backward,
         .shape = binary_shape,
         .flags = kInplace});
  t.def({.kind = OpKind::sub,
         .schema = "aten::sub.Tensor(Tensor self, Tensor other, *, Scalar alpha=1) -> Tensor",
         .forward = [](const Stack& a) -> Stack { return {add_kernel<-1>(a)}; },
         .backward = sub_backward,
         .shape = binary_shape});
  t.def({.kind = OpKind::sub_,
         .schema = "aten::sub_.Tensor(Tensor(a!) self, Tensor other, *, Scalar alpha=1) -> Tensor(a!)",
         .forward = [](const Stack& a) { return add_kernel<-1, true>(a); },
         .backward = sub_backward,
         .shape = binary_shape,
         .flags = kInplace});
  t.def({.kind = OpKind::rsub,
         .schema = "aten::rsub.Tensor(Tensor self, Tensor other, *, Scalar alpha=1) -> Tensor",
         .forward = [](const Stack& a) -> Stack { return {rsub_kernel(a)}; },
         .backward = rsub_backward,
         .shape = binary_shape});
  t.def({.kind = OpKind::mul,
         .schema = "aten::mul.Tensor(Tensor self, Tensor other) -> Tensor",
         .forward = [](const Stack& a) -> Stack { return {mul_kernel(a)}; },
         .backward = mul_backward,
         .shape = binary_shape});
  t.def({.kind = OpKind::mul_,
         .schema = "aten::mul_.Tensor(Tensor(a!) self, Tensor other) -> Tensor(a!)",
         .forward = [](const Stack& a) { return mul_kernel<true>(a); },
         .backward = mul_backward,
         .shape = binary_shape,
         .flags = kInplace});
  t.def({.kind = OpKind::div,
         .schema = "aten::div.Tensor(Tensor self, Tensor other) -> Tensor | "
                   "aten::div.Tensor_mode(Tensor self, Tensor other, *, str? rounding_mode) -> Tensor",
         .forward = [](const Stack& a) -> Stack { return {div_kernel(a)}; },
         .backward = div_backward,
         .shape = div_shape});
  // PyTorch 1.13 rounds toward -inf and keeps integer dtypes. Its backward
  // raises "derivative for aten::floor_divide is not implemented"; here the
  // result simply does not require grad.
  t.def({.kind = OpKind::floor_divide,
         .schema = "aten::floor_divide(Tensor self, Tensor other) -> Tensor",
         .forward = [](const Stack& a) -> Stack { return {div_kernel({a[0], a[1], std::string("floor")})}; },
         .shape = binary_shape,
         .flags = kNonDifferentiable});
  t.def({.kind = OpKind::div_,
         .schema = "aten::div_.Tensor(Tensor(a!) self, Tensor other) -> Tensor(a!)",
         .forward = [](const Stack& a) { return write_into_self(a, div_kernel(a)); },
         .backward = div_backward,
         .shape = div_shape,
         .flags = kInplace});
  auto cmp = [&t](OpKind k, const char* schema, ForwardFn f) {
    t.def({.kind = k, .schema = schema, .forward = f, .shape = bool_binary_shape, .flags = kNonDifferentiable});
  };
  cmp(OpKind::eq, "aten::eq.Tensor(Tensor self, Tensor other) -> Tensor", compare_forward<std::equal_to<>>);
  cmp(OpKind::ne, "aten::ne.Tensor(Tensor self, Tensor other) -> Tensor", compare_forward<std::not_equal_to<>>);
  cmp(OpKind::lt, "aten::lt.Tensor(Tensor self, Tensor other) -> Tensor", compare_forward<std::less<>>);
  cmp(OpKind::le, "aten::le.Tensor(Tensor self, Tensor other) -> Tensor", compare_forward<std::less_equal<>>);
  cmp(OpKind::gt, "aten::gt.Tensor(Tensor self, Tensor other) -> Tensor", compare_forward<std::greater<>>);
  cmp(OpKind::ge, "aten::ge.Tensor(Tensor self, Tensor other) -> Tensor", compare_forward<std::greater_equal<>>);
  cmp(OpKind::logical_and, "aten::logical_and(Tensor self, Tensor other) -> Tensor",
      logical_forward<std::logical_and<>>);
  cmp(OpKind::logical_or, "aten::logical_or(Tensor self, Tensor other) -> Tensor", logical_forward<std::logical_or<>>);
  t.def({.kind = OpKind::pow,
         .schema = "aten::pow.Tensor_Tensor(Tensor self, Tensor exponent) -> Tensor | "
                   "aten::pow.Tensor_Scalar(Tensor self, Scalar exponent) -> Tensor | "
                   "aten::pow.Scalar(Scalar self, Tensor exponent) -> Tensor",
         .forward = pow_forward, .backward = pow_backward, .shape = pow_shape});
  t.def({.kind = OpKind::maximum, .schema = "aten::maximum(Tensor self, Tensor other) -> Tensor",
         .forward = extremum_forward<true>, .backward = extremum_backward<true>, .shape = binary_shape});
  t.def({.kind = OpKind::minimum, .schema = "aten::minimum(Tensor self, Tensor other) -> Tensor",
         .forward = extremum_forward<false>, .backward = extremum_backward<false>, .shape = binary_shape});
  t.def({.kind = OpKind::where, .schema = "aten::where.self(Tensor condition, Tensor self, Tensor other) -> Tensor",
         .forward = where_forward, .backward = where_backward, .shape = where_shape});
  t.def({.kind = OpKind::masked_fill,
         .schema = "aten::masked_fill.Scalar(Tensor self, Tensor mask, Scalar value) -> Tensor | "
                   "aten::masked_fill.Tensor(Tensor self, Tensor mask, Tensor value) -> Tensor",
         .forward = [](const Stack& a) -> Stack { return {masked_fill_kernel(a)}; },
         .backward = masked_fill_backward, .shape = masked_fill_shape});
  t.def({.kind = OpKind::masked_fill_,
         .schema = "aten::masked_fill_.Scalar(Tensor(a!) self, Tensor mask, Scalar value) -> Tensor(a!)",
         .forward = masked_fill_inplace_forward, .backward = masked_fill_backward, .shape = masked_fill_shape,
         .flags = kInplace});
  t.def({.kind = OpKind::copy_,
         .schema = "aten::copy_(Tensor(a!) self, Tensor src, bool non_blocking=False) -> Tensor(a!)",
         .forward = copy_forward, .backward = copy_backward, .shape = copy_shape, .flags = kInplace});
}

}  // namespace defs
}  // namespace paratrace
