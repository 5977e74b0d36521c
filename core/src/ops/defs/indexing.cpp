// Joining, gathering and masking ops: cat, stack, advanced indexing,
// triangular parts, diagonals, repeat and flip.
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
using rules::meta_of;
using rules::same_shape;


std::vector<std::optional<Tensor>> indices_as_optional(const TensorList& list) {
  std::vector<std::optional<Tensor>> out;
  for (const Tensor& t : list) out.push_back(t.defined() ? std::optional<Tensor>(t) : std::nullopt);
  return out;
}

// Gradient of taking a diagonal of a matrix of shape `in`: zeros with g on that diagonal.
Tensor diag_embed_full(const Tensor& g, std::int64_t k, const Shape& in) {
  Tensor z = zeros(in, g.dtype());
  kernels::copy_kernel(diagonal(z, k, 0, 1), g);
  return z;
}

// ---- cat / stack -------------------------------------------------------------------

MetaList cat_shape(const Stack& a) {
  const TensorList& ts = a[0].to_tensor_list();
  PT_CHECK(!ts.empty(), RuntimeError, "torch.cat(): expected a non-empty list of Tensors");
  // 1-D empty tensors are skipped, as legacy PyTorch behaviour allows.
  const Tensor* ref = nullptr;
  for (const Tensor& t : ts)
    if (!(t.dim() == 1 && t.numel() == 0)) ref = ref ? ref : &t;
  if (!ref) return {{{0}, ts[0].dtype()}};
  PT_CHECK(ref->dim() > 0, RuntimeError, "zero-dimensional tensor (at position 0) cannot be concatenated");
  const std::int64_t d = kernels::wrap_dim(a[1].to_int(), ref->dim());
  Shape out = ref->sizes();
  out[d] = 0;
  ScalarType dt = ts[0].dtype();
  for (std::size_t i = 0; i < ts.size(); ++i) {
    const Tensor& t = ts[i];
    dt = promote_types(dt, t.dtype());
    if (t.dim() == 1 && t.numel() == 0) continue;
    PT_CHECK(t.dim() == ref->dim(), RuntimeError,
             "Tensors must have same number of dimensions: got " << ref->dim() << " and " << t.dim());
    for (std::int64_t k = 0; k < t.dim(); ++k) {
      PT_CHECK(k == d || t.sizes()[k] == ref->sizes()[k], RuntimeError,
               "Sizes of tensors must match except in dimension " << d << ". Expected size " << ref->sizes()[k]
                                                                  << " but got size " << t.sizes()[k]
                                                                  << " for tensor number " << i << " in the list.");
    }
    out[d] += t.sizes()[d];
  }
  return {{out, dt}};
}

Stack cat_forward(const Stack& a) {
  const TensorMeta m = cat_shape(a)[0];
  Tensor out = kernels::make_tensor(m.sizes, m.dtype);
  const TensorList& ts = a[0].to_tensor_list();
  if (out.numel() == 0) return {out};
  const std::int64_t d = kernels::wrap_dim(a[1].to_int(), out.dim());
  std::int64_t start = 0;
  for (const Tensor& t : ts) {
    if (t.dim() == 1 && t.numel() == 0) continue;
    const std::int64_t len = t.sizes()[d];
    Shape st = out.strides();
    kernels::copy_kernel(kernels::make_view(out, t.sizes(), st, start * out.strides()[d]), t);
    start += len;
  }
  return {out};
}

TensorList cat_backward(BackwardContext& ctx, const TensorList& g) {
  const TensorList& ts = ctx.arg(0).to_tensor_list();
  TensorList r;
  std::int64_t start = 0;
  const std::int64_t d = kernels::wrap_dim(ctx.arg(1).to_int(), g[0].dim());
  for (const Tensor& t : ts) {
    if (t.dim() == 1 && t.numel() == 0) {
      r.push_back(Tensor());
      continue;
    }
    const std::int64_t len = t.sizes()[d];
    r.push_back(slice(g[0], d, start, start + len, 1).to(t.dtype()));
    start += len;
  }
  return r;
}

