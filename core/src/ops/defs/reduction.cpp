// Reductions: sum, mean, max/min, norms, topk, softmax.
#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include "../kernels/broadcast.h"
#include "../kernels/elementwise.h"
#include "define_ops.h"
#include "paratrace/tensor/factories.h"
#include "paratrace/tensor/ops.h"

namespace paratrace {
namespace {

// Per dim: whether a reduction covers it (inline, like Shape).
using DimMask = SmallVector<bool, 8>;

// Which dims a reduction covers: all of them for an empty list.
DimMask reduced_dims(const Shape& sizes, const IntList& dims) {
  DimMask r(sizes.size(), dims.empty());
  for (auto d : dims) {
    const auto w = kernels::wrap_dim(d, static_cast<std::int64_t>(sizes.size()));
    PT_CHECK(sizes.empty() || !r[w] || dims.empty(), RuntimeError,
             "dim " << w << " appears multiple times in the list of dims");
    if (!sizes.empty()) r[w] = true;
  }
  return r;
}

Shape reduced_shape(const Shape& sizes, const DimMask& red, bool keepdim) {
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

MetaList sum_shape(const Stack& a) {
  const Tensor& x = a[0].to_tensor();
  const SumArgs s = sum_args(a);
  return {{reduced_shape(x.sizes(), reduced_dims(x.sizes(), s.dims), s.keepdim), sum_dtype(x, s.dtype)}};
}

// A dtype= argument computes in another dtype; the gradient flows back in the input's (floating) dtype.
Tensor grad_in_dtype(const Tensor& g, ScalarType in) {
  return g.dtype() == in || !is_floating_point(in) ? g : to(g, in);
}

// out[j] = sum of x over the reduced dims, accumulating in Acc.
template <typename T> Tensor sum_kernel_typed(const Tensor& x, const DimMask& red, bool keepdim) {
  const Shape kept = reduced_shape(x.sizes(), red, true);
  Tensor out = kernels::make_tensor(kept, scalar_type_of<T>);
  using Acc = std::conditional_t<std::is_floating_point_v<T>, double, std::int64_t>;
  const std::int64_t n_out = out.numel();
  SmallVector<Acc, 16> acc(static_cast<std::size_t>(n_out), Acc(0));
  // Output strides with 0 on reduced dims map every input element to its bucket.
  Shape ostr = contiguous_strides(kept);
  for (std::size_t i = 0; i < red.size(); ++i)
    if (red[i]) ostr[i] = 0;
  const T* xp = x.data_ptr<T>();
  std::size_t lead = 0;  // leading reduced dims
  while (lead < red.size() && red[lead]) ++lead;
  if (x.is_contiguous() && std::find(red.begin() + lead, red.end(), true) == red.end()) {
    // Contiguous input reduced over leading dims only (a bias gradient): rows
    // of n_out elements, added in the same order as the general walk.
    const std::int64_t rows = n_out == 0 ? 0 : x.numel() / n_out;
    for (std::int64_t r = 0; r < rows; ++r)
      for (std::int64_t i = 0; i < n_out; ++i) acc[i] += xp[r * n_out + i];
  } else {
    kernels::for_each_offset<2>(x.sizes(), {x.strides().data(), ostr.data()},
                                [&](const std::array<std::int64_t, 2>& off) { acc[off[1]] += xp[off[0]]; });
  }
  T* op = out.data_ptr<T>();
  for (std::int64_t i = 0; i < n_out; ++i) op[i] = static_cast<T>(acc[i]);
  if (!keepdim)
    out.impl()->sizes = reduced_shape(x.sizes(), red, false), out.impl()->strides = contiguous_strides(out.sizes());
  return out;
}

Stack sum_forward(const Stack& a) {
  const Tensor& x = a[0].to_tensor();
  const SumArgs s = sum_args(a);
  const auto red = reduced_dims(x.sizes(), s.dims);
  const ScalarType dtype = sum_dtype(x, s.dtype);
  const Tensor xc = kernels::cast(x, dtype);
  return {dispatch_dtype(dtype, [&]<typename T>() { return sum_kernel_typed<T>(xc, red, s.keepdim); })};
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
  return {expand(grad_in_dtype(grad, ctx.arg_meta(0).dtype), in)};
}

// ---- block reductions ---------------------------------------------------------
// Every reduction below reads its input as contiguous blocks: the kept dims are
// moved in front of the reduced ones and the result copied contiguously, so the
// R elements reducing into output i are data[i*R .. i*R+R).

struct Blocks {
  Tensor data;
  std::int64_t outer = 1, R = 1;
  std::vector<std::int64_t> perm;  // perm[i]: input dim at position i
};

Blocks make_blocks(const Tensor& x, const DimMask& red, ScalarType dt) {
  Blocks b;
  for (std::size_t i = 0; i < red.size(); ++i)
    if (!red[i]) b.perm.push_back(static_cast<std::int64_t>(i)), b.outer *= x.sizes()[i];
  for (std::size_t i = 0; i < red.size(); ++i)
    if (red[i]) b.perm.push_back(static_cast<std::int64_t>(i)), b.R *= x.sizes()[i];
  Shape ps, pst;
  for (auto d : b.perm) ps.push_back(x.sizes()[d]), pst.push_back(x.strides()[d]);
  b.data = kernels::contiguous_as(kernels::make_view(x, ps, pst, x.storage_offset()), dt);
  return b;
}

// out[i] = f(block i, R) in dtype Out, shaped as the reduction result.
template <typename T, typename Out, typename F>
Tensor reduce_blocks(const Tensor& x, const DimMask& red, bool keepdim, F&& f) {
  const Blocks b = make_blocks(x, red, scalar_type_of<T>);
  Tensor out = kernels::make_tensor(reduced_shape(x.sizes(), red, keepdim), scalar_type_of<Out>);
  const T* d = b.data.data_ptr<T>();
  Out* o = out.data_ptr<Out>();
  for (std::int64_t i = 0; i < b.outer; ++i) o[i] = f(d + i * b.R, b.R);
  return out;
}

// A lane-shaped buffer (input dims permuted as `perm`, last one possibly resized)
// brought back to the input's dim order, contiguous.
Tensor unpermute(const Tensor& buf, const std::vector<std::int64_t>& perm) {
  Shape sizes(perm.size()), strides(perm.size());
  for (std::size_t i = 0; i < perm.size(); ++i) sizes[perm[i]] = buf.sizes()[i], strides[perm[i]] = buf.strides()[i];
  return kernels::contiguous_kernel(kernels::make_view(buf, sizes, strides, buf.storage_offset()));
}

DimMask one_dim(const Shape& sizes, std::int64_t dim) { return reduced_dims(sizes, IntList{dim}); }

// The gradient of a reduction, reshaped so it broadcasts against the input.
Tensor grad_keepdim(const Tensor& g, const Shape& in, const DimMask& red, bool keepdim) {
  return keepdim ? g : reshape(g, reduced_shape(in, red, true));
}

// A constant (non-differentiable) tensor of x's shape from a per-block kernel
// f(block, R, out_block) that writes R values.
template <typename T, typename F>
Tensor block_map(const Tensor& x, const DimMask& red, ScalarType out_dt, F&& f) {
  const Blocks b = make_blocks(x, red, scalar_type_of<T>);
  Tensor buf = kernels::make_tensor(b.data.sizes(), scalar_type_of<T>);
  const T* d = b.data.data_ptr<T>();
  T* o = buf.data_ptr<T>();
  for (std::int64_t i = 0; i < b.outer; ++i) f(d + i * b.R, b.R, o + i * b.R);
  return kernels::cast(unpermute(buf, b.perm), out_dt);
}

// ---- mean -----------------------------------------------------------------------

MetaList mean_shape(const Stack& a) {
  const Tensor& x = a[0].to_tensor();
  const SumArgs s = sum_args(a);
  const ScalarType dt = s.dtype ? *s.dtype : x.dtype();
  PT_CHECK(is_floating_point(dt), RuntimeError,
           "mean(): could not infer output dtype. Input dtype must be either a floating point or complex dtype. Got: "
               << ir_type_name(dt));
  return {{reduced_shape(x.sizes(), reduced_dims(x.sizes(), s.dims), s.keepdim), dt}};
}

Stack mean_forward(const Stack& a) {
  const TensorMeta m = mean_shape(a)[0];
  const Tensor& x = a[0].to_tensor();
  const SumArgs s = sum_args(a);
  const auto red = reduced_dims(x.sizes(), s.dims);
  return {dispatch_floating(m.dtype, [&]<typename T>() {
    return reduce_blocks<T, T>(x, red, s.keepdim, [](const T* p, std::int64_t n) {
      double acc = 0;
      for (std::int64_t i = 0; i < n; ++i) acc += p[i];
      return static_cast<T>(acc / static_cast<double>(n));
    });
  })};
}

TensorList mean_backward(BackwardContext& ctx, const TensorList& g) {
  const Shape& in = ctx.arg_meta(0).sizes;
  Stack args{IValue()};
  for (std::size_t i = 1; i < ctx.num_args(); ++i) args.push_back(ctx.arg(i));
  const SumArgs s = sum_args(args);
  const auto red = reduced_dims(in, s.dims);
  std::int64_t n = 1;
  for (std::size_t i = 0; i < in.size(); ++i)
    if (red[i]) n *= in[i];
  const Tensor grad = grad_in_dtype(grad_keepdim(g[0], in, red, s.keepdim), ctx.arg_meta(0).dtype);
  return {div(expand(grad, in), Scalar(static_cast<double>(n)))};
}

// ---- prod ------------------------------------------------------------------------

// prod(self, dtype) or prod.dim_int(self, dim, keepdim, dtype).
SumArgs prod_args(const Stack& a) {
  SumArgs s;
  if (a.size() <= 2) {
    if (a.size() == 2) s.dtype = a[1].to_optional_scalar_type();
    return s;
  }
  s.dims = {a[1].to_int()};
  s.keepdim = a[2].to_bool();
  if (a.size() > 3) s.dtype = a[3].to_optional_scalar_type();
  return s;
}

MetaList prod_shape(const Stack& a) {
  const Tensor& x = a[0].to_tensor();
  const SumArgs s = prod_args(a);
  return {{reduced_shape(x.sizes(), reduced_dims(x.sizes(), s.dims), s.keepdim), sum_dtype(x, s.dtype)}};
}

Stack prod_forward(const Stack& a) {
  const TensorMeta m = prod_shape(a)[0];
  const Tensor& x = a[0].to_tensor();
  const SumArgs s = prod_args(a);
  const auto red = reduced_dims(x.sizes(), s.dims);
  return {dispatch_dtype(m.dtype, [&]<typename T>() {
    return reduce_blocks<T, T>(x, red, s.keepdim, [](const T* p, std::int64_t n) {
      T acc = T(1);
      for (std::int64_t i = 0; i < n; ++i) acc = static_cast<T>(acc * p[i]);
      return acc;
    });
  })};
}

// d prod / d x_i = product of the other elements. Without zeros that is
// result / x (differentiable); with zeros it is computed directly by prefix and
// suffix products (a constant: second derivatives through zeros are not tracked).
TensorList prod_backward(BackwardContext& ctx, const TensorList& g) {
  const Tensor& x = ctx.tensor_arg(0);
  Stack args{IValue()};
  for (std::size_t i = 1; i < ctx.num_args(); ++i) args.push_back(ctx.arg(i));
  const SumArgs s = prod_args(args);
  const auto red = reduced_dims(x.sizes(), s.dims);
  const Tensor gk = grad_keepdim(g[0], x.sizes(), red, s.keepdim);
  const bool has_zero = dispatch_dtype(x.dtype(), [&]<typename T>() {
    const Tensor c = kernels::contiguous_kernel(x);
    const T* p = c.data_ptr<T>();
    for (std::int64_t i = 0; i < c.numel(); ++i)
      if (p[i] == T(0)) return true;
    return false;
  });
  if (!has_zero) return {mul(gk, div(grad_keepdim(ctx.output(0), x.sizes(), red, s.keepdim), x))};
  const Tensor others = dispatch_floating(g[0].dtype(), [&]<typename T>() {
    return block_map<T>(x, red, g[0].dtype(), [](const T* p, std::int64_t n, T* o) {
      T pre = T(1);
      for (std::int64_t i = 0; i < n; ++i) o[i] = pre, pre *= p[i];
      T suf = T(1);
      for (std::int64_t i = n; i-- > 0;) o[i] *= suf, suf *= p[i];
    });
  });
  return {mul(gk, others)};
}

// ---- max / min / amax / amin / argmax / argmin -----------------------------------

template <bool Max, typename T> bool better(T a, T b) {
  if constexpr (std::is_floating_point_v<T>) {
    if (std::isnan(a)) return !std::isnan(b);  // NaN propagates, as in PyTorch
    if (std::isnan(b)) return false;
  }
  return Max ? a > b : a < b;
}

// Index of the first extreme element of a block.
template <bool Max, typename T> std::int64_t arg_extreme(const T* p, std::int64_t n) {
  std::int64_t best = 0;
  for (std::int64_t i = 1; i < n; ++i)
    if (better<Max>(p[i], p[best])) best = i;
  return best;
}

template <bool Max> const char* extreme_name() { return Max ? "max" : "min"; }

void check_full_reduction(const Tensor& x, const char* name) {
  PT_CHECK(x.numel() > 0, RuntimeError,
           name << "(): Expected reduction dim to be specified for input.numel() == 0. Specify the reduction dim "
                   "with the 'dim' argument.");
}

void check_dim_nonempty(const Tensor& x, std::int64_t dim, const char* name) {
  const std::int64_t w = kernels::wrap_dim(dim, std::max<std::int64_t>(x.dim(), 1));
  PT_CHECK(x.dim() == 0 || x.size(w) > 0, IndexError,
           name << "(): Expected reduction dim " << w << " to have non-zero size.");
}

template <bool Max> MetaList extreme_shape(const Stack& a) {
  const Tensor& x = a[0].to_tensor();
  if (a.size() == 1) {
    check_full_reduction(x, extreme_name<Max>());
    return {{{}, x.dtype()}};
  }
  const std::int64_t dim = a[1].to_int();
  check_dim_nonempty(x, dim, extreme_name<Max>());
  const Shape out = reduced_shape(x.sizes(), one_dim(x.sizes(), dim), a[2].to_bool());
  return {{out, x.dtype()}, {out, ScalarType::Int64}};
}

template <bool Max> Stack extreme_forward(const Stack& a) {
  extreme_shape<Max>(a);
  const Tensor& x = a[0].to_tensor();
  if (a.size() == 1) {
    const DimMask all(x.sizes().size(), true);
    return {dispatch_dtype(x.dtype(), [&]<typename T>() {
      return reduce_blocks<T, T>(x, all, false, [](const T* p, std::int64_t n) { return p[arg_extreme<Max>(p, n)]; });
    })};
  }
  const auto red = one_dim(x.sizes(), a[1].to_int());
  const bool keepdim = a[2].to_bool();
  return dispatch_dtype(x.dtype(), [&]<typename T>() -> Stack {
    Tensor values =
        reduce_blocks<T, T>(x, red, keepdim, [](const T* p, std::int64_t n) { return p[arg_extreme<Max>(p, n)]; });
    Tensor indices = reduce_blocks<T, std::int64_t>(x, red, keepdim,
                                                    [](const T* p, std::int64_t n) { return arg_extreme<Max>(p, n); });
    return {values, indices};
  });
}

// 1/count at every element equal to its block's extreme (ties share the gradient evenly), 0 elsewhere.
template <bool Max> Tensor tie_weights(const Tensor& x, const DimMask& red, ScalarType dt) {
  return dispatch_dtype(x.dtype(), [&]<typename T>() {
    return block_map<T>(x, red, dt, [](const T* p, std::int64_t n, T* o) {
      const T m = p[arg_extreme<Max>(p, n)];
      std::int64_t count = 0;
      for (std::int64_t i = 0; i < n; ++i) count += p[i] == m;
      for (std::int64_t i = 0; i < n; ++i) o[i] = p[i] == m ? static_cast<T>(1.0 / static_cast<double>(count)) : T(0);
    });
  });
}

// One-hot along `dim` at the given indices (keepdim layout), in dtype dt.
Tensor one_hot_at(const Shape& in, std::int64_t dim, const Tensor& idx_keep, ScalarType dt) {
  const std::int64_t w = kernels::wrap_dim(dim, std::max<std::int64_t>(static_cast<std::int64_t>(in.size()), 1));
  Tensor out = kernels::make_tensor(in, ScalarType::Float64);
  double* o = out.data_ptr<double>();
  const Tensor idx = kernels::contiguous_as(
      kernels::make_view(idx_keep, idx_keep.sizes(), idx_keep.strides(), idx_keep.storage_offset()), ScalarType::Int64);
  const std::int64_t* ip = idx.data_ptr<std::int64_t>();
  const std::int64_t n = in.empty() ? 1 : in[w];
  std::int64_t inner = 1;
  for (std::size_t i = w + 1; i < in.size(); ++i) inner *= in[i];
  std::fill(o, o + out.numel(), 0.0);
  for (std::int64_t j = 0; j < idx.numel(); ++j) {
    const std::int64_t outer = j / inner, k = j % inner;
    o[(outer * n + ip[j]) * inner + k] = 1.0;
  }
  return kernels::cast(out, dt);
}

template <bool Max> TensorList extreme_backward(BackwardContext& ctx, const TensorList& g) {
  if (!g[0].defined()) return {Tensor()};  // only the indices were used
  const Tensor& x = ctx.tensor_arg(0);
  if (ctx.num_args() == 1) {
    const DimMask all(x.sizes().size(), true);
    return {mul(reshape(g[0], Shape(x.dim(), 1)), tie_weights<Max>(x, all, g[0].dtype()))};
  }
  const std::int64_t dim = ctx.arg(1).to_int();
  const bool keepdim = ctx.arg(2).to_bool();
  const auto red = one_dim(x.sizes(), dim);
  const Tensor idx = ctx.output(1);
  const Tensor idx_keep =
      keepdim ? idx
              : kernels::make_view(idx, reduced_shape(x.sizes(), red, true),
                                   contiguous_strides(reduced_shape(x.sizes(), red, true)), idx.storage_offset());
  return {mul(grad_keepdim(g[0], x.sizes(), red, keepdim), one_hot_at(x.sizes(), dim, idx_keep, g[0].dtype()))};
}

template <bool Max> MetaList amax_shape(const Stack& a) {
  const Tensor& x = a[0].to_tensor();
  const IntList dims = a[1].is_none() ? IntList{} : a[1].to_int_list();
  if (dims.empty()) check_full_reduction(x, Max ? "amax" : "amin");
  for (auto d : dims) check_dim_nonempty(x, d, Max ? "amax" : "amin");
  return {{reduced_shape(x.sizes(), reduced_dims(x.sizes(), dims), a[2].to_bool()), x.dtype()}};
}

template <bool Max> Stack amax_forward(const Stack& a) {
  amax_shape<Max>(a);
  const Tensor& x = a[0].to_tensor();
  const auto red = reduced_dims(x.sizes(), a[1].is_none() ? IntList{} : a[1].to_int_list());
  return {dispatch_dtype(x.dtype(), [&]<typename T>() {
    return reduce_blocks<T, T>(x, red, a[2].to_bool(),
                               [](const T* p, std::int64_t n) { return p[arg_extreme<Max>(p, n)]; });
  })};
}

template <bool Max> TensorList amax_backward(BackwardContext& ctx, const TensorList& g) {
  const Tensor& x = ctx.tensor_arg(0);
  const auto red = reduced_dims(x.sizes(), ctx.arg(1).is_none() ? IntList{} : ctx.arg(1).to_int_list());
  return {mul(grad_keepdim(g[0], x.sizes(), red, ctx.arg(2).to_bool()), tie_weights<Max>(x, red, g[0].dtype()))};
}

template <bool Max> MetaList argmax_shape(const Stack& a) {
  const Tensor& x = a[0].to_tensor();
  const char* name = Max ? "argmax" : "argmin";
  if (a[1].is_none()) {
    PT_CHECK(x.numel() > 0, IndexError, name << "(): Expected reduction dim to be specified for input.numel() == 0.");
    return {{a[2].to_bool() ? Shape(x.dim(), 1) : Shape{}, ScalarType::Int64}};
  }
  check_dim_nonempty(x, a[1].to_int(), name);
  return {{reduced_shape(x.sizes(), one_dim(x.sizes(), a[1].to_int()), a[2].to_bool()), ScalarType::Int64}};
}

template <bool Max> Stack argmax_forward(const Stack& a) {
  const TensorMeta m = argmax_shape<Max>(a)[0];
  const Tensor& x = a[0].to_tensor();
  const auto red = a[1].is_none() ? DimMask(x.sizes().size(), true) : one_dim(x.sizes(), a[1].to_int());
  Tensor out = dispatch_dtype(x.dtype(), [&]<typename T>() {
    return reduce_blocks<T, std::int64_t>(x, red, true,
                                          [](const T* p, std::int64_t n) { return arg_extreme<Max>(p, n); });
  });
  out.impl()->sizes = m.sizes;
  out.impl()->strides = contiguous_strides(m.sizes);
  return {out};
}

// ---- norms -------------------------------------------------------------------------

// p-norm of a block, with PyTorch's special cases for 0, inf and -inf.
template <typename T> T block_norm(const T* p, std::int64_t n, double ord) {
  double acc = 0;
  if (std::isinf(ord)) {
    acc = n > 0 ? std::abs(static_cast<double>(p[0])) : 0.0;
    for (std::int64_t i = 0; i < n; ++i) {
      const double v = std::abs(static_cast<double>(p[i]));
      acc = ord > 0 ? std::max(acc, v) : std::min(acc, v);
    }
    return static_cast<T>(acc);
  }
  if (ord == 0) {
    for (std::int64_t i = 0; i < n; ++i) acc += p[i] != T(0);
    return static_cast<T>(acc);
  }
  for (std::int64_t i = 0; i < n; ++i) acc += std::pow(std::abs(static_cast<double>(p[i])), ord);
  return static_cast<T>(ord == 1 ? acc : ord == 2 ? std::sqrt(acc) : std::pow(acc, 1.0 / ord));
}

// Arguments shared by aten::norm and aten::linalg_vector_norm.
struct NormArgs {
  double ord = 2;
  IntList dims;
  bool keepdim = false;
  std::optional<ScalarType> dtype;
};

NormArgs norm_args(OpKind kind, const Stack& a) {
  NormArgs n;
  if (!a[1].is_none()) n.ord = a[1].to_double();
  if (a.size() > 2 && !a[2].is_none()) n.dims = a[2].to_int_list();
  if (a.size() > 3) n.keepdim = a[3].to_bool();
  if (kind == OpKind::linalg_vector_norm && a.size() > 4) n.dtype = a[4].to_optional_scalar_type();
  return n;
}

template <OpKind K> MetaList norm_shape(const Stack& a) {
  const Tensor& x = a[0].to_tensor();
  if constexpr (K == OpKind::norm) {
    PT_CHECK(is_floating_point(x.dtype()), RuntimeError,
             "norm(): input dtype should be either floating point or complex. Got " << ir_type_name(x.dtype())
                                                                                    << " instead.");
  } else {
    PT_CHECK(
        is_floating_point(x.dtype()), RuntimeError,
        "linalg.vector_norm: Expected a floating point or complex tensor as input. Got " << ir_type_name(x.dtype()));
  }
  const NormArgs n = norm_args(K, a);
  return {{reduced_shape(x.sizes(), reduced_dims(x.sizes(), n.dims), n.keepdim), n.dtype ? *n.dtype : x.dtype()}};
}

template <OpKind K> Stack norm_forward(const Stack& a) {
  const TensorMeta m = norm_shape<K>(a)[0];
  const NormArgs n = norm_args(K, a);
  const Tensor& x = a[0].to_tensor();
  const auto red = reduced_dims(x.sizes(), n.dims);
  return {dispatch_floating(m.dtype, [&]<typename T>() {
    return reduce_blocks<T, T>(x, red, n.keepdim,
                               [&](const T* p, std::int64_t len) { return block_norm(p, len, n.ord); });
  })};
}

// d‖x‖/dx: x/‖x‖ for p = 2 (0 where the norm is 0), sign(x) for p = 1, ties of
// |x| split evenly for ±inf, sign(x)|x|^(p-1)/‖x‖^(p-1) otherwise.
template <OpKind K> TensorList norm_backward(BackwardContext& ctx, const TensorList& g) {
  Stack args{IValue()};
  for (std::size_t i = 1; i < ctx.num_args(); ++i) args.push_back(ctx.arg(i));
  const NormArgs n = norm_args(K, args);
  const Tensor& x = ctx.tensor_arg(0);
  const auto red = reduced_dims(x.sizes(), n.dims);
  const Tensor gk = grad_keepdim(g[0], x.sizes(), red, n.keepdim);
  const Tensor norm = grad_keepdim(ctx.output(0), x.sizes(), red, n.keepdim);
  const ScalarType dt = g[0].dtype();
  if (n.ord == 0) return {mul(gk, zeros_like(x, dt))};
  if (n.ord == 2) {
    // x * g / norm, with g / norm replaced by 0 where the norm is 0.
    const Tensor zero = dispatch_floating(norm.dtype(), [&]<typename T>() {
      return kernels::map_unary<T, T>(kernels::contiguous_kernel(norm), [](T v) { return v == T(0) ? T(1) : T(0); });
    });
    const Tensor nonzero = sub(ones_like(zero), zero);
    return {mul(x, div(mul(gk, nonzero), add(norm, zero)))};
  }
  const Tensor coef = dispatch_floating(x.dtype(), [&]<typename T>() {
    return block_map<T>(x, red, dt, [&](const T* p, std::int64_t len, T* o) {
      const T nv = block_norm(p, len, n.ord);
      std::int64_t ties = 0;
      for (std::int64_t i = 0; i < len; ++i) ties += std::abs(p[i]) == nv;
      for (std::int64_t i = 0; i < len; ++i) {
        const T sg = static_cast<T>((p[i] > T(0)) - (p[i] < T(0)));
        if (std::isinf(n.ord)) o[i] = std::abs(p[i]) == nv ? static_cast<T>(sg / static_cast<T>(ties)) : T(0);
        else if (n.ord == 1) o[i] = sg;
        else o[i] = nv == T(0) ? T(0) : static_cast<T>(sg * std::pow(std::abs(p[i]) / nv, n.ord - 1));
      }
    });
  });
  return {mul(gk, coef)};
}

// ---- var / std -------------------------------------------------------------------------

struct VarArgs {
  IntList dims;
  bool unbiased = true, keepdim = false;
};

// var(self, unbiased) or var.dim(self, dim?, unbiased, keepdim).
VarArgs var_args(const Stack& a) {
  VarArgs v;
  if (a.size() == 2) {
    v.unbiased = a[1].to_bool();
    return v;
  }
  if (!a[1].is_none()) v.dims = a[1].to_int_list();
  v.unbiased = a[2].to_bool();
  v.keepdim = a[3].to_bool();
  return v;
}

MetaList var_shape(const Stack& a) {
  const Tensor& x = a[0].to_tensor();
  PT_CHECK(is_floating_point(x.dtype()), RuntimeError, "std and var only support floating point and complex dtypes");
  const VarArgs v = var_args(a);
  return {{reduced_shape(x.sizes(), reduced_dims(x.sizes(), v.dims), v.keepdim), x.dtype()}};
}

template <bool Sqrt> Stack var_forward(const Stack& a) {
  var_shape(a);
  const Tensor& x = a[0].to_tensor();
  const VarArgs v = var_args(a);
  const auto red = reduced_dims(x.sizes(), v.dims);
  return {dispatch_floating(x.dtype(), [&]<typename T>() {
    return reduce_blocks<T, T>(x, red, v.keepdim, [&](const T* p, std::int64_t n) {
      double mean = 0;
      for (std::int64_t i = 0; i < n; ++i) mean += p[i];
      mean /= static_cast<double>(n);
      double ss = 0;
      for (std::int64_t i = 0; i < n; ++i) ss += (p[i] - mean) * (p[i] - mean);
      const double var = ss / static_cast<double>(n - (v.unbiased ? 1 : 0));
      return static_cast<T>(Sqrt ? std::sqrt(var) : var);
    });
  })};
}

// d var = g * 2 (x - mean) / (N - correction)
Tensor var_grad(const Tensor& x, const Tensor& gk, const VarArgs& v, const DimMask& red) {
  std::int64_t n = 1;
  for (std::size_t i = 0; i < red.size(); ++i)
    if (red[i]) n *= x.sizes()[i];
  const Tensor centered = sub(x, mean(x, v.dims, true));
  return mul(mul(gk, centered), Scalar(2.0 / static_cast<double>(n - (v.unbiased ? 1 : 0))));
}

TensorList var_backward(BackwardContext& ctx, const TensorList& g) {
  Stack args{IValue()};
  for (std::size_t i = 1; i < ctx.num_args(); ++i) args.push_back(ctx.arg(i));
  const VarArgs v = var_args(args);
  const Tensor& x = ctx.tensor_arg(0);
  const auto red = reduced_dims(x.sizes(), v.dims);
  return {var_grad(x, grad_keepdim(g[0], x.sizes(), red, v.keepdim), v, red)};
}

// d std = d var / (2 std), 0 where std is 0 (as PyTorch's masked_fill).
TensorList std_backward(BackwardContext& ctx, const TensorList& g) {
  Stack args{IValue()};
  for (std::size_t i = 1; i < ctx.num_args(); ++i) args.push_back(ctx.arg(i));
  const VarArgs v = var_args(args);
  const Tensor& x = ctx.tensor_arg(0);
  const auto red = reduced_dims(x.sizes(), v.dims);
  const Tensor sd = grad_keepdim(ctx.output(0), x.sizes(), red, v.keepdim);
  const Tensor zero = dispatch_floating(sd.dtype(), [&]<typename T>() {
    return kernels::map_unary<T, T>(kernels::contiguous_kernel(sd), [](T s) { return s == T(0) ? T(1) : T(0); });
  });
  const Tensor gk = div(mul(grad_keepdim(g[0], x.sizes(), red, v.keepdim), sub(ones_like(zero), zero)),
                        mul(add(sd, zero), Scalar(2.0)));
  return {var_grad(x, gk, v, red)};
}

// ---- logsumexp ----------------------------------------------------------------------------

MetaList logsumexp_shape(const Stack& a) {
  const Tensor& x = a[0].to_tensor();
  const ScalarType dt = is_floating_point(x.dtype()) ? x.dtype() : ScalarType::Float32;
  return {{reduced_shape(x.sizes(), reduced_dims(x.sizes(), a[1].to_int_list()), a[2].to_bool()), dt}};
}

Stack logsumexp_forward(const Stack& a) {
  const TensorMeta m = logsumexp_shape(a)[0];
  const Tensor x = kernels::cast(a[0].to_tensor(), m.dtype);
  const auto red = reduced_dims(x.sizes(), a[1].to_int_list());
  return {dispatch_floating(m.dtype, [&]<typename T>() {
    return reduce_blocks<T, T>(x, red, a[2].to_bool(), [](const T* p, std::int64_t n) {
      // Shift by the max so exp cannot overflow.
      T mx = -std::numeric_limits<T>::infinity();
      for (std::int64_t i = 0; i < n; ++i) mx = std::max(mx, p[i]);
      if (std::isinf(mx)) return mx;
      double acc = 0;
      for (std::int64_t i = 0; i < n; ++i) acc += std::exp(static_cast<double>(p[i] - mx));
      return static_cast<T>(mx + std::log(acc));
    });
  })};
}

TensorList logsumexp_backward(BackwardContext& ctx, const TensorList& g) {
  const Tensor& x = ctx.tensor_arg(0);
  const auto red = reduced_dims(x.sizes(), ctx.arg(1).to_int_list());
  const bool keepdim = ctx.arg(2).to_bool();
  const Tensor r = grad_keepdim(ctx.output(0), x.sizes(), red, keepdim);
  return {mul(grad_keepdim(g[0], x.sizes(), red, keepdim), exp(sub(x, r)))};
}

// ---- softmax / log_softmax -------------------------------------------------------------------

template <bool Log> MetaList softmax_shape(const Stack& a) {
  const Tensor& x = a[0].to_tensor();
  const std::int64_t dim = kernels::wrap_dim(a[1].to_int(), std::max<std::int64_t>(x.dim(), 1));
  const auto dt = a.size() > 2 ? a[2].to_optional_scalar_type() : std::nullopt;
  const ScalarType out = dt ? *dt : x.dtype();
  const bool last = x.dim() == 0 || dim == x.dim() - 1;
  PT_CHECK(
      is_floating_point(out), RuntimeError,
      "\"" << (last ? (Log ? "log_softmax_lastdim_kernel_impl" : "softmax_lastdim_kernel_impl") : "softmax_kernel_impl")
           << "\" not implemented for '" << ir_type_name(out) << "'");
  return {{x.sizes(), out}};
}

template <bool Log> Stack softmax_forward(const Stack& a) {
  const TensorMeta m = softmax_shape<Log>(a)[0];
  const Tensor x = kernels::cast(a[0].to_tensor(), m.dtype);
  return {dispatch_floating(m.dtype, [&]<typename T>() {
    return block_map<T>(x, one_dim(x.sizes(), a[1].to_int()), m.dtype, [](const T* p, std::int64_t n, T* o) {
      T mx = -std::numeric_limits<T>::infinity();
      for (std::int64_t i = 0; i < n; ++i) mx = std::max(mx, p[i]);
      double acc = 0;
      for (std::int64_t i = 0; i < n; ++i) acc += std::exp(static_cast<double>(p[i] - mx));
      const double lse = std::log(acc);
      for (std::int64_t i = 0; i < n; ++i) {
        const double shifted = static_cast<double>(p[i] - mx);
        o[i] = static_cast<T>(Log ? shifted - lse : std::exp(shifted - lse));
      }
    });
  })};
}

// softmax: y * (g - sum(g * y)); log_softmax: g - exp(y) * sum(g), both over dim.
template <bool Log> TensorList softmax_backward(BackwardContext& ctx, const TensorList& g) {
  const std::int64_t dim = ctx.arg(1).to_int();
  const Tensor y = ctx.output(0);
  const ScalarType in = ctx.arg_meta(0).dtype;
  if constexpr (Log) return {grad_in_dtype(sub(g[0], mul(exp(y), sum(g[0], IntList{dim}, true))), in)};
  else return {grad_in_dtype(mul(y, sub(g[0], sum(mul(g[0], y), IntList{dim}, true))), in)};
}

// ---- topk / sort ----------------------------------------------------------------------------------

// Lane buffers of (values, indices) for the k selected elements of every lane along dim.
template <typename T>
std::pair<Tensor, Tensor> select_lanes(const Tensor& x, std::int64_t dim, std::int64_t k, bool largest, bool stable) {
  const Blocks b = make_blocks(x, one_dim(x.sizes(), dim), scalar_type_of<T>);
  Shape lane = b.data.sizes();
  if (lane.empty()) lane.push_back(1);
  lane.back() = k;
  Tensor vals = kernels::make_tensor(lane, scalar_type_of<T>), idx = kernels::make_tensor(lane, ScalarType::Int64);
  const T* d = b.data.data_ptr<T>();
  std::vector<std::int64_t> order(static_cast<std::size_t>(b.R));
  for (std::int64_t i = 0; i < b.outer; ++i) {
    const T* p = d + i * b.R;
    std::iota(order.begin(), order.end(), 0);
    // NaN sorts as the largest value, as in PyTorch.
    auto cmp = [&](std::int64_t u, std::int64_t v) {
      const T a = p[u], c = p[v];
      if constexpr (std::is_floating_point_v<T>) {
        if (std::isnan(a) || std::isnan(c))
          return largest ? std::isnan(a) && !std::isnan(c) : !std::isnan(a) && std::isnan(c);
      }
      return largest ? a > c : a < c;
    };
    if (stable) std::stable_sort(order.begin(), order.end(), cmp);
    else std::partial_sort(order.begin(), order.begin() + k, order.end(), cmp);
    for (std::int64_t j = 0; j < k; ++j)
      vals.data_ptr<T>()[i * k + j] = p[order[j]], idx.data_ptr<std::int64_t>()[i * k + j] = order[j];
  }
  std::vector<std::int64_t> perm = b.perm;
  if (x.dim() == 0) {
    vals.impl()->sizes = {}, vals.impl()->strides = {}, idx.impl()->sizes = {}, idx.impl()->strides = {};
    return {vals, idx};
  }
  return {unpermute(vals, perm), unpermute(idx, perm)};
}

MetaList topk_shape(const Stack& a) {
  const Tensor& x = a[0].to_tensor();
  const std::int64_t k = a[1].to_int();
  const std::int64_t dim = kernels::wrap_dim(a[2].to_int(), std::max<std::int64_t>(x.dim(), 1));
  const std::int64_t n = x.dim() == 0 ? 1 : x.size(dim);
  PT_CHECK(k >= 0 && k <= n, RuntimeError, "selected index k out of range");
  Shape out = x.sizes();
  if (!out.empty()) out[dim] = k;
  return {{out, x.dtype()}, {out, ScalarType::Int64}};
}

Stack topk_forward(const Stack& a) {
  topk_shape(a);
  const Tensor& x = a[0].to_tensor();
  return dispatch_dtype(x.dtype(), [&]<typename T>() -> Stack {
    // A stable order keeps equal values in index order, as PyTorch's CPU topk does.
    auto [v, i] = select_lanes<T>(x, a[2].to_int(), a[1].to_int(), a[3].to_bool(), true);
    return {v, i};
  });
}

MetaList sort_shape(const Stack& a) {
  const Tensor& x = a[0].to_tensor();
  kernels::wrap_dim(a[1].to_int(), std::max<std::int64_t>(x.dim(), 1));
  return {{x.sizes(), x.dtype()}, {x.sizes(), ScalarType::Int64}};
}

Stack sort_forward(const Stack& a) {
  sort_shape(a);
  const Tensor& x = a[0].to_tensor();
  const std::int64_t dim = a[1].to_int();
  const std::int64_t n = x.dim() == 0 ? 1 : x.size(kernels::wrap_dim(dim, x.dim()));
  return dispatch_dtype(x.dtype(), [&]<typename T>() -> Stack {
    auto [v, i] = select_lanes<T>(x, dim, n, a[2].to_bool(), true);
    return {v, i};
  });
}

// Scatters the gradient of the selected values back to their positions:
// grad_in[..., idx[j], ...] = g[..., j, ...]. Written as g times a constant
// one-hot matrix per lane so it stays differentiable.
TensorList select_backward(BackwardContext& ctx, const TensorList& g, std::int64_t dim) {
  if (!g[0].defined()) return {Tensor()};  // only the indices were used
  const Tensor& x = ctx.tensor_arg(0);
  if (x.dim() == 0) return {g[0]};
  const std::int64_t w = kernels::wrap_dim(dim, x.dim()), n = x.size(w);
  const Tensor idx = ctx.output(1);
  const std::int64_t k = idx.size(w);
  const bool last = w == x.dim() - 1;
  const Tensor gl = last ? g[0] : transpose(g[0], w, -1);
  const Tensor il = kernels::contiguous_kernel(last ? idx
                                                    : kernels::make_view(
                                                          idx, gl.sizes(),
                                                          [&] {
                                                            Shape st = idx.strides();
                                                            std::swap(st[w], st.back());
                                                            return st;
                                                          }(),
                                                          idx.storage_offset()));
  Shape psz(gl.sizes().begin(), gl.sizes().end() - 1);
  const std::int64_t lanes = il.numel() / std::max<std::int64_t>(k, 1);
  Tensor onehot = zeros({lanes, k, n}, g[0].dtype());
  dispatch_floating(g[0].dtype(), [&]<typename T>() {
    T* o = onehot.data_ptr<T>();
    const std::int64_t* ip = il.data_ptr<std::int64_t>();
    for (std::int64_t l = 0; l < lanes; ++l)
      for (std::int64_t j = 0; j < k; ++j) o[(l * k + j) * n + ip[l * k + j]] = T(1);
  });
  Shape row = psz, full = psz, onehot_shape = psz;
  row.insert(row.end(), {1, k});
  full.push_back(n);
  onehot_shape.insert(onehot_shape.end(), {k, n});
  const Tensor r = reshape(matmul(reshape(gl, row), reshape(onehot, onehot_shape)), full);
  return {last ? r : transpose(r, w, -1)};
}

}  // namespace

Tensor sum(const Tensor& self, std::optional<ScalarType> dtype) { return call_op1(OpKind::sum, {self, IValue(dtype)}); }
Tensor sum(const Tensor& self, const IntList& dim, bool keepdim, std::optional<ScalarType> dtype) {
  return call_op1(OpKind::sum, {self, dim, keepdim, IValue(dtype)});
}

Tensor mean(const Tensor& self, std::optional<ScalarType> dtype) {
  return call_op1(OpKind::mean, {self, IValue(dtype)});
}
Tensor mean(const Tensor& self, const IntList& dim, bool keepdim, std::optional<ScalarType> dtype) {
  return call_op1(OpKind::mean, {self, dim, keepdim, IValue(dtype)});
}
Tensor prod(const Tensor& self, std::optional<ScalarType> dtype) {
  return call_op1(OpKind::prod, {self, IValue(dtype)});
}
Tensor max(const Tensor& self) { return call_op1(OpKind::max, {self}); }
std::tuple<Tensor, Tensor> max(const Tensor& self, std::int64_t dim, bool keepdim) {
  const Stack r = call_op(OpKind::max, {self, dim, keepdim});
  return {r[0].to_tensor(), r[1].to_tensor()};
}
Tensor min(const Tensor& self) { return call_op1(OpKind::min, {self}); }
std::tuple<Tensor, Tensor> min(const Tensor& self, std::int64_t dim, bool keepdim) {
  const Stack r = call_op(OpKind::min, {self, dim, keepdim});
  return {r[0].to_tensor(), r[1].to_tensor()};
}
Tensor amax(const Tensor& self, const IntList& dim, bool keepdim) {
  return call_op1(OpKind::amax, {self, dim, keepdim});
}
Tensor amin(const Tensor& self, const IntList& dim, bool keepdim) {
  return call_op1(OpKind::amin, {self, dim, keepdim});
}
Tensor argmax(const Tensor& self, std::optional<std::int64_t> dim, bool keepdim) {
  return call_op1(OpKind::argmax, {self, IValue(dim), keepdim});
}
Tensor argmin(const Tensor& self, std::optional<std::int64_t> dim, bool keepdim) {
  return call_op1(OpKind::argmin, {self, IValue(dim), keepdim});
}
Tensor norm(const Tensor& self, const Scalar& p) { return call_op1(OpKind::norm, {self, p}); }
Tensor norm(const Tensor& self, const Scalar& p, const IntList& dim, bool keepdim) {
  return call_op1(OpKind::norm, {self, p, dim, keepdim});
}
Tensor linalg_vector_norm(const Tensor& self, const Scalar& ord, const IntList& dim, bool keepdim) {
  return call_op1(OpKind::linalg_vector_norm, {self, ord, dim.empty() ? IValue() : IValue(dim), keepdim, IValue()});
}
Tensor var(const Tensor& self, const IntList& dim, bool unbiased, bool keepdim) {
  return call_op1(OpKind::var, {self, dim, unbiased, keepdim});
}
Tensor std(const Tensor& self, const IntList& dim, bool unbiased, bool keepdim) {
  return call_op1(OpKind::std, {self, dim, unbiased, keepdim});
}
Tensor logsumexp(const Tensor& self, const IntList& dim, bool keepdim) {
  return call_op1(OpKind::logsumexp, {self, dim, keepdim});
}
std::tuple<Tensor, Tensor> topk(const Tensor& self, std::int64_t k, std::int64_t dim, bool largest, bool sorted) {
  const Stack r = call_op(OpKind::topk, {self, k, dim, largest, sorted});
  return {r[0].to_tensor(), r[1].to_tensor()};
}
std::tuple<Tensor, Tensor> sort(const Tensor& self, std::int64_t dim, bool descending) {
  const Stack r = call_op(OpKind::sort, {self, dim, descending});
  return {r[0].to_tensor(), r[1].to_tensor()};
}
Tensor softmax(const Tensor& self, std::int64_t dim, std::optional<ScalarType> dtype) {
  return call_op1(OpKind::softmax, {self, dim, IValue(dtype)});
}
Tensor log_softmax(const Tensor& self, std::int64_t dim, std::optional<ScalarType> dtype) {
  return call_op1(OpKind::log_softmax, {self, dim, IValue(dtype)});
}

namespace defs {

void define_reduction_ops(OpTable& t) {
  t.def({.kind = OpKind::sum,
         .schema =
             "aten::sum(Tensor self, *, ScalarType? dtype=None) -> Tensor | "
             "aten::sum.dim_IntList(Tensor self, int[1]? dim, bool keepdim=False, *, ScalarType? dtype=None) -> Tensor",
         .forward = sum_forward,
         .backward = sum_backward,
         .shape = sum_shape});
  t.def({.kind = OpKind::mean,
         .schema = "aten::mean(Tensor self, *, ScalarType? dtype=None) -> Tensor | "
                   "aten::mean.dim(Tensor self, int[1]? dim, bool keepdim=False, *, ScalarType? dtype=None) -> Tensor",
         .forward = mean_forward,
         .backward = mean_backward,
         .shape = mean_shape});
  t.def({.kind = OpKind::prod,
         .schema = "aten::prod(Tensor self, *, ScalarType? dtype=None) -> Tensor | "
                   "aten::prod.dim_int(Tensor self, int dim, bool keepdim=False, *, ScalarType? dtype=None) -> Tensor",
         .forward = prod_forward,
         .backward = prod_backward,
         .shape = prod_shape});
  t.def({.kind = OpKind::max,
         .schema = "aten::max(Tensor self) -> Tensor | "
                   "aten::max.dim(Tensor self, int dim, bool keepdim=False) -> (Tensor values, Tensor indices)",
         .forward = extreme_forward<true>,
         .backward = extreme_backward<true>,
         .shape = extreme_shape<true>});
  t.def({.kind = OpKind::min,
         .schema = "aten::min(Tensor self) -> Tensor | "
                   "aten::min.dim(Tensor self, int dim, bool keepdim=False) -> (Tensor values, Tensor indices)",
         .forward = extreme_forward<false>,
         .backward = extreme_backward<false>,
         .shape = extreme_shape<false>});
  t.def({.kind = OpKind::amax,
         .schema = "aten::amax(Tensor self, int[1] dim=[], bool keepdim=False) -> Tensor",
         .forward = amax_forward<true>,
         .backward = amax_backward<true>,
         .shape = amax_shape<true>});
  t.def({.kind = OpKind::amin,
         .schema = "aten::amin(Tensor self, int[1] dim=[], bool keepdim=False) -> Tensor",
         .forward = amax_forward<false>,
         .backward = amax_backward<false>,
         .shape = amax_shape<false>});
  t.def({.kind = OpKind::argmax,
         .schema = "aten::argmax(Tensor self, int? dim=None, bool keepdim=False) -> Tensor",
         .forward = argmax_forward<true>,
         .shape = argmax_shape<true>,
         .flags = kNonDifferentiable});
  t.def({.kind = OpKind::argmin,
         .schema = "aten::argmin(Tensor self, int? dim=None, bool keepdim=False) -> Tensor",
         .forward = argmax_forward<false>,
         .shape = argmax_shape<false>,
         .flags = kNonDifferentiable});
  t.def({.kind = OpKind::norm,
         .schema = "aten::norm.Scalar(Tensor self, Scalar p=2) -> Tensor | "
                   "aten::norm.ScalarOpt_dim(Tensor self, Scalar? p, int[1] dim, bool keepdim=False) -> Tensor",
         .forward = norm_forward<OpKind::norm>,
         .backward = norm_backward<OpKind::norm>,
         .shape = norm_shape<OpKind::norm>});
  t.def({.kind = OpKind::linalg_vector_norm,
         .schema = "aten::linalg_vector_norm(Tensor self, Scalar ord=2, int[1]? dim=None, bool keepdim=False, *, "
                   "ScalarType? dtype=None) -> Tensor",
         .forward = norm_forward<OpKind::linalg_vector_norm>,
         .backward = norm_backward<OpKind::linalg_vector_norm>,
         .shape = norm_shape<OpKind::linalg_vector_norm>});
  t.def({.kind = OpKind::var,
         .schema = "aten::var(Tensor self, bool unbiased=True) -> Tensor | "
                   "aten::var.dim(Tensor self, int[1]? dim, bool unbiased=True, bool keepdim=False) -> Tensor",
         .forward = var_forward<false>,
         .backward = var_backward,
         .shape = var_shape});
  t.def({.kind = OpKind::std,
         .schema = "aten::std(Tensor self, bool unbiased=True) -> Tensor | "
                   "aten::std.dim(Tensor self, int[1]? dim, bool unbiased=True, bool keepdim=False) -> Tensor",
         .forward = var_forward<true>,
         .backward = std_backward,
         .shape = var_shape});
  t.def({.kind = OpKind::logsumexp,
         .schema = "aten::logsumexp(Tensor self, int[1] dim, bool keepdim=False) -> Tensor",
         .forward = logsumexp_forward,
         .backward = logsumexp_backward,
         .shape = logsumexp_shape});
  t.def({.kind = OpKind::topk,
         .schema = "aten::topk(Tensor self, int k, int dim=-1, bool largest=True, bool sorted=True) -> "
                   "(Tensor values, Tensor indices)",
         .forward = topk_forward,
         .backward = [](BackwardContext& ctx,
                        const TensorList& g) { return select_backward(ctx, g, ctx.arg(2).to_int()); },
         .shape = topk_shape});
  t.def({.kind = OpKind::sort,
         .schema = "aten::sort(Tensor self, int dim=-1, bool descending=False) -> (Tensor values, Tensor indices)",
         .forward = sort_forward,
         .backward = [](BackwardContext& ctx,
                        const TensorList& g) { return select_backward(ctx, g, ctx.arg(1).to_int()); },
         .shape = sort_shape});
  t.def({.kind = OpKind::softmax,
         .schema = "aten::softmax.int(Tensor self, int dim, ScalarType? dtype=None) -> Tensor",
         .forward = softmax_forward<false>,
         .backward = softmax_backward<false>,
         .shape = softmax_shape<false>});
  t.def({.kind = OpKind::log_softmax,
         .schema = "aten::log_softmax.int(Tensor self, int dim, ScalarType? dtype=None) -> Tensor",
         .forward = softmax_forward<true>,
         .backward = softmax_backward<true>,
         .shape = softmax_shape<true>});
}

}  // namespace defs
}  // namespace paratrace
