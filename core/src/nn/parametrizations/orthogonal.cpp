// _Orthogonal and orthogonal() of torch/nn/utils/parametrizations.py (1.13),
// step for step, so values, gradients and messages match PyTorch's.
#include "paratrace/nn/parametrizations/orthogonal.h"

#include <limits>
#include <utility>

#include "../python_text.h"
#include "module_tensor.h"
#include "paratrace/autograd/grad_mode.h"
#include "paratrace/nn/parametrize.h"
#include "paratrace/tensor/factories.h"
#include "paratrace/tensor/ops.h"

namespace paratrace::nn::parametrizations {

using nn::detail::torch_size;

namespace {

Shape batch_with(const Tensor& t, std::int64_t rows, std::int64_t cols) {
  Shape s(t.sizes().begin(), t.sizes().end() - 2);
  s.push_back(rows);
  s.push_back(cols);
  return s;
}

// PyTorch's _is_orthogonal: Q^T Q = I up to 10 n eps of the dtype.
bool is_orthogonal(const Tensor& Q) {
  const std::int64_t n = Q.size(-2), k = Q.size(-1);
  const double dtype_eps = Q.dtype() == ScalarType::Float32 ? std::numeric_limits<float>::epsilon()
                                                            : std::numeric_limits<double>::epsilon();
  return allclose(matmul(Q.mT(), Q), eye(k, std::nullopt, Q.dtype()), 1e-5, 10.0 * double(n) * dtype_eps);
}

// PyTorch's _make_orthogonal: the Q of A = QR (A tall) with diag(R) >= 0,
// which makes it unique, so an orthogonal A is returned unchanged.
Tensor make_orthogonal(const Tensor& A) {
  const auto [X, tau] = geqrf(A);
  const Tensor Q = linalg_householder_product(X, tau);
  return Q * sign(X.diagonal(0, -2, -1)).unsqueeze(-2);
}

// zeros_like(Q) with -1 on the diagonal: householder sends it to the
// identity and the skew part of -I is zero, so every map gives Q = base.
Tensor negative_identity_like(const Tensor& Q) {
  Tensor neg_id = zeros_like(Q);
  neg_id.diagonal(0, -2, -1).fill_(-1.0);
  return neg_id;
}

// orthogonal()'s check: the maps on the sphere would do for vectors, but
// PyTorch refuses them as more confusing than helpful.
void check_matrix(const Tensor& weight) {
  PT_CHECK(weight.dim() >= 2, ValueError,
           "Expected a matrix or batch of matrices. Got a tensor of " << weight.dim() << " dimensions.");
}

}  // namespace

OrthogonalMap parse_orthogonal_map(const std::string& name) {
  if (name == "matrix_exp") return OrthogonalMap::matrix_exp;
  if (name == "cayley") return OrthogonalMap::cayley;
  PT_CHECK(name == "householder", ValueError,
           "orthogonal_map has to be one of \"matrix_exp\", \"cayley\", \"householder\". Got: " << name);
  return OrthogonalMap::householder;
}

OrthogonalMap default_orthogonal_map(const Shape& shape) {
  return shape[shape.size() - 1] == shape[shape.size() - 2] ? OrthogonalMap::matrix_exp : OrthogonalMap::householder;
}

Orthogonal::Orthogonal(const Tensor& weight, OrthogonalMap map, bool use_trivialization)
    : shape_(Shape(weight.sizes())), map_(map) {
  if (use_trivialization) register_buffer("base", Tensor());
}

Orthogonal::Orthogonal(std::optional<OrthogonalMap> map, bool use_trivialization) : map_(map) {
  if (use_trivialization) register_buffer("base", Tensor());
}

void Orthogonal::prepare(const Module&, const std::string&, const Tensor& weight) {
  check_matrix(weight);
  shape_ = Shape(weight.sizes());
  if (!map_) map_ = default_orthogonal_map(*shape_);
}

Tensor Orthogonal::forward(const Tensor& input) {
  Tensor X = input;
  std::int64_t n = X.size(-2), k = X.size(-1);
  const bool transposed = n < k;
  if (transposed) {
    X = X.mT();
    std::swap(n, k);
  }
  // X is tall from here on.
  Tensor Q;
  // Unprepared (used on its own, not registered): orthogonal()'s default.
  const OrthogonalMap map = map_.value_or(default_orthogonal_map(input.sizes()));
  if (map == OrthogonalMap::householder) {
    const Tensor A = X.tril(-1);
    const Tensor tau = 2.0 / (1.0 + (A * A).sum({-2}));
    Q = linalg_householder_product(A, tau);
    // The diagonal of X holds the signs +-1. The integer cast keeps it out of
    // the gradient, so training never moves it (PyTorch's .int()).
    Q = Q * X.diagonal(0, -2, -1).to(ScalarType::Int64).unsqueeze(-2);
  } else {
    // Only the lower triangle is used: n k - k (k - 1) / 2 parameters.
    X = X.tril();
    if (n != k) X = cat({X, zeros({n, n - k}, X.dtype()).expand(batch_with(X, n, n - k))}, -1);
    const Tensor A = X - X.mT();  // skew-symmetric
    if (map == OrthogonalMap::matrix_exp) {
      Q = matrix_exp(A);
    } else {
      // The Cayley retraction (I + A/2)(I - A/2)^{-1}.
      const Tensor id = eye(n, std::nullopt, A.dtype());
      Q = linalg_solve(add(id, A, -0.5), add(id, A, 0.5));
    }
    if (n != k) Q = Q.slice(-1, 0, k);
  }
  if (has_buffer("base")) Q = matmul(attr("base"), Q);
  return transposed ? Q.mT() : Q;
}

RightInverseResult Orthogonal::right_inverse(const Tensor& value) {
  if (!is_prepared()) prepare(*this, "", value);
  PT_CHECK(value.sizes() == *shape_, ValueError,
           "Expected a matrix or batch of matrices of shape " << torch_size(*shape_) << ". Got a tensor of shape "
                                                              << torch_size(value.sizes()) << ".");
  autograd::NoGradGuard no_grad;
  Tensor Q = value;
  std::int64_t n = Q.size(-2), k = Q.size(-1);
  const bool transposed = n < k;
  if (transposed) {
    Q = Q.mT();
    std::swap(n, k);
  }
  if (!has_buffer("base")) {
    // Inverting matrix_exp or cayley restricted to n x k matrices has no known
    // closed form (PyTorch's note [right_inverse expm cayley]).
    PT_CHECK(map_ == OrthogonalMap::householder, NotImplementedError,
             "It is not possible to assign to the matrix exponential or the Cayley parametrizations when "
             "use_trivialization=False.");
    auto [A, tau] = geqrf(Q);
    // forward multiplies by the diagonal's signs, giving diag(R) > 0 (unique
    // QR). A column geqrf did not reflect (tau == 0) is reflected by forward
    // (tau = 2 there), so its sign is flipped to compensate.
    Tensor diagonal = A.diagonal(0, -2, -1);
    const Tensor signs = sign(diagonal);
    diagonal.copy_(where(eq(tau, 0.0), -signs, signs));
    return transposed ? A.mT() : A;
  }
  if (n == k) {
    Q = is_orthogonal(Q) ? Q.clone() : make_orthogonal(Q);
  } else {
    // Complete the k columns into an n x n orthogonal matrix.
    const Tensor N = randn(batch_with(Q, n, n - k), Q.dtype());
    Q = make_orthogonal(cat({Q, N}, -1));
  }
  register_buffer("base", Q);
  return negative_identity_like(value);
}

Module& orthogonal(Module& module, const std::string& name, const std::optional<std::string>& orthogonal_map,
                   bool use_trivialization) {
  const Tensor weight = detail::tensor_attribute(module, name);
  check_matrix(weight);
  const OrthogonalMap map =
      orthogonal_map ? parse_orthogonal_map(*orthogonal_map) : default_orthogonal_map(weight.sizes());
  parametrize::register_parametrization(module, name, std::make_shared<Orthogonal>(weight, map, use_trivialization),
                                        /*unsafe=*/true);
  return module;
}

}  // namespace paratrace::nn::parametrizations
