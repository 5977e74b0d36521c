// Weak placeholders for API functions whose op definitions have not landed
// yet: each throws NotImplementedError naming the function. A real
// definition in ops/defs/ overrides its placeholder at link time; this file
// is deleted once every op is defined (tst_op_registry lists what is left).
#include "paratrace/errors.h"
#include "paratrace/tensor/factories.h"
#include "paratrace/tensor/indexing.h"
#include "paratrace/tensor/ops.h"

namespace paratrace {
namespace {
[[noreturn]] void pending(const char* name) { throw NotImplementedError(std::string(name) + " is not implemented yet"); }
}  // namespace

__attribute__((weak)) Tensor add(const Tensor& self, const Tensor& other, const Scalar& alpha) { pending("add"); }
__attribute__((weak)) Tensor add(const Tensor& self, const Scalar& other, const Scalar& alpha) { pending("add"); }
__attribute__((weak)) Tensor sub(const Tensor& self, const Tensor& other, const Scalar& alpha) { pending("sub"); }
__attribute__((weak)) Tensor sub(const Tensor& self, const Scalar& other, const Scalar& alpha) { pending("sub"); }
__attribute__((weak)) Tensor rsub(const Tensor& self, const Scalar& other, const Scalar& alpha) { pending("rsub"); }
__attribute__((weak)) Tensor mul(const Tensor& self, const Tensor& other) { pending("mul"); }
__attribute__((weak)) Tensor mul(const Tensor& self, const Scalar& other) { pending("mul"); }
__attribute__((weak)) Tensor div(const Tensor& self, const Tensor& other, std::optional<std::string> rounding_mode) { pending("div"); }
__attribute__((weak)) Tensor div(const Tensor& self, const Scalar& other, std::optional<std::string> rounding_mode) { pending("div"); }
__attribute__((weak)) Tensor neg(const Tensor& self) { pending("neg"); }
__attribute__((weak)) Tensor pow(const Tensor& self, const Tensor& exponent) { pending("pow"); }
__attribute__((weak)) Tensor pow(const Tensor& self, const Scalar& exponent) { pending("pow"); }
__attribute__((weak)) Tensor pow(const Scalar& self, const Tensor& exponent) { pending("pow"); }
__attribute__((weak)) Tensor sqrt(const Tensor& self) { pending("sqrt"); }
__attribute__((weak)) Tensor rsqrt(const Tensor& self) { pending("rsqrt"); }
__attribute__((weak)) Tensor exp(const Tensor& self) { pending("exp"); }
__attribute__((weak)) Tensor log(const Tensor& self) { pending("log"); }
__attribute__((weak)) Tensor abs(const Tensor& self) { pending("abs"); }
__attribute__((weak)) Tensor sign(const Tensor& self) { pending("sign"); }
__attribute__((weak)) Tensor sin(const Tensor& self) { pending("sin"); }
__attribute__((weak)) Tensor cos(const Tensor& self) { pending("cos"); }
__attribute__((weak)) Tensor reciprocal(const Tensor& self) { pending("reciprocal"); }
__attribute__((weak)) Tensor clamp(const Tensor& self, std::optional<Scalar> min, std::optional<Scalar> max) { pending("clamp"); }
__attribute__((weak)) Tensor clamp_min(const Tensor& self, const Scalar& min) { pending("clamp_min"); }
__attribute__((weak)) Tensor clamp_max(const Tensor& self, const Scalar& max) { pending("clamp_max"); }
__attribute__((weak)) Tensor relu(const Tensor& self) { pending("relu"); }
__attribute__((weak)) Tensor leaky_relu(const Tensor& self, const Scalar& negative_slope) { pending("leaky_relu"); }
__attribute__((weak)) Tensor gelu(const Tensor& self, const std::string& approximate) { pending("gelu"); }
__attribute__((weak)) Tensor sigmoid(const Tensor& self) { pending("sigmoid"); }
__attribute__((weak)) Tensor tanh(const Tensor& self) { pending("tanh"); }
__attribute__((weak)) Tensor softmax(const Tensor& self, std::int64_t dim, std::optional<ScalarType> dtype) { pending("softmax"); }
__attribute__((weak)) Tensor log_softmax(const Tensor& self, std::int64_t dim, std::optional<ScalarType> dtype) { pending("log_softmax"); }
__attribute__((weak)) Tensor eq(const Tensor& self, const Tensor& other) { pending("eq"); }
__attribute__((weak)) Tensor eq(const Tensor& self, const Scalar& other) { pending("eq"); }
__attribute__((weak)) Tensor ne(const Tensor& self, const Tensor& other) { pending("ne"); }
__attribute__((weak)) Tensor ne(const Tensor& self, const Scalar& other) { pending("ne"); }
__attribute__((weak)) Tensor lt(const Tensor& self, const Tensor& other) { pending("lt"); }
__attribute__((weak)) Tensor lt(const Tensor& self, const Scalar& other) { pending("lt"); }
__attribute__((weak)) Tensor le(const Tensor& self, const Tensor& other) { pending("le"); }
__attribute__((weak)) Tensor le(const Tensor& self, const Scalar& other) { pending("le"); }
__attribute__((weak)) Tensor gt(const Tensor& self, const Tensor& other) { pending("gt"); }
__attribute__((weak)) Tensor gt(const Tensor& self, const Scalar& other) { pending("gt"); }
__attribute__((weak)) Tensor ge(const Tensor& self, const Tensor& other) { pending("ge"); }
__attribute__((weak)) Tensor ge(const Tensor& self, const Scalar& other) { pending("ge"); }
__attribute__((weak)) Tensor logical_not(const Tensor& self) { pending("logical_not"); }
__attribute__((weak)) Tensor logical_and(const Tensor& self, const Tensor& other) { pending("logical_and"); }
__attribute__((weak)) Tensor logical_or(const Tensor& self, const Tensor& other) { pending("logical_or"); }
__attribute__((weak)) Tensor where(const Tensor& condition, const Tensor& self, const Tensor& other) { pending("where"); }
__attribute__((weak)) Tensor where(const Tensor& condition, const Scalar& self, const Tensor& other) { pending("where"); }
__attribute__((weak)) Tensor where(const Tensor& condition, const Tensor& self, const Scalar& other) { pending("where"); }
__attribute__((weak)) Tensor masked_fill(const Tensor& self, const Tensor& mask, const Scalar& value) { pending("masked_fill"); }
__attribute__((weak)) Tensor masked_fill(const Tensor& self, const Tensor& mask, const Tensor& value) { pending("masked_fill"); }
__attribute__((weak)) bool allclose(const Tensor& self, const Tensor& other, double rtol , double atol , bool equal_nan) { pending("allclose"); }
__attribute__((weak)) bool equal(const Tensor& self, const Tensor& other) { pending("equal"); }
__attribute__((weak)) Tensor matmul(const Tensor& self, const Tensor& other) { pending("matmul"); }
__attribute__((weak)) Tensor mm(const Tensor& self, const Tensor& mat2) { pending("mm"); }
__attribute__((weak)) Tensor bmm(const Tensor& self, const Tensor& mat2) { pending("bmm"); }
__attribute__((weak)) Tensor mv(const Tensor& self, const Tensor& vec) { pending("mv"); }
__attribute__((weak)) Tensor dot(const Tensor& self, const Tensor& other) { pending("dot"); }
__attribute__((weak)) Tensor outer(const Tensor& self, const Tensor& vec2) { pending("outer"); }
__attribute__((weak)) Tensor linear(const Tensor& input, const Tensor& weight, const Tensor& bias) { pending("linear"); }
__attribute__((weak)) Tensor bilinear(const Tensor& input1, const Tensor& input2, const Tensor& weight, const Tensor& bias) { pending("bilinear"); }
__attribute__((weak)) Tensor transpose(const Tensor& self, std::int64_t dim0, std::int64_t dim1) { pending("transpose"); }
__attribute__((weak)) Tensor t(const Tensor& self) { pending("t"); }
__attribute__((weak)) Tensor numpy_T(const Tensor& self) { pending("numpy_T"); }
__attribute__((weak)) Tensor mT(const Tensor& self) { pending("mT"); }
__attribute__((weak)) Tensor permute(const Tensor& self, const IntList& dims) { pending("permute"); }
__attribute__((weak)) Tensor reshape(const Tensor& self, const IntList& shape) { pending("reshape"); }
__attribute__((weak)) Tensor view(const Tensor& self, const IntList& shape) { pending("view"); }
__attribute__((weak)) Tensor contiguous(const Tensor& self) { pending("contiguous"); }
__attribute__((weak)) Tensor unsqueeze(const Tensor& self, std::int64_t dim) { pending("unsqueeze"); }
__attribute__((weak)) Tensor squeeze(const Tensor& self) { pending("squeeze"); }
__attribute__((weak)) Tensor squeeze(const Tensor& self, std::int64_t dim) { pending("squeeze"); }
__attribute__((weak)) Tensor expand(const Tensor& self, const IntList& sizes) { pending("expand"); }
__attribute__((weak)) Tensor expand_as(const Tensor& self, const Tensor& other) { pending("expand_as"); }
__attribute__((weak)) Tensor flatten(const Tensor& self, std::int64_t start_dim , std::int64_t end_dim) { pending("flatten"); }
__attribute__((weak)) Tensor cat(const TensorList& tensors, std::int64_t dim) { pending("cat"); }
__attribute__((weak)) Tensor stack(const TensorList& tensors, std::int64_t dim) { pending("stack"); }
__attribute__((weak)) Tensor narrow(const Tensor& self, std::int64_t dim, std::int64_t start, std::int64_t length) { pending("narrow"); }
__attribute__((weak)) Tensor slice(const Tensor& self, std::int64_t dim , std::optional<std::int64_t> start , std::optional<std::int64_t> end , std::int64_t step) { pending("slice"); }
__attribute__((weak)) Tensor select(const Tensor& self, std::int64_t dim, std::int64_t index) { pending("select"); }
__attribute__((weak)) Tensor index(const Tensor& self, const std::vector<std::optional<Tensor>>& indices) { pending("index"); }
__attribute__((weak)) Tensor index_put(const Tensor& self, const std::vector<std::optional<Tensor>>& indices, const Tensor& values, bool accumulate) { pending("index_put"); }
__attribute__((weak)) Tensor index_select(const Tensor& self, std::int64_t dim, const Tensor& index) { pending("index_select"); }
__attribute__((weak)) Tensor gather(const Tensor& self, std::int64_t dim, const Tensor& index) { pending("gather"); }
__attribute__((weak)) Tensor triu(const Tensor& self, std::int64_t diagonal) { pending("triu"); }
__attribute__((weak)) Tensor tril(const Tensor& self, std::int64_t diagonal) { pending("tril"); }
__attribute__((weak)) Tensor diag(const Tensor& self, std::int64_t diagonal) { pending("diag"); }
__attribute__((weak)) Tensor diagonal(const Tensor& self, std::int64_t offset , std::int64_t dim1 , std::int64_t dim2) { pending("diagonal"); }
__attribute__((weak)) Tensor diag_embed(const Tensor& self, std::int64_t offset , std::int64_t dim1 , std::int64_t dim2) { pending("diag_embed"); }
__attribute__((weak)) std::vector<Tensor> chunk(const Tensor& self, std::int64_t chunks, std::int64_t dim) { pending("chunk"); }
__attribute__((weak)) std::vector<Tensor> split(const Tensor& self, std::int64_t split_size, std::int64_t dim) { pending("split"); }
__attribute__((weak)) std::vector<Tensor> unbind(const Tensor& self, std::int64_t dim) { pending("unbind"); }
__attribute__((weak)) Tensor repeat(const Tensor& self, const IntList& repeats) { pending("repeat"); }
__attribute__((weak)) Tensor flip(const Tensor& self, const IntList& dims) { pending("flip"); }
__attribute__((weak)) Tensor sum(const Tensor& self, std::optional<ScalarType> dtype) { pending("sum"); }
__attribute__((weak)) Tensor sum(const Tensor& self, const IntList& dim, bool keepdim , std::optional<ScalarType> dtype) { pending("sum"); }
__attribute__((weak)) Tensor mean(const Tensor& self, std::optional<ScalarType> dtype) { pending("mean"); }
__attribute__((weak)) Tensor mean(const Tensor& self, const IntList& dim, bool keepdim , std::optional<ScalarType> dtype) { pending("mean"); }
__attribute__((weak)) Tensor prod(const Tensor& self, std::optional<ScalarType> dtype) { pending("prod"); }
__attribute__((weak)) Tensor max(const Tensor& self) { pending("max"); }
__attribute__((weak)) std::tuple<Tensor, Tensor> max(const Tensor& self, std::int64_t dim, bool keepdim) { pending("max"); }
__attribute__((weak)) Tensor maximum(const Tensor& self, const Tensor& other) { pending("maximum"); }
__attribute__((weak)) Tensor min(const Tensor& self) { pending("min"); }
__attribute__((weak)) std::tuple<Tensor, Tensor> min(const Tensor& self, std::int64_t dim, bool keepdim) { pending("min"); }
__attribute__((weak)) Tensor minimum(const Tensor& self, const Tensor& other) { pending("minimum"); }
__attribute__((weak)) Tensor amax(const Tensor& self, const IntList& dim , bool keepdim) { pending("amax"); }
__attribute__((weak)) Tensor amin(const Tensor& self, const IntList& dim , bool keepdim) { pending("amin"); }
__attribute__((weak)) Tensor argmax(const Tensor& self, std::optional<std::int64_t> dim , bool keepdim) { pending("argmax"); }
__attribute__((weak)) Tensor argmin(const Tensor& self, std::optional<std::int64_t> dim , bool keepdim) { pending("argmin"); }
__attribute__((weak)) Tensor norm(const Tensor& self, const Scalar& p) { pending("norm"); }
__attribute__((weak)) Tensor norm(const Tensor& self, const Scalar& p, const IntList& dim, bool keepdim) { pending("norm"); }
__attribute__((weak)) Tensor linalg_vector_norm(const Tensor& self, const Scalar& ord , const IntList& dim , bool keepdim) { pending("linalg_vector_norm"); }
__attribute__((weak)) Tensor var(const Tensor& self, const IntList& dim, bool unbiased , bool keepdim) { pending("var"); }
__attribute__((weak)) Tensor std(const Tensor& self, const IntList& dim, bool unbiased , bool keepdim) { pending("std"); }
__attribute__((weak)) Tensor logsumexp(const Tensor& self, const IntList& dim, bool keepdim) { pending("logsumexp"); }
__attribute__((weak)) std::tuple<Tensor, Tensor> topk(const Tensor& self, std::int64_t k, std::int64_t dim , bool largest , bool sorted) { pending("topk"); }
__attribute__((weak)) std::tuple<Tensor, Tensor> sort(const Tensor& self, std::int64_t dim , bool descending) { pending("sort"); }
__attribute__((weak)) Tensor to(const Tensor& self, ScalarType dtype) { pending("to"); }
__attribute__((weak)) Tensor clone(const Tensor& self) { pending("clone"); }
__attribute__((weak)) Tensor detach(const Tensor& self) { pending("detach"); }
__attribute__((weak)) Tensor dropout(const Tensor& input, double p , bool train) { pending("dropout"); }
__attribute__((weak)) Tensor conv2d(const Tensor& input, const Tensor& weight, const Tensor& bias , const IntList& stride , const IntList& padding , const IntList& dilation , std::int64_t groups) { pending("conv2d"); }
__attribute__((weak)) Tensor max_pool2d(const Tensor& input, const IntList& kernel_size, const IntList& stride , const IntList& padding , const IntList& dilation , bool ceil_mode) { pending("max_pool2d"); }
__attribute__((weak)) Tensor avg_pool2d(const Tensor& input, const IntList& kernel_size, const IntList& stride , const IntList& padding , bool ceil_mode , bool count_include_pad) { pending("avg_pool2d"); }
__attribute__((weak)) Tensor layer_norm(const Tensor& input, const IntList& normalized_shape, const Tensor& weight , const Tensor& bias , double eps) { pending("layer_norm"); }
__attribute__((weak)) Tensor group_norm(const Tensor& input, std::int64_t num_groups, const Tensor& weight , const Tensor& bias , double eps) { pending("group_norm"); }
__attribute__((weak)) Tensor batch_norm(const Tensor& input, const Tensor& running_mean, const Tensor& running_var, const Tensor& weight , const Tensor& bias , bool training , double momentum , double eps) { pending("batch_norm"); }
__attribute__((weak)) Tensor embedding(const Tensor& weight, const Tensor& indices, std::int64_t padding_idx) { pending("embedding"); }
__attribute__((weak)) Tensor mse_loss(const Tensor& input, const Tensor& target, const std::string& reduction) { pending("mse_loss"); }
__attribute__((weak)) Tensor cross_entropy(const Tensor& input, const Tensor& target, const std::string& reduction) { pending("cross_entropy"); }
__attribute__((weak)) Tensor normalize(const Tensor& input, double p , std::int64_t dim , double eps) { pending("normalize"); }
__attribute__((weak)) Tensor linalg_solve(const Tensor& A, const Tensor& B) { pending("linalg_solve"); }
__attribute__((weak)) Tensor linalg_inv(const Tensor& A) { pending("linalg_inv"); }
__attribute__((weak)) std::tuple<Tensor, Tensor, Tensor> linalg_svd(const Tensor& A, bool full_matrices) { pending("linalg_svd"); }
__attribute__((weak)) Tensor linalg_svdvals(const Tensor& A) { pending("linalg_svdvals"); }
__attribute__((weak)) std::tuple<Tensor, Tensor> linalg_qr(const Tensor& A, const std::string& mode) { pending("linalg_qr"); }
__attribute__((weak)) std::tuple<Tensor, Tensor> linalg_eigh(const Tensor& A, const std::string& UPLO) { pending("linalg_eigh"); }
__attribute__((weak)) Tensor matrix_exp(const Tensor& A) { pending("matrix_exp"); }
__attribute__((weak)) Tensor linalg_matrix_rank(const Tensor& A, std::optional<double> tol , bool hermitian) { pending("linalg_matrix_rank"); }
__attribute__((weak)) Tensor linalg_det(const Tensor& A) { pending("linalg_det"); }
__attribute__((weak)) Tensor linalg_matrix_norm(const Tensor& A, const Scalar& ord) { pending("linalg_matrix_norm"); }
__attribute__((weak)) Tensor linalg_householder_product(const Tensor& A, const Tensor& tau) { pending("linalg_householder_product"); }
__attribute__((weak)) Tensor empty(const IntList& size, TensorOptions options) { pending("empty"); }
__attribute__((weak)) Tensor zeros(const IntList& size, TensorOptions options) { pending("zeros"); }
__attribute__((weak)) Tensor ones(const IntList& size, TensorOptions options) { pending("ones"); }
__attribute__((weak)) Tensor full(const IntList& size, const Scalar& fill_value, std::optional<ScalarType> dtype) { pending("full"); }
__attribute__((weak)) Tensor eye(std::int64_t n, std::optional<std::int64_t> m , TensorOptions options) { pending("eye"); }
__attribute__((weak)) Tensor arange(const Scalar& end, std::optional<ScalarType> dtype) { pending("arange"); }
__attribute__((weak)) Tensor arange(const Scalar& start, const Scalar& end, const Scalar& step , std::optional<ScalarType> dtype) { pending("arange"); }
__attribute__((weak)) Tensor linspace(double start, double end, std::int64_t steps, TensorOptions options) { pending("linspace"); }
__attribute__((weak)) Tensor zeros_like(const Tensor& t, std::optional<ScalarType> dtype) { pending("zeros_like"); }
__attribute__((weak)) Tensor ones_like(const Tensor& t, std::optional<ScalarType> dtype) { pending("ones_like"); }
__attribute__((weak)) Tensor empty_like(const Tensor& t, std::optional<ScalarType> dtype) { pending("empty_like"); }
__attribute__((weak)) Tensor full_like(const Tensor& t, const Scalar& fill_value, std::optional<ScalarType> dtype) { pending("full_like"); }
__attribute__((weak)) Tensor rand(const IntList& size, TensorOptions options) { pending("rand"); }
__attribute__((weak)) Tensor randn(const IntList& size, TensorOptions options) { pending("randn"); }
__attribute__((weak)) Tensor rand_like(const Tensor& t) { pending("rand_like"); }
__attribute__((weak)) Tensor randn_like(const Tensor& t) { pending("randn_like"); }
__attribute__((weak)) Tensor randint(std::int64_t low, std::int64_t high, const IntList& size, TensorOptions options) { pending("randint"); }
__attribute__((weak)) Tensor randperm(std::int64_t n) { pending("randperm"); }
__attribute__((weak)) Tensor scalar_tensor(const Scalar& s, std::optional<ScalarType> dtype) { pending("scalar_tensor"); }
__attribute__((weak)) Tensor tensor(std::initializer_list<double> values, std::optional<ScalarType> dtype) { pending("tensor"); }
__attribute__((weak)) Tensor tensor(std::initializer_list<std::initializer_list<double>> values, std::optional<ScalarType> dtype) { pending("tensor"); }
__attribute__((weak)) Tensor tensor(std::initializer_list<std::initializer_list<std::initializer_list<double>>> values, std::optional<ScalarType> dtype) { pending("tensor"); }
__attribute__((weak)) Tensor tensor(std::initializer_list<std::int64_t> values, std::optional<ScalarType> dtype) { pending("tensor"); }
__attribute__((weak)) Tensor tensor(std::initializer_list<std::initializer_list<std::int64_t>> values, std::optional<ScalarType> dtype) { pending("tensor"); }
__attribute__((weak)) Tensor tensor(std::initializer_list<int> values, std::optional<ScalarType> dtype) { pending("tensor"); }
__attribute__((weak)) Tensor tensor(std::initializer_list<std::initializer_list<int>> values, std::optional<ScalarType> dtype) { pending("tensor"); }
__attribute__((weak)) Tensor tensor(std::initializer_list<bool> values) { pending("tensor"); }
__attribute__((weak)) Tensor from_blob_copy(const void* data, const IntList& shape, ScalarType dtype) { pending("from_blob_copy"); }
__attribute__((weak)) Tensor apply_indices(const Tensor& self, const std::vector<TensorIndex>& indices) { pending("apply_indices"); }
__attribute__((weak)) void assign_indices(const Tensor& self, const std::vector<TensorIndex>& indices, const Tensor& value) { pending("assign_indices"); }

}  // namespace paratrace
