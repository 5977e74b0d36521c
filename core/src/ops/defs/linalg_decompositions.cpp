// Matrix functions and decompositions through Eigen: matrix_exp, svd,
// svdvals, matrix_norm, eigh, qr, geqrf and householder_product. Inputs are batches
// of matrices (..., m, n), processed one matrix at a time.
#include <Eigen/Dense>
#include <unsupported/Eigen/MatrixFunctions>

#include "../kernels/broadcast.h"
#include "../kernels/tensor_alloc.h"
#include "define_ops.h"
#include "paratrace/tensor/factories.h"
#include "paratrace/tensor/ops.h"

namespace paratrace {
namespace {

template <typename T> using Mat = Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
template <typename T> using Vec = Eigen::Matrix<T, Eigen::Dynamic, 1>;

void check_matrix(const Tensor& A, const char* fn) {
  PT_CHECK(A.dim() >= 2, RuntimeError,
           fn << ": The input tensor A must have at least 2 dimensions.");
  PT_CHECK(A.is_floating_point(), RuntimeError,
           fn << ": Expected a floating point or complex tensor as input. Got " << ir_type_name(A.dtype()));
}
void check_square(const Tensor& A, const char* fn) {
  check_matrix(A, fn);
  PT_CHECK(A.size(-1) == A.size(-2), RuntimeError,
           fn << ": A must be batches of square matrices, but they are " << A.size(-2) << " by " << A.size(-1)
              << " matrices");
}

Shape batch_shape(const Tensor& A) { return Shape(A.sizes().begin(), A.sizes().end() - 2); }
Shape with_tail(Shape s, std::initializer_list<std::int64_t> tail) {
  s.insert(s.end(), tail);
  return s;
}
std::int64_t batch_count(const Tensor& A) {
  std::int64_t n = 1;
  for (std::int64_t i = 0; i + 2 < A.dim(); ++i) n *= A.size(i);
  return n;
}

// Calls f(b, Eigen map of matrix b) over the batch of a contiguous copy of A.
template <typename T, typename F> void for_each_matrix(const Tensor& A, F&& f) {
  const Tensor c = kernels::contiguous_kernel(A);
  const std::int64_t m = A.size(-2), n = A.size(-1);
  const T* p = c.data_ptr<T>();
  for (std::int64_t b = 0; b < batch_count(A); ++b) f(b, Eigen::Map<const Mat<T>>(p + b * m * n, m, n));
}
template <typename T> Eigen::Map<Mat<T>> out_matrix(const Tensor& t, std::int64_t b) {
  const std::int64_t m = t.size(-2), n = t.size(-1);
  return Eigen::Map<Mat<T>>(t.data_ptr<T>() + b * m * n, m, n);
}
template <typename T> Eigen::Map<Vec<T>> out_vector(const Tensor& t, std::int64_t b) {
  const std::int64_t n = t.size(-1);
  return Eigen::Map<Vec<T>>(t.data_ptr<T>() + b * n, n);
}

// ---- matrix_exp ---------------------------------------------------------------------

MetaList matrix_exp_shape(const Stack& a) {
  const Tensor& A = a[0].to_tensor();
  check_square(A, "linalg.matrix_exp");
  return {{A.sizes(), A.dtype()}};
}
Stack matrix_exp_forward(const Stack& a) {
  const Tensor& A = a[0].to_tensor();
  matrix_exp_shape(a);
  Tensor out = kernels::make_tensor(A.sizes(), A.dtype());
  dispatch_floating(A.dtype(), [&]<typename T>() {
    for_each_matrix<T>(A, [&](std::int64_t b, const auto& m) { out_matrix<T>(out, b) = Mat<T>(m).exp(); });
  });
  return {out};
}
// d exp(A)[G] = upper-right block of exp([[A^T, G], [0, A^T]]) (Mathias' block identity).
TensorList matrix_exp_backward(BackwardContext& ctx, const TensorList& g) {
  const Tensor At = mT(ctx.tensor_arg(0));
  const std::int64_t n = At.size(-1);
  const Tensor top = cat({At, g[0]}, -1);
  const Tensor bottom = cat({zeros_like(At), At}, -1);
  const Tensor big = matrix_exp(cat({top, bottom}, -2));
  return {slice(slice(big, -2, 0, n, 1), -1, n, 2 * n, 1)};
}

// ---- svd / svdvals / matrix_norm -----------------------------------------------------

MetaList svd_shape(const Stack& a) {
  const Tensor& A = a[0].to_tensor();
  check_matrix(A, "linalg.svd");
  const bool full = a.size() > 1 && a[1].to_bool();
  const std::int64_t m = A.size(-2), n = A.size(-1), k = std::min(m, n);
  const Shape batch = batch_shape(A);
  return {{with_tail(batch, {m, full ? m : k}), A.dtype()},
          {with_tail(batch, {k}), A.dtype()},
          {with_tail(batch, {full ? n : k, n}), A.dtype()}};
}
Stack svd_forward(const Stack& a) {
  const Tensor& A = a[0].to_tensor();
  const auto metas = svd_shape(a);
  const bool full = a.size() > 1 && a[1].to_bool();
  Tensor U = kernels::make_tensor(metas[0].sizes, A.dtype());
  Tensor S = kernels::make_tensor(metas[1].sizes, A.dtype());
  Tensor Vh = kernels::make_tensor(metas[2].sizes, A.dtype());
  dispatch_floating(A.dtype(), [&]<typename T>() {
    const unsigned opts = full ? (Eigen::ComputeFullU | Eigen::ComputeFullV) : (Eigen::ComputeThinU | Eigen::ComputeThinV);
    for_each_matrix<T>(A, [&](std::int64_t b, const auto& m) {
      Eigen::JacobiSVD<Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic>> svd(m, opts);
      out_matrix<T>(U, b) = svd.matrixU();
      out_vector<T>(S, b) = svd.singularValues();
      out_matrix<T>(Vh, b) = svd.matrixV().transpose();
    });
  });
  return {U, S, Vh};
}
Tensor skew(const Tensor& X) { return sub(X, mT(X)); }
// PyTorch's gauge-invariant SVD backward (real case, reduced SVD, distinct singular values).
TensorList svd_backward(BackwardContext& ctx, const TensorList& g) {
  const bool full = ctx.num_args() > 1 && ctx.arg(1).to_bool();
  const Tensor& A = ctx.tensor_arg(0);
  Tensor U = ctx.output(0), S = ctx.output(1), Vh = ctx.output(2);
  const std::int64_t m = A.size(-2), n = A.size(-1), k = std::min(m, n);
  PT_CHECK(!full || m == n, NotImplementedError,
           "linalg.svd backward with full_matrices=True is not defined; use full_matrices=False");
  const Tensor& gU = g[0];
  const Tensor& gS = g[1];
  const Tensor& gVh = g[2];
  const Tensor V = mT(Vh), gV = mT(gVh);
  const Tensor S2 = mul(S, S);
  Tensor E = sub(unsqueeze(S2, -2), unsqueeze(S2, -1));
  E = add(E, diag_embed(ones_like(S)));  // 1 on the diagonal, where the skew parts vanish anyway
  const Tensor UhgU = skew(matmul(mT(U), gU));
  const Tensor VhgV = skew(matmul(Vh, gV));
  Tensor inner = div(add(mul(UhgU, unsqueeze(S, -2)), mul(unsqueeze(S, -1), VhgV)), E);
  inner = add(inner, diag_embed(gS));
  Tensor gA = matmul(matmul(U, inner), Vh);
  const Tensor Sinv = reciprocal(unsqueeze(S, -2));
  if (m > k) gA = add(gA, matmul(mul(sub(gU, matmul(U, matmul(mT(U), gU))), Sinv), Vh));
  if (n > k) gA = add(gA, matmul(U, mT(mul(sub(gV, matmul(V, matmul(Vh, gV))), Sinv))));
  return {gA};
}

MetaList svdvals_shape(const Stack& a) {
  const Tensor& A = a[0].to_tensor();
  check_matrix(A, "linalg.svdvals");
  return {{with_tail(batch_shape(A), {std::min(A.size(-2), A.size(-1))}), A.dtype()}};
}
// Composite over svd so the backward is svd's (U diag(gS) Vh).
Stack svdvals_forward(const Stack& a) { return {std::get<1>(linalg_svd(a[0].to_tensor(), false))}; }

// ord 2 / -2 (largest / smallest singular value), 1 / -1 / inf / -inf (column / row sums).
MetaList matrix_norm_shape(const Stack& a) {
  const Tensor& A = a[0].to_tensor();
  check_matrix(A, "linalg.matrix_norm");
  return {{batch_shape(A), A.dtype()}};
}
Stack matrix_norm_forward(const Stack& a) {
  const Tensor& A = a[0].to_tensor();
  matrix_norm_shape(a);
  const double ord = a[1].to_double();
  if (ord == 2 || ord == -2) {
    const Tensor s = linalg_svdvals(A);
    return {ord == 2 ? amax(s, {-1}) : amin(s, {-1})};
  }
  if (std::isinf(ord)) {
    const Tensor rows = sum(abs(A), {-1});
    return {ord > 0 ? amax(rows, {-1}) : amin(rows, {-1})};
  }
  PT_CHECK(ord == 1 || ord == -1, RuntimeError,
           "linalg.matrix_norm: Order " << ord << " not supported.");
  const Tensor cols = sum(abs(A), {-2});
  return {ord > 0 ? amax(cols, {-1}) : amin(cols, {-1})};
}

// ---- eigh --------------------------------------------------------------------------

MetaList eigh_shape(const Stack& a) {
  const Tensor& A = a[0].to_tensor();
  check_square(A, "linalg.eigh");
  if (a.size() > 1) {
    const std::string& uplo = a[1].to_string_ref();
    PT_CHECK(uplo == "L" || uplo == "U", RuntimeError,
             "Expected UPLO argument to be 'L' or 'U', but got " << uplo);
  }
  return {{with_tail(batch_shape(A), {A.size(-1)}), A.dtype()}, {A.sizes(), A.dtype()}};
}
Stack eigh_forward(const Stack& a) {
  const Tensor& A = a[0].to_tensor();
  const auto metas = eigh_shape(a);
  const bool upper = a.size() > 1 && a[1].to_string_ref() == "U";
  Tensor L = kernels::make_tensor(metas[0].sizes, A.dtype());
  Tensor V = kernels::make_tensor(metas[1].sizes, A.dtype());
  dispatch_floating(A.dtype(), [&]<typename T>() {
    for_each_matrix<T>(A, [&](std::int64_t b, const auto& m) {
      // Only the chosen triangle is read, as LAPACK's syevd does.
      Mat<T> sym = upper ? Mat<T>(m.template triangularView<Eigen::Upper>().transpose())
                         : Mat<T>(m.template triangularView<Eigen::Lower>());
      sym.template triangularView<Eigen::StrictlyUpper>() = sym.transpose().template triangularView<Eigen::StrictlyUpper>();
      Eigen::SelfAdjointEigenSolver<Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic>> es(sym);
      out_vector<T>(L, b) = es.eigenvalues();
      out_matrix<T>(V, b) = es.eigenvectors();
    });
  });
  return {L, V};
}
// gA = V sym(diag(gL) + (V^T gV) / E) V^T with E_ij = L_j - L_i; PyTorch returns the
// symmetric part, since only the symmetric part of A is seen by the decomposition.
TensorList eigh_backward(BackwardContext& ctx, const TensorList& g) {
  const Tensor L = ctx.output(0), V = ctx.output(1);
  Tensor E = sub(unsqueeze(L, -2), unsqueeze(L, -1));
  E = add(E, diag_embed(ones_like(L)));
  Tensor inner = div(matmul(mT(V), g[1]), E);
  inner = sub(inner, diag_embed(diagonal(inner, 0, -2, -1)));
  inner = add(inner, diag_embed(g[0]));
  inner = mul(add(inner, mT(inner)), 0.5);
  return {matmul(matmul(V, inner), mT(V))};
}

// ---- qr ------------------------------------------------------------------------------

MetaList qr_shape(const Stack& a) {
  const Tensor& A = a[0].to_tensor();
  check_matrix(A, "linalg.qr");
  const std::string mode = a.size() > 1 ? a[1].to_string_ref() : "reduced";
  PT_CHECK(mode == "reduced" || mode == "complete" || mode == "r", RuntimeError,
           "qr received unrecognized mode '" << mode << "' but expected one of 'reduced' (default), 'r', or 'complete'");
  const std::int64_t m = A.size(-2), n = A.size(-1), k = std::min(m, n);
  const Shape batch = batch_shape(A);
  const bool complete = mode == "complete";
  return {{mode == "r" ? Shape{0} : with_tail(batch, {m, complete ? m : k}), A.dtype()},
          {with_tail(batch, {complete ? m : k, n}), A.dtype()}};
}
Stack qr_forward(const Stack& a) {
  const Tensor& A = a[0].to_tensor();
  const auto metas = qr_shape(a);
  const std::string mode = a.size() > 1 ? a[1].to_string_ref() : "reduced";
  Tensor Q = kernels::make_tensor(metas[0].sizes, A.dtype());
  Tensor R = kernels::make_tensor(metas[1].sizes, A.dtype());
  dispatch_floating(A.dtype(), [&]<typename T>() {
    for_each_matrix<T>(A, [&](std::int64_t b, const auto& m) {
      // Householder QR, the same reflections as LAPACK's geqrf, so signs match PyTorch.
      Eigen::HouseholderQR<Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic>> qr(m);
      const std::int64_t rows = R.size(-2);
      const Mat<T> full_r = qr.matrixQR().template triangularView<Eigen::Upper>();
      out_matrix<T>(R, b) = full_r.topRows(rows);
      if (mode != "r") {
        Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic> q = qr.householderQ();
        out_matrix<T>(Q, b) = q.leftCols(Q.size(-1));
      }
    });
  });
  return {Q, R};
}
// PyTorch's QR backward for reduced mode with m >= n.
TensorList qr_backward(BackwardContext& ctx, const TensorList& g) {
  const Tensor& A = ctx.tensor_arg(0);
  const std::string mode = ctx.num_args() > 1 ? ctx.arg(1).to_string_ref() : "reduced";
  PT_CHECK(mode != "r", RuntimeError,
           "The derivative of linalg.qr depends on Q, which is not computed when mode='r'. Please use linalg.qr(A, "
           "mode='reduced') if you are going to differentiate through linalg.qr.");
  PT_CHECK(A.size(-2) >= A.size(-1), NotImplementedError,
           "The QR decomposition is not differentiable when mode='complete' and nrows > ncols.");
  const Tensor Q = ctx.output(0), R = ctx.output(1);
  const Tensor& gQ = g[0];
  const Tensor& gR = g[1];
  // gA = (gQ + Q copyltu(M)) R^{-H}, M = R gR^H - gQ^H Q, copyltu(M) = tril(M, -1) + tril(M, -1)^H + diag(M)
  const Tensor M = sub(matmul(R, mT(gR)), matmul(mT(gQ), Q));
  const Tensor low = tril(M, -1);
  const Tensor copyltu = add(add(low, mT(low)), diag_embed(diagonal(M, 0, -2, -1)));
  const Tensor b = add(gQ, matmul(Q, copyltu));
  // Solve X R^T = b for X  <=>  R X^T = b^T.
  return {mT(linalg_solve(R, mT(b)))};
}

// ---- geqrf -----------------------------------------------------------------------------
// Eigen's HouseholderQR stores its result as LAPACK's geqrf does (R on and
// above the diagonal, the reflectors' tails below it, tau = hCoeffs, tau = 0
// for a column needing no reflection), so the output is PyTorch's.

MetaList geqrf_shape(const Stack& a) {
  const Tensor& A = a[0].to_tensor();
  PT_CHECK(A.dim() >= 2, RuntimeError, "torch.geqrf: input must have at least 2 dimensions.");
  PT_CHECK(A.is_floating_point(), RuntimeError, "\"geqrf_cpu\" not implemented for '" << ir_type_name(A.dtype()) << "'");
  return {{A.sizes(), A.dtype()}, {with_tail(batch_shape(A), {std::min(A.size(-2), A.size(-1))}), A.dtype()}};
}
Stack geqrf_forward(const Stack& a) {
  const Tensor& A = a[0].to_tensor();
  const auto metas = geqrf_shape(a);
  Tensor packed = kernels::make_tensor(metas[0].sizes, A.dtype());
  Tensor tau = kernels::make_tensor(metas[1].sizes, A.dtype());
  dispatch_floating(A.dtype(), [&]<typename T>() {
    for_each_matrix<T>(A, [&](std::int64_t b, const auto& m) {
      Eigen::HouseholderQR<Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic>> qr(m);
      out_matrix<T>(packed, b) = qr.matrixQR();
      out_vector<T>(tau, b) = qr.hCoeffs();
    });
  });
  return {packed, tau};
}
// PyTorch records geqrf but has no formula: backward fails with its message.
TensorList geqrf_backward(BackwardContext&, const TensorList&) {
  throw NotImplementedError("the derivative for 'geqrf' is not implemented.");
}

// ---- householder_product -------------------------------------------------------------
// Q = H_1 ... H_k, H_i = I - tau_i v_i v_i^T with v_i the i-th column of A below the
// diagonal and 1 on it. Composed of differentiable ops, so it needs no backward.
Stack householder_forward(const Stack& a) {
  const Tensor& A = a[0].to_tensor();
  const Tensor& tau = a[1].to_tensor();
  check_matrix(A, "torch.linalg.householder_product");
  const std::int64_t m = A.size(-2), n = A.size(-1), k = tau.size(-1);
  PT_CHECK(m >= n, RuntimeError,
           "torch.linalg.householder_product: input.shape[-2] must be greater than or equal to input.shape[-1]");
  PT_CHECK(n >= k, RuntimeError,
           "torch.linalg.householder_product: input.shape[-1] must be greater than or equal to tau.shape[-1]");
  const Tensor V = add(tril(A, -1), eye(m, n, A.dtype()));
  Tensor Q = eye(m, std::nullopt, A.dtype()).expand(with_tail(batch_shape(A), {m, m}));
  for (std::int64_t i = 0; i < k; ++i) {
    const Tensor v = unsqueeze(select(V, -1, i), -1);                   // (..., m, 1)
    const Tensor t = unsqueeze(unsqueeze(select(tau, -1, i), -1), -1);  // (..., 1, 1)
    Q = sub(Q, mul(matmul(matmul(Q, v), mT(v)), t));
  }
  return {narrow(Q, -1, 0, n)};
}
MetaList householder_shape(const Stack& a) {
  const Tensor& A = a[0].to_tensor();
  check_matrix(A, "torch.linalg.householder_product");
  return {{A.sizes(), A.dtype()}};
}

std::vector<Tensor> to_tensors3(const Stack& s) { return {s[0].to_tensor(), s[1].to_tensor(), s[2].to_tensor()}; }

}  // namespace

Tensor matrix_exp(const Tensor& A) { return call_op1(OpKind::matrix_exp, {A}); }
std::tuple<Tensor, Tensor, Tensor> linalg_svd(const Tensor& A, bool full_matrices) {
  const auto out = to_tensors3(call_op(OpKind::linalg_svd, {A, full_matrices, IValue()}));
  return {out[0], out[1], out[2]};
}
Tensor linalg_svdvals(const Tensor& A) { return call_op1(OpKind::linalg_svdvals, {A, IValue()}); }
Tensor linalg_matrix_norm(const Tensor& A, const Scalar& ord) {
  return call_op1(OpKind::linalg_matrix_norm, {A, ord, std::vector<std::int64_t>{-2, -1}, false, IValue()});
}
std::tuple<Tensor, Tensor> linalg_eigh(const Tensor& A, const std::string& UPLO) {
  const Stack out = call_op(OpKind::linalg_eigh, {A, UPLO});
  return {out[0].to_tensor(), out[1].to_tensor()};
}
std::tuple<Tensor, Tensor> linalg_qr(const Tensor& A, const std::string& mode) {
  const Stack out = call_op(OpKind::linalg_qr, {A, mode});
  return {out[0].to_tensor(), out[1].to_tensor()};
}
Tensor linalg_householder_product(const Tensor& A, const Tensor& tau) {
  return call_op1(OpKind::linalg_householder_product, {A, tau});
}
std::tuple<Tensor, Tensor> geqrf(const Tensor& A) {
  const Stack out = call_op(OpKind::geqrf, {A});
  return {out[0].to_tensor(), out[1].to_tensor()};
}

namespace defs {

void define_linalg_decomposition_ops(OpTable& t) {
  t.def({.kind = OpKind::matrix_exp, .schema = "aten::matrix_exp(Tensor self) -> Tensor",
         .forward = matrix_exp_forward, .backward = matrix_exp_backward, .shape = matrix_exp_shape});
  t.def({.kind = OpKind::linalg_svd,
         .schema = "aten::linalg_svd(Tensor A, bool full_matrices=True, *, str? driver=None) -> (Tensor U, Tensor S, "
                   "Tensor Vh)",
         .forward = svd_forward, .backward = svd_backward, .shape = svd_shape});
  t.def({.kind = OpKind::linalg_svdvals, .schema = "aten::linalg_svdvals(Tensor A, *, str? driver=None) -> Tensor",
         .forward = svdvals_forward, .shape = svdvals_shape, .flags = kComposite});
  t.def({.kind = OpKind::linalg_matrix_norm,
         .schema = "aten::linalg_matrix_norm(Tensor self, Scalar ord, int[] dim=[-2,-1], bool keepdim=False, *, "
                   "ScalarType? dtype=None) -> Tensor",
         .forward = matrix_norm_forward, .shape = matrix_norm_shape, .flags = kComposite});
  t.def({.kind = OpKind::linalg_eigh,
         .schema = "aten::linalg_eigh(Tensor self, str UPLO=\"L\") -> (Tensor eigenvalues, Tensor eigenvectors)",
         .forward = eigh_forward, .backward = eigh_backward, .shape = eigh_shape});
  t.def({.kind = OpKind::linalg_qr, .schema = "aten::linalg_qr(Tensor A, str mode='reduced') -> (Tensor Q, Tensor R)",
         .forward = qr_forward, .backward = qr_backward, .shape = qr_shape});
  t.def({.kind = OpKind::linalg_householder_product,
         .schema = "aten::linalg_householder_product(Tensor input, Tensor tau) -> Tensor",
         .forward = householder_forward, .shape = householder_shape, .flags = kComposite});
  t.def({.kind = OpKind::geqrf, .schema = "aten::geqrf(Tensor self) -> (Tensor a, Tensor tau)",
         .forward = geqrf_forward, .backward = geqrf_backward, .shape = geqrf_shape});
}

}  // namespace defs
}  // namespace paratrace
