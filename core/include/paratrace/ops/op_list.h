#pragma once
// The closed list of ops. Each entry: the C++ identifier and the schema name
// recorded in graphs. The OpKind enum and the name table are both generated
// from this one list, so an op cannot exist without a name. Each op's
// definition (forward, backward, shape rule) lives in exactly one file under
// core/src/ops/defs/, named in the comment of its group.

// clang-format off
#define PARATRACE_FORALL_OPS(_)                                                         \
  /* pointwise_binary.cpp */                                                            \
  _(add, "aten::add") _(add_, "aten::add_") _(sub, "aten::sub") _(sub_, "aten::sub_")   \
  _(rsub, "aten::rsub") _(mul, "aten::mul") _(mul_, "aten::mul_") _(div, "aten::div")   \
  _(div_, "aten::div_") _(floor_divide, "aten::floor_divide") _(pow, "aten::pow") _(maximum, "aten::maximum")                 \
  _(minimum, "aten::minimum") _(eq, "aten::eq") _(ne, "aten::ne") _(lt, "aten::lt")     \
  _(le, "aten::le") _(gt, "aten::gt") _(ge, "aten::ge") _(logical_and, "aten::logical_and") \
  _(logical_or, "aten::logical_or") _(where, "aten::where")                             \
  _(masked_fill, "aten::masked_fill") _(masked_fill_, "aten::masked_fill_")             \
  _(copy_, "aten::copy_")                                                               \
  /* pointwise_unary.cpp */                                                             \
  _(neg, "aten::neg") _(sqrt, "aten::sqrt") _(rsqrt, "aten::rsqrt") _(exp, "aten::exp") \
  _(log, "aten::log") _(abs, "aten::abs") _(sign, "aten::sign") _(sin, "aten::sin")     \
  _(cos, "aten::cos") _(reciprocal, "aten::reciprocal") _(clamp, "aten::clamp")         \
  _(clamp_, "aten::clamp_") _(clamp_min, "aten::clamp_min") _(clamp_max, "aten::clamp_max") \
  _(relu, "aten::relu") _(relu_, "aten::relu_") _(leaky_relu, "aten::leaky_relu")      \
  _(hardtanh, "aten::hardtanh") _(hardtanh_, "aten::hardtanh_")                         \
  _(gelu, "aten::gelu") _(sigmoid, "aten::sigmoid") _(tanh, "aten::tanh")               \
  _(logical_not, "aten::logical_not") _(to, "aten::to") _(clone, "aten::clone")         \
  _(detach, "aten::detach") _(zero_, "aten::zero_") _(fill_, "aten::fill_")             \
  /* reduction.cpp */                                                                   \
  _(sum, "aten::sum") _(mean, "aten::mean") _(prod, "aten::prod") _(max, "aten::max")   \
  _(min, "aten::min") _(amax, "aten::amax") _(amin, "aten::amin")                       \
  _(argmax, "aten::argmax") _(argmin, "aten::argmin") _(norm, "aten::norm")             \
  _(linalg_vector_norm, "aten::linalg_vector_norm") _(var, "aten::var") _(std, "aten::std") \
  _(logsumexp, "aten::logsumexp") _(topk, "aten::topk") _(sort, "aten::sort")           \
  _(softmax, "aten::softmax") _(log_softmax, "aten::log_softmax")                       \
  /* shape.cpp (views) */                                                               \
  _(transpose, "aten::transpose") _(t, "aten::t") _(numpy_T, "aten::numpy_T")           \
  _(mT, "aten::mT") _(permute, "aten::permute") _(reshape, "aten::reshape")             \
  _(view, "aten::view") _(contiguous, "aten::contiguous") _(unsqueeze, "aten::unsqueeze") \
  _(squeeze, "aten::squeeze") _(expand, "aten::expand") _(expand_as, "aten::expand_as") \
  _(flatten, "aten::flatten") _(narrow, "aten::narrow") _(slice, "aten::slice")         \
  _(select, "aten::select") _(diagonal, "aten::diagonal") _(chunk, "aten::chunk")       \
  _(split, "aten::split") _(unbind, "aten::unbind")                                     \
  /* indexing.cpp */                                                                    \
  _(cat, "aten::cat") _(stack, "aten::stack") _(index, "aten::index")                   \
  _(index_put, "aten::index_put") _(index_put_, "aten::index_put_")                     \
  _(index_select, "aten::index_select") _(gather, "aten::gather") _(triu, "aten::triu") \
  _(tril, "aten::tril") _(diag, "aten::diag") _(diag_embed, "aten::diag_embed")         \
  _(repeat, "aten::repeat") _(flip, "aten::flip")                                       \
  /* matmul.cpp */                                                                      \
  _(matmul, "aten::matmul") _(mm, "aten::mm") _(bmm, "aten::bmm") _(mv, "aten::mv")     \
  _(dot, "aten::dot") _(outer, "aten::outer") _(linear, "aten::linear")                 \
  _(bilinear, "aten::bilinear")                                                         \
  /* linalg.cpp; decompositions and matrix_exp in linalg_decompositions.cpp */                                                                      \
  _(linalg_solve, "aten::linalg_solve") _(linalg_inv, "aten::linalg_inv")               \
  _(linalg_svd, "aten::linalg_svd") _(linalg_svdvals, "aten::linalg_svdvals")           \
  _(linalg_qr, "aten::linalg_qr") _(linalg_eigh, "aten::linalg_eigh")                   \
  _(matrix_exp, "aten::matrix_exp") _(linalg_matrix_rank, "aten::linalg_matrix_rank")   \
  _(linalg_det, "aten::linalg_det") _(linalg_matrix_norm, "aten::linalg_matrix_norm")   \
  _(linalg_householder_product, "aten::linalg_householder_product")                     \
  _(geqrf, "aten::geqrf")                                                               \
  /* nn.cpp */                                                                          \
  _(dropout, "aten::dropout") _(conv2d, "aten::conv2d") _(max_pool2d, "aten::max_pool2d") \
  _(avg_pool2d, "aten::avg_pool2d") _(layer_norm, "aten::layer_norm")                   \
  _(group_norm, "aten::group_norm") _(batch_norm, "aten::batch_norm")                   \
  _(embedding, "aten::embedding") _(mse_loss, "aten::mse_loss")                         \
  _(cross_entropy_loss, "aten::cross_entropy_loss")                                     \
  /* factories.cpp; arange, linspace: range_factories.cpp; rand*, randint, randperm,  */ \
  /* uniform_, normal_: random_factories.cpp */                                         \
  _(zeros, "aten::zeros") _(ones, "aten::ones") _(full, "aten::full") _(empty, "aten::empty") \
  _(eye, "aten::eye") _(arange, "aten::arange") _(linspace, "aten::linspace")           \
  _(zeros_like, "aten::zeros_like") _(ones_like, "aten::ones_like")                     \
  _(empty_like, "aten::empty_like") _(full_like, "aten::full_like") _(rand, "aten::rand") \
  _(randn, "aten::randn") _(rand_like, "aten::rand_like") _(randn_like, "aten::randn_like") \
  _(randint, "aten::randint") _(randperm, "aten::randperm")                             \
  _(scalar_tensor, "aten::scalar_tensor") _(uniform_, "aten::uniform_")                 \
  _(normal_, "aten::normal_")
// clang-format on

#include <cstdint>
#include <string_view>

namespace paratrace {

enum class OpKind : std::uint16_t {
#define PT_OP_ENUM(id, name) id,
  PARATRACE_FORALL_OPS(PT_OP_ENUM)
#undef PT_OP_ENUM
};

#define PT_OP_COUNT(id, name) +1
inline constexpr int kOpCount = 0 PARATRACE_FORALL_OPS(PT_OP_COUNT);
#undef PT_OP_COUNT

inline constexpr std::string_view kOpNames[] = {
#define PT_OP_NAME(id, name) name,
    PARATRACE_FORALL_OPS(PT_OP_NAME)
#undef PT_OP_NAME
};
static_assert(sizeof(kOpNames) / sizeof(kOpNames[0]) == kOpCount, "every op needs exactly one schema name");

constexpr std::string_view op_name(OpKind k) { return kOpNames[static_cast<int>(k)]; }

}  // namespace paratrace