Stack stack_forward(const Stack& a) {
  const TensorList& ts = a[0].to_tensor_list();
  PT_CHECK(!ts.empty(), RuntimeError, "stack expects a non-empty TensorList");
  const std::int64_t d = kernels::wrap_dim(a[1].to_int(), ts[0].dim() + 1);
  TensorList parts;
  for (std::size_t i = 0; i < ts.size(); ++i) {
    PT_CHECK(ts[i].sizes() == ts[0].sizes(), RuntimeError,
             "stack expects each tensor to be equal size, but got " << kernels::shape_str(ts[0].sizes())
                                                                     << " at entry 0 and "
                                                                     << kernels::shape_str(ts[i].sizes())
                                                                     << " at entry " << i);
    parts.push_back(unsqueeze(ts[i], d));
  }
  return {cat(parts, d)};
}
MetaList stack_shape(const Stack& a) {
  const TensorList& ts = a[0].to_tensor_list();
  PT_CHECK(!ts.empty(), RuntimeError, "stack expects a non-empty TensorList");
  Shape s = ts[0].sizes();
  const std::int64_t d = kernels::wrap_dim(a[1].to_int(), ts[0].dim() + 1);
  s.insert(s.begin() + d, static_cast<std::int64_t>(ts.size()));
  ScalarType dt = ts[0].dtype();
  for (const Tensor& t : ts) dt = promote_types(dt, t.dtype());
  return {{s, dt}};
}

// ---- advanced indexing -------------------------------------------------------------
//
// aten::index(self, Tensor?[] indices): bool masks become their nonzero
// coordinates; the index tensors broadcast together and select along the
// leading dims they cover; dims without an index are kept as slices. (The
// result layout when indexed dims are not adjacent follows PyTorch: the
// broadcast index dims go first.)

struct IndexPlan {
  std::vector<Tensor> idx;  // per self dim: int64 index tensor or undefined
  Shape index_shape;        // broadcast shape of the defined indices
  std::int64_t first = -1;  // first indexed dim
  bool adjacent = true;     // indexed dims are contiguous
};

std::vector<Tensor> expand_bool_masks(const Tensor& self, const TensorList& raw) {
  std::vector<Tensor> out;
  for (const Tensor& given : raw) {
    if (!given.defined()) {
      out.push_back(Tensor());
      continue;
    }
    Tensor t = given.dtype() == ScalarType::UInt8 ? kernels::contiguous_as(given, ScalarType::Bool) : given;
    if (t.dtype() != ScalarType::Bool) {
      PT_CHECK(t.dtype() == ScalarType::Int64, IndexError,
               "tensors used as indices must be long, int, byte or bool tensors");
      out.push_back(t);
      continue;
    }
    // A bool mask over k dims becomes k coordinate tensors (its nonzero positions).
    const std::size_t start = out.size();
    for (std::int64_t k = 0; k < t.dim(); ++k) {
      PT_CHECK(static_cast<std::int64_t>(start) + k < self.dim() && t.sizes()[k] == self.sizes()[start + k],
               IndexError,
               "The shape of the mask " << kernels::shape_str(t.sizes()) << " at index " << k
                                        << " does not match the shape of the indexed tensor "
                                        << kernels::shape_str(self.sizes()) << " at index " << start + k);
    }
    const Tensor mask = kernels::contiguous_kernel(t);
    const bool* mp = mask.data_ptr<bool>();
    const Shape mst = contiguous_strides(mask.sizes());
    std::vector<std::vector<std::int64_t>> coords(static_cast<std::size_t>(mask.dim()));
    for (std::int64_t i = 0; i < mask.numel(); ++i) {
      if (!mp[i]) continue;
      std::int64_t rem = i;
      for (std::int64_t k = 0; k < mask.dim(); ++k) {
        coords[k].push_back(rem / mst[k]);
        rem %= mst[k];
      }
    }
    for (const auto& c : coords) out.push_back(from_vector(c, {static_cast<std::int64_t>(c.size())}));
  }
  return out;
}

IndexPlan plan_index(const Tensor& self, const TensorList& raw) {
  IndexPlan p;
  std::vector<Tensor> idx = expand_bool_masks(self, raw);
  PT_CHECK(static_cast<std::int64_t>(idx.size()) <= self.dim(), IndexError,
           "too many indices for tensor of dimension " << self.dim() << " (got " << idx.size() << ")");
  idx.resize(static_cast<std::size_t>(self.dim()));
  std::int64_t last = -1;
  for (std::int64_t d = 0; d < self.dim(); ++d) {
    if (!idx[d].defined()) continue;
    if (p.first < 0) p.first = d;
    else if (last != d - 1) p.adjacent = false;
    last = d;
    p.index_shape = p.index_shape.empty() && p.first == d ? idx[d].sizes()
                                                          : kernels::broadcast_shapes(p.index_shape, idx[d].sizes());
  }
  p.idx = std::move(idx);
  return p;
}

