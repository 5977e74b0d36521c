// Unary pointwise ops, conversions and copies.
#include <cmath>
#include <cstring>

#include "../kernels/elementwise.h"
#include "common_rules.h"
#include "define_ops.h"
#include "paratrace/tensor/factories.h"
#include "paratrace/tensor/ops.h"

namespace paratrace {
namespace {

using rules::identity_backward;
using rules::meta_of;
using rules::same_shape;


template <typename F> Tensor map_same(const Tensor& x, F&& f) {
  return dispatch_dtype(x.dtype(), [&]<typename T>() { return kernels::map_unary<T, T>(x, f.template operator()<T>()); });
}

Stack neg_forward(const Stack& a) {
  const Tensor& x = a[0].to_tensor();
  PT_CHECK(x.dtype() != ScalarType::Bool, RuntimeError,
           "Negation, the `-` operator, on a bool tensor is not supported. If you are trying to invert a mask, use "
           "the `~` or `logical_not()` operator instead.");
  return {map_same(x, []<typename T>() { return [](T v) { return static_cast<T>(-v); }; })};
}
TensorList neg_backward(BackwardContext&, const TensorList& g) { return {neg(g[0])}; }

// detach: a new tensor sharing storage, without history.
Stack detach_forward(const Stack& a) { return {kernels::alias_without_history(a[0].to_tensor())}; }

Stack clone_forward(const Stack& a) { return {kernels::clone_kernel(a[0].to_tensor())}; }

// aten::to(self, dtype, non_blocking, copy, memory_format)
MetaList to_shape(const Stack& a) {
  return {{a[0].to_tensor().sizes(), a[1].to_scalar_type()}};
}
Stack to_forward(const Stack& a) {
  const Tensor& x = a[0].to_tensor();
  const ScalarType dt = a[1].to_scalar_type();
  const bool copy = a.size() > 3 && a[3].to_bool();
  if (dt == x.dtype() && !copy) return {x};
  return {kernels::contiguous_as(x, dt).is_same(x) ? kernels::clone_kernel(x) : kernels::contiguous_as(x, dt)};
}
TensorList to_backward(BackwardContext& ctx, const TensorList& g) {
  return {g[0].to(ctx.arg_meta(0).dtype)};
}

Stack zero_forward(const Stack& a) {
  const Tensor& x = a[0].to_tensor();
  // All-zero bytes are zero in every dtype; strided views take the general path.
  if (x.is_contiguous()) {
    if (x.nbytes() > 0) std::memset(x.raw_data(), 0, x.nbytes());
  } else {
    kernels::copy_kernel(x, kernels::scalar_to_tensor(Scalar(0), x.dtype()));
  }
  return {x};
}
Stack fill_forward(const Stack& a) {
  const Tensor& x = a[0].to_tensor();
  const IValue& v = a[1];
  Tensor value = v.is_tensor() ? v.to_tensor() : kernels::scalar_to_tensor(v.to_scalar(), x.dtype());
  PT_CHECK(value.dim() == 0, RuntimeError,
           "fill_ only supports 0-dimension value tensor but got tensor with " << value.dim() << " dimensions.");
  kernels::copy_kernel(x, value);
  return {x};
}
TensorList fill_backward(BackwardContext& ctx, const TensorList&) { return TensorList(ctx.num_args() > 1 && ctx.arg(1).is_tensor() ? 2 : 1); }


// ---- float-valued unary math -------------------------------------------------
// Integer and bool inputs compute in float32, as PyTorch's unary float ops do.

ScalarType float_result(ScalarType t) { return is_floating_point(t) ? t : ScalarType::Float32; }

MetaList float_shape(const Stack& a) {
  const Tensor& x = a[0].to_tensor();
  return {{x.sizes(), float_result(x.dtype())}};
}

template <typename F> Tensor map_float(const Tensor& x, F&& f) {
  const ScalarType dt = float_result(x.dtype());
  const Tensor xc = kernels::cast(x, dt);
  return dispatch_floating(dt, [&]<typename T>() { return kernels::map_unary<T, T>(xc, [&f](T v) { return static_cast<T>(f(v)); }); });
}

#define PT_FLOAT_UNARY(name, expr)                                                          \
  Stack name##_forward(const Stack& a) {                                                    \
    return {map_float(a[0].to_tensor(), [](auto x) { return expr; })};                      \
  }
PT_FLOAT_UNARY(sqrt, std::sqrt(x))
PT_FLOAT_UNARY(rsqrt, 1 / std::sqrt(x))
PT_FLOAT_UNARY(exp, std::exp(x))
PT_FLOAT_UNARY(log, std::log(x))
PT_FLOAT_UNARY(sin, std::sin(x))
PT_FLOAT_UNARY(cos, std::cos(x))
PT_FLOAT_UNARY(reciprocal, 1 / x)
PT_FLOAT_UNARY(sigmoid, 1 / (1 + std::exp(-x)))
PT_FLOAT_UNARY(tanh, std::tanh(x))
#undef PT_FLOAT_UNARY

TensorList sqrt_backward(BackwardContext& ctx, const TensorList& g) { return {div(g[0], mul(ctx.output(0), 2.0))}; }
TensorList rsqrt_backward(BackwardContext& ctx, const TensorList& g) {
  const Tensor y = ctx.output(0);
  return {mul(g[0], mul(mul(mul(y, y), y), -0.5))};
}
TensorList exp_backward(BackwardContext& ctx, const TensorList& g) { return {mul(g[0], ctx.output(0))}; }
TensorList log_backward(BackwardContext& ctx, const TensorList& g) { return {div(g[0], ctx.tensor_arg(0))}; }
TensorList sin_backward(BackwardContext& ctx, const TensorList& g) { return {mul(g[0], cos(ctx.tensor_arg(0)))}; }
TensorList cos_backward(BackwardContext& ctx, const TensorList& g) { return {mul(g[0], neg(sin(ctx.tensor_arg(0))))}; }
TensorList reciprocal_backward(BackwardContext& ctx, const TensorList& g) {
  const Tensor y = ctx.output(0);
  return {mul(g[0], neg(mul(y, y)))};
}
TensorList sigmoid_backward(BackwardContext& ctx, const TensorList& g) {
  const Tensor y = ctx.output(0);
  return {mul(g[0], mul(y, rsub(y, 1)))};
}
TensorList tanh_backward(BackwardContext& ctx, const TensorList& g) {
  const Tensor y = ctx.output(0);
  return {mul(g[0], rsub(mul(y, y), 1))};
}

// ---- dtype-preserving unary ops ------------------------------------------------

Stack abs_forward(const Stack& a) {
  return {map_same(a[0].to_tensor(), []<typename T>() {
    return [](T v) -> T {
      if constexpr (std::is_same_v<T, bool> || std::is_unsigned_v<T>) return v;
      else return v < 0 ? static_cast<T>(-v) : v;
    };
  })};
}
TensorList abs_backward(BackwardContext& ctx, const TensorList& g) { return {mul(g[0], sign(ctx.tensor_arg(0)))}; }

Stack sign_forward(const Stack& a) {
  return {map_same(a[0].to_tensor(), []<typename T>() {
    return [](T v) -> T {
      if constexpr (std::is_same_v<T, bool>) return v;
      else return static_cast<T>((T(0) < v) - (v < T(0)));
    };
  })};
}
TensorList zero_backward(BackwardContext&, const TensorList& g) { return {zeros_like(g[0])}; }

// clamp(self, min?, max?) — NaN propagates, as in PyTorch.
Tensor clamp_kernel(const Stack& a) {
  const Tensor& x = a[0].to_tensor();
  const auto lo = a[1].to_optional_scalar();
  const auto hi = a.size() > 2 ? a[2].to_optional_scalar() : std::nullopt;
  PT_CHECK(lo || hi, RuntimeError, "torch.clamp: At least one of 'min' or 'max' must not be None");
  PT_CHECK(x.dtype() != ScalarType::Bool, RuntimeError, "\"clamp_cpu\" not implemented for 'Bool'");
  return map_same(x, [&]<typename T>() {
    const T l = lo ? lo->to<T>() : T(0), h = hi ? hi->to<T>() : T(0);
    const bool has_l = lo.has_value(), has_h = hi.has_value();
    return [=](T v) -> T {
      if constexpr (std::is_floating_point_v<T>) {
        if (std::isnan(v)) return v;
      }
      if (has_l && v < l) v = l;
      if (has_h && v > h) v = h;
      return v;
    };
  });
}
MetaList clamp_shape(const Stack& a) {
  const Tensor& x = a[0].to_tensor();
  ScalarType dt = x.dtype();
  for (std::size_t i = 1; i < a.size(); ++i)
    if (!a[i].is_none() && a[i].is_double() && !is_floating_point(dt)) dt = ScalarType::Float32;
  return {{x.sizes(), dt}};
}
Stack clamp_forward(const Stack& a) {
  const ScalarType dt = clamp_shape(a)[0].dtype;
  Stack b = a;
  b[0] = kernels::cast(a[0].to_tensor(), dt);
  return {clamp_kernel(b)};
}
// Gradient passes where min <= x <= max (boundaries included), as PyTorch.
TensorList clamp_backward(BackwardContext& ctx, const TensorList& g) {
  const Tensor& x = ctx.tensor_arg(0);
  Tensor keep = ones_like(x, ScalarType::Bool);
  if (!ctx.arg(1).is_none()) keep = logical_and(keep, ge(x, ctx.arg(1).to_scalar()));
  if (ctx.num_args() > 2 && !ctx.arg(2).is_none()) keep = logical_and(keep, le(x, ctx.arg(2).to_scalar()));
  return {mul(g[0], keep.to(g[0].dtype()))};
}
// PyTorch names the destination by its C++ element type in this message.
const char* cpp_type_name(ScalarType t) {
  switch (t) {
    case ScalarType::Bool: return "bool";
    case ScalarType::UInt8: return "unsigned char";
    case ScalarType::Int64: return "long int";
    case ScalarType::Float32: return "float";
    case ScalarType::Float64: break;
  }
  return "double";
}

Stack clamp_inplace_forward(const Stack& a) {
  const Tensor& x = a[0].to_tensor();
  const ScalarType result = clamp_shape(a)[0].dtype;
  PT_CHECK(result == x.dtype(), RuntimeError,
           "result type " << ir_type_name(result) << " can't be cast to the desired output type "
                          << cpp_type_name(x.dtype()));
  kernels::copy_kernel(x, clamp_kernel(a));
  return {x};
}
MetaList clamp_min_shape(const Stack& a) { return clamp_shape({a[0], a[1]}); }
Stack clamp_min_forward(const Stack& a) { return clamp_forward({a[0], a[1], IValue()}); }
TensorList clamp_min_backward(BackwardContext& ctx, const TensorList& g) {
  return {mul(g[0], ge(ctx.tensor_arg(0), ctx.arg(1).to_scalar()).to(g[0].dtype()))};
}
Stack clamp_max_forward(const Stack& a) { return clamp_forward({a[0], IValue(), a[1]}); }
TensorList clamp_max_backward(BackwardContext& ctx, const TensorList& g) {
  return {mul(g[0], le(ctx.tensor_arg(0), ctx.arg(1).to_scalar()).to(g[0].dtype()))};
}

Stack relu_forward(const Stack& a) {
  const Tensor& x = a[0].to_tensor();
  PT_CHECK(x.dtype() != ScalarType::Bool, RuntimeError, "\"clamp_min_cpu\" not implemented for 'Bool'");
  return {map_same(x, []<typename T>() { return [](T v) -> T { return v > T(0) ? v : T(0); }; })};
}
// relu'(0) = 0, as in PyTorch.
TensorList relu_backward(BackwardContext& ctx, const TensorList& g) {
  return {mul(g[0], gt(ctx.output(0), 0).to(g[0].dtype()))};
}
Stack relu_inplace_forward(const Stack& a) {
  const Tensor& x = a[0].to_tensor();
  kernels::copy_kernel(x, relu_forward(a)[0].to_tensor());
  return {x};
}

// hardtanh(self, min_val, max_val): clamp without clamp's promotion (the
// limits are cast to self's dtype, so an integer tensor stays integral).
Stack hardtanh_forward(const Stack& a) {
  const Tensor& x = a[0].to_tensor();
  PT_CHECK(x.dtype() != ScalarType::Bool, RuntimeError, "Bool inputs not supported for hardtanh");
  PT_CHECK(x.dtype() != ScalarType::UInt8 || (a[1].to_scalar().to_double() >= 0 && a[2].to_scalar().to_double() >= 0),
           RuntimeError, "cannot do hardtanh on an unsigned type with negative limits");
  return {clamp_kernel(a)};
}
// The gradient passes strictly inside (min_val, max_val), unlike clamp's.
// Read from the output, which the in-place form has overwritten x with; the
// two tests agree for the out-of-place form.
TensorList hardtanh_backward(BackwardContext& ctx, const TensorList& g) {
  const Tensor out = ctx.output(0);
  const Tensor inside = logical_and(gt(out, ctx.arg(1).to_scalar()), lt(out, ctx.arg(2).to_scalar()));
  return {mul(g[0], inside.to(g[0].dtype()))};
}
Stack hardtanh_inplace_forward(const Stack& a) {
  const Tensor& x = a[0].to_tensor();
  kernels::copy_kernel(x, hardtanh_forward(a)[0].to_tensor());
  return {x};
}

Stack leaky_relu_forward(const Stack& a) {
  const double slope = a[1].to_double();
  return {map_float(a[0].to_tensor(), [slope](auto v) { return v > 0 ? v : v * slope; })};
}
TensorList leaky_relu_backward(BackwardContext& ctx, const TensorList& g) {
  const Tensor pos = gt(ctx.tensor_arg(0), 0).to(g[0].dtype());
  const double slope = ctx.arg(1).to_double();
  return {mul(g[0], add(pos, mul(rsub(pos, 1), slope)))};
}

// gelu(x) = x Φ(x), or the tanh approximation.
Stack gelu_forward(const Stack& a) {
  const std::string approx = a.size() > 1 ? a[1].to_string_ref() : "none";
  PT_CHECK(approx == "none" || approx == "tanh", RuntimeError, "approximate argument must be either none or tanh.");
  const bool tanh_approx = approx == "tanh";
  return {map_float(a[0].to_tensor(), [tanh_approx](auto x) {
    using T = decltype(x);
    if (tanh_approx) {
      const T k = static_cast<T>(0.7978845608028654);  // sqrt(2/pi)
      return static_cast<T>(0.5) * x * (1 + std::tanh(k * (x + static_cast<T>(0.044715) * x * x * x)));
    }
    return static_cast<T>(0.5) * x * (1 + std::erf(x * static_cast<T>(0.7071067811865476)));
  })};
}
// Φ's derivative is computed by the formula below, so erf itself needs no graph.
Tensor erf_of(const Tensor& x) { return map_float(x, [](auto v) { return std::erf(v); }); }

TensorList gelu_backward(BackwardContext& ctx, const TensorList& g) {
  const Tensor& x = ctx.tensor_arg(0);
  const bool tanh_approx = ctx.num_args() > 1 && ctx.arg(1).to_string_ref() == "tanh";
  if (tanh_approx) {
    const double k = 0.7978845608028654, c = 0.044715;
    const Tensor inner = mul(add(x, mul(mul(mul(x, x), x), c)), k);
    const Tensor th = tanh(inner);
    const Tensor dinner = mul(add(mul(mul(x, x), 3 * c), 1.0), k);
    const Tensor d = add(mul(rsub(mul(th, th), 1), mul(mul(x, dinner), 0.5)), mul(add(th, 1.0), 0.5));
    return {mul(g[0], d)};
  }
  // Φ(x) + x φ(x)
  const Tensor cdf = mul(add(erf_of(mul(x, 0.7071067811865476)), 1.0), 0.5);
  const Tensor pdf = mul(exp(mul(mul(x, x), -0.5)), 0.3989422804014327);
  return {mul(g[0], add(cdf, mul(x, pdf)))};
}

Stack logical_not_forward(const Stack& a) {
  const Tensor& x = a[0].to_tensor();
  return {dispatch_dtype(x.dtype(), [&]<typename T>() {
    return kernels::map_unary<bool, T>(x, [](T v) { return v == T(0); });
  })};
}
MetaList bool_shape(const Stack& a) { return {{a[0].to_tensor().sizes(), ScalarType::Bool}}; }
}  // namespace

