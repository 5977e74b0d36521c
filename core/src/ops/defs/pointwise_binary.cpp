// Binary pointwise ops: arithmetic, comparison and selection, with PyTorch's
// broadcasting and type promotion. Each op: shape rule, kernel, backward,
// table entry, public function — in that order.
#include <cmath>

#include "../kernels/broadcast.h"
#include "../kernels/elementwise.h"
#include "define_ops.h"
#include "paratrace/tensor/ops.h"

namespace paratrace {
namespace {

using kernels::sum_to;

// ---- shared rules -----------------------------------------------------------

std::vector<TensorMeta> binary_shape(const Stack& a) {
  const Tensor& x = a[0].to_tensor();
  const Tensor& y = a[1].to_tensor();
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

// Runs `f(x, y)` element-wise in the promoted dtype.
template <typename F> Tensor promoted_binary(const Stack& a, F&& f) {
  const TensorMeta m = binary_shape(a)[0];
  const Tensor x = kernels::cast(a[0].to_tensor(), m.dtype);
  const Tensor y = kernels::cast(a[1].to_tensor(), m.dtype);
  return dispatch_dtype(m.dtype, [&]<typename T>() { return kernels::map_binary<T, T, T>(x, y, f.template operator()<T>()); });
}

// For in-place variants: compute out of place, then write into self.
Stack write_into_self(const Stack& a, const Tensor& result) {
  const Tensor& self = a[0].to_tensor();
  check_inplace_result(self, {result.sizes(), result.dtype()});
  kernels::copy_kernel(self, result);
  return {self};
}

// ---- add / sub ----------------------------------------------------------------

template <int Sign> Tensor add_kernel(const Stack& a) {
  const Scalar alpha = a[2].to_scalar();
  check_alpha(alpha, binary_shape(a)[0].dtype);
  return promoted_binary(a, [&alpha]<typename T>() {
    const T al = alpha.to<T>();
    return [al](T u, T v) { return arith<T>([&] { return u + Sign * al * v; }); };
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

Tensor mul_kernel(const Stack& a) {
  return promoted_binary(a, []<typename T>() {
    return [](T u, T v) {
      if constexpr (std::is_same_v<T, bool>) return static_cast<bool>(u && v);
      else return static_cast<T>(u * v);
    };
  });
}

TensorList mul_backward(BackwardContext& ctx, const TensorList& g) {
  TensorList r(2);
  if (ctx.needs_input_grad(0)) r[0] = sum_to(mul(g[0], ctx.tensor_arg(1)), ctx.arg_meta(0).sizes);
  if (ctx.needs_input_grad(1)) r[1] = sum_to(mul(g[0], ctx.tensor_arg(0)), ctx.arg_meta(1).sizes);
  return r;
}

std::vector<TensorMeta> div_shape(const Stack& a) {
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
Tensor div(const Tensor& self, const Scalar& other, std::optional<std::string> rounding_mode) {
  return div(self, kernels::scalar_to_tensor(other), std::move(rounding_mode));
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
         .forward = [](const Stack& a) { return write_into_self(a, add_kernel<1>(a)); },
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
         .forward = [](const Stack& a) { return write_into_self(a, add_kernel<-1>(a)); },
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
         .forward = [](const Stack& a) { return write_into_self(a, mul_kernel(a)); },
         .backward = mul_backward,
         .shape = binary_shape,
         .flags = kInplace});
  t.def({.kind = OpKind::div,
         .schema = "aten::div.Tensor(Tensor self, Tensor other) -> Tensor | "
                   "aten::div.Tensor_mode(Tensor self, Tensor other, *, str? rounding_mode) -> Tensor",
         .forward = [](const Stack& a) -> Stack { return {div_kernel(a)}; },
         .backward = div_backward,
         .shape = div_shape});
  t.def({.kind = OpKind::div_,
         .schema = "aten::div_.Tensor(Tensor(a!) self, Tensor other) -> Tensor(a!)",
         .forward = [](const Stack& a) { return write_into_self(a, div_kernel(a)); },
         .backward = div_backward,
         .shape = div_shape,
         .flags = kInplace});
}

}  // namespace defs
}  // namespace paratrace