// Output shape: [before..., index_shape..., after...] when adjacent, else [index_shape..., rest...].
Shape index_result_shape(const Tensor& self, const IndexPlan& p, std::vector<std::int64_t>* kept_dims) {
  Shape out;
  std::vector<std::int64_t> kept;
  for (std::int64_t d = 0; d < self.dim(); ++d)
    if (!p.idx[d].defined()) kept.push_back(d);
  if (p.adjacent) {
    for (std::int64_t d : kept)
      if (d < p.first) out.push_back(self.sizes()[d]);
    out.insert(out.end(), p.index_shape.begin(), p.index_shape.end());
    for (std::int64_t d : kept)
      if (d > p.first) out.push_back(self.sizes()[d]);
  } else {
    out = p.index_shape;
    for (std::int64_t d : kept) out.push_back(self.sizes()[d]);
  }
  if (kept_dims) *kept_dims = kept;
  return out;
}

// Visits every output element with the source offset into self (through self's strides).
template <typename F> void for_each_indexed(const Tensor& self, const IndexPlan& p, F&& f) {
  std::vector<std::int64_t> kept;
  const Shape out_shape = index_result_shape(self, p, &kept);
  const std::int64_t nidx = static_cast<std::int64_t>(p.index_shape.size());
  std::vector<Tensor> idx(p.idx.size());
  std::vector<Shape> idx_strides(p.idx.size());
  for (std::size_t d = 0; d < p.idx.size(); ++d) {
    if (!p.idx[d].defined()) continue;
    idx[d] = kernels::contiguous_as(p.idx[d], ScalarType::Int64);
    idx_strides[d] = kernels::broadcast_strides(idx[d], p.index_shape);
  }
  const std::int64_t index_pos = p.adjacent ? [&] {
    std::int64_t n = 0;
    for (std::int64_t d : kept) n += d < p.first;
    return n;
  }() : 0;
  std::int64_t total = 1;
  for (auto s : out_shape) total *= s;
  Shape pos(out_shape.size(), 0);
  for (std::int64_t linear = 0; linear < total; ++linear) {
    std::int64_t off = self.storage_offset();
    // Kept dims come from out positions outside [index_pos, index_pos + nidx).
    std::size_t kept_i = 0;
    for (std::int64_t o = 0; o < static_cast<std::int64_t>(out_shape.size()); ++o) {
      if (o >= index_pos && o < index_pos + nidx) continue;
      off += pos[o] * self.strides()[kept[kept_i++]];
    }
    for (std::size_t d = 0; d < p.idx.size(); ++d) {
      if (!idx[d].defined()) continue;
      std::int64_t io = 0;
      for (std::int64_t k = 0; k < nidx; ++k) io += pos[index_pos + k] * idx_strides[d][k];
      std::int64_t v = idx[d].data_ptr<std::int64_t>()[io];
      const std::int64_t n = self.sizes()[d];
      PT_CHECK(v >= -n && v < n, IndexError,
               "index " << v << " is out of bounds for dimension " << d << " with size " << n);
      if (v < 0) v += n;
      off += v * self.strides()[d];
    }
    f(linear, off);
    for (std::int64_t o = static_cast<std::int64_t>(out_shape.size()) - 1; o >= 0; --o) {
      if (++pos[o] < out_shape[o]) break;
      pos[o] = 0;
    }
  }
}

MetaList index_shape(const Stack& a) {
  const Tensor& self = a[0].to_tensor();
  const IndexPlan p = plan_index(self, a[1].to_tensor_list());
  return {{index_result_shape(self, p, nullptr), self.dtype()}};
}

Stack index_forward(const Stack& a) {
  const Tensor& self = a[0].to_tensor();
  const IndexPlan p = plan_index(self, a[1].to_tensor_list());
  Tensor out = kernels::make_tensor(index_result_shape(self, p, nullptr), self.dtype());
  dispatch_dtype(self.dtype(), [&]<typename T>() {
    const T* src = static_cast<const T*>(self.storage()->data());
    T* dst = out.data_ptr<T>();
    for_each_indexed(self, p, [&](std::int64_t i, std::int64_t off) { dst[i] = src[off]; });
  });
  return {out};
}