Tensor neg(const Tensor& self) { return call_op1(OpKind::neg, {self}); }
Tensor detach(const Tensor& self) { return call_op1(OpKind::detach, {self}); }
Tensor clone(const Tensor& self) { return call_op1(OpKind::clone, {self, IValue()}); }
Tensor to(const Tensor& self, ScalarType dtype) {
  return call_op1(OpKind::to, {self, dtype, false, false, IValue()});
}

Tensor sqrt(const Tensor& self) { return call_op1(OpKind::sqrt, {self}); }
Tensor rsqrt(const Tensor& self) { return call_op1(OpKind::rsqrt, {self}); }
Tensor exp(const Tensor& self) { return call_op1(OpKind::exp, {self}); }
Tensor log(const Tensor& self) { return call_op1(OpKind::log, {self}); }
Tensor abs(const Tensor& self) { return call_op1(OpKind::abs, {self}); }
Tensor sign(const Tensor& self) { return call_op1(OpKind::sign, {self}); }
Tensor sin(const Tensor& self) { return call_op1(OpKind::sin, {self}); }
Tensor cos(const Tensor& self) { return call_op1(OpKind::cos, {self}); }
Tensor reciprocal(const Tensor& self) { return call_op1(OpKind::reciprocal, {self}); }
Tensor clamp(const Tensor& self, std::optional<Scalar> min, std::optional<Scalar> max) {
  return call_op1(OpKind::clamp, {self, IValue(min), IValue(max)});
}
Tensor clamp_min(const Tensor& self, const Scalar& min) { return call_op1(OpKind::clamp_min, {self, min}); }
Tensor clamp_max(const Tensor& self, const Scalar& max) { return call_op1(OpKind::clamp_max, {self, max}); }
Tensor relu(const Tensor& self) { return call_op1(OpKind::relu, {self}); }
Tensor hardtanh(const Tensor& self, const Scalar& min_val, const Scalar& max_val) {
  return call_op1(OpKind::hardtanh, {self, min_val, max_val});
}
Tensor& hardtanh_(Tensor& self, const Scalar& min_val, const Scalar& max_val) {
  call_op(OpKind::hardtanh_, {self, min_val, max_val});
  return self;
}
Tensor leaky_relu(const Tensor& self, const Scalar& negative_slope) {
  return call_op1(OpKind::leaky_relu, {self, negative_slope});
}
Tensor gelu(const Tensor& self, const std::string& approximate) { return call_op1(OpKind::gelu, {self, approximate}); }
Tensor sigmoid(const Tensor& self) { return call_op1(OpKind::sigmoid, {self}); }
Tensor tanh(const Tensor& self) { return call_op1(OpKind::tanh, {self}); }
Tensor logical_not(const Tensor& self) { return call_op1(OpKind::logical_not, {self}); }

