#include "tensor_alloc.h"

#include <cstring>
#include <sstream>

#include "elementwise.h"

namespace paratrace::kernels {

Tensor make_tensor(const Shape& sizes, ScalarType dtype) {
  auto impl = std::make_shared<TensorImpl>();
  std::int64_t n = 1;
  for (auto s : sizes) {
    PT_CHECK(s >= 0, RuntimeError, "Trying to create tensor with negative dimension " << s << ": " << shape_str(sizes));
    n *= s;
  }
  impl->storage = Storage::allocate(static_cast<std::size_t>(n) * element_size(dtype));
  impl->sizes = sizes;
  impl->strides = contiguous_strides(sizes);
  impl->dtype = dtype;
  return Tensor(std::move(impl));
}

Tensor make_view(const Tensor& base, const Shape& sizes, const Shape& strides, std::int64_t storage_offset) {
  auto impl = std::make_shared<TensorImpl>();
  impl->storage = base.storage();
  impl->sizes = sizes;
  impl->strides = strides;
  impl->storage_offset = storage_offset;
  impl->dtype = base.dtype();
  impl->view_base = base.impl()->view_base ? base.impl()->view_base : base.impl_ptr();
  return Tensor(std::move(impl));
}

Tensor alias_without_history(const Tensor& t) {
  auto impl = std::make_shared<TensorImpl>();
  impl->storage = t.storage();
  impl->storage_offset = t.storage_offset();
  impl->sizes = t.sizes();
  impl->strides = t.strides();
  impl->dtype = t.dtype();
  return Tensor(std::move(impl));
}

Tensor scalar_to_tensor(const Scalar& s, std::optional<ScalarType> dtype, bool wrapped) {
  const ScalarType dt = dtype.value_or(s.is_floating_point() ? ScalarType::Float64 : s.default_dtype());
  Tensor t = make_tensor({}, dt);
  dispatch_dtype(dt, [&]<typename T>() { *t.data_ptr<T>() = s.to<T>(); });
  t.impl()->is_wrapped_number = wrapped;
  return t;
}

std::int64_t wrap_dim(std::int64_t dim, std::int64_t ndim) {
  const std::int64_t n = ndim <= 0 ? 1 : ndim;  // 0-dim tensors accept dim 0 and -1
  PT_CHECK(dim >= -n && dim < n, IndexError,
           "Dimension out of range (expected to be in range of [" << -n << ", " << n - 1 << "], but got " << dim
                                                                  << ")");
  return dim < 0 ? dim + n : dim;
}

std::string shape_str(const Shape& s) {
  std::ostringstream os;
  os << '[';
  for (std::size_t i = 0; i < s.size(); ++i) os << (i ? ", " : "") << s[i];
  os << ']';
  return os.str();
}

Tensor contiguous_as(const Tensor& t, ScalarType dtype) {
  if (t.dtype() == dtype && t.is_contiguous()) return t;
  return dispatch_dtype(dtype, [&]<typename Out>() {
    return dispatch_dtype(t.dtype(), [&]<typename In>() {
      return map_unary<Out, In>(t, [](In v) {
        if constexpr (std::is_same_v<Out, bool>) return v != In(0);
        else return static_cast<Out>(v);
      });
    });
  });
}

Tensor clone_kernel(const Tensor& t) {
  Tensor out = make_tensor(t.sizes(), t.dtype());
  copy_kernel(out, t);
  return out;
}

void copy_kernel(const Tensor& dst, const Tensor& src) {
  const Tensor s = cast(src, dst.dtype());
  if (dst.is_contiguous() && s.is_contiguous() && s.sizes() == dst.sizes()) {
    if (dst.nbytes() > 0 && dst.raw_data() != s.raw_data()) std::memcpy(dst.raw_data(), s.raw_data(), dst.nbytes());
    return;
  }
  dispatch_dtype(dst.dtype(), [&]<typename T>() { update_binary<T, T>(dst, s, [](T, T v) { return v; }); });
}

}  // namespace paratrace::kernels