TensorList index_backward(BackwardContext& ctx, const TensorList& g) {
  const TensorList& indices = ctx.arg(1).to_tensor_list();
  TensorList r{index_put(zeros(ctx.arg_meta(0).sizes, g[0].dtype()), indices_as_optional(indices), g[0], true)};
  for (const Tensor& t : indices)
    if (t.defined()) r.push_back(Tensor());
  return r;
}

// index_put(self, indices, values, accumulate): writes values (broadcast to the indexed shape).
Tensor index_put_into(const Tensor& target, const TensorList& indices, const Tensor& values, bool accumulate) {
  const IndexPlan p = plan_index(target, indices);
  const Shape shape = index_result_shape(target, p, nullptr);
  const Tensor v = kernels::contiguous_as(expand(values, shape), target.dtype());
  dispatch_dtype(target.dtype(), [&]<typename T>() {
    T* dst = static_cast<T*>(target.storage()->data());
    const T* src = v.data_ptr<T>();
    for_each_indexed(target, p, [&](std::int64_t i, std::int64_t off) {
      if (accumulate) {
        if constexpr (std::is_same_v<T, bool>) dst[off] = dst[off] || src[i];
        else dst[off] = static_cast<T>(dst[off] + src[i]);
      } else {
        dst[off] = src[i];
      }
    });
  });
  return target;
}
Stack index_put_forward(const Stack& a) {
  return {index_put_into(kernels::clone_kernel(a[0].to_tensor()), a[1].to_tensor_list(), a[2].to_tensor(),
                         a[3].to_bool())};
}
Stack index_put_inplace_forward(const Stack& a) {
  return {index_put_into(a[0].to_tensor(), a[1].to_tensor_list(), a[2].to_tensor(), a[3].to_bool())};
}
TensorList index_put_backward(BackwardContext& ctx, const TensorList& g) {
  const TensorList& indices = ctx.arg(1).to_tensor_list();
  const bool accumulate = ctx.arg(3).to_bool();
  TensorList r;
  r.push_back(accumulate ? g[0]
                         : index_put(g[0], indices_as_optional(indices), zeros({}, g[0].dtype()), false));
  for (const Tensor& t : indices)
    if (t.defined()) r.push_back(Tensor());
  r.push_back(kernels::sum_to(index(g[0], indices_as_optional(indices)), ctx.arg_meta(2).sizes));
  return r;
}

// ---- index_select / gather -----------------------------------------------------------

Stack index_select_forward(const Stack& a) {
  const Tensor& self = a[0].to_tensor();
  const std::int64_t d = kernels::wrap_dim(a[1].to_int(), self.dim());
  const Tensor& idx = a[2].to_tensor();
  PT_CHECK(idx.dim() <= 1, IndexError, "index_select(): Index is supposed to be a vector");
  TensorList list(static_cast<std::size_t>(d));
  list.push_back(idx.reshape({-1}));
  return {index(self, indices_as_optional(list))};
}
MetaList index_select_shape(const Stack& a) {
  const Tensor& self = a[0].to_tensor();
  Shape s = self.sizes();
  s[kernels::wrap_dim(a[1].to_int(), self.dim())] = a[2].to_tensor().numel();
  return {{s, self.dtype()}};
}

