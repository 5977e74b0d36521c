// Every op against PyTorch: the cases in tests/fixtures/ops/*.safetensors
// (written by tests/fixtures/generate_op_fixtures.py with torch 1.13) hold the
// inputs, PyTorch's outputs, a cotangent per differentiable output and the
// resulting input gradients. One data row per case, named "<group>/<case>".
// The case metadata is parsed with nlohmann_json rather than QJsonDocument
// because Scalar arguments must keep the int/float distinction (2 vs 2.0
// changes dtype promotion), which QJsonValue loses.
#include <QDir>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>

#include "paratrace/autograd/engine.h"
#include "paratrace/io/safetensors.h"
#include "test_util.h"

using namespace paratrace;
using json = nlohmann::json;

namespace {

// ---- argument helpers (defaults are the C++ API's defaults) -----------------
std::int64_t int_arg(const json& a, const char* key, std::int64_t def) {
  return a.contains(key) ? a.at(key).get<std::int64_t>() : def;
}
double float_arg(const json& a, const char* key, double def) { return a.contains(key) ? a.at(key).get<double>() : def; }
bool bool_arg(const json& a, const char* key, bool def) { return a.contains(key) ? a.at(key).get<bool>() : def; }
std::string str_arg(const json& a, const char* key, const std::string& def) {
  return a.contains(key) ? a.at(key).get<std::string>() : def;
}
IntList ints_arg(const json& a, const char* key, const IntList& def) {
  return a.contains(key) ? a.at(key).get<IntList>() : def;
}
Scalar scalar_of(const json& v) {
  if (v.is_boolean()) return Scalar(v.get<bool>());
  if (v.is_number_integer()) return Scalar(v.get<std::int64_t>());
  return Scalar(v.get<double>());
}
Scalar scalar_arg(const json& a, const char* key, const Scalar& def) {
  return a.contains(key) ? scalar_of(a.at(key)) : def;
}
std::optional<Scalar> opt_scalar_arg(const json& a, const char* key) {
  if (!a.contains(key) || a.at(key).is_null()) return std::nullopt;
  return scalar_of(a.at(key));
}
std::optional<ScalarType> dtype_arg(const json& a, const char* key) {
  if (!a.contains(key)) return std::nullopt;
  ScalarType t{};
  if (!parse_dtype_name(a.at(key).get<std::string>(), t)) throw std::invalid_argument("bad dtype in fixture");
  return t;
}
Tensor opt_input(const TensorList& in, std::size_t i) { return i < in.size() ? in[i] : Tensor(); }
// "indices": one entry per indexed dim, null or the number of the input holding the index tensor.
std::vector<std::optional<Tensor>> indices_arg(const TensorList& in, const json& a) {
  std::vector<std::optional<Tensor>> out;
  for (const auto& v : a.at("indices")) {
    if (v.is_null()) {
      out.emplace_back(std::nullopt);
    } else {
      out.emplace_back(in.at(v.get<std::size_t>()));
    }
  }
  return out;
}
Tensor maybe_transposed(const Tensor& x, const json& a) {
  return bool_arg(a, "transpose_first", false) ? x.transpose(0, 1) : x;
}
template <typename... T>
TensorList list_of(const std::tuple<T...>& t) {
  return std::apply([](const auto&... x) { return TensorList{x...}; }, t);
}
Tensor bool_tensor(bool b) { return scalar_tensor(Scalar(b), ScalarType::Bool); }

using RunFn = std::function<TensorList(const TensorList&, const json&)>;
struct Runner {
  RunFn run;
  double tolerance_scale = 1.0;  // multiplies the dtype's base tolerance (see tolerance())
};

// Scalar-or-tensor overloads: a case passes the other operand as an input
// tensor, or as the named JSON argument.
#define PT_TENSOR_OR_SCALAR(name)                                                                  \
  {                                                                                          \
#name, {                                                                                 \
      [](const TensorList& in, const json& a) -> TensorList {                                \
        return {in.size() > 1 ? name(in[0], in[1]) : name(in[0], scalar_of(a.at("other")))}; \
      }                                                                                      \
    }                                                                                        \
  }