namespace defs {

void define_pointwise_unary_ops(OpTable& t) {
  t.def({.kind = OpKind::neg,
         .schema = "aten::neg(Tensor self) -> Tensor",
         .forward = neg_forward,
         .backward = neg_backward,
         .shape = same_shape});
  t.def({.kind = OpKind::detach,
         .schema = "aten::detach(Tensor(a) self) -> Tensor(a)",
         .forward = detach_forward,
         .shape = same_shape,
         .flags = kView | kNonDifferentiable});
  t.def({.kind = OpKind::clone,
         .schema = "aten::clone(Tensor self, *, MemoryFormat? memory_format=None) -> Tensor",
         .forward = clone_forward,
         .backward = identity_backward,
         .shape = same_shape});
  t.def({.kind = OpKind::to,
         .schema = "aten::to.dtype(Tensor(a) self, ScalarType dtype, bool non_blocking=False, bool copy=False, "
                   "MemoryFormat? memory_format=None) -> Tensor(a)",
         .forward = to_forward,
         .backward = to_backward,
         .shape = to_shape});
  t.def({.kind = OpKind::zero_,
         .schema = "aten::zero_(Tensor(a!) self) -> Tensor(a!)",
         .forward = zero_forward,
         .backward = fill_backward,
         .shape = same_shape,
         .flags = kInplace});
  t.def({.kind = OpKind::fill_,
         .schema = "aten::fill_.Scalar(Tensor(a!) self, Scalar value) -> Tensor(a!)",
         .forward = fill_forward,
         .backward = fill_backward,
         .shape = same_shape,
         .flags = kInplace});
  auto unary = [&t](OpKind k, const char* schema, ForwardFn f, BackwardFn b, ShapeFn sh, std::uint32_t flags = 0) {
    t.def({.kind = k, .schema = schema, .forward = f, .backward = b, .shape = sh, .flags = flags});
  };
  unary(OpKind::sqrt, "aten::sqrt(Tensor self) -> Tensor", sqrt_forward, sqrt_backward, float_shape);
  unary(OpKind::rsqrt, "aten::rsqrt(Tensor self) -> Tensor", rsqrt_forward, rsqrt_backward, float_shape);
  unary(OpKind::exp, "aten::exp(Tensor self) -> Tensor", exp_forward, exp_backward, float_shape);
  unary(OpKind::log, "aten::log(Tensor self) -> Tensor", log_forward, log_backward, float_shape);
  unary(OpKind::sin, "aten::sin(Tensor self) -> Tensor", sin_forward, sin_backward, float_shape);
  unary(OpKind::cos, "aten::cos(Tensor self) -> Tensor", cos_forward, cos_backward, float_shape);
  unary(OpKind::reciprocal, "aten::reciprocal(Tensor self) -> Tensor", reciprocal_forward, reciprocal_backward,
        float_shape);
  unary(OpKind::sigmoid, "aten::sigmoid(Tensor self) -> Tensor", sigmoid_forward, sigmoid_backward, float_shape);
  unary(OpKind::tanh, "aten::tanh(Tensor self) -> Tensor", tanh_forward, tanh_backward, float_shape);
  unary(OpKind::abs, "aten::abs(Tensor self) -> Tensor", abs_forward, abs_backward, same_shape);
  unary(OpKind::sign, "aten::sign(Tensor self) -> Tensor", sign_forward, zero_backward, same_shape);
  unary(OpKind::clamp, "aten::clamp(Tensor self, Scalar? min=None, Scalar? max=None) -> Tensor", clamp_forward,
        clamp_backward, clamp_shape);
  unary(OpKind::clamp_, "aten::clamp_(Tensor(a!) self, Scalar? min=None, Scalar? max=None) -> Tensor(a!)",
        clamp_inplace_forward, clamp_backward, same_shape, kInplace);
  unary(OpKind::clamp_min, "aten::clamp_min(Tensor self, Scalar min) -> Tensor", clamp_min_forward,
        clamp_min_backward, clamp_min_shape);
  unary(OpKind::clamp_max, "aten::clamp_max(Tensor self, Scalar max) -> Tensor", clamp_max_forward,
        clamp_max_backward, clamp_min_shape);
  unary(OpKind::relu, "aten::relu(Tensor self) -> Tensor", relu_forward, relu_backward, same_shape);
  unary(OpKind::relu_, "aten::relu_(Tensor(a!) self) -> Tensor(a!)", relu_inplace_forward, relu_backward,
        same_shape, kInplace);
  unary(OpKind::hardtanh, "aten::hardtanh(Tensor self, Scalar min_val=-1, Scalar max_val=1) -> Tensor",
        hardtanh_forward, hardtanh_backward, same_shape);
  unary(OpKind::hardtanh_, "aten::hardtanh_(Tensor(a!) self, Scalar min_val=-1, Scalar max_val=1) -> Tensor(a!)",
        hardtanh_inplace_forward, hardtanh_backward, same_shape, kInplace);
  unary(OpKind::leaky_relu, "aten::leaky_relu(Tensor self, Scalar negative_slope=0.01) -> Tensor",
        leaky_relu_forward, leaky_relu_backward, float_shape);
  unary(OpKind::gelu, "aten::gelu(Tensor self, *, str approximate='none') -> Tensor", gelu_forward, gelu_backward,
        float_shape);
  unary(OpKind::logical_not, "aten::logical_not(Tensor self) -> Tensor", logical_not_forward, nullptr, bool_shape,
        kNonDifferentiable);
}

}  // namespace defs
}  // namespace paratrace
