// torch.nn.init, following torch/nn/init.py (1.13) step by step so that the
// distributions, the edge cases and the error texts are PyTorch's.
#include "paratrace/nn/init.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <limits>
#include <numbers>
#include <vector>

#include "paratrace/autograd/grad_mode.h"
#include "paratrace/tensor/factories.h"
#include "paratrace/tensor/ops.h"

namespace paratrace::nn::init {
namespace {

std::int64_t correct_fan(const Tensor& tensor, std::string mode) {
  std::transform(mode.begin(), mode.end(), mode.begin(), [](unsigned char c) { return std::tolower(c); });
  PT_CHECK(mode == "fan_in" || mode == "fan_out", ValueError,
           "Mode " << mode << " not supported, please use one of ['fan_in', 'fan_out']");
  const auto [fan_in, fan_out] = calculate_fan_in_and_fan_out(tensor);
  return mode == "fan_in" ? fan_in : fan_out;
}

bool has_zero_size(const Tensor& tensor) {
  const Shape& sizes = tensor.sizes();
  return std::find(sizes.begin(), sizes.end(), 0) != sizes.end();
}

// std has no inverse error function: Giles' single-precision approximation
// ("Approximating the erfinv function", 2010), refined to double precision by
// two Newton steps on std::erf.
double erfinv(double y) {
  if (y <= -1.0) return -std::numeric_limits<double>::infinity();
  if (y >= 1.0) return std::numeric_limits<double>::infinity();
  double w = -std::log((1.0 - y) * (1.0 + y));
  double p;
  if (w < 5.0) {
    w -= 2.5;
    p = 2.81022636e-08;
    for (double c : {3.43273939e-07, -3.5233877e-06, -4.39150654e-06, 0.00021858087, -0.00125372503,
                     -0.00417768164, 0.246640727, 1.50140941})
      p = c + p * w;
  } else {
    w = std::sqrt(w) - 3.0;
    p = -0.000200214257;
    for (double c : {0.000100950558, 0.00134934322, -0.00367342844, 0.00573950773, -0.0076224613, 0.00943887047,
                     1.00167406, 2.83297682})
      p = c + p * w;
  }
  double x = p * y;
  for (int i = 0; i < 2; ++i) x -= (std::erf(x) - y) / (2.0 / std::sqrt(std::numbers::pi) * std::exp(-x * x));
  return x;
}

}  // namespace

double calculate_gain(const std::string& nonlinearity, std::optional<double> param) {
  static const std::vector<std::string> linear_fns{"linear",           "conv1d",           "conv2d",
                                                   "conv3d",           "conv_transpose1d", "conv_transpose2d",
                                                   "conv_transpose3d", "sigmoid"};
  if (std::find(linear_fns.begin(), linear_fns.end(), nonlinearity) != linear_fns.end()) return 1.0;
  if (nonlinearity == "tanh") return 5.0 / 3;
  if (nonlinearity == "relu") return std::sqrt(2.0);
  if (nonlinearity == "leaky_relu") {
    const double slope = param.value_or(0.01);
    return std::sqrt(2.0 / (1 + slope * slope));
  }
  if (nonlinearity == "selu") return 3.0 / 4;
  PT_THROW(ValueError, "Unsupported nonlinearity " << nonlinearity);
}

std::pair<std::int64_t, std::int64_t> calculate_fan_in_and_fan_out(const Tensor& tensor) {
  PT_CHECK(tensor.dim() >= 2, ValueError,
           "Fan in and fan out can not be computed for tensor with fewer than 2 dimensions");
  std::int64_t receptive_field_size = 1;
  for (std::int64_t d = 2; d < tensor.dim(); ++d) receptive_field_size *= tensor.size(d);
  return {tensor.size(1) * receptive_field_size, tensor.size(0) * receptive_field_size};
}

Tensor uniform_(Tensor tensor, double a, double b) {
  NoGradGuard no_grad;
  return tensor.uniform_(a, b);
}

Tensor normal_(Tensor tensor, double mean, double std) {
  NoGradGuard no_grad;
  return tensor.normal_(mean, std);
}

Tensor trunc_normal_(Tensor tensor, double mean, double std, double a, double b) {
  NoGradGuard no_grad;
  const auto norm_cdf = [](double x) { return (1.0 + std::erf(x / std::numbers::sqrt2)) / 2.0; };
  const double lo = 2 * norm_cdf((a - mean) / std) - 1;
  const double hi = 2 * norm_cdf((b - mean) / std) - 1;
  // Uniform on [2 cdf(a) - 1, 2 cdf(b) - 1], through erfinv: a truncated
  // standard normal (up to sqrt 2), then scaled, shifted and clamped.
  tensor.uniform_(lo, hi);
  std::vector<double> values = tensor.to_vector<double>();
  for (double& v : values) v = erfinv(v);
  tensor.copy_(from_vector(values, tensor.sizes()));
  tensor.mul_(std * std::numbers::sqrt2).add_(mean);
  return tensor.clamp_(a, b);
}

Tensor constant_(Tensor tensor, const Scalar& val) {
  NoGradGuard no_grad;
  return tensor.fill_(val);
}

Tensor ones_(Tensor tensor) { return constant_(std::move(tensor), 1.0); }

Tensor zeros_(Tensor tensor) {
  NoGradGuard no_grad;
  return tensor.zero_();
}

Tensor eye_(Tensor tensor) {
  PT_CHECK(tensor.dim() == 2, ValueError, "Only tensors with 2 dimensions are supported");
  NoGradGuard no_grad;
  return tensor.copy_(eye(tensor.size(0), tensor.size(1), tensor.dtype()));
}

Tensor xavier_uniform_(Tensor tensor, double gain) {
  const auto [fan_in, fan_out] = calculate_fan_in_and_fan_out(tensor);
  const double std = gain * std::sqrt(2.0 / static_cast<double>(fan_in + fan_out));
  const double a = std::sqrt(3.0) * std;
  return uniform_(std::move(tensor), -a, a);
}

Tensor xavier_normal_(Tensor tensor, double gain) {
  const auto [fan_in, fan_out] = calculate_fan_in_and_fan_out(tensor);
  return normal_(std::move(tensor), 0.0, gain * std::sqrt(2.0 / static_cast<double>(fan_in + fan_out)));
}

Tensor kaiming_uniform_(Tensor tensor, double a, const std::string& mode, const std::string& nonlinearity) {
  if (has_zero_size(tensor)) return tensor;
  const double std = calculate_gain(nonlinearity, a) / std::sqrt(static_cast<double>(correct_fan(tensor, mode)));
  const double bound = std::sqrt(3.0) * std;
  return uniform_(std::move(tensor), -bound, bound);
}

Tensor kaiming_normal_(Tensor tensor, double a, const std::string& mode, const std::string& nonlinearity) {
  if (has_zero_size(tensor)) return tensor;
  const double std = calculate_gain(nonlinearity, a) / std::sqrt(static_cast<double>(correct_fan(tensor, mode)));
  return normal_(std::move(tensor), 0.0, std);
}

Tensor orthogonal_(Tensor tensor, double gain) {
  PT_CHECK(tensor.dim() >= 2, ValueError, "Only tensors with 2 or more dimensions are supported");
  if (tensor.numel() == 0) return tensor;
  NoGradGuard no_grad;
  const std::int64_t rows = tensor.size(0);
  const std::int64_t cols = tensor.numel() / rows;
  Tensor flattened = empty({rows, cols}, tensor.dtype()).normal_(0.0, 1.0);
  if (rows < cols) flattened = flattened.t();
  auto [q, r] = linalg_qr(flattened);
  q = q * sign(diag(r));
  if (rows < cols) q = q.t();
  tensor.copy_(q.reshape(tensor.sizes()));
  return tensor.mul_(gain);
}

}  // namespace paratrace::nn::init
