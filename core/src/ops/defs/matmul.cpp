// Matrix products: mm, bmm, mv, dot, outer, matmul, linear, bilinear.
// float32/float64 products go through OpenBLAS (Eigen without -march=native
// is ~3x slower than PyTorch's OpenBLAS on 512x512); other dtypes use Eigen.
#include <cblas.h>

#include <Eigen/Dense>

#include "../kernels/broadcast.h"
#include "../kernels/elementwise.h"
#include "define_ops.h"
#include "paratrace/autograd/grad_mode.h"
#include "paratrace/tensor/ops.h"

namespace paratrace {
namespace {

// ---- GEMM core ----------------------------------------------------------------

// A 2-D operand as BLAS reads it: row-major data with a leading dimension,
// possibly transposed, so transposed views (t(w) in backward) need no copy.
template <typename T> struct MatOperand {
  const T* data = nullptr;
  std::int64_t ld = 0;
  bool trans = false;
};

// Whether BLAS can read matrices with these strides directly (row- or column-major).
bool blas_layout(std::int64_t rows, std::int64_t cols, std::int64_t rs, std::int64_t cs) {
  return (cs == 1 && rs >= std::max<std::int64_t>(cols, 1)) || (rs == 1 && cs >= std::max<std::int64_t>(rows, 1));
}

// `t` itself when its last two dims have a BLAS layout, else a contiguous copy.
Tensor blas_ready(const Tensor& t) {
  const std::int64_t d = t.dim();
  return blas_layout(t.size(d - 2), t.size(d - 1), t.stride(d - 2), t.stride(d - 1)) ? t
                                                                                     : kernels::contiguous_kernel(t);
}

// Matrix at element offset `offset` of a blas_ready tensor `t` whose last two dims are (rows, cols).
template <typename T> MatOperand<T> mat_operand(const Tensor& t, std::int64_t offset) {
  const std::int64_t d = t.dim(), rows = t.size(d - 2), cols = t.size(d - 1);
  const std::int64_t rs = t.stride(d - 2), cs = t.stride(d - 1);
  if (cs == 1 && rs >= std::max<std::int64_t>(cols, 1)) return {t.data_ptr<T>() + offset, rs, false};
  return {t.data_ptr<T>() + offset, std::max<std::int64_t>(cs, std::max<std::int64_t>(rows, 1)), true};
}

// c = beta * c + a * b through Eigen (integer dtypes, and small float products
// too wide for tiny_gemm).
template <typename T> void eigen_gemm(const MatOperand<T>& a, const MatOperand<T>& b, T* c, std::int64_t m,
                                      std::int64_t k, std::int64_t n, T beta) {
  using Mat = Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
  using Stride = Eigen::OuterStride<>;
  auto view = [](const MatOperand<T>& o, std::int64_t r, std::int64_t cc) {
    // A transposed operand is the row-major (cc x r) matrix read transposed.
    return o.trans ? Eigen::Map<const Mat, 0, Stride>(o.data, cc, r, Stride(o.ld))
                   : Eigen::Map<const Mat, 0, Stride>(o.data, r, cc, Stride(o.ld));
  };
  const auto am = view(a, m, k), bm = view(b, k, n);
  Eigen::Map<Mat> cm(c, m, n);
  // Lazy (coefficient-wise) products write straight into c without a temporary.
  auto run = [&](const auto& x, const auto& y) {
    if (beta == T(0)) {
      cm.noalias() = x.lazyProduct(y);
    } else {
      cm *= beta;
      cm.noalias() += x.lazyProduct(y);
    }
  };
  if (a.trans) {
    if (b.trans) run(am.transpose(), bm.transpose());
    else run(am.transpose(), bm);
  } else {
    if (b.trans) run(am, bm.transpose());
    else run(am, bm);
  }
}

// c = beta * c + a * b by plain loops, for products so small (a Linear(8, 8)
// step) that Eigen's and BLAS's setup costs more than the arithmetic. Each row
// of c is built as a sum of rows of b scaled by a's entries, so the inner
// loop runs along contiguous memory and vectorises; a b read transposed is
// first copied into that layout. Every c element sums its k terms in order,
// then beta * c is added.
constexpr std::int64_t kTinyGemmMaxN = 64;
constexpr std::int64_t kTinyGemmMaxPacked = 1024;  // k * n of a transposed b
template <typename T, bool TransA>
void tiny_gemm(const MatOperand<T>& a, const MatOperand<T>& b, T* c, std::int64_t m, std::int64_t k, std::int64_t n,
               T beta) {
  T packed[kTinyGemmMaxPacked];
  const T* rows = b.data;
  std::int64_t ld = b.ld;
  if (b.trans) {  // b is stored as its (n x k) transpose
    for (std::int64_t p = 0; p < k; ++p)
      for (std::int64_t j = 0; j < n; ++j) packed[p * n + j] = b.data[j * b.ld + p];
    rows = packed;
    ld = n;
  }
  T acc[kTinyGemmMaxN];
  for (std::int64_t i = 0; i < m; ++i) {
    std::fill(acc, acc + n, T(0));
    for (std::int64_t p = 0; p < k; ++p) {
      const T aip = TransA ? a.data[p * a.ld + i] : a.data[i * a.ld + p];
      const T* bp = rows + p * ld;
      for (std::int64_t j = 0; j < n; ++j) acc[j] += aip * bp[j];
    }
    T* ci = c + i * n;
    for (std::int64_t j = 0; j < n; ++j) ci[j] = beta == T(0) ? acc[j] : static_cast<T>(beta * ci[j] + acc[j]);
  }
}

// c[m x n] = beta * c + a[m x k] * b[k x n]; c is contiguous row-major.
template <typename T> void gemm(const MatOperand<T>& a, const MatOperand<T>& b, T* c, std::int64_t m, std::int64_t k,
                                std::int64_t n, T beta) {
  if (m == 0 || n == 0) return;
  if (k == 0) {
    for (std::int64_t i = 0; i < m * n; ++i) c[i] = beta == T(0) ? T(0) : c[i] * beta;
    return;
  }
  // BLAS call overhead dominates tiny products (a Linear(8, 8) step).
  constexpr std::int64_t kSmallGemm = 16 * 16 * 16;
  if constexpr (std::is_same_v<T, float> || std::is_same_v<T, double>) {
    if (m * k * n <= kSmallGemm && n <= kTinyGemmMaxN && (!b.trans || k * n <= kTinyGemmMaxPacked)) {
      return a.trans ? tiny_gemm<T, true>(a, b, c, m, k, n, beta) : tiny_gemm<T, false>(a, b, c, m, k, n, beta);
    }
    if (m * k * n <= kSmallGemm) return eigen_gemm(a, b, c, m, k, n, beta);
    const auto ta = a.trans ? CblasTrans : CblasNoTrans, tb = b.trans ? CblasTrans : CblasNoTrans;
    if constexpr (std::is_same_v<T, float>) {
      cblas_sgemm(CblasRowMajor, ta, tb, m, n, k, 1.f, a.data, a.ld, b.data, b.ld, beta, c, n);
    } else {
      cblas_dgemm(CblasRowMajor, ta, tb, m, n, k, 1.0, a.data, a.ld, b.data, b.ld, beta, c, n);
    }
  } else {
    eigen_gemm(a, b, c, m, k, n, beta);
  }
}

void check_same_dtype(const Tensor& a, const Tensor& b) {
  PT_CHECK(a.dtype() == b.dtype(), RuntimeError,
           "expected scalar type " << ir_type_name(a.dtype()) << " but found " << ir_type_name(b.dtype()));
}

void check_matmul_dtype(ScalarType t, const char* kernel) {
  PT_CHECK(t != ScalarType::Bool, RuntimeError, "\"" << kernel << "\" not implemented for 'Bool'");
}

// out[batch] = a[batch] @ b[batch] for 3-D a, b (batch stride 0 allowed).
Tensor batched_product(const Tensor& a_in, const Tensor& b_in) {
  const Tensor a = blas_ready(a_in), b = blas_ready(b_in);
  const std::int64_t nb = a.size(0), m = a.size(1), k = a.size(2), n = b.size(2);
  Tensor out = kernels::make_tensor({nb, m, n}, a.dtype());
  dispatch_dtype(a.dtype(), [&]<typename T>() {
    if constexpr (!std::is_same_v<T, bool>) {
      T* c = out.data_ptr<T>();
      for (std::int64_t i = 0; i < nb; ++i) {
        const auto ao = mat_operand<T>(a, i * a.stride(0));
        const auto bo = mat_operand<T>(b, i * b.stride(0));
        gemm<T>(ao, bo, c + i * m * n, m, k, n, T(0));
      }
    }
  });
  return out;
}

// Views a 2-D / 1-D tensor as 3-D with one batch, without copying.
Tensor as_batch(const Tensor& t, std::int64_t rows, std::int64_t cols, std::int64_t rs, std::int64_t cs) {
  return kernels::make_view(t, {1, rows, cols}, {0, rs, cs}, t.storage_offset());
}

// out = a @ b for 2-D a, b.
Tensor product_2d(const Tensor& a_in, const Tensor& b_in) {
  const Tensor a = blas_ready(a_in), b = blas_ready(b_in);
  const std::int64_t m = a.size(0), k = a.size(1), n = b.size(1);
  Tensor out = kernels::make_tensor({m, n}, a.dtype());
  dispatch_dtype(a.dtype(), [&]<typename T>() {
    if constexpr (!std::is_same_v<T, bool>) gemm<T>(mat_operand<T>(a, 0), mat_operand<T>(b, 0), out.data_ptr<T>(), m, k, n, T(0));
  });
  return out;
}

// ---- mm / bmm / mv / dot ------------------------------------------------------

MetaList mm_shape(const Stack& s) {
  const Tensor &a = s[0].to_tensor(), &b = s[1].to_tensor();
  PT_CHECK(a.dim() == 2, RuntimeError, "self must be a matrix");
  PT_CHECK(b.dim() == 2, RuntimeError, "mat2 must be a matrix");
  PT_CHECK(a.size(1) == b.size(0), RuntimeError,
           "mat1 and mat2 shapes cannot be multiplied (" << a.size(0) << "x" << a.size(1) << " and " << b.size(0) << "x"
                                                         << b.size(1) << ")");
  check_same_dtype(a, b);
  check_matmul_dtype(a.dtype(), "addmm_impl_cpu_");
  return {{{a.size(0), b.size(1)}, a.dtype()}};
}

Stack mm_forward(const Stack& s) {
  mm_shape(s);
  return {product_2d(s[0].to_tensor(), s[1].to_tensor())};
}

TensorList mm_backward(BackwardContext& ctx, const TensorList& g) {
  TensorList r(2);
  if (ctx.needs_input_grad(0)) r[0] = mm(g[0], t(ctx.tensor_arg(1)));
  if (ctx.needs_input_grad(1)) r[1] = mm(t(ctx.tensor_arg(0)), g[0]);
  return r;
}

MetaList bmm_shape(const Stack& s) {
  const Tensor &a = s[0].to_tensor(), &b = s[1].to_tensor();
  PT_CHECK(a.dim() == 3, RuntimeError, "batch1 must be a 3D tensor");
  PT_CHECK(b.dim() == 3, RuntimeError, "batch2 must be a 3D tensor");
  PT_CHECK(b.size(0) == a.size(0) && b.size(1) == a.size(2), RuntimeError,
           "Expected size for first two dimensions of batch2 tensor to be: ["
               << a.size(0) << ", " << a.size(2) << "] but got: [" << b.size(0) << ", " << b.size(1) << "].");
  check_same_dtype(a, b);
  check_matmul_dtype(a.dtype(), "bmm");
  return {{{a.size(0), a.size(1), b.size(2)}, a.dtype()}};
}

Stack bmm_forward(const Stack& s) {
  bmm_shape(s);
  return {batched_product(s[0].to_tensor(), s[1].to_tensor())};
}

TensorList bmm_backward(BackwardContext& ctx, const TensorList& g) {
  TensorList r(2);
  if (ctx.needs_input_grad(0)) r[0] = bmm(g[0], transpose(ctx.tensor_arg(1), 1, 2));
  if (ctx.needs_input_grad(1)) r[1] = bmm(transpose(ctx.tensor_arg(0), 1, 2), g[0]);
  return r;
}

MetaList mv_shape(const Stack& s) {
  const Tensor &a = s[0].to_tensor(), &v = s[1].to_tensor();
  PT_CHECK(a.dim() == 2 && v.dim() == 1, RuntimeError,
           "vector + matrix @ vector expected, got 1, " << a.dim() << ", " << v.dim());
  PT_CHECK(a.size(1) == v.size(0), RuntimeError,
           "size mismatch, got " << a.size(0) << ", " << a.size(0) << "x" << a.size(1) << "," << v.size(0));
  check_same_dtype(a, v);
  check_matmul_dtype(a.dtype(), "addmv_impl_cpu");
  return {{{a.size(0)}, a.dtype()}};
}

Stack mv_forward(const Stack& s) {
  mv_shape(s);
  const Tensor &a = s[0].to_tensor(), &v = s[1].to_tensor();
  Tensor out = batched_product(as_batch(a, a.size(0), a.size(1), a.stride(0), a.stride(1)),
                               as_batch(v, v.size(0), 1, v.stride(0), 1));
  out.impl()->sizes = {a.size(0)};
  out.impl()->strides = {1};
  return {out};
}

TensorList mv_backward(BackwardContext& ctx, const TensorList& g) {
  TensorList r(2);
  if (ctx.needs_input_grad(0)) r[0] = outer(g[0], ctx.tensor_arg(1));
  if (ctx.needs_input_grad(1)) r[1] = mv(t(ctx.tensor_arg(0)), g[0]);
  return r;
}

MetaList dot_shape(const Stack& s) {
  const Tensor &a = s[0].to_tensor(), &b = s[1].to_tensor();
  PT_CHECK(a.dim() == 1 && b.dim() == 1, RuntimeError,
           "1D tensors expected, but got " << a.dim() << "D and " << b.dim() << "D tensors");
  PT_CHECK(a.size(0) == b.size(0), RuntimeError,
           "inconsistent tensor size, expected tensor ["
               << a.size(0) << "] and src [" << b.size(0) << "] to have the same number of elements, but got "
               << a.size(0) << " and " << b.size(0) << " elements respectively");
  PT_CHECK(a.dtype() == b.dtype(), RuntimeError,
           "dot : expected both vectors to have same dtype, but found " << ir_type_name(a.dtype()) << " and "
                                                                        << ir_type_name(b.dtype()));
  check_matmul_dtype(a.dtype(), "dot");
  return {{{}, a.dtype()}};
}

Stack dot_forward(const Stack& s) {
  dot_shape(s);
  const Tensor &a = s[0].to_tensor(), &b = s[1].to_tensor();
  Tensor out = kernels::make_tensor({}, a.dtype());
  dispatch_dtype(a.dtype(), [&]<typename T>() {
    using Acc = std::conditional_t<std::is_floating_point_v<T>, T, std::int64_t>;
    const T *x = a.data_ptr<T>(), *y = b.data_ptr<T>();
    Acc acc = 0;
    for (std::int64_t i = 0; i < a.size(0); ++i) acc += Acc(x[i * a.stride(0)]) * Acc(y[i * b.stride(0)]);
    *out.data_ptr<T>() = static_cast<T>(acc);
  });
  return {out};
}

TensorList dot_backward(BackwardContext& ctx, const TensorList& g) {
  TensorList r(2);
  if (ctx.needs_input_grad(0)) r[0] = mul(ctx.tensor_arg(1), g[0]);
  if (ctx.needs_input_grad(1)) r[1] = mul(ctx.tensor_arg(0), g[0]);
  return r;
}

// ---- composites: outer, matmul ------------------------------------------------

MetaList outer_shape(const Stack& s) {
  const Tensor &a = s[0].to_tensor(), &b = s[1].to_tensor();
  PT_CHECK(a.dim() == 1, RuntimeError, "outer: Expected 1-D argument self, but got " << a.dim() << "-D");
  PT_CHECK(b.dim() == 1, RuntimeError, "outer: Expected 1-D argument vec2, but got " << b.dim() << "-D");
  return {{{a.size(0), b.size(0)}, kernels::result_type({&a, &b})}};
}

Stack outer_forward(const Stack& s) {
  outer_shape(s);
  const Tensor &a = s[0].to_tensor(), &b = s[1].to_tensor();
  return {mul(reshape(a, {a.size(0), 1}), b)};
}

MetaList matmul_shape(const Stack& s) {
  const Tensor &a = s[0].to_tensor(), &b = s[1].to_tensor();
  const std::int64_t da = a.dim(), db = b.dim();
  PT_CHECK(da >= 1 && db >= 1, RuntimeError,
           "both arguments to matmul need to be at least 1D, but they are " << da << "D and " << db << "D");
  if (da <= 2 && db <= 2) {
    Shape out;
    if (da == 2) out.push_back(a.size(0));
    if (db == 2) out.push_back(b.size(1));
    return {{out, a.dtype()}};
  }
  const Shape ba(a.sizes().begin(), a.sizes().end() - std::min<std::int64_t>(da, 2));
  const Shape bb(b.sizes().begin(), b.sizes().end() - std::min<std::int64_t>(db, 2));
  Shape out = kernels::broadcast_shapes(ba, bb);
  if (da > 1) out.push_back(a.size(-2));
  if (db > 1) out.push_back(b.size(-1));
  return {{out, a.dtype()}};
}

// PyTorch's at::matmul dispatch by dimensionality.
Tensor matmul_impl(const Tensor& a, const Tensor& b) {
  const std::int64_t da = a.dim(), db = b.dim();
  const Shape out_shape = matmul_shape({a, b})[0].sizes;
  if (da == 1 && db == 1) return dot(a, b);
  if (da == 2 && db == 1) return mv(a, b);
  if (da == 1 && db == 2) return reshape(mm(reshape(a, {1, a.size(0)}), b), out_shape);
  if (da == 2 && db == 2) return mm(a, b);
  if (da >= 3 && db <= 2) {
    // Fold the batch into the rows: one big product.
    const Tensor folded = reshape(a, {-1, a.size(-1)});
    return reshape(db == 1 ? mv(folded, b) : mm(folded, b), out_shape);
  }
  const std::int64_t n = da > 1 ? a.size(-2) : 1, k1 = a.size(-1);
  const std::int64_t k2 = db > 1 ? b.size(-2) : b.size(-1), p = db > 1 ? b.size(-1) : 1;
  const Shape ba(a.sizes().begin(), a.sizes().end() - std::min<std::int64_t>(da, 2));
  const Shape bb(b.sizes().begin(), b.sizes().end() - std::min<std::int64_t>(db, 2));
  const Shape batch = kernels::broadcast_shapes(ba, bb);
  std::int64_t nb = 1;
  for (auto d : batch) nb *= d;
  Shape ea = batch, eb = batch;
  ea.insert(ea.end(), {n, k1});
  eb.insert(eb.end(), {k2, p});
  const Tensor a3 = reshape(expand(reshape(a, da > 1 ? a.sizes() : Shape{1, k1}), ea), {nb, n, k1});
  const Tensor b3 = reshape(expand(reshape(b, db > 1 ? b.sizes() : Shape{k2, 1}), eb), {nb, k2, p});
  return reshape(bmm(a3, b3), out_shape);
}

// ---- linear -------------------------------------------------------------------

// The bias must expand to the (rows x out) result; PyTorch reports expand's error.
void check_expandable(const Shape& from, const Shape& target) {
  const auto nf = static_cast<std::int64_t>(from.size()), nt = static_cast<std::int64_t>(target.size());
  PT_CHECK(nf <= nt, RuntimeError,
           "expand: the number of sizes provided (" << nt
                                                    << ") must be greater or equal to the number of "
                                                       "dimensions in the tensor ("
                                                    << nf << ")");
  for (std::int64_t i = 0; i < nf; ++i) {
    const std::int64_t f = from[nf - 1 - i], t = target[nt - 1 - i];
    PT_CHECK(f == t || f == 1, RuntimeError,
             "The expanded size of the tensor (" << t << ") must match the existing size (" << f
                                                 << ") at non-singleton dimension " << nt - 1 - i
                                                 << ".  Target sizes: " << kernels::shape_str(target)
                                                 << ".  Tensor sizes: " << kernels::shape_str(from));
  }
}

MetaList linear_shape(const Stack& s) {
  const Tensor &x = s[0].to_tensor(), &w = s[1].to_tensor();
  const Tensor b = s.size() > 2 ? s[2].to_optional_tensor() : Tensor();
  PT_CHECK(x.dim() >= 1, RuntimeError,
           "both arguments to linear need to be at least 1D, but they are " << x.dim() << "D and " << w.dim() << "D");
  PT_CHECK(w.dim() == 2, RuntimeError, "linear(): weight must be 2-D, but got " << w.dim() << "-D");
  const std::int64_t in = x.size(-1), out = w.size(0);
  std::int64_t rows = 1;
  for (std::int64_t d = 0; d + 1 < x.dim(); ++d) rows *= x.size(d);
  PT_CHECK(
      in == w.size(1), RuntimeError,
      "mat1 and mat2 shapes cannot be multiplied (" << rows << "x" << in << " and " << w.size(1) << "x" << out << ")");
  check_same_dtype(x, w);
  check_matmul_dtype(x.dtype(), "addmm_impl_cpu_");
  Shape shape(x.sizes().begin(), x.sizes().end() - 1);
  shape.push_back(out);
  if (b.defined()) {
    check_same_dtype(x, b);
    check_expandable(b.sizes(), x.dim() == 1 ? Shape{out} : Shape{rows, out});
  }
  return {{shape, x.dtype()}};
}

std::int64_t y_rows(const Shape& y) {
  std::int64_t r = 1;
  for (std::size_t d = 0; d + 1 < y.size(); ++d) r *= y[d];
  return r;
}

// y = x @ w^T + b in one GEMM: the bias is written first and accumulated into (beta = 1).
Stack linear_forward(const Stack& s) {
  const TensorMeta m = linear_shape(s)[0];
  const Tensor& w = s[1].to_tensor();
  const Tensor wr = blas_ready(w);
  const Tensor b = s.size() > 2 ? s[2].to_optional_tensor() : Tensor();
  const Tensor x = kernels::contiguous_kernel(s[0].to_tensor());
  const std::int64_t in = w.size(1), out = w.size(0), rows = y_rows(m.sizes);
  Tensor y = kernels::make_tensor(m.sizes, m.dtype);
  dispatch_dtype(m.dtype, [&]<typename T>() {
    if constexpr (!std::is_same_v<T, bool>) {
      T* yp = y.data_ptr<T>();
      T beta = T(0);
      if (b.defined()) {
        if (b.dim() == 1 && b.size(0) == out && b.is_contiguous()) {
          for (std::int64_t r = 0; r < rows; ++r) std::copy_n(b.data_ptr<T>(), out, yp + r * out);  // bias per row
        } else {
          kernels::copy_kernel(y, b);
        }
        beta = T(1);
      }
      const MatOperand<T> xo{x.data_ptr<T>(), std::max<std::int64_t>(in, 1), false};
      // w^T: the (out x in) weight read transposed.
      const auto wo = mat_operand<T>(wr, 0);
      const MatOperand<T> wt{wo.data, wo.ld, !wo.trans};
      gemm<T>(xo, wt, yp, rows, in, out, beta);
    }
  });
  return {y};
}

// First-order gradients straight from the GEMM kernel and a column sum: the
// same operands and summation order as the mm, t and sum_to ops below, without
// dispatching them. Reads the saved tensors only where those ops would (the
// version checks stay the same). For contiguous floating g (and x) of one
// dtype with a bias of shape [out]; returns false, having computed nothing,
// otherwise.
bool linear_backward_kernels(BackwardContext& ctx, const Tensor& g, TensorList& r) {
  const ScalarType dt = g.dtype();
  const Shape& xs = ctx.arg_meta(0).sizes;
  const Shape& ws = ctx.arg_meta(1).sizes;
  const bool bias_grad = r.size() == 3 && ctx.needs_input_grad(2);
  if (!is_floating_point(dt) || ctx.arg_meta(0).dtype != dt || ctx.arg_meta(1).dtype != dt || !g.is_contiguous() ||
      (bias_grad && ctx.arg_meta(2).sizes != Shape{ws[0]})) {
    return false;
  }
  const Tensor w = ctx.needs_input_grad(0) ? ctx.tensor_arg(1) : Tensor();
  const Tensor x = ctx.needs_input_grad(1) ? ctx.tensor_arg(0) : Tensor();
  if (x.defined() && !x.is_contiguous()) return false;
  const std::int64_t out = ws[0], in = ws[1], rows = y_rows(xs);
  dispatch_floating(dt, [&]<typename T>() {
    const T* gp = g.data_ptr<T>();
    if (w.defined()) {  // g @ w, in x's shape
      const Tensor wr = blas_ready(w);
      r[0] = kernels::make_tensor(xs, dt);
      gemm<T>({gp, std::max<std::int64_t>(out, 1), false}, mat_operand<T>(wr, 0), r[0].data_ptr<T>(), rows, out, in,
              T(0));
    }
    if (x.defined()) {  // g^T @ x
      r[1] = kernels::make_tensor({out, in}, dt);
      gemm<T>({gp, std::max<std::int64_t>(out, 1), true}, {x.data_ptr<T>(), std::max<std::int64_t>(in, 1), false},
              r[1].data_ptr<T>(), out, rows, in, T(0));
    }
    if (bias_grad) {  // column sums of g, accumulated in double as sum does
      SmallVector<double, 16> acc(static_cast<std::size_t>(out), 0.0);
      for (std::int64_t i = 0; i < rows; ++i)
        for (std::int64_t j = 0; j < out; ++j) acc[j] += gp[i * out + j];
      r[2] = kernels::make_tensor({out}, dt);
      T* bp = r[2].data_ptr<T>();
      for (std::int64_t j = 0; j < out; ++j) bp[j] = static_cast<T>(acc[j]);
    }
  });
  return true;
}

TensorList linear_backward(BackwardContext& ctx, const TensorList& g) {
  TensorList r(ctx.num_args() > 2 && !ctx.arg(2).is_none() ? 3 : 2);
  // Under create_graph the gradients must themselves be differentiable: ops below.
  if (!autograd::GradMode::is_enabled() && linear_backward_kernels(ctx, g[0], r)) return r;
  const Shape& xs = ctx.arg_meta(0).sizes;
  const std::int64_t out = ctx.arg_meta(1).sizes[0];
  const Tensor g2 = xs.size() == 2 ? g[0] : reshape(g[0], {-1, out});
  if (ctx.needs_input_grad(0)) r[0] = reshape(mm(g2, ctx.tensor_arg(1)), xs);
  if (ctx.needs_input_grad(1)) {
    const Tensor& x = ctx.tensor_arg(0);
    r[1] = mm(t(g2), xs.size() == 2 ? x : reshape(x, {-1, xs.back()}));
  }
  if (r.size() == 3 && ctx.needs_input_grad(2)) r[2] = kernels::sum_to(g[0], ctx.arg_meta(2).sizes);
  return r;
}

// ---- bilinear (composite) -------------------------------------------------------

MetaList bilinear_shape(const Stack& s) {
  const Tensor &x1 = s[0].to_tensor(), &x2 = s[1].to_tensor(), &w = s[2].to_tensor();
  const Tensor b = s.size() > 3 ? s[3].to_optional_tensor() : Tensor();
  PT_CHECK(x1.dim() == x2.dim(), RuntimeError,
           "bilinear(): input dimensions do not match: got " << x1.dim() << " and " << x2.dim());
  for (std::int64_t i = 0; i + 1 < x1.dim(); ++i) {
    PT_CHECK(x1.size(i) == x2.size(i), RuntimeError,
             "bilinear(): input batch dimensions do not match at dim " << i << ": got " << x1.size(i) << " and "
                                                                       << x2.size(i));
  }
  PT_CHECK(w.dim() == 3, RuntimeError, "bilinear(): weight must be 3-D, but got " << w.dim() << "-D");
  PT_CHECK(x1.size(-1) == w.size(1), RuntimeError,
           "bilinear(): input1 size does not match weight size: got " << x1.size(-1) << " but expected " << w.size(1));
  PT_CHECK(x2.size(-1) == w.size(2), RuntimeError,
           "bilinear(): input2 size does not match weight size: got " << x2.size(-1) << " but expected " << w.size(2));
  if (b.defined()) {
    PT_CHECK(b.dim() == 1 && b.size(0) == w.size(0), RuntimeError,
             "bilinear(): bias size does not match weight size: got " << b.size(-1) << " but expected " << w.size(0));
  }
  Shape out(x1.sizes().begin(), x1.sizes().end() - 1);
  out.push_back(w.size(0));
  return {{out, x1.dtype()}};
}

// y[n, o] = x1[n] . W[o] . x2[n] + b[o], as linear over the per-sample outer products x1[n] x2[n]^T.
Stack bilinear_forward(const Stack& s) {
  const Shape out_shape = bilinear_shape(s)[0].sizes;
  const Tensor &x1 = s[0].to_tensor(), &x2 = s[1].to_tensor(), &w = s[2].to_tensor();
  const Tensor b = s.size() > 3 ? s[3].to_optional_tensor() : Tensor();
  const std::int64_t i = w.size(1), j = w.size(2);
  const Tensor pairs = mul(reshape(x1, {-1, i, 1}), reshape(x2, {-1, 1, j}));
  const Tensor y = linear(reshape(pairs, {-1, i * j}), reshape(w, {w.size(0), i * j}), b);
  return {reshape(y, out_shape)};
}

}  // namespace

// ---- public API -------------------------------------------------------------------

Tensor mm(const Tensor& self, const Tensor& mat2) { return call_op1(OpKind::mm, {self, mat2}); }
Tensor bmm(const Tensor& self, const Tensor& mat2) { return call_op1(OpKind::bmm, {self, mat2}); }
Tensor mv(const Tensor& self, const Tensor& vec) { return call_op1(OpKind::mv, {self, vec}); }
Tensor dot(const Tensor& self, const Tensor& other) { return call_op1(OpKind::dot, {self, other}); }
Tensor outer(const Tensor& self, const Tensor& vec2) { return call_op1(OpKind::outer, {self, vec2}); }
Tensor matmul(const Tensor& self, const Tensor& other) { return call_op1(OpKind::matmul, {self, other}); }
Tensor linear(const Tensor& input, const Tensor& weight, const Tensor& bias) {
  return call_op1(OpKind::linear, {input, weight, bias});
}
Tensor bilinear(const Tensor& input1, const Tensor& input2, const Tensor& weight, const Tensor& bias) {
  return call_op1(OpKind::bilinear, {input1, input2, weight, bias});
}

namespace defs {

void define_matmul_ops(OpTable& t) {
  t.def({.kind = OpKind::mm,
         .schema = "aten::mm(Tensor self, Tensor mat2) -> Tensor",
         .forward = mm_forward,
         .backward = mm_backward,
         .shape = mm_shape});
  t.def({.kind = OpKind::bmm,
         .schema = "aten::bmm(Tensor self, Tensor mat2) -> Tensor",
         .forward = bmm_forward,
         .backward = bmm_backward,
         .shape = bmm_shape});
  t.def({.kind = OpKind::mv,
         .schema = "aten::mv(Tensor self, Tensor vec) -> Tensor",
         .forward = mv_forward,
         .backward = mv_backward,
         .shape = mv_shape});
  t.def({.kind = OpKind::dot,
         .schema = "aten::dot(Tensor self, Tensor tensor) -> Tensor",
         .forward = dot_forward,
         .backward = dot_backward,
         .shape = dot_shape});
  t.def({.kind = OpKind::outer,
         .schema = "aten::outer(Tensor self, Tensor vec2) -> Tensor",
         .forward = outer_forward,
         .shape = outer_shape,
         .flags = kComposite});
  t.def({.kind = OpKind::matmul,
         .schema = "aten::matmul(Tensor self, Tensor other) -> Tensor",
         .forward = [](const Stack& s) -> Stack { return {matmul_impl(s[0].to_tensor(), s[1].to_tensor())}; },
         .shape = matmul_shape,
         .flags = kComposite});
  t.def({.kind = OpKind::linear,
         .schema = "aten::linear(Tensor input, Tensor weight, Tensor? bias=None) -> Tensor",
         .forward = linear_forward,
         .backward = linear_backward,
         .shape = linear_shape});
  t.def({.kind = OpKind::bilinear,
         .schema = "aten::bilinear(Tensor input1, Tensor input2, Tensor weight, Tensor? bias=None) -> Tensor",
         .forward = bilinear_forward,
         .shape = bilinear_shape,
         .flags = kComposite});
}

}  // namespace defs
}  // namespace paratrace
