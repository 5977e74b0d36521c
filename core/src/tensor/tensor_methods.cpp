// Tensor methods and operators: thin forwards to the free functions in ops.h.
#include "paratrace/tensor/factories.h"
#include "paratrace/tensor/indexing.h"
#include "paratrace/tensor/ops.h"
#include "paratrace/ops/op.h"
#include "paratrace/ops/trace_hook.h"
#include "../ops/kernels/tensor_alloc.h"

namespace paratrace {

// In-place methods go straight to their registry op.
Tensor& Tensor::add_(const Tensor& o, const Scalar& a) { call_op(OpKind::add_, {*this, o, a}); return *this; }
Tensor& Tensor::add_(const Scalar& o, const Scalar& a) { return add_(kernels::scalar_to_tensor(o), a); }
Tensor& Tensor::sub_(const Tensor& o, const Scalar& a) { call_op(OpKind::sub_, {*this, o, a}); return *this; }
Tensor& Tensor::sub_(const Scalar& o, const Scalar& a) { return sub_(kernels::scalar_to_tensor(o), a); }
Tensor& Tensor::mul_(const Tensor& o) { call_op(OpKind::mul_, {*this, o}); return *this; }
Tensor& Tensor::mul_(const Scalar& o) { return mul_(kernels::scalar_to_tensor(o)); }
Tensor& Tensor::div_(const Tensor& o) { call_op(OpKind::div_, {*this, o}); return *this; }
Tensor& Tensor::div_(const Scalar& o) { return div_(kernels::scalar_to_tensor(o)); }
Tensor& Tensor::zero_() { call_op(OpKind::zero_, {*this}); return *this; }
Tensor& Tensor::fill_(const Scalar& v) { call_op(OpKind::fill_, {*this, v}); return *this; }
Tensor& Tensor::copy_(const Tensor& src) { call_op(OpKind::copy_, {*this, src, false}); return *this; }
Tensor& Tensor::clamp_(std::optional<Scalar> mn, std::optional<Scalar> mx) {
  call_op(OpKind::clamp_, {*this, IValue(mn), IValue(mx)});
  return *this;
}
Tensor& Tensor::masked_fill_(const Tensor& mask, const Scalar& v) {
  call_op(OpKind::masked_fill_, {*this, mask, v});
  return *this;
}
Tensor& Tensor::relu_() { call_op(OpKind::relu_, {*this}); return *this; }
Tensor& Tensor::index_put_(const std::vector<std::optional<Tensor>>& indices, const Tensor& values, bool accumulate) {
  TensorList idx;
  for (const auto& i : indices) idx.push_back(i ? *i : Tensor());
  call_op(OpKind::index_put_, {*this, idx, values, accumulate});
  return *this;
}
Tensor& Tensor::uniform_(double from, double to) { call_op(OpKind::uniform_, {*this, from, to}); return *this; }
Tensor& Tensor::normal_(double mean, double std) { call_op(OpKind::normal_, {*this, mean, std}); return *this; }

Tensor Tensor::add(const Tensor& o, const Scalar& a) const { return paratrace::add(*this, o, a); }
Tensor Tensor::add(const Scalar& o, const Scalar& a) const { return paratrace::add(*this, o, a); }
Tensor Tensor::sub(const Tensor& o, const Scalar& a) const { return paratrace::sub(*this, o, a); }
Tensor Tensor::sub(const Scalar& o, const Scalar& a) const { return paratrace::sub(*this, o, a); }
Tensor Tensor::mul(const Tensor& o) const { return paratrace::mul(*this, o); }
Tensor Tensor::mul(const Scalar& o) const { return paratrace::mul(*this, o); }
Tensor Tensor::div(const Tensor& o) const { return paratrace::div(*this, o); }
Tensor Tensor::div(const Scalar& o) const { return paratrace::div(*this, o); }
Tensor Tensor::neg() const { return paratrace::neg(*this); }
Tensor Tensor::pow(const Tensor& e) const { return paratrace::pow(*this, e); }
Tensor Tensor::pow(const Scalar& e) const { return paratrace::pow(*this, e); }
Tensor Tensor::sqrt() const { return paratrace::sqrt(*this); }
Tensor Tensor::rsqrt() const { return paratrace::rsqrt(*this); }
Tensor Tensor::exp() const { return paratrace::exp(*this); }
Tensor Tensor::log() const { return paratrace::log(*this); }
Tensor Tensor::abs() const { return paratrace::abs(*this); }
Tensor Tensor::sign() const { return paratrace::sign(*this); }
Tensor Tensor::sin() const { return paratrace::sin(*this); }
Tensor Tensor::cos() const { return paratrace::cos(*this); }
Tensor Tensor::reciprocal() const { return paratrace::reciprocal(*this); }
Tensor Tensor::clamp(std::optional<Scalar> mn, std::optional<Scalar> mx) const { return paratrace::clamp(*this, mn, mx); }
Tensor Tensor::clamp_min(const Scalar& mn) const { return paratrace::clamp_min(*this, mn); }
Tensor Tensor::clamp_max(const Scalar& mx) const { return paratrace::clamp_max(*this, mx); }
Tensor Tensor::relu() const { return paratrace::relu(*this); }
Tensor Tensor::sigmoid() const { return paratrace::sigmoid(*this); }
Tensor Tensor::tanh() const { return paratrace::tanh(*this); }
Tensor Tensor::softmax(std::int64_t d, std::optional<ScalarType> dt) const { return paratrace::softmax(*this, d, dt); }
Tensor Tensor::log_softmax(std::int64_t d, std::optional<ScalarType> dt) const {
  return paratrace::log_softmax(*this, d, dt);
}

Tensor Tensor::eq(const Tensor& o) const { return paratrace::eq(*this, o); }
Tensor Tensor::eq(const Scalar& o) const { return paratrace::eq(*this, o); }
Tensor Tensor::ne(const Tensor& o) const { return paratrace::ne(*this, o); }
Tensor Tensor::ne(const Scalar& o) const { return paratrace::ne(*this, o); }
Tensor Tensor::lt(const Tensor& o) const { return paratrace::lt(*this, o); }
Tensor Tensor::lt(const Scalar& o) const { return paratrace::lt(*this, o); }
Tensor Tensor::le(const Tensor& o) const { return paratrace::le(*this, o); }
Tensor Tensor::le(const Scalar& o) const { return paratrace::le(*this, o); }
Tensor Tensor::gt(const Tensor& o) const { return paratrace::gt(*this, o); }
Tensor Tensor::gt(const Scalar& o) const { return paratrace::gt(*this, o); }
Tensor Tensor::ge(const Tensor& o) const { return paratrace::ge(*this, o); }
Tensor Tensor::ge(const Scalar& o) const { return paratrace::ge(*this, o); }
Tensor Tensor::logical_not() const { return paratrace::logical_not(*this); }
Tensor Tensor::masked_fill(const Tensor& m, const Scalar& v) const { return paratrace::masked_fill(*this, m, v); }
Tensor Tensor::masked_fill(const Tensor& m, const Tensor& v) const { return paratrace::masked_fill(*this, m, v); }

Tensor Tensor::matmul(const Tensor& o) const { return paratrace::matmul(*this, o); }
Tensor Tensor::mm(const Tensor& o) const { return paratrace::mm(*this, o); }
Tensor Tensor::bmm(const Tensor& o) const { return paratrace::bmm(*this, o); }
Tensor Tensor::mv(const Tensor& v) const { return paratrace::mv(*this, v); }
Tensor Tensor::dot(const Tensor& o) const { return paratrace::dot(*this, o); }

Tensor Tensor::transpose(std::int64_t a, std::int64_t b) const { return paratrace::transpose(*this, a, b); }
Tensor Tensor::t() const { return paratrace::t(*this); }
Tensor Tensor::T() const { return paratrace::numpy_T(*this); }
Tensor Tensor::mT() const { return paratrace::mT(*this); }
Tensor Tensor::permute(const IntList& d) const { return paratrace::permute(*this, d); }
Tensor Tensor::reshape(const SymIntList& s) const {
  trace_shape_argument(s);
  return paratrace::reshape(*this, s.values());
}
Tensor Tensor::view(const SymIntList& s) const {
  trace_shape_argument(s);
  return paratrace::view(*this, s.values());
}
Tensor Tensor::contiguous() const { return paratrace::contiguous(*this); }
Tensor Tensor::unsqueeze(std::int64_t d) const { return paratrace::unsqueeze(*this, d); }
Tensor Tensor::squeeze() const { return paratrace::squeeze(*this); }
Tensor Tensor::squeeze(std::int64_t d) const { return paratrace::squeeze(*this, d); }
Tensor Tensor::expand(const IntList& s) const { return paratrace::expand(*this, s); }
Tensor Tensor::expand_as(const Tensor& o) const { return paratrace::expand_as(*this, o); }
Tensor Tensor::flatten(std::int64_t s, std::int64_t e) const { return paratrace::flatten(*this, s, e); }
Tensor Tensor::narrow(std::int64_t d, std::int64_t s, std::int64_t l) const { return paratrace::narrow(*this, d, s, l); }
Tensor Tensor::slice(std::int64_t d, std::optional<std::int64_t> s, std::optional<std::int64_t> e,
                     std::int64_t step) const {
  return paratrace::slice(*this, d, s, e, step);
}
Tensor Tensor::select(std::int64_t d, std::int64_t i) const { return paratrace::select(*this, d, i); }
Tensor Tensor::index(std::initializer_list<TensorIndex> idx) const { return apply_indices(*this, idx); }
Tensor Tensor::index(const std::vector<TensorIndex>& idx) const { return apply_indices(*this, idx); }
Tensor& Tensor::index_put_(std::initializer_list<TensorIndex> idx, const Tensor& v) {
  assign_indices(*this, idx, v);
  return *this;
}
Tensor& Tensor::index_put_(std::initializer_list<TensorIndex> idx, const Scalar& v) {
  assign_indices(*this, idx, scalar_tensor(v, dtype()));
  return *this;
}
Tensor Tensor::triu(std::int64_t d) const { return paratrace::triu(*this, d); }
Tensor Tensor::tril(std::int64_t d) const { return paratrace::tril(*this, d); }
Tensor Tensor::diag(std::int64_t d) const { return paratrace::diag(*this, d); }
Tensor Tensor::diagonal(std::int64_t o, std::int64_t a, std::int64_t b) const {
  return paratrace::diagonal(*this, o, a, b);
}
std::vector<Tensor> Tensor::chunk(std::int64_t c, std::int64_t d) const { return paratrace::chunk(*this, c, d); }
std::vector<Tensor> Tensor::split(std::int64_t s, std::int64_t d) const { return paratrace::split(*this, s, d); }
std::vector<Tensor> Tensor::unbind(std::int64_t d) const { return paratrace::unbind(*this, d); }
Tensor Tensor::repeat(const IntList& r) const { return paratrace::repeat(*this, r); }
Tensor Tensor::flip(const IntList& d) const { return paratrace::flip(*this, d); }

Tensor Tensor::sum(std::optional<ScalarType> dt) const { return paratrace::sum(*this, dt); }
Tensor Tensor::sum(const IntList& d, bool k, std::optional<ScalarType> dt) const { return paratrace::sum(*this, d, k, dt); }
Tensor Tensor::mean(std::optional<ScalarType> dt) const { return paratrace::mean(*this, dt); }
Tensor Tensor::mean(const IntList& d, bool k, std::optional<ScalarType> dt) const {
  return paratrace::mean(*this, d, k, dt);
}
Tensor Tensor::prod(std::optional<ScalarType> dt) const { return paratrace::prod(*this, dt); }
Tensor Tensor::max() const { return paratrace::max(*this); }
std::tuple<Tensor, Tensor> Tensor::max(std::int64_t d, bool k) const { return paratrace::max(*this, d, k); }
Tensor Tensor::min() const { return paratrace::min(*this); }
std::tuple<Tensor, Tensor> Tensor::min(std::int64_t d, bool k) const { return paratrace::min(*this, d, k); }
Tensor Tensor::amax(const IntList& d, bool k) const { return paratrace::amax(*this, d, k); }
Tensor Tensor::amin(const IntList& d, bool k) const { return paratrace::amin(*this, d, k); }
Tensor Tensor::argmax(std::optional<std::int64_t> d, bool k) const { return paratrace::argmax(*this, d, k); }
Tensor Tensor::argmin(std::optional<std::int64_t> d, bool k) const { return paratrace::argmin(*this, d, k); }
Tensor Tensor::norm(const Scalar& p) const { return paratrace::norm(*this, p); }
Tensor Tensor::norm(const Scalar& p, const IntList& d, bool k) const { return paratrace::norm(*this, p, d, k); }
Tensor Tensor::var(const IntList& d, bool u, bool k) const { return paratrace::var(*this, d, u, k); }
Tensor Tensor::std(const IntList& d, bool u, bool k) const { return paratrace::std(*this, d, u, k); }
std::tuple<Tensor, Tensor> Tensor::topk(std::int64_t k, std::int64_t d, bool l, bool s) const {
  return paratrace::topk(*this, k, d, l, s);
}
bool Tensor::allclose(const Tensor& o, double rtol, double atol, bool en) const {
  return paratrace::allclose(*this, o, rtol, atol, en);
}
bool Tensor::equal(const Tensor& o) const { return paratrace::equal(*this, o); }

Tensor Tensor::to(ScalarType dt) const { return paratrace::to(*this, dt); }
Tensor Tensor::clone() const { return paratrace::clone(*this); }

Tensor operator+(const Tensor& a, const Tensor& b) { return add(a, b); }
Tensor operator+(const Tensor& a, const Scalar& b) { return add(a, b); }
Tensor operator+(const Scalar& a, const Tensor& b) { return add(b, a); }
Tensor operator-(const Tensor& a, const Tensor& b) { return sub(a, b); }
Tensor operator-(const Tensor& a, const Scalar& b) { return sub(a, b); }
Tensor operator-(const Scalar& a, const Tensor& b) { return rsub(b, a); }
Tensor operator*(const Tensor& a, const Tensor& b) { return mul(a, b); }
Tensor operator*(const Tensor& a, const Scalar& b) { return mul(a, b); }
Tensor operator*(const Scalar& a, const Tensor& b) { return mul(b, a); }
Tensor operator/(const Tensor& a, const Tensor& b) { return div(a, b); }
Tensor operator/(const Tensor& a, const Scalar& b) { return div(a, b); }
Tensor operator/(const Scalar& a, const Tensor& b) { return mul(reciprocal(b), a); }
Tensor operator-(const Tensor& a) { return neg(a); }
Tensor& operator+=(Tensor& a, const Tensor& b) { return a.add_(b); }
Tensor& operator+=(Tensor& a, const Scalar& b) { return a.add_(b); }
Tensor& operator-=(Tensor& a, const Tensor& b) { return a.sub_(b); }
Tensor& operator-=(Tensor& a, const Scalar& b) { return a.sub_(b); }
Tensor& operator*=(Tensor& a, const Tensor& b) { return a.mul_(b); }
Tensor& operator*=(Tensor& a, const Scalar& b) { return a.mul_(b); }
Tensor& operator/=(Tensor& a, const Tensor& b) { return a.div_(b); }
Tensor& operator/=(Tensor& a, const Scalar& b) { return a.div_(b); }

}  // namespace paratrace
