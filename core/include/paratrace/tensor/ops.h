#pragma once
// The functional op API (torch.* / torch.nn.functional.* / torch.linalg.*).
// Every function here builds an argument stack and calls the op registry
// (ops/registry.h), which owns the one definition of each op: its schema
// name, forward kernel, backward formula and shape rule. The comments give
// the aten schema each function records when traced.
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "paratrace/tensor/tensor.h"

namespace paratrace {

// ---- pointwise arithmetic (aten::add(self, other, alpha) etc.; a Scalar
//      operand is recorded as a 0-dim tensor constant, as PyTorch does) -----
Tensor add(const Tensor& self, const Tensor& other, const Scalar& alpha = 1);
Tensor add(const Tensor& self, const Scalar& other, const Scalar& alpha = 1);
Tensor sub(const Tensor& self, const Tensor& other, const Scalar& alpha = 1);
Tensor sub(const Tensor& self, const Scalar& other, const Scalar& alpha = 1);
Tensor rsub(const Tensor& self, const Scalar& other, const Scalar& alpha = 1);  // other - alpha*self
Tensor mul(const Tensor& self, const Tensor& other);
Tensor mul(const Tensor& self, const Scalar& other);
// rounding_mode: std::nullopt (true division), "trunc" or "floor".
Tensor div(const Tensor& self, const Tensor& other, std::optional<std::string> rounding_mode = std::nullopt);
Tensor div(const Tensor& self, const Scalar& other, std::optional<std::string> rounding_mode = std::nullopt);
// torch.floor_divide: rounds toward -inf; integer tensors stay integral.
Tensor floor_divide(const Tensor& self, const Tensor& other);
Tensor neg(const Tensor& self);
Tensor pow(const Tensor& self, const Tensor& exponent);
Tensor pow(const Tensor& self, const Scalar& exponent);
Tensor pow(const Scalar& self, const Tensor& exponent);
Tensor sqrt(const Tensor& self);
Tensor rsqrt(const Tensor& self);
Tensor exp(const Tensor& self);
Tensor log(const Tensor& self);
Tensor abs(const Tensor& self);
Tensor sign(const Tensor& self);
Tensor sin(const Tensor& self);
Tensor cos(const Tensor& self);
Tensor reciprocal(const Tensor& self);
Tensor clamp(const Tensor& self, std::optional<Scalar> min, std::optional<Scalar> max = std::nullopt);
Tensor clamp_min(const Tensor& self, const Scalar& min);
Tensor clamp_max(const Tensor& self, const Scalar& max);
Tensor relu(const Tensor& self);
// F.hardtanh; min_val > max_val gives max_val everywhere, as in PyTorch.
Tensor hardtanh(const Tensor& self, const Scalar& min_val = -1.0, const Scalar& max_val = 1.0);
Tensor& hardtanh_(Tensor& self, const Scalar& min_val = -1.0, const Scalar& max_val = 1.0);
Tensor leaky_relu(const Tensor& self, const Scalar& negative_slope = 0.01);
// approximate: "none" or "tanh".
Tensor gelu(const Tensor& self, const std::string& approximate = "none");
Tensor sigmoid(const Tensor& self);
Tensor tanh(const Tensor& self);
Tensor softmax(const Tensor& self, std::int64_t dim, std::optional<ScalarType> dtype = std::nullopt);
Tensor log_softmax(const Tensor& self, std::int64_t dim, std::optional<ScalarType> dtype = std::nullopt);

// ---- comparison and selection -------------------------------------------
Tensor eq(const Tensor& self, const Tensor& other);
Tensor eq(const Tensor& self, const Scalar& other);
Tensor ne(const Tensor& self, const Tensor& other);
Tensor ne(const Tensor& self, const Scalar& other);
Tensor lt(const Tensor& self, const Tensor& other);
Tensor lt(const Tensor& self, const Scalar& other);
Tensor le(const Tensor& self, const Tensor& other);
Tensor le(const Tensor& self, const Scalar& other);
Tensor gt(const Tensor& self, const Tensor& other);
Tensor gt(const Tensor& self, const Scalar& other);
Tensor ge(const Tensor& self, const Tensor& other);
Tensor ge(const Tensor& self, const Scalar& other);
Tensor logical_not(const Tensor& self);
Tensor logical_and(const Tensor& self, const Tensor& other);
Tensor logical_or(const Tensor& self, const Tensor& other);
Tensor where(const Tensor& condition, const Tensor& self, const Tensor& other);
Tensor where(const Tensor& condition, const Scalar& self, const Tensor& other);
Tensor where(const Tensor& condition, const Tensor& self, const Scalar& other);
Tensor masked_fill(const Tensor& self, const Tensor& mask, const Scalar& value);
Tensor masked_fill(const Tensor& self, const Tensor& mask, const Tensor& value);
bool allclose(const Tensor& self, const Tensor& other, double rtol = 1e-05, double atol = 1e-08, bool equal_nan = false);
bool equal(const Tensor& self, const Tensor& other);

// ---- matrix products ------------------------------------------------------
Tensor matmul(const Tensor& self, const Tensor& other);
Tensor mm(const Tensor& self, const Tensor& mat2);
Tensor bmm(const Tensor& self, const Tensor& mat2);
Tensor mv(const Tensor& self, const Tensor& vec);
Tensor dot(const Tensor& self, const Tensor& other);
Tensor outer(const Tensor& self, const Tensor& vec2);
Tensor linear(const Tensor& input, const Tensor& weight, const Tensor& bias = Tensor());
Tensor bilinear(const Tensor& input1, const Tensor& input2, const Tensor& weight, const Tensor& bias = Tensor());

// ---- shape and views --------------------------------------------------------
Tensor transpose(const Tensor& self, std::int64_t dim0, std::int64_t dim1);
Tensor t(const Tensor& self);
Tensor numpy_T(const Tensor& self);
Tensor mT(const Tensor& self);
Tensor permute(const Tensor& self, const IntList& dims);
Tensor reshape(const Tensor& self, const IntList& shape);
Tensor view(const Tensor& self, const IntList& shape);
Tensor contiguous(const Tensor& self);
Tensor unsqueeze(const Tensor& self, std::int64_t dim);
Tensor squeeze(const Tensor& self);
Tensor squeeze(const Tensor& self, std::int64_t dim);
Tensor expand(const Tensor& self, const IntList& sizes);
Tensor expand_as(const Tensor& self, const Tensor& other);
Tensor flatten(const Tensor& self, std::int64_t start_dim = 0, std::int64_t end_dim = -1);
Tensor cat(const TensorList& tensors, std::int64_t dim = 0);
Tensor stack(const TensorList& tensors, std::int64_t dim = 0);
Tensor narrow(const Tensor& self, std::int64_t dim, std::int64_t start, std::int64_t length);
Tensor slice(const Tensor& self, std::int64_t dim = 0, std::optional<std::int64_t> start = std::nullopt,
             std::optional<std::int64_t> end = std::nullopt, std::int64_t step = 1);
Tensor select(const Tensor& self, std::int64_t dim, std::int64_t index);
// Advanced indexing (aten::index): one optional index tensor per leading dim;
// int64 tensors gather, bool tensors act as masks.
Tensor index(const Tensor& self, const std::vector<std::optional<Tensor>>& indices);
Tensor index_put(const Tensor& self, const std::vector<std::optional<Tensor>>& indices, const Tensor& values,
                 bool accumulate = false);
Tensor index_select(const Tensor& self, std::int64_t dim, const Tensor& index);
Tensor gather(const Tensor& self, std::int64_t dim, const Tensor& index);
Tensor triu(const Tensor& self, std::int64_t diagonal = 0);
Tensor tril(const Tensor& self, std::int64_t diagonal = 0);
Tensor diag(const Tensor& self, std::int64_t diagonal = 0);
Tensor diagonal(const Tensor& self, std::int64_t offset = 0, std::int64_t dim1 = 0, std::int64_t dim2 = 1);
Tensor diag_embed(const Tensor& self, std::int64_t offset = 0, std::int64_t dim1 = -2, std::int64_t dim2 = -1);
std::vector<Tensor> chunk(const Tensor& self, std::int64_t chunks, std::int64_t dim = 0);
std::vector<Tensor> split(const Tensor& self, std::int64_t split_size, std::int64_t dim = 0);
std::vector<Tensor> unbind(const Tensor& self, std::int64_t dim = 0);
Tensor repeat(const Tensor& self, const IntList& repeats);
Tensor flip(const Tensor& self, const IntList& dims);

// ---- reductions -------------------------------------------------------------
Tensor sum(const Tensor& self, std::optional<ScalarType> dtype = std::nullopt);
Tensor sum(const Tensor& self, const IntList& dim, bool keepdim = false, std::optional<ScalarType> dtype = std::nullopt);
Tensor mean(const Tensor& self, std::optional<ScalarType> dtype = std::nullopt);
Tensor mean(const Tensor& self, const IntList& dim, bool keepdim = false, std::optional<ScalarType> dtype = std::nullopt);
Tensor prod(const Tensor& self, std::optional<ScalarType> dtype = std::nullopt);
Tensor max(const Tensor& self);
std::tuple<Tensor, Tensor> max(const Tensor& self, std::int64_t dim, bool keepdim = false);
Tensor maximum(const Tensor& self, const Tensor& other);
Tensor min(const Tensor& self);
std::tuple<Tensor, Tensor> min(const Tensor& self, std::int64_t dim, bool keepdim = false);
Tensor minimum(const Tensor& self, const Tensor& other);
Tensor amax(const Tensor& self, const IntList& dim = {}, bool keepdim = false);
Tensor amin(const Tensor& self, const IntList& dim = {}, bool keepdim = false);
Tensor argmax(const Tensor& self, std::optional<std::int64_t> dim = std::nullopt, bool keepdim = false);
Tensor argmin(const Tensor& self, std::optional<std::int64_t> dim = std::nullopt, bool keepdim = false);
// torch.norm: aten::norm(self, p) / aten::norm(self, p, dim, keepdim).
Tensor norm(const Tensor& self, const Scalar& p = 2);
Tensor norm(const Tensor& self, const Scalar& p, const IntList& dim, bool keepdim = false);
Tensor linalg_vector_norm(const Tensor& self, const Scalar& ord = 2, const IntList& dim = {}, bool keepdim = false);
Tensor var(const Tensor& self, const IntList& dim, bool unbiased = true, bool keepdim = false);
Tensor std(const Tensor& self, const IntList& dim, bool unbiased = true, bool keepdim = false);
Tensor logsumexp(const Tensor& self, const IntList& dim, bool keepdim = false);
std::tuple<Tensor, Tensor> topk(const Tensor& self, std::int64_t k, std::int64_t dim = -1, bool largest = true,
                                bool sorted = true);
std::tuple<Tensor, Tensor> sort(const Tensor& self, std::int64_t dim = -1, bool descending = false);

// ---- conversion and copies ----------------------------------------------------
Tensor to(const Tensor& self, ScalarType dtype);
Tensor clone(const Tensor& self);
Tensor detach(const Tensor& self);

// ---- neural-network functions (torch.nn.functional) -------------------------
Tensor dropout(const Tensor& input, double p = 0.5, bool train = true);
Tensor conv2d(const Tensor& input, const Tensor& weight, const Tensor& bias = Tensor(), const IntList& stride = {1, 1},
              const IntList& padding = {0, 0}, const IntList& dilation = {1, 1}, std::int64_t groups = 1);
Tensor max_pool2d(const Tensor& input, const IntList& kernel_size, const IntList& stride = {},
                  const IntList& padding = {0, 0}, const IntList& dilation = {1, 1}, bool ceil_mode = false);
Tensor avg_pool2d(const Tensor& input, const IntList& kernel_size, const IntList& stride = {},
                  const IntList& padding = {0, 0}, bool ceil_mode = false, bool count_include_pad = true);
Tensor layer_norm(const Tensor& input, const IntList& normalized_shape, const Tensor& weight = Tensor(),
                  const Tensor& bias = Tensor(), double eps = 1e-05);
Tensor group_norm(const Tensor& input, std::int64_t num_groups, const Tensor& weight = Tensor(),
                  const Tensor& bias = Tensor(), double eps = 1e-05);
// Updates running_mean/running_var in place when training (momentum as PyTorch).
Tensor batch_norm(const Tensor& input, const Tensor& running_mean, const Tensor& running_var,
                  const Tensor& weight = Tensor(), const Tensor& bias = Tensor(), bool training = false,
                  double momentum = 0.1, double eps = 1e-05);
Tensor embedding(const Tensor& weight, const Tensor& indices, std::int64_t padding_idx = -1);
// reduction: "mean", "sum" or "none".
Tensor mse_loss(const Tensor& input, const Tensor& target, const std::string& reduction = "mean");
Tensor cross_entropy(const Tensor& input, const Tensor& target, const std::string& reduction = "mean");
// F.normalize: x / max(‖x‖_p over dim, eps).
Tensor normalize(const Tensor& input, double p = 2.0, std::int64_t dim = 1, double eps = 1e-12);

// ---- linear algebra (torch.linalg), through Eigen ------------------------------
Tensor linalg_solve(const Tensor& A, const Tensor& B);
Tensor linalg_inv(const Tensor& A);
// Returns (U, S, Vh).
std::tuple<Tensor, Tensor, Tensor> linalg_svd(const Tensor& A, bool full_matrices = true);
Tensor linalg_svdvals(const Tensor& A);
// mode: "reduced", "complete" or "r". Returns (Q, R).
std::tuple<Tensor, Tensor> linalg_qr(const Tensor& A, const std::string& mode = "reduced");
// Returns (eigenvalues ascending, eigenvectors). UPLO: "L" or "U".
std::tuple<Tensor, Tensor> linalg_eigh(const Tensor& A, const std::string& UPLO = "L");
Tensor matrix_exp(const Tensor& A);
Tensor linalg_matrix_rank(const Tensor& A, std::optional<double> tol = std::nullopt, bool hermitian = false);
Tensor linalg_det(const Tensor& A);
Tensor linalg_matrix_norm(const Tensor& A, const Scalar& ord = 2);
Tensor linalg_householder_product(const Tensor& A, const Tensor& tau);
// torch.geqrf: LAPACK's packed QR, returns (a, tau): R on and above the
// diagonal of `a`, the Householder vectors below it. Not differentiable.
std::tuple<Tensor, Tensor> geqrf(const Tensor& A);

}  // namespace paratrace