Stack gather_forward(const Stack& a) {
  const Tensor& self = a[0].to_tensor();
  const std::int64_t d = kernels::wrap_dim(a[1].to_int(), self.dim());
  const Tensor idx = kernels::contiguous_as(a[2].to_tensor(), ScalarType::Int64);
  PT_CHECK(idx.dim() == self.dim(), RuntimeError,
           "Index tensor must have the same number of dimensions as input tensor");
  Tensor out = kernels::make_tensor(idx.sizes(), self.dtype());
  const Shape ist = contiguous_strides(idx.sizes());
  dispatch_dtype(self.dtype(), [&]<typename T>() {
    const T* src = static_cast<const T*>(self.storage()->data());
    T* dst = out.data_ptr<T>();
    const std::int64_t* ip = idx.data_ptr<std::int64_t>();
    for (std::int64_t i = 0; i < idx.numel(); ++i) {
      std::int64_t rem = i, off = self.storage_offset();
      for (std::int64_t k = 0; k < idx.dim(); ++k) {
        const std::int64_t c = rem / ist[k];
        rem %= ist[k];
        const std::int64_t v = k == d ? ip[i] : c;
        PT_CHECK(v >= 0 && v < self.sizes()[k], RuntimeError,
                 "index " << ip[i] << " is out of bounds for dimension " << d << " with size " << self.sizes()[d]);
        off += v * self.strides()[k];
      }
      dst[i] = src[off];
    }
  });
  return {out};
}
MetaList gather_shape(const Stack& a) { return {{a[2].to_tensor().sizes(), a[0].to_tensor().dtype()}}; }
TensorList gather_backward(BackwardContext& ctx, const TensorList& g) {
  // Scatter-add through one-hot selection: g summed into the gathered positions.
  const Tensor& idx = ctx.tensor_arg(2);
  const std::int64_t d = kernels::wrap_dim(ctx.arg(1).to_int(), idx.dim());
  const Shape& in = ctx.arg_meta(0).sizes;
  TensorList coords;
  for (std::int64_t k = 0; k < idx.dim(); ++k) {
    if (k == d) {
      coords.push_back(idx);
      continue;
    }
    Shape view_shape(static_cast<std::size_t>(idx.dim()), 1);
    view_shape[k] = idx.sizes()[k];
    coords.push_back(arange(idx.sizes()[k]).reshape(view_shape).expand(idx.sizes()));
  }
  return {index_put(zeros(in, g[0].dtype()), indices_as_optional(coords), g[0], true), Tensor()};
}

// ---- triangular parts and diagonals ----------------------------------------------------

template <bool Upper> Stack tri_forward(const Stack& a) {
  const Tensor& x = a[0].to_tensor();
  PT_CHECK(x.dim() >= 2, RuntimeError, (Upper ? "triu" : "tril") << ": input tensor must have at least 2 dimensions");
  const std::int64_t k = a[1].to_int();
  Tensor out = kernels::clone_kernel(x);
  const std::int64_t rows = x.sizes()[x.dim() - 2], cols = x.sizes()[x.dim() - 1];
  const std::int64_t batch = rows * cols == 0 ? 0 : out.numel() / (rows * cols);
  dispatch_dtype(x.dtype(), [&]<typename T>() {
    T* p = out.data_ptr<T>();
    for (std::int64_t b = 0; b < batch; ++b)
      for (std::int64_t i = 0; i < rows; ++i)
        for (std::int64_t j = 0; j < cols; ++j) {
          const bool keep = Upper ? j - i >= k : j - i <= k;
          if (!keep) p[(b * rows + i) * cols + j] = T(0);
        }
  });
  return {out};
}
template <bool Upper> TensorList tri_backward(BackwardContext& ctx, const TensorList& g) {
  const std::int64_t k = ctx.arg(1).to_int();
  return {Upper ? triu(g[0], k) : tril(g[0], k)};
}

Stack diag_forward(const Stack& a) {
  const Tensor& x = a[0].to_tensor();
  const std::int64_t k = a[1].to_int();
  PT_CHECK(x.dim() == 1 || x.dim() == 2, RuntimeError, "diag(): Supports 1D or 2D tensors. Got " << x.dim() << "D");
  if (x.dim() == 2) return {kernels::clone_kernel(diagonal(x, k, 0, 1))};
  const std::int64_t n = x.sizes()[0] + std::abs(k);
  Tensor out = zeros({n, n}, x.dtype());
  kernels::copy_kernel(diagonal(out, k, 0, 1), x);
  return {out};
}
MetaList diag_shape(const Stack& a) {
  autograd::NoGradGuard g;
  return meta_of(diag_forward(a)[0].to_tensor());
}
TensorList diag_backward(BackwardContext& ctx, const TensorList& g) {
  const std::int64_t k = ctx.arg(1).to_int();
  if (ctx.arg_meta(0).sizes.size() == 1) return {diagonal(g[0], k, 0, 1)};
  return {diag_embed_full(g[0], k, ctx.arg_meta(0).sizes)};
}