#define PT_UNARY(name)                                                              \
  {                                                                                 \
#name, {                                                                        \
      [](const TensorList& in, const json&) -> TensorList { return {name(in[0])}; } \
    }                                                                               \
  }

const std::map<std::string, Runner>& runners() {
  static const std::map<std::string, Runner> table = {
      // pointwise
      {"add", {[](const TensorList& in, const json& a) -> TensorList {
         const Scalar alpha = scalar_arg(a, "alpha", 1);
         return {in.size() > 1 ? add(in[0], in[1], alpha) : add(in[0], scalar_of(a.at("other")), alpha)};
       }}},
      {"sub", {[](const TensorList& in, const json& a) -> TensorList {
         const Scalar alpha = scalar_arg(a, "alpha", 1);
         return {in.size() > 1 ? sub(in[0], in[1], alpha) : sub(in[0], scalar_of(a.at("other")), alpha)};
       }}},
      {"rsub", {[](const TensorList& in, const json& a) -> TensorList {
         return {rsub(in[0], scalar_of(a.at("other")), scalar_arg(a, "alpha", 1))};
       }}},
      PT_TENSOR_OR_SCALAR(mul),
      {"div", {[](const TensorList& in, const json& a) -> TensorList {
         std::optional<std::string> mode;
         if (a.contains("rounding_mode")) mode = a.at("rounding_mode").get<std::string>();
         return {in.size() > 1 ? div(in[0], in[1], mode) : div(in[0], scalar_of(a.at("other")), mode)};
       }}},
      PT_UNARY(neg),
      {"pow", {[](const TensorList& in, const json& a) -> TensorList {
         if (a.contains("self")) return {pow(scalar_of(a.at("self")), in[0])};
         if (a.contains("exponent")) return {pow(in[0], scalar_of(a.at("exponent")))};
         return {pow(in[0], in[1])};
       }}},
      PT_UNARY(sqrt),
      PT_UNARY(rsqrt),
      PT_UNARY(exp),
      PT_UNARY(log),
      PT_UNARY(abs),
      PT_UNARY(sign),
      PT_UNARY(sin),
      PT_UNARY(cos),
      PT_UNARY(reciprocal),
      PT_UNARY(relu),
      PT_UNARY(sigmoid),
      PT_UNARY(tanh),
      {"clamp", {[](const TensorList& in, const json& a) -> TensorList {
         return {clamp(in[0], opt_scalar_arg(a, "min"), opt_scalar_arg(a, "max"))};
       }}},
      {"clamp_min",
       {[](const TensorList& in, const json& a) -> TensorList { return {clamp_min(in[0], scalar_of(a.at("min")))}; }}},
      {"clamp_max",
       {[](const TensorList& in, const json& a) -> TensorList { return {clamp_max(in[0], scalar_of(a.at("max")))}; }}},
      {"leaky_relu", {[](const TensorList& in, const json& a) -> TensorList {
         return {leaky_relu(in[0], scalar_arg(a, "negative_slope", 0.01))};
       }}},
      {"gelu", {[](const TensorList& in, const json& a) -> TensorList {
         return {gelu(in[0], str_arg(a, "approximate", "none"))};
       }}},
      {"softmax", {[](const TensorList& in, const json& a) -> TensorList {
         return {softmax(in[0], int_arg(a, "dim", 0), dtype_arg(a, "dtype"))};
       }}},
      {"log_softmax", {[](const TensorList& in, const json& a) -> TensorList {
         return {log_softmax(in[0], int_arg(a, "dim", 0), dtype_arg(a, "dtype"))};
       }}},
      // comparison and selection
      PT_TENSOR_OR_SCALAR(eq),
      PT_TENSOR_OR_SCALAR(ne),
      PT_TENSOR_OR_SCALAR(lt),
      PT_TENSOR_OR_SCALAR(le),
      PT_TENSOR_OR_SCALAR(gt),
      PT_TENSOR_OR_SCALAR(ge),
      PT_UNARY(logical_not),
      {"logical_and", {[](const TensorList& in, const json&) -> TensorList { return {logical_and(in[0], in[1])}; }}},
      {"logical_or", {[](const TensorList& in, const json&) -> TensorList { return {logical_or(in[0], in[1])}; }}},
      {"where", {[](const TensorList& in, const json& a) -> TensorList {
         if (a.contains("self")) return {where(in[0], scalar_of(a.at("self")), in[1])};
         if (a.contains("other")) return {where(in[0], in[1], scalar_of(a.at("other")))};
         return {where(in[0], in[1], in[2])};
       }}},
      {"masked_fill", {[](const TensorList& in, const json& a) -> TensorList {
         return {a.contains("value") ? masked_fill(in[0], in[1], scalar_of(a.at("value")))
                                     : masked_fill(in[0], in[1], in[2])};
       }}},
      {"allclose", {[](const TensorList& in, const json& a) -> TensorList {
         return {bool_tensor(allclose(in[0], in[1], float_arg(a, "rtol", 1e-5), float_arg(a, "atol", 1e-8)))};
       }}},
      {"equal", {[](const TensorList& in, const json&) -> TensorList { return {bool_tensor(equal(in[0], in[1]))}; }}},
      // matrix products
      {"matmul", {[](const TensorList& in, const json&) -> TensorList { return {matmul(in[0], in[1])}; }}},
      {"mm", {[](const TensorList& in, const json&) -> TensorList { return {mm(in[0], in[1])}; }}},
      {"bmm", {[](const TensorList& in, const json&) -> TensorList { return {bmm(in[0], in[1])}; }}},
      {"mv", {[](const TensorList& in, const json&) -> TensorList { return {mv(in[0], in[1])}; }}},
      {"dot", {[](const TensorList& in, const json&) -> TensorList { return {dot(in[0], in[1])}; }}},
      {"outer", {[](const TensorList& in, const json&) -> TensorList { return {outer(in[0], in[1])}; }}},
      {"linear",
       {[](const TensorList& in, const json&) -> TensorList { return {linear(in[0], in[1], opt_input(in, 2))}; }}},
      {"bilinear", {[](const TensorList& in, const json&) -> TensorList {
         return {bilinear(in[0], in[1], in[2], opt_input(in, 3))};
       }}},
      // shape and views
      {"transpose", {[](const TensorList& in, const json& a) -> TensorList {
         return {transpose(in[0], int_arg(a, "dim0", 0), int_arg(a, "dim1", 1))};
       }}},
      PT_UNARY(t),
      PT_UNARY(numpy_T),
      PT_UNARY(mT),
      {"permute",
       {[](const TensorList& in, const json& a) -> TensorList { return {permute(in[0], ints_arg(a, "dims", {}))}; }}},
      {"reshape", {[](const TensorList& in, const json& a) -> TensorList {
         return {reshape(maybe_transposed(in[0], a), ints_arg(a, "shape", {}))};
       }}},
      {"view",
       {[](const TensorList& in, const json& a) -> TensorList { return {view(in[0], ints_arg(a, "shape", {}))}; }}},
      {"contiguous",
       {[](const TensorList& in, const json& a) -> TensorList { return {contiguous(maybe_transposed(in[0], a))}; }}},
      {"unsqueeze",
       {[](const TensorList& in, const json& a) -> TensorList { return {unsqueeze(in[0], int_arg(a, "dim", 0))}; }}},
      {"squeeze", {[](const TensorList& in, const json& a) -> TensorList {
         return {a.contains("dim") ? squeeze(in[0], int_arg(a, "dim", 0)) : squeeze(in[0])};
       }}},
      {"expand",
       {[](const TensorList& in, const json& a) -> TensorList { return {expand(in[0], ints_arg(a, "sizes", {}))}; }}},
      {"expand_as", {[](const TensorList& in, const json&) -> TensorList { return {expand_as(in[0], in[1])}; }}},
      {"flatten", {[](const TensorList& in, const json& a) -> TensorList {
         return {flatten(in[0], int_arg(a, "start_dim", 0), int_arg(a, "end_dim", -1))};
       }}},
      {"cat", {[](const TensorList& in, const json& a) -> TensorList { return {cat(in, int_arg(a, "dim", 0))}; }}},
      {"stack", {[](const TensorList& in, const json& a) -> TensorList { return {stack(in, int_arg(a, "dim", 0))}; }}},
      {"narrow", {[](const TensorList& in, const json& a) -> TensorList {
         return {narrow(in[0], int_arg(a, "dim", 0), int_arg(a, "start", 0), int_arg(a, "length", 0))};
       }}},
      {"slice", {[](const TensorList& in, const json& a) -> TensorList {
         std::optional<std::int64_t> start, end;
         if (a.contains("start")) start = a.at("start").get<std::int64_t>();
         if (a.contains("end")) end = a.at("end").get<std::int64_t>();
         return {slice(in[0], int_arg(a, "dim", 0), start, end, int_arg(a, "step", 1))};
       }}},
      {"select", {[](const TensorList& in, const json& a) -> TensorList {
         return {select(in[0], int_arg(a, "dim", 0), int_arg(a, "index", 0))};
       }}},
      {"triu",
       {[](const TensorList& in, const json& a) -> TensorList { return {triu(in[0], int_arg(a, "diagonal", 0))}; }}},
      {"tril",
       {[](const TensorList& in, const json& a) -> TensorList { return {tril(in[0], int_arg(a, "diagonal", 0))}; }}},
      {"diag",
       {[](const TensorList& in, const json& a) -> TensorList { return {diag(in[0], int_arg(a, "diagonal", 0))}; }}},
      {"diagonal", {[](const TensorList& in, const json& a) -> TensorList {
         return {diagonal(in[0], int_arg(a, "offset", 0), int_arg(a, "dim1", 0), int_arg(a, "dim2", 1))};
       }}},
      {"diag_embed", {[](const TensorList& in, const json& a) -> TensorList {
         return {diag_embed(in[0], int_arg(a, "offset", 0), int_arg(a, "dim1", -2), int_arg(a, "dim2", -1))};
       }}},
      {"chunk", {[](const TensorList& in, const json& a) -> TensorList {
         return chunk(in[0], int_arg(a, "chunks", 1), int_arg(a, "dim", 0));
       }}},
      {"split", {[](const TensorList& in, const json& a) -> TensorList {
         return split(in[0], int_arg(a, "split_size", 1), int_arg(a, "dim", 0));
       }}},
      {"unbind",
       {[](const TensorList& in, const json& a) -> TensorList { return unbind(in[0], int_arg(a, "dim", 0)); }}},
      {"repeat",
       {[](const TensorList& in, const json& a) -> TensorList { return {repeat(in[0], ints_arg(a, "repeats", {}))}; }}},
      {"flip",
       {[](const TensorList& in, const json& a) -> TensorList { return {flip(in[0], ints_arg(a, "dims", {}))}; }}},
      PT_UNARY(clone),
      PT_UNARY(detach),
      {"to", {[](const TensorList& in, const json& a) -> TensorList { return {to(in[0], *dtype_arg(a, "dtype"))}; }}},
      // indexing
      {"index", {[](const TensorList& in, const json& a) -> TensorList { return {index(in[0], indices_arg(in, a))}; }}},
      {"index_put", {[](const TensorList& in, const json& a) -> TensorList {
         return {index_put(in[0], indices_arg(in, a), in.back(), bool_arg(a, "accumulate", false))};
       }}},
      {"index_select", {[](const TensorList& in, const json& a) -> TensorList {
         return {index_select(in[0], int_arg(a, "dim", 0), in[1])};
       }}},
      {"gather", {[](const TensorList& in, const json& a) -> TensorList {
         return {gather(in[0], int_arg(a, "dim", 0), in[1])};
       }}},
      // reductions
      {"sum", {[](const TensorList& in, const json& a) -> TensorList {
         if (a.contains("dim"))
           return {sum(in[0], ints_arg(a, "dim", {}), bool_arg(a, "keepdim", false), dtype_arg(a, "dtype"))};
         return {sum(in[0], dtype_arg(a, "dtype"))};
       }}},
      {"mean", {[](const TensorList& in, const json& a) -> TensorList {
         if (a.contains("dim"))
           return {mean(in[0], ints_arg(a, "dim", {}), bool_arg(a, "keepdim", false), dtype_arg(a, "dtype"))};
         return {mean(in[0], dtype_arg(a, "dtype"))};
       }}},
      {"prod",
       {[](const TensorList& in, const json& a) -> TensorList { return {prod(in[0], dtype_arg(a, "dtype"))}; }}},
      {"max", {[](const TensorList& in, const json& a) -> TensorList {
         if (a.contains("dim")) return list_of(max(in[0], int_arg(a, "dim", 0), bool_arg(a, "keepdim", false)));
         return {max(in[0])};
       }}},
      {"min", {[](const TensorList& in, const json& a) -> TensorList {
         if (a.contains("dim")) return list_of(min(in[0], int_arg(a, "dim", 0), bool_arg(a, "keepdim", false)));
         return {min(in[0])};
       }}},
      {"maximum", {[](const TensorList& in, const json&) -> TensorList { return {maximum(in[0], in[1])}; }}},
      {"minimum", {[](const TensorList& in, const json&) -> TensorList { return {minimum(in[0], in[1])}; }}},
      {"amax", {[](const TensorList& in, const json& a) -> TensorList {
         return {amax(in[0], ints_arg(a, "dim", {}), bool_arg(a, "keepdim", false))};
       }}},
      {"amin", {[](const TensorList& in, const json& a) -> TensorList {
         return {amin(in[0], ints_arg(a, "dim", {}), bool_arg(a, "keepdim", false))};
       }}},
      {"argmax", {[](const TensorList& in, const json& a) -> TensorList {
         std::optional<std::int64_t> dim;
         if (a.contains("dim")) dim = a.at("dim").get<std::int64_t>();
         return {argmax(in[0], dim, bool_arg(a, "keepdim", false))};
       }}},
      {"argmin", {[](const TensorList& in, const json& a) -> TensorList {
         std::optional<std::int64_t> dim;
         if (a.contains("dim")) dim = a.at("dim").get<std::int64_t>();
         return {argmin(in[0], dim, bool_arg(a, "keepdim", false))};
       }}},
      {"norm",
       {[](const TensorList& in, const json& a) -> TensorList {
          const Scalar p = scalar_arg(a, "p", 2);
          if (a.contains("dim")) return {norm(in[0], p, ints_arg(a, "dim", {}), bool_arg(a, "keepdim", false))};
          return {norm(in[0], p)};
        },
        10}},
      {"linalg_vector_norm",
       {[](const TensorList& in, const json& a) -> TensorList {
          return {linalg_vector_norm(in[0], scalar_arg(a, "ord", 2), ints_arg(a, "dim", {}),
                                     bool_arg(a, "keepdim", false))};
        },
        10}},
      {"var",
       {[](const TensorList& in, const json& a) -> TensorList {
          return {var(in[0], ints_arg(a, "dim", {}), bool_arg(a, "unbiased", true), bool_arg(a, "keepdim", false))};
        },
        10}},
      {"std",
       {[](const TensorList& in, const json& a) -> TensorList {
          return {paratrace::std(in[0], ints_arg(a, "dim", {}), bool_arg(a, "unbiased", true),
                                 bool_arg(a, "keepdim", false))};
        },
        10}},
      {"logsumexp",
       {[](const TensorList& in, const json& a) -> TensorList {
          return {logsumexp(in[0], ints_arg(a, "dim", {}), bool_arg(a, "keepdim", false))};
        },
        10}},
      {"topk", {[](const TensorList& in, const json& a) -> TensorList {
         return list_of(topk(in[0], int_arg(a, "k", 1), int_arg(a, "dim", -1), bool_arg(a, "largest", true),
                             bool_arg(a, "sorted", true)));
       }}},
      {"sort", {[](const TensorList& in, const json& a) -> TensorList {
         return list_of(sort(in[0], int_arg(a, "dim", -1), bool_arg(a, "descending", false)));
       }}},
      // neural-network functions
      {"dropout", {[](const TensorList& in, const json& a) -> TensorList {
         return {dropout(in[0], float_arg(a, "p", 0.5), bool_arg(a, "train", true))};
       }}},
      {"conv2d",
       {[](const TensorList& in, const json& a) -> TensorList {
          return {conv2d(in[0], in[1], opt_input(in, 2), ints_arg(a, "stride", {1, 1}), ints_arg(a, "padding", {0, 0}),
                         ints_arg(a, "dilation", {1, 1}), int_arg(a, "groups", 1))};
        },
        10}},
      {"max_pool2d", {[](const TensorList& in, const json& a) -> TensorList {
         return {max_pool2d(in[0], ints_arg(a, "kernel_size", {}), ints_arg(a, "stride", {}),
                            ints_arg(a, "padding", {0, 0}), ints_arg(a, "dilation", {1, 1}),
                            bool_arg(a, "ceil_mode", false))};
       }}},
      {"avg_pool2d", {[](const TensorList& in, const json& a) -> TensorList {
         return {avg_pool2d(in[0], ints_arg(a, "kernel_size", {}), ints_arg(a, "stride", {}),
                            ints_arg(a, "padding", {0, 0}), bool_arg(a, "ceil_mode", false),
                            bool_arg(a, "count_include_pad", true))};
       }}},
      {"layer_norm",
       {[](const TensorList& in, const json& a) -> TensorList {
          return {layer_norm(in[0], ints_arg(a, "normalized_shape", {}), opt_input(in, 1), opt_input(in, 2),
                             float_arg(a, "eps", 1e-5))};
        },
        10}},
      {"group_norm",
       {[](const TensorList& in, const json& a) -> TensorList {
          return {group_norm(in[0], int_arg(a, "num_groups", 1), opt_input(in, 1), opt_input(in, 2),
                             float_arg(a, "eps", 1e-5))};
        },
        10}},
      {"batch_norm",
       {[](const TensorList& in, const json& a) -> TensorList {
          return {batch_norm(in[0], in[1], in[2], opt_input(in, 3), opt_input(in, 4), bool_arg(a, "training", false),
                             float_arg(a, "momentum", 0.1), float_arg(a, "eps", 1e-5))};
        },
        10}},
      {"embedding", {[](const TensorList& in, const json& a) -> TensorList {
         return {embedding(in[0], in[1], int_arg(a, "padding_idx", -1))};
       }}},
      {"mse_loss", {[](const TensorList& in, const json& a) -> TensorList {
         return {mse_loss(in[0], in[1], str_arg(a, "reduction", "mean"))};
       }}},
      {"cross_entropy",
       {[](const TensorList& in, const json& a) -> TensorList {
          return {cross_entropy(in[0], in[1], str_arg(a, "reduction", "mean"))};
        },
        10}},
      {"normalize",
       {[](const TensorList& in, const json& a) -> TensorList {
          return {normalize(in[0], float_arg(a, "p", 2.0), int_arg(a, "dim", 1), float_arg(a, "eps", 1e-12))};
        },
        10}},
      // linear algebra; svd/qr/eigh are checked through gauge-invariant functions ("post", see docs/fixture-format.md)
      {"linalg_solve",
       {[](const TensorList& in, const json&) -> TensorList { return {linalg_solve(in[0], in[1])}; }, 1000}},
      {"linalg_inv", {[](const TensorList& in, const json&) -> TensorList { return {linalg_inv(in[0])}; }, 1000}},
      {"linalg_svd",
       {[](const TensorList& in, const json& a) -> TensorList {
          const auto [u, s, vh] = linalg_svd(in[0], bool_arg(a, "full_matrices", true));
          return {matmul(matmul(u, diag_embed(s)), vh), s, abs(u)};
        },
        1000}},
      {"linalg_svdvals",
       {[](const TensorList& in, const json&) -> TensorList { return {linalg_svdvals(in[0])}; }, 1000}},
      {"linalg_qr",
       {[](const TensorList& in, const json& a) -> TensorList {
          const auto [q, r] = linalg_qr(in[0], str_arg(a, "mode", "reduced"));
          return {matmul(q, r), abs(q), abs(r)};
        },
        1000}},
      {"linalg_eigh",
       {[](const TensorList& in, const json& a) -> TensorList {
          const auto [l, v] = linalg_eigh(in[0], str_arg(a, "UPLO", "L"));
          return {l, matmul(matmul(v, diag_embed(l)), mT(v)), abs(v)};
        },
        1000}},
      {"matrix_exp", {[](const TensorList& in, const json&) -> TensorList { return {matrix_exp(in[0])}; }, 1000}},
      {"linalg_matrix_rank", {[](const TensorList& in, const json& a) -> TensorList {
         std::optional<double> tol;
         if (a.contains("tol")) tol = a.at("tol").get<double>();
         return {linalg_matrix_rank(in[0], tol, bool_arg(a, "hermitian", false))};
       }}},
      {"linalg_det", {[](const TensorList& in, const json&) -> TensorList { return {linalg_det(in[0])}; }, 1000}},
      {"linalg_matrix_norm",
       {[](const TensorList& in, const json& a) -> TensorList {
          return {linalg_matrix_norm(in[0], scalar_arg(a, "ord", 2))};
        },
        1000}},
      {"linalg_householder_product",
       {[](const TensorList& in, const json&) -> TensorList { return {linalg_householder_product(in[0], in[1])}; },
        1000}},
      {"geqrf",
       {[](const TensorList& in, const json&) -> TensorList {
          const auto [a, tau] = geqrf(in[0]);
          return {a, tau};
        },
        1000}},
  };
  return table;
}

