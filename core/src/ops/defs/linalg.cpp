// Linear algebra (torch.linalg) on batches of matrices (..., n, n), through
// Eigen: each matrix of the batch is mapped row-major and solved on its own.
#include <Eigen/Dense>
#include <limits>

#include "../kernels/broadcast.h"
#include "../kernels/tensor_alloc.h"
#include "define_ops.h"
#include "paratrace/tensor/ops.h"

namespace paratrace {
namespace {

template <typename T> using RowMat = Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
template <typename T> using MatMap = Eigen::Map<RowMat<T>>;

std::int64_t product(const Shape& s, std::size_t begin, std::size_t end) {
  std::int64_t p = 1;
  for (std::size_t i = begin; i < end; ++i) p *= s[i];
  return p;
}

Shape batch_of(const Shape& s, std::size_t matrix_dims) { return Shape(s.begin(), s.end() - matrix_dims); }

// Index of the matrix in a (possibly broadcast) source batch for flat index `i` of the result batch.
std::int64_t source_batch_index(std::int64_t i, const Shape& out_batch, const Shape& src_batch) {
  std::int64_t src = 0;
  std::int64_t src_stride = 1;
  const std::size_t lead = out_batch.size() - src_batch.size();
  for (std::size_t d = out_batch.size(); d-- > 0;) {
    const std::int64_t coord = i % out_batch[d];
    i /= out_batch[d];
    if (d < lead) continue;
    const std::int64_t size = src_batch[d - lead];
    if (size != 1) src += coord * src_stride;
    src_stride *= size;
  }
  return src;
}

// PyTorch's checks shared by the square-matrix functions.
void check_square(const Tensor& A, const char* fn) {
  PT_CHECK(A.dim() >= 2, RuntimeError,
           fn << ": The input tensor A must have at least 2 dimensions.");
  PT_CHECK(A.size(-1) == A.size(-2), RuntimeError,
           fn << ": A must be batches of square matrices, but they are " << A.size(-2) << " by " << A.size(-1)
              << " matrices");
}

void check_floating(const Tensor& A, const char* fn) {
  PT_CHECK(A.is_floating_point(), RuntimeError,
           fn << ": Expected a floating point or complex tensor as input. Got " << ir_type_name(A.dtype()));
}

// The 1-based index of the first zero pivot of a partial-pivoting LU (LAPACK getrf's info), 0 if none.
template <typename T> std::int64_t first_zero_pivot(const Eigen::PartialPivLU<RowMat<T>>& lu) {
  const auto& m = lu.matrixLU();
  for (Eigen::Index k = 0; k < m.rows(); ++k) {
    if (m(k, k) == T(0)) return k + 1;
  }
  return 0;
}

// ---- linalg_inv -------------------------------------------------------------

MetaList inv_shape(const Stack& a) {
  const Tensor& A = a[0].to_tensor();
  check_square(A, "linalg.inv");
  check_floating(A, "linalg.inv");
  return {{A.sizes(), A.dtype()}};
}

Stack inv_forward(const Stack& a) {
  const TensorMeta m = inv_shape(a)[0];
  const Tensor A = kernels::contiguous_as(a[0].to_tensor(), m.dtype);
  Tensor out = kernels::make_tensor(m.sizes, m.dtype);
  const std::int64_t n = A.size(-1);
  const std::int64_t batch = product(m.sizes, 0, m.sizes.size() - 2);
  dispatch_dtype(m.dtype, [&]<typename T>() {
    if constexpr (std::is_floating_point_v<T>) {
      for (std::int64_t b = 0; b < batch; ++b) {
        // LAPACK sees the row-major buffer as A^T; factorising A^T reports the same zero pivot as PyTorch.
        const MatMap<T> src(A.data_ptr<T>() + b * n * n, n, n);
        Eigen::PartialPivLU<RowMat<T>> lu(src.transpose());
        const std::int64_t zero = first_zero_pivot(lu);
        PT_CHECK(zero == 0, LinAlgError,
                 "linalg.inv: The diagonal element " << zero
                     << " is zero, the inversion could not be completed because the input matrix is singular.");
        MatMap<T>(out.data_ptr<T>() + b * n * n, n, n) = lu.inverse().transpose();
      }
    }
  });
  return {out};
}

// d(A^-1) = -A^-1 dA A^-1, so grad_A = -A^-T G A^-T.
TensorList inv_backward(BackwardContext& ctx, const TensorList& g) {
  TensorList r(1);
  if (ctx.needs_input_grad(0) && g[0].defined()) {
    const Tensor inv_t = mT(ctx.output(0));
    r[0] = neg(matmul(inv_t, matmul(g[0], inv_t)));
  }
  return r;
}

// ---- linalg_det ---------------------------------------------------------------

MetaList det_shape(const Stack& a) {
  const Tensor& A = a[0].to_tensor();
  check_square(A, "linalg.det");
  check_floating(A, "linalg.det");
  return {{batch_of(A.sizes(), 2), A.dtype()}};
}

Stack det_forward(const Stack& a) {
  const TensorMeta m = det_shape(a)[0];
  const Tensor A = kernels::contiguous_as(a[0].to_tensor(), m.dtype);
  Tensor out = kernels::make_tensor(m.sizes, m.dtype);
  const std::int64_t n = A.size(-1);
  dispatch_dtype(m.dtype, [&]<typename T>() {
    if constexpr (std::is_floating_point_v<T>) {
      for (std::int64_t b = 0; b < out.numel(); ++b) {
        out.data_ptr<T>()[b] = MatMap<T>(A.data_ptr<T>() + b * n * n, n, n).determinant();
      }
    }
  });
  return {out};
}

// d det(A) = det(A) tr(A^-1 dA), so grad_A = g det(A) A^-T (A invertible).
TensorList det_backward(BackwardContext& ctx, const TensorList& g) {
  TensorList r(1);
  if (ctx.needs_input_grad(0) && g[0].defined()) {
    const Tensor scale = unsqueeze(unsqueeze(mul(g[0], ctx.output(0)), -1), -1);
    r[0] = mul(scale, mT(linalg_inv(ctx.tensor_arg(0))));
  }
  return r;
}

// ---- linalg_solve ---------------------------------------------------------------

// PyTorch treats B as a batch of vectors when it is 1-D, or when its shape is A's without the last dim.
bool solve_is_vector(const Tensor& A, const Tensor& B) {
  return B.dim() == 1 || (B.dim() == A.dim() - 1 && B.sizes() == batch_of(A.sizes(), 1));
}

MetaList solve_shape(const Stack& a) {
  const Tensor& A = a[0].to_tensor();
  const Tensor& B = a[1].to_tensor();
  check_square(A, "linalg.solve");
  check_floating(A, "linalg.solve");
  PT_CHECK(A.dtype() == B.dtype(), RuntimeError,
           "linalg.solve: Expected A and B to have the same dtype, but found A of type "
               << ir_type_name(A.dtype()) << " and B of type " << ir_type_name(B.dtype()) << " instead");
  const bool vec = solve_is_vector(A, B);
  const std::int64_t rows = vec ? B.size(-1) : (B.dim() >= 2 ? B.size(-2) : 0);
  const std::int64_t cols = vec ? 1 : B.size(-1);
  PT_CHECK(B.dim() >= 1 && rows == A.size(-1), RuntimeError,
           "linalg.solve: Incompatible shapes of A and B for the equation AX = B (" << A.size(-2) << "x"
               << A.size(-1) << " and " << rows << "x" << cols << ")");
  Shape out = kernels::broadcast_shapes(batch_of(A.sizes(), 2), batch_of(B.sizes(), vec ? 1 : 2));
  out.push_back(rows);
  if (!vec) out.push_back(cols);
  return {{out, A.dtype()}};
}

Stack solve_forward(const Stack& a) {
  const TensorMeta m = solve_shape(a)[0];
  const Tensor A = kernels::contiguous_as(a[0].to_tensor(), m.dtype);
  const Tensor B = kernels::contiguous_as(a[1].to_tensor(), m.dtype);
  const bool vec = solve_is_vector(A, B);
  const std::size_t rhs_dims = vec ? 1 : 2;
  const std::int64_t n = A.size(-1);
  const std::int64_t k = vec ? 1 : B.size(-1);
  const Shape out_batch = batch_of(m.sizes, rhs_dims);
  const Shape a_batch = batch_of(A.sizes(), 2);
  const Shape b_batch = batch_of(B.sizes(), rhs_dims);
  Tensor out = kernels::make_tensor(m.sizes, m.dtype);
  const std::int64_t batch = product(out_batch, 0, out_batch.size());
  dispatch_dtype(m.dtype, [&]<typename T>() {
    if constexpr (std::is_floating_point_v<T>) {
      for (std::int64_t b = 0; b < batch; ++b) {
        const MatMap<T> lhs(A.data_ptr<T>() + source_batch_index(b, out_batch, a_batch) * n * n, n, n);
        const MatMap<T> rhs(B.data_ptr<T>() + source_batch_index(b, out_batch, b_batch) * n * k, n, k);
        Eigen::PartialPivLU<RowMat<T>> lu(lhs);
        PT_CHECK(first_zero_pivot(lu) == 0, LinAlgError,
                 "torch.linalg.solve: The solver failed because the input matrix is singular.");
        MatMap<T>(out.data_ptr<T>() + b * n * k, n, k) = lu.solve(rhs);
      }
    }
  });
  return {out};
}

// X = A^-1 B: grad_B = A^-T G, grad_A = -grad_B X^T (summed over broadcast batch dims).
TensorList solve_backward(BackwardContext& ctx, const TensorList& g) {
  TensorList r(2);
  if (!g[0].defined()) return r;
  const Tensor& A = ctx.tensor_arg(0);
  const bool vec = solve_is_vector(A, ctx.tensor_arg(1));
  const Tensor gB = linalg_solve(mT(A), g[0]);
  if (ctx.needs_input_grad(0)) {
    const Tensor X = ctx.output(0);
    const Tensor gA = vec ? neg(mul(unsqueeze(gB, -1), unsqueeze(X, -2))) : neg(matmul(gB, mT(X)));
    r[0] = kernels::sum_to(gA, ctx.arg_meta(0).sizes);
  }
  if (ctx.needs_input_grad(1)) r[1] = kernels::sum_to(gB, ctx.arg_meta(1).sizes);
  return r;
}

// ---- linalg_matrix_rank -------------------------------------------------------------

// Two schemas share the op: (self, float tol, hermitian) when a tolerance is given, and
// (self, *, atol=None, rtol=None, hermitian) for PyTorch's default tolerance.
struct RankArgs {
  std::optional<double> atol;
  std::optional<double> rtol;
  bool hermitian = false;
};

std::optional<double> optional_double(const IValue& v) {
  return v.is_none() ? std::nullopt : std::optional<double>(v.to_double());
}

RankArgs rank_args(const Stack& a) {
  if (a.size() == 3) return {a[1].to_double(), std::nullopt, a[2].to_bool()};
  return {optional_double(a[1]), optional_double(a[2]), a[3].to_bool()};
}

MetaList rank_shape(const Stack& a) {
  const Tensor& A = a[0].to_tensor();
  PT_CHECK(A.dim() >= 2, RuntimeError,
           "torch.linalg.matrix_rank: The input tensor input must have at least 2 dimensions.");
  PT_CHECK(A.is_floating_point(), RuntimeError, "This function doesn't handle types other than float and double");
  return {{batch_of(A.sizes(), 2), ScalarType::Int64}};
}

// Singular values (or |eigenvalues| of the lower triangle when hermitian) of one matrix.
template <typename T> Eigen::Matrix<T, Eigen::Dynamic, 1> spectrum(const MatMap<T>& m, bool hermitian) {
  if (hermitian) return Eigen::SelfAdjointEigenSolver<RowMat<T>>(m, Eigen::EigenvaluesOnly).eigenvalues().cwiseAbs();
  return Eigen::JacobiSVD<RowMat<T>>(m).singularValues();
}

Stack rank_forward(const Stack& a) {
  const TensorMeta meta = rank_shape(a)[0];
  const RankArgs args = rank_args(a);
  const Tensor A = kernels::contiguous_kernel(a[0].to_tensor());
  const std::int64_t rows = A.size(-2);
  const std::int64_t cols = A.size(-1);
  Tensor out = kernels::make_tensor(meta.sizes, ScalarType::Int64);
  dispatch_dtype(A.dtype(), [&]<typename T>() {
    if constexpr (std::is_floating_point_v<T>) {
      for (std::int64_t b = 0; b < out.numel(); ++b) {
        const auto s = spectrum<T>(MatMap<T>(A.data_ptr<T>() + b * rows * cols, rows, cols), args.hermitian);
        const T largest = s.size() == 0 ? T(0) : s.maxCoeff();
        // PyTorch's rule: rtol defaults to eps * max(m, n), or to 0 when only atol is given.
        const T default_rtol = args.atol ? T(0) : std::numeric_limits<T>::epsilon() * T(std::max(rows, cols));
        const T rtol = args.rtol ? T(*args.rtol) : default_rtol;
        const T tol = std::max(args.atol ? T(*args.atol) : T(0), rtol * largest);
        out.data_ptr<std::int64_t>()[b] = (s.array() > tol).count();
      }
    }
  });
  return {out};
}

}  // namespace

// ---- public API ------------------------------------------------------------------

Tensor linalg_inv(const Tensor& A) { return call_op1(OpKind::linalg_inv, {A}); }
Tensor linalg_det(const Tensor& A) { return call_op1(OpKind::linalg_det, {A}); }
Tensor linalg_matrix_rank(const Tensor& A, std::optional<double> tol, bool hermitian) {
  if (tol) return call_op1(OpKind::linalg_matrix_rank, {A, *tol, hermitian});
  return call_op1(OpKind::linalg_matrix_rank, {A, IValue(), IValue(), hermitian});
}
Tensor linalg_solve(const Tensor& A, const Tensor& B) { return call_op1(OpKind::linalg_solve, {A, B, true}); }

namespace defs {

void define_linalg_ops(OpTable& t) {
  t.def({.kind = OpKind::linalg_inv,
         .schema = "aten::linalg_inv(Tensor A) -> Tensor",
         .forward = inv_forward,
         .backward = inv_backward,
         .shape = inv_shape});
  t.def({.kind = OpKind::linalg_det,
         .schema = "aten::linalg_det(Tensor A) -> Tensor",
         .forward = det_forward,
         .backward = det_backward,
         .shape = det_shape});
  t.def({.kind = OpKind::linalg_solve,
         .schema = "aten::linalg_solve(Tensor A, Tensor B, *, bool left=True) -> Tensor",
         .forward = solve_forward,
         .backward = solve_backward,
         .shape = solve_shape});
  t.def({.kind = OpKind::linalg_matrix_rank,
         .schema = "aten::linalg_matrix_rank(Tensor self, float tol, bool hermitian=False) -> Tensor | "
                   "aten::linalg_matrix_rank.atol_rtol_float(Tensor self, *, float? atol=None, float? rtol=None, "
                   "bool hermitian=False) -> Tensor",
         .forward = rank_forward,
         .shape = rank_shape,
         .flags = kNonDifferentiable});
}

}  // namespace defs
}  // namespace paratrace
