#pragma once
// Tensor: a handle to a TensorImpl with PyTorch's semantics. Copying a handle
// aliases the same tensor; clone() copies the data. Methods mirror
// torch.Tensor's and forward to the free functions in ops.h, so every one of
// them goes through the op registry (and therefore autograd and the tracer).
#include <cstdint>
#include <initializer_list>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "paratrace/errors.h"
#include "paratrace/tensor/scalar.h"
#include "paratrace/tensor/scalar_type.h"
#include "paratrace/tensor/sym_int.h"
#include "paratrace/tensor/tensor_impl.h"

namespace paratrace {

class Tensor;
using TensorList = std::vector<Tensor>;
using IntList = std::vector<std::int64_t>;

class TensorIndex;  // tensor/indexing.h

class Tensor {
 public:
  Tensor() = default;
  explicit Tensor(std::shared_ptr<TensorImpl> impl) : impl_(std::move(impl)) {}

  bool defined() const { return impl_ != nullptr; }
  TensorImpl* impl() const { return impl_.get(); }
  const std::shared_ptr<TensorImpl>& impl_ptr() const { return impl_; }
  // Same tensor object (Python's `is`).
  bool is_same(const Tensor& other) const { return impl_ == other.impl_; }

  // --- metadata -----------------------------------------------------------
  const Shape& sizes() const { return checked().sizes; }
  const Shape& shape() const { return sizes(); }
  const Shape& strides() const { return checked().strides; }
  std::int64_t size(std::int64_t dim) const;
  // size(dim), recorded as aten::size when tracing (tensor/sym_int.h).
  SymInt sym_size(std::int64_t dim) const;
  std::vector<SymInt> sym_sizes() const;
  std::int64_t stride(std::int64_t dim) const;
  std::int64_t dim() const { return static_cast<std::int64_t>(sizes().size()); }
  std::int64_t ndimension() const { return dim(); }
  std::int64_t numel() const { return checked().numel(); }
  ScalarType dtype() const { return checked().dtype; }
  ScalarType scalar_type() const { return dtype(); }
  bool is_floating_point() const { return paratrace::is_floating_point(dtype()); }
  bool is_contiguous() const { return checked().is_contiguous(); }
  std::int64_t storage_offset() const { return checked().storage_offset; }
  std::size_t element_size() const { return paratrace::element_size(dtype()); }
  std::size_t nbytes() const { return static_cast<std::size_t>(numel()) * element_size(); }
  bool is_view() const { return checked().view_base != nullptr; }
  const std::shared_ptr<Storage>& storage() const { return checked().storage; }

  // The value of a one-element tensor.
  template <typename T> T item() const;
  Scalar item() const;
  // Pointer to the first element; T must match dtype().
  template <typename T> T* data_ptr() const;
  void* raw_data() const { return checked().data(); }
  // Copies the elements out in row-major order, converting to T.
  template <typename T> std::vector<T> to_vector() const;

  // --- autograd -----------------------------------------------------------
  bool requires_grad() const { return checked().requires_grad; }
  // Only leaves may change requires_grad (PyTorch's rule).
  Tensor& requires_grad_(bool requires_grad = true);
  bool is_leaf() const { return checked().grad_fn == nullptr; }
  const std::shared_ptr<autograd::Node>& grad_fn() const { return checked().grad_fn; }
  std::uint32_t output_nr() const { return checked().output_nr; }
  // The accumulated gradient (undefined tensor before the first backward).
  Tensor grad() const;
  void set_grad(const Tensor& g) const;
  void retain_grad() const;
  bool retains_grad() const { return checked().retains_grad; }
  void backward(const Tensor& gradient = Tensor(), bool retain_graph = false, bool create_graph = false) const;
  // Version counter shared by all views of the storage, bumped by in-place ops.
  std::uint32_t version() const { return checked().storage->version(); }

  Tensor detach() const;
  Tensor& detach_();
  // Like `t.data = other` / `t.set_(other)`: this handle keeps its identity
  // (and autograd leaf state) but now refers to other's storage and geometry.
  void set_data(const Tensor& other) const;
  // A new handle sharing storage and geometry, with no autograd history
  // (`.data` in Python).
  Tensor data() const { return detach(); }