// Base tolerances per dtype: float32 allows for a different summation order
// than PyTorch's kernels; integer and bool results must match exactly.
std::pair<double, double> tolerance(ScalarType t, double scale) {
  if (t == ScalarType::Float32) return {1e-4 * scale, 1e-5 * scale};
  if (t == ScalarType::Float64) return {1e-9 * scale, 1e-10 * scale};
  return {0.0, 0.0};
}

struct Fixture {
  std::map<std::string, Tensor> tensors;
  json cases;
};

QString fixture_dir() { return QStringLiteral(PARATRACE_TEST_DATA_DIR "/ops"); }

QStringList fixture_files() {
  return QDir(fixture_dir()).entryList({QStringLiteral("*.safetensors")}, QDir::Files, QDir::Name);
}

Fixture load_fixture(const QString& file) {
  auto contents = io::load_safetensors((fixture_dir() + "/" + file).toStdString());
  Fixture f;
  for (auto& [name, t] : contents.tensors) f.tensors.emplace(name, t);
  f.cases = json::parse(contents.metadata.at("cases"));
  return f;
}

}  // namespace

class TestConformanceOps : public QObject {
  Q_OBJECT
 private:
  std::map<QString, Fixture> fixtures_;

  const Tensor& fixture_tensor(const Fixture& f, const std::string& name) {
    const auto it = f.tensors.find(name);
    if (it == f.tensors.end()) throw std::out_of_range("fixture tensor missing: " + name);
    return it->second;
  }

