// Unary pointwise ops, conversions and copies.
#include <cmath>

#include "../kernels/elementwise.h"
#include "define_ops.h"
#include "paratrace/tensor/ops.h"

namespace paratrace {
namespace {

std::vector<TensorMeta> same_shape(const Stack& a) {
  const Tensor& x = a[0].to_tensor();
  return {{x.sizes(), x.dtype()}};
}

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
Stack detach_forward(const Stack& a) {
  const Tensor& x = a[0].to_tensor();
  auto impl = std::make_shared<TensorImpl>();
  impl->storage = x.storage();
  impl->storage_offset = x.storage_offset();
  impl->sizes = x.sizes();
  impl->strides = x.strides();
  impl->dtype = x.dtype();
  return {Tensor(std::move(impl))};
}

Stack clone_forward(const Stack& a) { return {kernels::clone_kernel(a[0].to_tensor())}; }
TensorList identity_backward(BackwardContext&, const TensorList& g) { return {g[0]}; }

// aten::to(self, dtype, non_blocking, copy, memory_format)
std::vector<TensorMeta> to_shape(const Stack& a) {
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
  kernels::copy_kernel(x, kernels::scalar_to_tensor(Scalar(0), x.dtype()));
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

}  // namespace

Tensor neg(const Tensor& self) { return call_op1(OpKind::neg, {self}); }
Tensor detach(const Tensor& self) { return call_op1(OpKind::detach, {self}); }
Tensor clone(const Tensor& self) { return call_op1(OpKind::clone, {self, IValue()}); }
Tensor to(const Tensor& self, ScalarType dtype) {
  return call_op1(OpKind::to, {self, dtype, false, false, IValue()});
}

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
}

}  // namespace defs
}  // namespace paratrace
