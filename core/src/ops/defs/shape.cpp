// Shape ops and views: outputs alias the input's storage where PyTorch's do.
#include "../kernels/broadcast.h"
#include "../kernels/elementwise.h"
#include "define_ops.h"
#include "paratrace/tensor/ops.h"

namespace paratrace {
namespace {

// Resolves one -1 in `shape` against numel, with PyTorch's errors.
Shape infer_size(const IntList& shape, std::int64_t numel) {
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

std::vector<TensorMeta> view_shape(const Stack& a) {
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

std::vector<TensorMeta> expand_shape(const Stack& a) {
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

std::vector<TensorMeta> same_shape(const Stack& a) {
  const Tensor& x = a[0].to_tensor();
  return {{x.sizes(), x.dtype()}};
}

Stack contiguous_forward(const Stack& a) {
  const Tensor& x = a[0].to_tensor();
  if (x.is_contiguous()) return {x};
  return {kernels::clone_kernel(x)};
}

TensorList identity_backward(BackwardContext&, const TensorList& g) { return {g[0]}; }

}  // namespace

Tensor view(const Tensor& self, const IntList& shape) { return call_op1(OpKind::view, {self, shape}); }
Tensor reshape(const Tensor& self, const IntList& shape) { return call_op1(OpKind::reshape, {self, shape}); }
Tensor expand(const Tensor& self, const IntList& sizes) {
  return call_op1(OpKind::expand, {self, sizes, false});
}
Tensor contiguous(const Tensor& self) {
  return call_op1(OpKind::contiguous, {self, std::int64_t{0}});
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
}

}  // namespace defs
}  // namespace paratrace