  // --- in-place -------------------------------------------------------------
  Tensor& add_(const Tensor& other, const Scalar& alpha = 1);
  Tensor& add_(const Scalar& other, const Scalar& alpha = 1);
  Tensor& sub_(const Tensor& other, const Scalar& alpha = 1);
  Tensor& sub_(const Scalar& other, const Scalar& alpha = 1);
  Tensor& mul_(const Tensor& other);
  Tensor& mul_(const Scalar& other);
  Tensor& div_(const Tensor& other);
  Tensor& div_(const Scalar& other);
  Tensor& zero_();
  Tensor& fill_(const Scalar& value);
  Tensor& copy_(const Tensor& src);
  Tensor& clamp_(std::optional<Scalar> min, std::optional<Scalar> max = std::nullopt);
  Tensor& masked_fill_(const Tensor& mask, const Scalar& value);
  Tensor& relu_();
  Tensor& index_put_(const std::vector<std::optional<Tensor>>& indices, const Tensor& values, bool accumulate = false);
  Tensor& uniform_(double from = 0.0, double to = 1.0);
  Tensor& normal_(double mean = 0.0, double std = 1.0);

  // --- out-of-place methods (see ops.h for semantics) -----------------------
  Tensor add(const Tensor& other, const Scalar& alpha = 1) const;
  Tensor add(const Scalar& other, const Scalar& alpha = 1) const;
  Tensor sub(const Tensor& other, const Scalar& alpha = 1) const;
  Tensor sub(const Scalar& other, const Scalar& alpha = 1) const;
  Tensor mul(const Tensor& other) const;
  Tensor mul(const Scalar& other) const;
  Tensor div(const Tensor& other) const;
  Tensor div(const Scalar& other) const;
  Tensor neg() const;
  Tensor pow(const Tensor& exponent) const;
  Tensor pow(const Scalar& exponent) const;
  Tensor sqrt() const;
  Tensor rsqrt() const;
  Tensor exp() const;
  Tensor log() const;
  Tensor abs() const;
  Tensor sign() const;
  Tensor sin() const;
  Tensor cos() const;
  Tensor reciprocal() const;
  Tensor clamp(std::optional<Scalar> min, std::optional<Scalar> max = std::nullopt) const;
  Tensor clamp_min(const Scalar& min) const;
  Tensor clamp_max(const Scalar& max) const;
  Tensor relu() const;
  Tensor sigmoid() const;
  Tensor tanh() const;
  Tensor softmax(std::int64_t dim, std::optional<ScalarType> dtype = std::nullopt) const;
  Tensor log_softmax(std::int64_t dim, std::optional<ScalarType> dtype = std::nullopt) const;

  Tensor eq(const Tensor& other) const;
  Tensor eq(const Scalar& other) const;
  Tensor ne(const Tensor& other) const;
  Tensor ne(const Scalar& other) const;
  Tensor lt(const Tensor& other) const;
  Tensor lt(const Scalar& other) const;
  Tensor le(const Tensor& other) const;
  Tensor le(const Scalar& other) const;
  Tensor gt(const Tensor& other) const;
  Tensor gt(const Scalar& other) const;
  Tensor ge(const Tensor& other) const;
  Tensor ge(const Scalar& other) const;
  Tensor logical_not() const;
  Tensor masked_fill(const Tensor& mask, const Scalar& value) const;
  Tensor masked_fill(const Tensor& mask, const Tensor& value) const;

  Tensor matmul(const Tensor& other) const;
  Tensor mm(const Tensor& other) const;
  Tensor bmm(const Tensor& other) const;
  Tensor mv(const Tensor& vec) const;
  Tensor dot(const Tensor& other) const;

  Tensor transpose(std::int64_t dim0, std::int64_t dim1) const;
  Tensor t() const;
  Tensor T() const;   // aten::numpy_T
  Tensor mT() const;  // aten::mT
  Tensor permute(const IntList& dims) const;
  // SymInts from sym_size keep the shape traced (tensor/sym_int.h).
  Tensor reshape(const SymIntList& shape) const;
  Tensor view(const SymIntList& shape) const;
  Tensor contiguous() const;
  Tensor unsqueeze(std::int64_t dim) const;
  Tensor squeeze() const;
  Tensor squeeze(std::int64_t dim) const;
  Tensor expand(const IntList& sizes) const;
  Tensor expand_as(const Tensor& other) const;
  Tensor flatten(std::int64_t start_dim = 0, std::int64_t end_dim = -1) const;
  Tensor narrow(std::int64_t dim, std::int64_t start, std::int64_t length) const;
  Tensor slice(std::int64_t dim = 0, std::optional<std::int64_t> start = std::nullopt,
               std::optional<std::int64_t> end = std::nullopt, std::int64_t step = 1) const;
  Tensor select(std::int64_t dim, std::int64_t index) const;
  // Python-style indexing: x.index({Slice(0, 2), 1, None, Ellipsis, mask}).
  Tensor index(std::initializer_list<TensorIndex> indices) const;
  Tensor index(const std::vector<TensorIndex>& indices) const;
  // x[indices] = value
  Tensor& index_put_(std::initializer_list<TensorIndex> indices, const Tensor& value);
  Tensor& index_put_(std::initializer_list<TensorIndex> indices, const Scalar& value);
  Tensor triu(std::int64_t diagonal = 0) const;
  Tensor tril(std::int64_t diagonal = 0) const;
  Tensor diag(std::int64_t diagonal = 0) const;
  Tensor diagonal(std::int64_t offset = 0, std::int64_t dim1 = 0, std::int64_t dim2 = 1) const;
  std::vector<Tensor> chunk(std::int64_t chunks, std::int64_t dim = 0) const;
  std::vector<Tensor> split(std::int64_t split_size, std::int64_t dim = 0) const;
  std::vector<Tensor> unbind(std::int64_t dim = 0) const;
  Tensor repeat(const IntList& repeats) const;
  Tensor flip(const IntList& dims) const;

