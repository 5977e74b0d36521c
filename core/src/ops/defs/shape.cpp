// Shape ops and views: outputs alias the input's storage where PyTorch's do.
#include <algorithm>

#include "../kernels/broadcast.h"
#include "../kernels/elementwise.h"
#include "common_rules.h"
#include "define_ops.h"
#include "paratrace/autograd/grad_mode.h"
#include "paratrace/tensor/factories.h"
#include "paratrace/tensor/ops.h"

namespace paratrace {
namespace {

using rules::identity_backward;
using rules::infer_size;
using rules::meta_of;
using rules::same_shape;

// Strides for viewing a tensor of (sizes, strides) as `shape` without a copy,
// or nullopt when the memory layout does not allow it (PyTorch's computeStride).
std::optional<Shape> view_strides(const Shape& sizes, const Shape& strides, const Shape& shape) {
  Shape out(shape.size());
  std::int64_t numel = 1;
  for (auto s : sizes) numel *= s;
  if (numel == 0 || sizes.empty()) return contiguous_strides(shape);
  std::int64_t view_d = static_cast<std::int64_t>(shape.size()) - 1;
  std::int64_t chunk_base_stride = strides.empty() ? 1 : strides.back();
  std::int64_t tensor_numel = 1, view_numel = 1;
  for (std::int64_t d = static_cast<std::int64_t>(sizes.size()) - 1; d >= 0; --d) {
    tensor_numel *= sizes[d];
    if (d == 0 || (sizes[d - 1] != 1 && strides[d - 1] != tensor_numel * chunk_base_stride)) {
      while (view_d >= 0 && (view_numel < tensor_numel || shape[view_d] == 1)) {
        out[view_d] = view_numel * chunk_base_stride;
        view_numel *= shape[view_d];
        --view_d;
      }
      if (view_numel != tensor_numel) return std::nullopt;
      if (d > 0) {
        chunk_base_stride = strides[d - 1];
        tensor_numel = 1;
        view_numel = 1;
      }
    }
  }
  if (view_d != -1) return std::nullopt;
  return out;
}

MetaList view_shape(const Stack& a) {
  const Tensor& x = a[0].to_tensor();
  return {{infer_size(a[1].to_int_list(), x.numel()), x.dtype()}};
}

Stack view_forward(const Stack& a) {
  const Tensor& x = a[0].to_tensor();
  const Shape shape = view_shape(a)[0].sizes;
  auto st = view_strides(x.sizes(), x.strides(), shape);
  PT_CHECK(st, RuntimeError,
           "view size is not compatible with input tensor's size and stride (at least one dimension spans across "
           "two contiguous subspaces). Use .reshape(...) instead.");
  return {kernels::make_view(x, shape, *st, x.storage_offset())};
}

TensorList view_backward(BackwardContext& ctx, const TensorList& g) {
  return {reshape(g[0], ctx.arg_meta(0).sizes)};
}

// reshape: a view when possible, else a copy; autograd flows through those ops.
Stack reshape_forward(const Stack& a) {
  const Tensor& x = a[0].to_tensor();
  const Shape shape = view_shape(a)[0].sizes;
  if (view_strides(x.sizes(), x.strides(), shape)) return {view(x, shape)};
  return {view(contiguous(x), shape)};
}

MetaList expand_shape(const Stack& a) {
  const Tensor& x = a[0].to_tensor();
  const IntList& sizes = a[1].to_int_list();
  PT_CHECK(sizes.size() >= static_cast<std::size_t>(x.dim()), RuntimeError,
           "expand(torch." << ir_type_name(x.dtype()) << "Tensor{" << kernels::shape_str(x.sizes())
                           << "}, size=" << kernels::shape_str(sizes)
                           << "): the number of sizes provided (" << sizes.size()
                           << ") must be greater or equal to the number of dimensions in the tensor (" << x.dim()
                           << ")");
  Shape out(sizes.size());
  const std::size_t lead = sizes.size() - x.sizes().size();
  for (std::size_t i = 0; i < sizes.size(); ++i) {
    const std::int64_t have = i < lead ? 1 : x.sizes()[i - lead];
    const std::int64_t want = sizes[i] == -1 ? have : sizes[i];
    PT_CHECK(i >= lead || sizes[i] != -1, RuntimeError,
             "The expanded size of the tensor (-1) isn't allowed in a leading, non-existing dimension " << i);
    PT_CHECK(have == want || have == 1, RuntimeError,
             "The expanded size of the tensor (" << want << ") must match the existing size (" << have
                                                 << ") at non-singleton dimension " << i << ".  Target sizes: "
                                                 << kernels::shape_str(sizes)
                                                 << ".  Tensor sizes: " << kernels::shape_str(x.sizes()));
    out[i] = want;
  }
  return {{out, x.dtype()}};
}

Stack expand_forward(const Stack& a) {
  const Tensor& x = a[0].to_tensor();
  const Shape shape = expand_shape(a)[0].sizes;
  const Shape st = kernels::broadcast_strides(x, shape);
  return {kernels::make_view(x, shape, st, x.storage_offset())};
}

TensorList expand_backward(BackwardContext& ctx, const TensorList& g) {
  return {kernels::sum_to(g[0], ctx.arg_meta(0).sizes)};
}


Stack contiguous_forward(const Stack& a) {
  const Tensor& x = a[0].to_tensor();
  if (x.is_contiguous()) return {x};
  return {kernels::clone_kernel(x)};
}



// ---- permutations ------------------------------------------------------------

Tensor permuted_view(const Tensor& x, const IntList& perm) {
  Shape sizes(perm.size()), strides(perm.size());
  for (std::size_t i = 0; i < perm.size(); ++i) {
    sizes[i] = x.sizes()[perm[i]];
    strides[i] = x.strides()[perm[i]];
  }
  return kernels::make_view(x, sizes, strides, x.storage_offset());
}

IntList checked_perm(const Tensor& x, const IntList& dims) {
  PT_CHECK(static_cast<std::int64_t>(dims.size()) == x.dim(), RuntimeError,
           "permute(sparse_coo): number of dimensions in the tensor input does not match the length of the desired "
           "ordering of dimensions i.e. input.dim() = "
               << x.dim() << " is not equal to len(dims) = " << dims.size());
  IntList perm(dims.size());
  std::vector<bool> seen(dims.size(), false);
  for (std::size_t i = 0; i < dims.size(); ++i) {
    perm[i] = kernels::wrap_dim(dims[i], x.dim());
    PT_CHECK(!seen[perm[i]], RuntimeError, "permute(): duplicate dims are not allowed.");
    seen[perm[i]] = true;
  }
  return perm;
}

IntList swap_perm(std::int64_t ndim, std::int64_t d0, std::int64_t d1) {
  IntList perm(ndim);
  for (std::int64_t i = 0; i < ndim; ++i) perm[i] = i;
  if (ndim > 0) std::swap(perm[kernels::wrap_dim(d0, ndim)], perm[kernels::wrap_dim(d1, ndim)]);
  return perm;
}


Stack transpose_forward(const Stack& a) {
  const Tensor& x = a[0].to_tensor();
  return {permuted_view(x, swap_perm(x.dim(), a[1].to_int(), a[2].to_int()))};
}
MetaList transpose_shape(const Stack& a) { return meta_of(transpose_forward(a)[0].to_tensor()); }
TensorList transpose_backward(BackwardContext& ctx, const TensorList& g) {
  return {transpose(g[0], ctx.arg(1).to_int(), ctx.arg(2).to_int())};
}

Stack t_forward(const Stack& a) {
  const Tensor& x = a[0].to_tensor();
  PT_CHECK(x.dim() <= 2, RuntimeError, "t() expects a tensor with <= 2 dimensions, but self is " << x.dim() << "D");
  return {permuted_view(x, swap_perm(x.dim(), 0, x.dim() < 2 ? 0 : 1))};
}
MetaList t_shape(const Stack& a) { return meta_of(t_forward(a)[0].to_tensor()); }
TensorList t_backward(BackwardContext&, const TensorList& g) { return {t(g[0])}; }

// x.T reverses all dims.
IntList reversed_dims(std::int64_t n) {
  IntList p(n);
  for (std::int64_t i = 0; i < n; ++i) p[i] = n - 1 - i;
  return p;
}
Stack numpy_T_forward(const Stack& a) {
  const Tensor& x = a[0].to_tensor();
  return {permuted_view(x, reversed_dims(x.dim()))};
}
MetaList numpy_T_shape(const Stack& a) { return meta_of(numpy_T_forward(a)[0].to_tensor()); }
TensorList numpy_T_backward(BackwardContext&, const TensorList& g) { return {numpy_T(g[0])}; }

Stack mT_forward(const Stack& a) {
  const Tensor& x = a[0].to_tensor();
  PT_CHECK(x.dim() >= 2, RuntimeError,
           "tensor.mT is only supported on matrices or batches of matrices. Got " << x.dim() << "-D tensor.");
  return {permuted_view(x, swap_perm(x.dim(), -2, -1))};
}
MetaList mT_shape(const Stack& a) { return meta_of(mT_forward(a)[0].to_tensor()); }
TensorList mT_backward(BackwardContext&, const TensorList& g) { return {mT(g[0])}; }

Stack permute_forward(const Stack& a) {
  const Tensor& x = a[0].to_tensor();
  return {permuted_view(x, checked_perm(x, a[1].to_int_list()))};
}
MetaList permute_shape(const Stack& a) { return meta_of(permute_forward(a)[0].to_tensor()); }
TensorList permute_backward(BackwardContext& ctx, const TensorList& g) {
  const IntList perm = checked_perm(g[0], ctx.arg(1).to_int_list());
  IntList inverse(perm.size());
  for (std::size_t i = 0; i < perm.size(); ++i) inverse[perm[i]] = static_cast<std::int64_t>(i);
  return {permute(g[0], inverse)};
}

// ---- adding and removing unit dims -----------------------------------------------

Stack unsqueeze_forward(const Stack& a) {
  const Tensor& x = a[0].to_tensor();
  const std::int64_t d = kernels::wrap_dim(a[1].to_int(), x.dim() + 1);
  Shape sizes = x.sizes(), strides = x.strides();
  const std::int64_t st = d < x.dim() ? sizes[d] * strides[d] : 1;
  sizes.insert(sizes.begin() + d, 1);
  strides.insert(strides.begin() + d, st);
  return {kernels::make_view(x, sizes, strides, x.storage_offset())};
}
MetaList unsqueeze_shape(const Stack& a) { return meta_of(unsqueeze_forward(a)[0].to_tensor()); }
TensorList squeeze_to_input(BackwardContext& ctx, const TensorList& g) { return {reshape(g[0], ctx.arg_meta(0).sizes)}; }

// aten::squeeze(self) drops every size-1 dim; aten::squeeze.dim(self, dim) only that one if it is 1.
Stack squeeze_forward(const Stack& a) {
  const Tensor& x = a[0].to_tensor();
  std::optional<std::int64_t> only;
  if (a.size() > 1) only = kernels::wrap_dim(a[1].to_int(), x.dim());
  Shape sizes, strides;
  for (std::int64_t i = 0; i < x.dim(); ++i) {
    const bool drop = x.sizes()[i] == 1 && (!only || *only == i);
    if (drop) continue;
    sizes.push_back(x.sizes()[i]);
    strides.push_back(x.strides()[i]);
  }
  return {kernels::make_view(x, sizes, strides, x.storage_offset())};
}
MetaList squeeze_shape(const Stack& a) { return meta_of(squeeze_forward(a)[0].to_tensor()); }

// ---- slicing ----------------------------------------------------------------------

// aten::slice(self, dim, start?, end?, step) with Python's clamping.
Stack slice_forward(const Stack& a) {
  const Tensor& x = a[0].to_tensor();
  PT_CHECK(x.dim() > 0, IndexError, "slice() cannot be applied to a 0-dim tensor.");
  const std::int64_t d = kernels::wrap_dim(a[1].to_int(), x.dim());
  const std::int64_t n = x.sizes()[d];
  const std::int64_t step = a[4].to_int();
  PT_CHECK(step > 0, ValueError, "slice step must be positive");
  auto clampi = [n](std::optional<std::int64_t> v, std::int64_t dflt) {
    if (!v) return dflt;
    std::int64_t i = *v < 0 ? *v + n : *v;
    return std::clamp<std::int64_t>(i, 0, n);
  };
  const std::int64_t start = clampi(a[2].to_optional_int(), 0);
  const std::int64_t end = std::max(start, clampi(a[3].to_optional_int(), n));
  Shape sizes = x.sizes(), strides = x.strides();
  sizes[d] = (end - start + step - 1) / step;
  strides[d] *= step;
  return {kernels::make_view(x, sizes, strides, x.storage_offset() + start * x.strides()[d])};
}
MetaList slice_shape(const Stack& a) { return meta_of(slice_forward(a)[0].to_tensor()); }

// Backward of a view op: scatter the gradient into zeros of the input's shape
// through the same view.
template <typename ViewFn> Tensor scatter_through_view(const TensorMeta& in, const Tensor& g, ViewFn view_of) {
  Tensor z = zeros(in.sizes, g.dtype());
  Tensor v = view_of(z);
  kernels::copy_kernel(v, g);
  return z;
}
TensorList slice_backward(BackwardContext& ctx, const TensorList& g) {
  Stack args{IValue(), ctx.arg(1), ctx.arg(2), ctx.arg(3), ctx.arg(4)};
  return {scatter_through_view(ctx.arg_meta(0), g[0], [&](const Tensor& z) {
    args[0] = z;
    return slice_forward(args)[0].to_tensor();
  })};
}

Stack select_forward(const Stack& a) {
  const Tensor& x = a[0].to_tensor();
  PT_CHECK(x.dim() > 0, IndexError, "select() cannot be applied to a 0-dim tensor.");
  const std::int64_t d = kernels::wrap_dim(a[1].to_int(), x.dim());
  const std::int64_t n = x.sizes()[d];
  std::int64_t i = a[2].to_int();
  PT_CHECK(i >= -n && i < n, IndexError,
           "select(): index " << i << " out of range for tensor of size " << kernels::shape_str(x.sizes())
                              << " at dimension " << d);
  if (i < 0) i += n;
  Shape sizes = x.sizes(), strides = x.strides();
  const std::int64_t offset = x.storage_offset() + i * strides[d];
  sizes.erase(sizes.begin() + d);
  strides.erase(strides.begin() + d);
  return {kernels::make_view(x, sizes, strides, offset)};
}
MetaList select_shape(const Stack& a) { return meta_of(select_forward(a)[0].to_tensor()); }
TensorList select_backward(BackwardContext& ctx, const TensorList& g) {
  Stack args{IValue(), ctx.arg(1), ctx.arg(2)};
  return {scatter_through_view(ctx.arg_meta(0), g[0], [&](const Tensor& z) {
    args[0] = z;
    return select_forward(args)[0].to_tensor();
  })};
}

Stack diagonal_forward(const Stack& a) {
  const Tensor& x = a[0].to_tensor();
  const std::int64_t offset = a[1].to_int();
  const std::int64_t d1 = kernels::wrap_dim(a[2].to_int(), x.dim());
  const std::int64_t d2 = kernels::wrap_dim(a[3].to_int(), x.dim());
  PT_CHECK(d1 != d2, RuntimeError, "diagonal dimensions cannot be identical " << d1 << ", " << d2);
  std::int64_t start = x.storage_offset();
  std::int64_t len;
  if (offset >= 0) {
    len = std::max<std::int64_t>(std::min(x.sizes()[d1], x.sizes()[d2] - offset), 0);
    if (len > 0) start += offset * x.strides()[d2];
  } else {
    len = std::max<std::int64_t>(std::min(x.sizes()[d1] + offset, x.sizes()[d2]), 0);
    if (len > 0) start -= offset * x.strides()[d1];
  }
  Shape sizes, strides;
  for (std::int64_t i = 0; i < x.dim(); ++i) {
    if (i == d1 || i == d2) continue;
    sizes.push_back(x.sizes()[i]);
    strides.push_back(x.strides()[i]);
  }
  sizes.push_back(len);
  strides.push_back(x.strides()[d1] + x.strides()[d2]);
  return {kernels::make_view(x, sizes, strides, start)};
}
MetaList diagonal_shape(const Stack& a) { return meta_of(diagonal_forward(a)[0].to_tensor()); }
TensorList diagonal_backward(BackwardContext& ctx, const TensorList& g) {
  Stack args{IValue(), ctx.arg(1), ctx.arg(2), ctx.arg(3)};
  return {scatter_through_view(ctx.arg_meta(0), g[0], [&](const Tensor& z) {
    args[0] = z;
    return diagonal_forward(args)[0].to_tensor();
  })};
}

// narrow and flatten are compositions in PyTorch's trace too.
Stack narrow_forward(const Stack& a) {
  const Tensor& x = a[0].to_tensor();
  const std::int64_t d = kernels::wrap_dim(a[1].to_int(), x.dim());
  std::int64_t start = a[2].to_int();
  const std::int64_t len = a[3].to_int();
  const std::int64_t n = x.sizes()[d];
  PT_CHECK(start >= -n && start <= n, IndexError,
           "start out of range (expected to be in range of [" << -n << ", " << n << "], but got " << start << ")");
  if (start < 0) start += n;
  PT_CHECK(len >= 0 && start + len <= n, RuntimeError,
           "start (" << start << ") + length (" << len << ") exceeds dimension size (" << n << ").");
  return {slice(x, d, start, start + len, 1)};
}
MetaList narrow_shape(const Stack& a) {
  Shape s = a[0].to_tensor().sizes();
  s[kernels::wrap_dim(a[1].to_int(), static_cast<std::int64_t>(s.size()))] = a[3].to_int();
  return {{s, a[0].to_tensor().dtype()}};
}

MetaList flatten_shape(const Stack& a) {
  const Tensor& x = a[0].to_tensor();
  if (x.dim() == 0) return {{{1}, x.dtype()}};
  const std::int64_t s = kernels::wrap_dim(a[1].to_int(), x.dim());
  const std::int64_t e = kernels::wrap_dim(a[2].to_int(), x.dim());
  PT_CHECK(s <= e, RuntimeError, "flatten() has invalid args: start_dim cannot come after end_dim");
  Shape out(x.sizes().begin(), x.sizes().begin() + s);
  std::int64_t m = 1;
  for (std::int64_t i = s; i <= e; ++i) m *= x.sizes()[i];
  out.push_back(m);
  out.insert(out.end(), x.sizes().begin() + e + 1, x.sizes().end());
  return {{out, x.dtype()}};
}
Stack flatten_forward(const Stack& a) { return {reshape(a[0].to_tensor(), flatten_shape(a)[0].sizes)}; }

Stack expand_as_forward(const Stack& a) { return {expand(a[0].to_tensor(), a[1].to_tensor().sizes())}; }
MetaList expand_as_shape(const Stack& a) {
  return {{a[1].to_tensor().sizes(), a[0].to_tensor().dtype()}};
}

// ---- splitting: several outputs, each a narrow of the input ---------------------

std::vector<std::int64_t> split_sizes(std::int64_t n, std::int64_t piece) {
  std::vector<std::int64_t> out;
  if (n == 0) return {0};
  for (std::int64_t s = 0; s < n; s += piece) out.push_back(std::min(piece, n - s));
  return out;
}

Stack split_by_sizes(const Tensor& x, std::int64_t d, const std::vector<std::int64_t>& sizes) {
  Stack out;
  std::int64_t start = 0;
  for (auto s : sizes) {
    out.push_back(slice(x, d, start, start + s, 1));
    start += s;
  }
  return out;
}

Stack split_forward(const Stack& a) {
  const Tensor& x = a[0].to_tensor();
  const std::int64_t d = kernels::wrap_dim(a[2].to_int(), x.dim());
  const std::int64_t piece = a[1].to_int();
  PT_CHECK(piece > 0 || (piece == 0 && x.sizes()[d] == 0), RuntimeError,
           "split_size can only be 0 if dimension size is 0, but got dimension size of " << x.sizes()[d]);
  return split_by_sizes(x, d, split_sizes(x.sizes()[d], piece));
}
Stack chunk_forward(const Stack& a) {
  const Tensor& x = a[0].to_tensor();
  const std::int64_t chunks = a[1].to_int();
  PT_CHECK(chunks > 0, RuntimeError, "chunk expects `chunks` to be greater than 0, got: " << chunks);
  const std::int64_t d = kernels::wrap_dim(a[2].to_int(), x.dim());
  const std::int64_t n = x.sizes()[d];
  return split_by_sizes(x, d, split_sizes(n, std::max<std::int64_t>((n + chunks - 1) / chunks, 1)));
}
Stack unbind_forward(const Stack& a) {
  const Tensor& x = a[0].to_tensor();
  const std::int64_t d = kernels::wrap_dim(a[1].to_int(), x.dim());
  Stack out;
  for (std::int64_t i = 0; i < x.sizes()[d]; ++i) out.push_back(select(x, d, i));
  return out;
}
MetaList metas_of(const Stack& outs) {
  MetaList m;
  for (const IValue& o : outs) m.push_back({o.to_tensor().sizes(), o.to_tensor().dtype()});
  return m;
}
MetaList split_shape(const Stack& a) {
  autograd::NoGradGuard g;
  return metas_of(split_forward(a));
}
MetaList chunk_shape(const Stack& a) {
  autograd::NoGradGuard g;
  return metas_of(chunk_forward(a));
}
MetaList unbind_shape(const Stack& a) {
  autograd::NoGradGuard g;
  return metas_of(unbind_forward(a));
}

std::vector<Tensor> to_tensors(const Stack& s) {
  std::vector<Tensor> out;
  for (const IValue& v : s) out.push_back(v.to_tensor());
  return out;
}
}  // namespace

Shape rules::infer_size(const IntList& shape, std::int64_t numel) {
  Shape out(shape.begin(), shape.end());
  std::int64_t known = 1;
  std::optional<std::size_t> infer;
  for (std::size_t i = 0; i < out.size(); ++i) {
    if (out[i] == -1) {
      PT_CHECK(!infer, RuntimeError, "only one dimension can be inferred");
      infer = i;
    } else {
      PT_CHECK(out[i] >= 0, RuntimeError, "invalid shape dimension " << out[i]);
      known *= out[i];
    }
  }
  const bool ok = infer ? (known != 0 && numel % known == 0) : known == numel;
  PT_CHECK(ok, RuntimeError, "shape '" << kernels::shape_str(out) << "' is invalid for input of size " << numel);
  if (infer) out[*infer] = numel / known;
  return out;
}

Tensor view(const Tensor& self, const IntList& shape) { return call_op1(OpKind::view, {self, shape}); }
Tensor reshape(const Tensor& self, const IntList& shape) { return call_op1(OpKind::reshape, {self, shape}); }
Tensor expand(const Tensor& self, const IntList& sizes) {
  return call_op1(OpKind::expand, {self, sizes, false});
}
Tensor contiguous(const Tensor& self) {
  return call_op1(OpKind::contiguous, {self, std::int64_t{0}});
}

Tensor transpose(const Tensor& self, std::int64_t dim0, std::int64_t dim1) {
  return call_op1(OpKind::transpose, {self, dim0, dim1});
}
Tensor t(const Tensor& self) { return call_op1(OpKind::t, {self}); }
Tensor numpy_T(const Tensor& self) { return call_op1(OpKind::numpy_T, {self}); }
Tensor mT(const Tensor& self) { return call_op1(OpKind::mT, {self}); }
Tensor permute(const Tensor& self, const IntList& dims) { return call_op1(OpKind::permute, {self, dims}); }
Tensor unsqueeze(const Tensor& self, std::int64_t dim) { return call_op1(OpKind::unsqueeze, {self, dim}); }
Tensor squeeze(const Tensor& self) { return call_op1(OpKind::squeeze, {self}); }
Tensor squeeze(const Tensor& self, std::int64_t dim) { return call_op1(OpKind::squeeze, {self, dim}); }
Tensor expand_as(const Tensor& self, const Tensor& other) { return call_op1(OpKind::expand_as, {self, other}); }
Tensor flatten(const Tensor& self, std::int64_t start_dim, std::int64_t end_dim) {
  return call_op1(OpKind::flatten, {self, start_dim, end_dim});
}
Tensor narrow(const Tensor& self, std::int64_t dim, std::int64_t start, std::int64_t length) {
  return call_op1(OpKind::narrow, {self, dim, start, length});
}
Tensor slice(const Tensor& self, std::int64_t dim, std::optional<std::int64_t> start, std::optional<std::int64_t> end,
             std::int64_t step) {
  return call_op1(OpKind::slice, {self, dim, IValue(start), IValue(end), step});
}
Tensor select(const Tensor& self, std::int64_t dim, std::int64_t index) {
  return call_op1(OpKind::select, {self, dim, index});
}
Tensor diagonal(const Tensor& self, std::int64_t offset, std::int64_t dim1, std::int64_t dim2) {
  return call_op1(OpKind::diagonal, {self, offset, dim1, dim2});
}
std::vector<Tensor> chunk(const Tensor& self, std::int64_t chunks, std::int64_t dim) {
  return to_tensors(call_op(OpKind::chunk, {self, chunks, dim}));
}
std::vector<Tensor> split(const Tensor& self, std::int64_t split_size, std::int64_t dim) {
  return to_tensors(call_op(OpKind::split, {self, split_size, dim}));
}
std::vector<Tensor> unbind(const Tensor& self, std::int64_t dim) {
  return to_tensors(call_op(OpKind::unbind, {self, dim}));
}

namespace defs {

void define_shape_ops(OpTable& t) {
  t.def({.kind = OpKind::view,
         .schema = "aten::view(Tensor(a) self, int[] size) -> Tensor(a)",
         .forward = view_forward,
         .backward = view_backward,
         .shape = view_shape,
         .flags = kView});
  t.def({.kind = OpKind::reshape,
         .schema = "aten::reshape(Tensor(a) self, int[] shape) -> Tensor(a)",
         .forward = reshape_forward,
         .shape = view_shape,
         .flags = kComposite});
  t.def({.kind = OpKind::expand,
         .schema = "aten::expand(Tensor(a) self, int[] size, *, bool implicit=False) -> Tensor(a)",
         .forward = expand_forward,
         .backward = expand_backward,
         .shape = expand_shape,
         .flags = kView});
  t.def({.kind = OpKind::contiguous,
         .schema = "aten::contiguous(Tensor(a) self, *, MemoryFormat memory_format=contiguous_format) -> Tensor(a)",
         .forward = contiguous_forward,
         .backward = identity_backward,
         .shape = same_shape});
  t.def({.kind = OpKind::transpose,
         .schema = "aten::transpose.int(Tensor(a) self, int dim0, int dim1) -> Tensor(a)",
         .forward = transpose_forward, .backward = transpose_backward, .shape = transpose_shape, .flags = kView});
  t.def({.kind = OpKind::t, .schema = "aten::t(Tensor(a) self) -> Tensor(a)",
         .forward = t_forward, .backward = t_backward, .shape = t_shape, .flags = kView});
  t.def({.kind = OpKind::numpy_T, .schema = "aten::numpy_T(Tensor(a) self) -> Tensor(a)",
         .forward = numpy_T_forward, .backward = numpy_T_backward, .shape = numpy_T_shape, .flags = kView});
  t.def({.kind = OpKind::mT, .schema = "aten::mT(Tensor(a) self) -> Tensor(a)",
         .forward = mT_forward, .backward = mT_backward, .shape = mT_shape, .flags = kView});
  t.def({.kind = OpKind::permute, .schema = "aten::permute(Tensor(a) self, int[] dims) -> Tensor(a)",
         .forward = permute_forward, .backward = permute_backward, .shape = permute_shape, .flags = kView});
  t.def({.kind = OpKind::unsqueeze, .schema = "aten::unsqueeze(Tensor(a) self, int dim) -> Tensor(a)",
         .forward = unsqueeze_forward, .backward = squeeze_to_input, .shape = unsqueeze_shape, .flags = kView});
  t.def({.kind = OpKind::squeeze,
         .schema = "aten::squeeze(Tensor(a) self) -> Tensor(a) | aten::squeeze.dim(Tensor(a) self, int dim) -> Tensor(a)",
         .forward = squeeze_forward, .backward = squeeze_to_input, .shape = squeeze_shape, .flags = kView});
  t.def({.kind = OpKind::expand_as, .schema = "aten::expand_as(Tensor(a) self, Tensor other) -> Tensor(a)",
         .forward = expand_as_forward, .shape = expand_as_shape, .flags = kComposite});
  t.def({.kind = OpKind::flatten,
         .schema = "aten::flatten.using_ints(Tensor(a) self, int start_dim=0, int end_dim=-1) -> Tensor(a)",
         .forward = flatten_forward, .shape = flatten_shape, .flags = kComposite});
  t.def({.kind = OpKind::narrow,
         .schema = "aten::narrow(Tensor(a) self, int dim, int start, int length) -> Tensor(a)",
         .forward = narrow_forward, .shape = narrow_shape, .flags = kComposite});
  t.def({.kind = OpKind::slice,
         .schema = "aten::slice.Tensor(Tensor(a) self, int dim=0, int? start=None, int? end=None, int step=1) -> Tensor(a)",
         .forward = slice_forward, .backward = slice_backward, .shape = slice_shape, .flags = kView});
  t.def({.kind = OpKind::select, .schema = "aten::select.int(Tensor(a) self, int dim, int index) -> Tensor(a)",
         .forward = select_forward, .backward = select_backward, .shape = select_shape, .flags = kView});
  t.def({.kind = OpKind::diagonal,
         .schema = "aten::diagonal(Tensor(a) self, int offset=0, int dim1=0, int dim2=1) -> Tensor(a)",
         .forward = diagonal_forward, .backward = diagonal_backward, .shape = diagonal_shape, .flags = kView});
  t.def({.kind = OpKind::chunk, .schema = "aten::chunk(Tensor(a -> *) self, int chunks, int dim=0) -> Tensor(a)[]",
         .forward = chunk_forward, .shape = chunk_shape, .flags = kComposite});
  t.def({.kind = OpKind::split,
         .schema = "aten::split.Tensor(Tensor(a -> *) self, int split_size, int dim=0) -> Tensor(a)[]",
         .forward = split_forward, .shape = split_shape, .flags = kComposite});
  t.def({.kind = OpKind::unbind, .schema = "aten::unbind.int(Tensor(a -> *) self, int dim=0) -> Tensor(a)[]",
         .forward = unbind_forward, .shape = unbind_shape, .flags = kComposite});
}

}  // namespace defs
}  // namespace paratrace