// diag_embed(self, offset, dim1, dim2): a zero tensor whose chosen diagonal holds self's last dim.
Stack diag_embed_forward(const Stack& a) {
  const Tensor& x = a[0].to_tensor();
  const std::int64_t k = a[1].to_int();
  const std::int64_t nd = x.dim() + 1;
  const std::int64_t d1 = kernels::wrap_dim(a[2].to_int(), nd), d2 = kernels::wrap_dim(a[3].to_int(), nd);
  PT_CHECK(d1 != d2, RuntimeError, "diagonal dimensions cannot be identical " << d1 << ", " << d2);
  const std::int64_t n = x.sizes().back() + std::abs(k);
  Shape s;
  std::size_t src = 0;
  for (std::int64_t i = 0; i < nd; ++i) s.push_back(i == d1 || i == d2 ? n : x.sizes()[src++]);
  Tensor out = zeros(s, x.dtype());
  kernels::copy_kernel(diagonal(out, k, d1, d2), x);
  return {out};
}
MetaList diag_embed_shape(const Stack& a) {
  autograd::NoGradGuard g;
  return meta_of(diag_embed_forward(a)[0].to_tensor());
}
TensorList diag_embed_backward(BackwardContext& ctx, const TensorList& g) {
  return {diagonal(g[0], ctx.arg(1).to_int(), ctx.arg(2).to_int(), ctx.arg(3).to_int())};
}

// ---- repeat / flip -------------------------------------------------------------------------

Stack repeat_forward(const Stack& a) {
  const Tensor& x = a[0].to_tensor();
  const IntList& reps = a[1].to_int_list();
  PT_CHECK(static_cast<std::int64_t>(reps.size()) >= x.dim(), RuntimeError,
           "Number of dimensions of repeat dims can not be smaller than number of dimensions of tensor");
  // View as [1, s0, 1, s1, ...], expand to [r0, s0, r1, s1, ...], then flatten pairs.
  const std::size_t lead = reps.size() - static_cast<std::size_t>(x.dim());
  Shape padded(lead, 1);
  padded.insert(padded.end(), x.sizes().begin(), x.sizes().end());
  Shape inter, expanded, out;
  for (std::size_t i = 0; i < reps.size(); ++i) {
    inter.push_back(1);
    inter.push_back(padded[i]);
    expanded.push_back(reps[i]);
    expanded.push_back(padded[i]);
    out.push_back(reps[i] * padded[i]);
  }
  return {reshape(expand(reshape(x, inter), expanded), out)};
}
MetaList repeat_shape(const Stack& a) {
  const Tensor& x = a[0].to_tensor();
  const IntList& reps = a[1].to_int_list();
  PT_CHECK(static_cast<std::int64_t>(reps.size()) >= x.dim(), RuntimeError,
           "Number of dimensions of repeat dims can not be smaller than number of dimensions of tensor");
  const std::size_t lead = reps.size() - static_cast<std::size_t>(x.dim());
  Shape out;
  for (std::size_t i = 0; i < reps.size(); ++i) out.push_back(reps[i] * (i < lead ? 1 : x.sizes()[i - lead]));
  return {{out, x.dtype()}};
}

Stack flip_forward(const Stack& a) {
  const Tensor& x = a[0].to_tensor();
  Shape st = x.strides();
  std::int64_t off = x.storage_offset();
  for (auto d0 : a[1].to_int_list()) {
    const std::int64_t d = kernels::wrap_dim(d0, x.dim());
    if (x.sizes()[d] > 0) off += (x.sizes()[d] - 1) * st[d];
    st[d] = -st[d];
  }
  return {kernels::clone_kernel(kernels::make_view(x, x.sizes(), st, off))};
}
TensorList flip_backward(BackwardContext& ctx, const TensorList& g) { return {flip(g[0], ctx.arg(1).to_int_list())}; }

}  // namespace