  Tensor sum(std::optional<ScalarType> dtype = std::nullopt) const;
  Tensor sum(const IntList& dim, bool keepdim = false, std::optional<ScalarType> dtype = std::nullopt) const;
  Tensor mean(std::optional<ScalarType> dtype = std::nullopt) const;
  Tensor mean(const IntList& dim, bool keepdim = false, std::optional<ScalarType> dtype = std::nullopt) const;
  Tensor prod(std::optional<ScalarType> dtype = std::nullopt) const;
  Tensor max() const;
  std::tuple<Tensor, Tensor> max(std::int64_t dim, bool keepdim = false) const;
  Tensor min() const;
  std::tuple<Tensor, Tensor> min(std::int64_t dim, bool keepdim = false) const;
  Tensor amax(const IntList& dim = {}, bool keepdim = false) const;
  Tensor amin(const IntList& dim = {}, bool keepdim = false) const;
  Tensor argmax(std::optional<std::int64_t> dim = std::nullopt, bool keepdim = false) const;
  Tensor argmin(std::optional<std::int64_t> dim = std::nullopt, bool keepdim = false) const;
  Tensor norm(const Scalar& p = 2) const;
  Tensor norm(const Scalar& p, const IntList& dim, bool keepdim = false) const;
  Tensor var(const IntList& dim, bool unbiased = true, bool keepdim = false) const;
  Tensor std(const IntList& dim, bool unbiased = true, bool keepdim = false) const;
  std::tuple<Tensor, Tensor> topk(std::int64_t k, std::int64_t dim = -1, bool largest = true, bool sorted = true) const;
  bool allclose(const Tensor& other, double rtol = 1e-05, double atol = 1e-08, bool equal_nan = false) const;
  bool equal(const Tensor& other) const;

  Tensor to(ScalarType dtype) const;
  Tensor clone() const;

  std::string to_string() const;

 private:
  TensorImpl& checked() const {
    if (!impl_) throw RuntimeError("Tensor is undefined");
    return *impl_;
  }
  std::shared_ptr<TensorImpl> impl_;
};

std::ostream& operator<<(std::ostream& os, const Tensor& t);

Tensor operator+(const Tensor& a, const Tensor& b);
Tensor operator+(const Tensor& a, const Scalar& b);
Tensor operator+(const Scalar& a, const Tensor& b);
Tensor operator-(const Tensor& a, const Tensor& b);
Tensor operator-(const Tensor& a, const Scalar& b);
Tensor operator-(const Scalar& a, const Tensor& b);
Tensor operator*(const Tensor& a, const Tensor& b);
Tensor operator*(const Tensor& a, const Scalar& b);
Tensor operator*(const Scalar& a, const Tensor& b);
Tensor operator/(const Tensor& a, const Tensor& b);
Tensor operator/(const Tensor& a, const Scalar& b);
Tensor operator/(const Scalar& a, const Tensor& b);
Tensor operator-(const Tensor& a);
Tensor& operator+=(Tensor& a, const Tensor& b);
Tensor& operator+=(Tensor& a, const Scalar& b);
Tensor& operator-=(Tensor& a, const Tensor& b);
Tensor& operator-=(Tensor& a, const Scalar& b);
Tensor& operator*=(Tensor& a, const Tensor& b);
Tensor& operator*=(Tensor& a, const Scalar& b);
Tensor& operator/=(Tensor& a, const Tensor& b);
Tensor& operator/=(Tensor& a, const Scalar& b);

// --- template definitions ---------------------------------------------------
template <typename T> T* Tensor::data_ptr() const {
  PT_CHECK(dtype() == scalar_type_of<T>, RuntimeError,
           "expected scalar type " << ir_type_name(scalar_type_of<T>) << " but found " << ir_type_name(dtype()));
  return static_cast<T*>(raw_data());
}

template <typename T> T Tensor::item() const { return item().to<T>(); }

}  // namespace paratrace