 private slots:
  void initTestCase() {
    for (const auto& file : fixture_files()) {
      try {
        fixtures_.emplace(file, load_fixture(file));
      } catch (const std::exception& e) {
        qWarning("%s: %s", qPrintable(file), e.what());
      }
    }
  }

  void everyFixtureFileLoadsAndEveryOpHasARunner() {
    QVERIFY2(fixture_files().size() >= 8, "expected the 8 op group files in tests/fixtures/ops");
    for (const auto& file : fixture_files()) {
      QVERIFY2(fixtures_.count(file) == 1, qPrintable(file + " failed to load"));
      for (const auto& c : fixtures_.at(file).cases) {
        const auto op = c.at("op").get<std::string>();
        QVERIFY2(runners().count(op) == 1, qPrintable(QString::fromStdString("no runner for op " + op)));
      }
    }
  }

  void matchesPyTorch_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("caseIndex");
    for (const auto& [file, fixture] : fixtures_) {
      const QString group = QString(file).remove(QStringLiteral(".safetensors"));
      for (std::size_t i = 0; i < fixture.cases.size(); ++i) {
        const auto name = QString::fromStdString(fixture.cases[i].at("name").get<std::string>());
        QTest::addRow("%s/%s", qPrintable(group), qPrintable(name)) << file << static_cast<int>(i);
      }
    }
  }

  void matchesPyTorch() {
    QFETCH(QString, file);
    QFETCH(int, caseIndex);
    const Fixture& f = fixtures_.at(file);
    const json& c = f.cases.at(static_cast<std::size_t>(caseIndex));
    const std::string name = c.at("name").get<std::string>();
    const auto runner = runners().find(c.at("op").get<std::string>());
    QVERIFY2(runner != runners().end(), "no runner for this op");

    TensorList inputs;
    for (std::size_t i = 0; i < c.at("num_inputs").get<std::size_t>(); ++i) {
      Tensor x = fixture_tensor(f, name + "/in" + std::to_string(i)).clone();
      if (c.at("requires_grad").at(i).get<bool>()) x.requires_grad_();
      inputs.push_back(x);
    }

    TensorList outputs;
    try {
      outputs = runner->second.run(inputs, c.at("args"));
    } catch (const std::exception& e) {
      QFAIL(qPrintable(QStringLiteral("op threw: %1").arg(e.what())));
    }
    QCOMPARE(outputs.size(), c.at("num_outputs").get<std::size_t>());
    for (std::size_t i = 0; i < outputs.size(); ++i) {
      const Tensor& expected = fixture_tensor(f, name + "/out" + std::to_string(i));
      QCOMPARE(dtype_name(outputs[i].dtype()), dtype_name(expected.dtype()));
      const auto [rtol, atol] = tolerance(expected.dtype(), runner->second.tolerance_scale);
      PT_COMPARE_CLOSE(outputs[i], expected, rtol, atol);
    }

    const auto& grads = c.at("grads");
    if (grads.empty()) return;
    TensorList roots, cotangents;
    for (const auto& i : c.at("cotangents")) {
      const auto k = i.get<std::size_t>();
      QVERIFY2(outputs[k].requires_grad(), qPrintable(QStringLiteral("output %1 does not require grad").arg(k)));
      roots.push_back(outputs[k]);
      cotangents.push_back(fixture_tensor(f, name + "/cot" + std::to_string(k)));
    }
    try {
      autograd::backward(roots, cotangents);
    } catch (const std::exception& e) {
      QFAIL(qPrintable(QStringLiteral("backward threw: %1").arg(e.what())));
    }
    for (const auto& i : grads) {
      const auto k = i.get<std::size_t>();
      const Tensor& expected = fixture_tensor(f, name + "/grad" + std::to_string(k));
      const Tensor got = inputs[k].grad().defined() ? inputs[k].grad() : zeros_like(inputs[k]);
      QCOMPARE(dtype_name(got.dtype()), dtype_name(expected.dtype()));
      const auto [rtol, atol] = tolerance(expected.dtype(), runner->second.tolerance_scale);
      PT_COMPARE_CLOSE(got, expected, rtol, atol);
    }
  }
};

QTEST_GUILESS_MAIN(TestConformanceOps)
#include "tst_conformance_ops.moc"
