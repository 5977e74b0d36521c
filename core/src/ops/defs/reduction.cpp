// Reductions: sum, mean, max/min, norms, topk, softmax.
#include <numeric>

#include "../kernels/broadcast.h"
#include "../kernels/elementwise.h"
#include "define_ops.h"
#include "paratrace/tensor/ops.h"

namespace paratrace {
namespace {

// Which dims a reduction covers: all of them for an empty list.
std::vector<bool> reduced_dims(const Shape& sizes, const IntList& dims) {
  std::vector<bool> r(sizes.size(), dims.empty());
  for (auto d : dims) {
    const auto w = kernels::wrap_dim(d, static_cast<std::int64_t>(sizes.size()));
    PT_CHECK(sizes.empty() || !r[w] || dims.empty(), RuntimeError,
             "dim " << w << " appears multiple times in the list of dims");
    if (!sizes.empty()) r[w] = true;
  }
  return r;
}

Shape reduced_shape(const Shape& sizes, const std::vector<bool>& red, bool keepdim) {
  Shape out;
  for (std::size_t i = 0; i < sizes.size(); ++i) {
    if (!red[i]) out.push_back(sizes[i]);
    else if (keepdim) out.push_back(1);
  }
  return out;
}

// sum's default dtype: integral and bool inputs accumulate in int64.
ScalarType sum_dtype(const Tensor& x, const std::optional<ScalarType>& dtype) {
  if (dtype) return *dtype;
  return is_integral(x.dtype(), true) ? ScalarType::Int64 : x.dtype();
}

// Arguments of aten::sum: (self, dtype) or (self, dim, keepdim, dtype).
struct SumArgs {
  IntList dims;
  bool keepdim = false;
  std::optional<ScalarType> dtype;
};
SumArgs sum_args(const Stack& a) {
  SumArgs s;
  if (a.size() <= 2) {
    if (a.size() == 2) s.dtype = a[1].to_optional_scalar_type();
    return s;
  }
  if (!a[1].is_none()) s.dims = a[1].to_int_list();
  s.keepdim = a[2].to_bool();
  if (a.size() > 3) s.dtype = a[3].to_optional_scalar_type();
  return s;
}

std::vector<TensorMeta> sum_shape(const Stack& a) {
  const Tensor& x = a[0].to_tensor();
  const SumArgs s = sum_args(a);
  return {{reduced_shape(x.sizes(), reduced_dims(x.sizes(), s.dims), s.keepdim), sum_dtype(x, s.dtype)}};
}

// out[j] = sum of x over the reduced dims, accumulating in Acc.
template <typename T> Tensor sum_kernel_typed(const Tensor& x, const std::vector<bool>& red, bool keepdim) {
  const Shape kept = reduced_shape(x.sizes(), red, true);
  Tensor out = kernels::make_tensor(kept, scalar_type_of<T>);
  using Acc = std::conditional_t<std::is_floating_point_v<T>, double, std::int64_t>;
  const std::int64_t n_out = out.numel();
  std::vector<Acc> acc(static_cast<std::size_t>(n_out), Acc(0));
  // Output strides with 0 on reduced dims map every input element to its bucket.
  Shape ostr = contiguous_strides(kept);
  for (std::size_t i = 0; i < red.size(); ++i)
    if (red[i]) ostr[i] = 0;
  const T* xp = x.data_ptr<T>();
  kernels::for_each_offset<2>(x.sizes(), {x.strides().data(), ostr.data()},
                              [&](const std::array<std::int64_t, 2>& off) { acc[off[1]] += xp[off[0]]; });
  T* op = out.data_ptr<T>();
  for (std::int64_t i = 0; i < n_out; ++i) op[i] = static_cast<T>(acc[i]);
  if (!keepdim) out.impl()->sizes = reduced_shape(x.sizes(), red, false), out.impl()->strides = contiguous_strides(out.sizes());
  return out;
}

Stack sum_forward(const Stack& a) {
  const Tensor& x = a[0].to_tensor();
  const SumArgs s = sum_args(a);
  const TensorMeta m = sum_shape(a)[0];
  const Tensor xc = kernels::cast(x, m.dtype);
  const auto red = reduced_dims(x.sizes(), s.dims);
  return {dispatch_dtype(m.dtype, [&]<typename T>() { return sum_kernel_typed<T>(xc, red, s.keepdim); })};
}

TensorList sum_backward(BackwardContext& ctx, const TensorList& g) {
  const Shape& in = ctx.arg_meta(0).sizes;
  Stack args;
  for (std::size_t i = 0; i < ctx.num_args(); ++i) args.push_back(i == 0 ? IValue() : ctx.arg(i));
  const std::size_t n = ctx.num_args();
  Tensor grad = g[0];
  if (n > 2 && !args[2].to_bool()) {
    // Re-insert the reduced dims so the gradient broadcasts back.
    const IntList dims = args[1].is_none() ? IntList{} : args[1].to_int_list();
    const auto red = reduced_dims(in, dims);
    grad = reshape(grad, reduced_shape(in, red, true));
  } else if (n <= 2) {
    grad = reshape(grad, Shape(in.size(), 1));
  }
  return {expand(grad, in)};
}

}  // namespace

Tensor sum(const Tensor& self, std::optional<ScalarType> dtype) {
  return call_op1(OpKind::sum, {self, IValue(dtype)});
}
Tensor sum(const Tensor& self, const IntList& dim, bool keepdim, std::optional<ScalarType> dtype) {
  return call_op1(OpKind::sum, {self, dim, keepdim, IValue(dtype)});
}

namespace defs {

void define_reduction_ops(OpTable& t) {
  t.def({.kind = OpKind::sum,
         .schema = "aten::sum(Tensor self, *, ScalarType? dtype=None) -> Tensor | "
                   "aten::sum.dim_IntList(Tensor self, int[1]? dim, bool keepdim=False, *, ScalarType? dtype=None) -> Tensor",
         .forward = sum_forward,
         .backward = sum_backward,
         .shape = sum_shape});
}

}  // namespace defs
}  // namespace paratrace