Tensor cat(const TensorList& tensors, std::int64_t dim) { return call_op1(OpKind::cat, {tensors, dim}); }
Tensor stack(const TensorList& tensors, std::int64_t dim) { return call_op1(OpKind::stack, {tensors, dim}); }
Tensor index(const Tensor& self, const std::vector<std::optional<Tensor>>& indices) {
  TensorList list;
  for (const auto& i : indices) list.push_back(i ? *i : Tensor());
  return call_op1(OpKind::index, {self, list});
}
Tensor index_put(const Tensor& self, const std::vector<std::optional<Tensor>>& indices, const Tensor& values,
                 bool accumulate) {
  TensorList list;
  for (const auto& i : indices) list.push_back(i ? *i : Tensor());
  return call_op1(OpKind::index_put, {self, list, values, accumulate});
}
Tensor index_select(const Tensor& self, std::int64_t dim, const Tensor& idx) {
  return call_op1(OpKind::index_select, {self, dim, idx});
}
Tensor gather(const Tensor& self, std::int64_t dim, const Tensor& idx) {
  return call_op1(OpKind::gather, {self, dim, idx, false});
}
Tensor triu(const Tensor& self, std::int64_t diagonal) { return call_op1(OpKind::triu, {self, diagonal}); }
Tensor tril(const Tensor& self, std::int64_t diagonal) { return call_op1(OpKind::tril, {self, diagonal}); }
Tensor diag(const Tensor& self, std::int64_t diagonal) { return call_op1(OpKind::diag, {self, diagonal}); }
Tensor diag_embed(const Tensor& self, std::int64_t offset, std::int64_t dim1, std::int64_t dim2) {
  return call_op1(OpKind::diag_embed, {self, offset, dim1, dim2});
}
Tensor repeat(const Tensor& self, const IntList& repeats) { return call_op1(OpKind::repeat, {self, repeats}); }
Tensor flip(const Tensor& self, const IntList& dims) { return call_op1(OpKind::flip, {self, dims}); }

namespace defs {

void define_indexing_ops(OpTable& t) {
  t.def({.kind = OpKind::cat, .schema = "aten::cat(Tensor[] tensors, int dim=0) -> Tensor",
         .forward = cat_forward, .backward = cat_backward, .shape = cat_shape});
  t.def({.kind = OpKind::stack, .schema = "aten::stack(Tensor[] tensors, int dim=0) -> Tensor",
         .forward = stack_forward, .shape = stack_shape, .flags = kComposite});
  t.def({.kind = OpKind::index, .schema = "aten::index.Tensor(Tensor self, Tensor?[] indices) -> Tensor",
         .forward = index_forward, .backward = index_backward, .shape = index_shape});
  t.def({.kind = OpKind::index_put,
         .schema = "aten::index_put(Tensor self, Tensor?[] indices, Tensor values, bool accumulate=False) -> Tensor",
         .forward = index_put_forward, .backward = index_put_backward, .shape = same_shape});
  t.def({.kind = OpKind::index_put_,
         .schema = "aten::index_put_(Tensor(a!) self, Tensor?[] indices, Tensor values, bool accumulate=False) -> "
                   "Tensor(a!)",
         .forward = index_put_inplace_forward, .backward = index_put_backward, .shape = same_shape,
         .flags = kInplace});
  t.def({.kind = OpKind::index_select, .schema = "aten::index_select(Tensor self, int dim, Tensor index) -> Tensor",
         .forward = index_select_forward, .shape = index_select_shape, .flags = kComposite});
  t.def({.kind = OpKind::gather,
         .schema = "aten::gather(Tensor self, int dim, Tensor index, *, bool sparse_grad=False) -> Tensor",
         .forward = gather_forward, .backward = gather_backward, .shape = gather_shape});
  t.def({.kind = OpKind::triu, .schema = "aten::triu(Tensor self, int diagonal=0) -> Tensor",
         .forward = tri_forward<true>, .backward = tri_backward<true>, .shape = same_shape});
  t.def({.kind = OpKind::tril, .schema = "aten::tril(Tensor self, int diagonal=0) -> Tensor",
         .forward = tri_forward<false>, .backward = tri_backward<false>, .shape = same_shape});
  t.def({.kind = OpKind::diag, .schema = "aten::diag(Tensor self, int diagonal=0) -> Tensor",
         .forward = diag_forward, .backward = diag_backward, .shape = diag_shape});
  t.def({.kind = OpKind::diag_embed,
         .schema = "aten::diag_embed(Tensor self, int offset=0, int dim1=-2, int dim2=-1) -> Tensor",
         .forward = diag_embed_forward, .backward = diag_embed_backward, .shape = diag_embed_shape});
  t.def({.kind = OpKind::repeat, .schema = "aten::repeat(Tensor self, int[] repeats) -> Tensor",
         .forward = repeat_forward, .shape = repeat_shape, .flags = kComposite});
  t.def({.kind = OpKind::flip, .schema = "aten::flip(Tensor self, int[] dims) -> Tensor",
         .forward = flip_forward, .backward = flip_backward, .shape = same_shape});
}

}  // namespace defs
}  // namespace paratrace
