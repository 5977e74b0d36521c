// _SpectralNorm and spectral_norm() of torch/nn/utils/parametrizations.py
// (1.13), step for step, so values, buffers and messages match PyTorch's.
#include "paratrace/nn/parametrizations/spectral_norm.h"

#include "module_tensor.h"
#include "paratrace/autograd/grad_mode.h"
#include "paratrace/nn/parametrize.h"
#include "paratrace/tensor/factories.h"
#include "paratrace/tensor/ops.h"

namespace paratrace::nn::parametrizations {

namespace {

void check_iterations(std::int64_t n_power_iterations) {
  PT_CHECK(n_power_iterations > 0, ValueError,
           "Expected n_power_iterations to be positive, but got n_power_iterations=" << n_power_iterations);
}

}  // namespace

SpectralNorm::SpectralNorm(const Tensor& weight, std::int64_t n_power_iterations, std::int64_t dim, double eps)
    : n_power_iterations_(n_power_iterations), eps_(eps) {
  initialize(weight, dim);
}

SpectralNorm::SpectralNorm(const Options& options)
    : n_power_iterations_(options.n_power_iterations), dim_(options.dim), eps_(options.eps) {
  check_iterations(n_power_iterations_);
}

void SpectralNorm::prepare(const Module& module, const std::string&, const Tensor& weight) {
  initialize(weight, dim_.value_or(default_spectral_norm_dim(module)));
}

void SpectralNorm::initialize(const Tensor& weight, std::int64_t dim) {
  const std::int64_t ndim = weight.dim();
  PT_CHECK(dim < ndim && dim >= -ndim, IndexError,
           "Dimension out of range (expected to be in range of [-" << ndim << ", " << ndim - 1 << "] but got " << dim
                                                                   << ")");
  check_iterations(n_power_iterations_);
  dim_ = dim >= 0 ? dim : dim + ndim;
  prepared_ = true;
  // A vector needs no estimate (see forward).
  if (ndim > 1) {
    autograd::NoGradGuard no_grad;
    const Tensor weight_mat = reshape_weight_to_matrix(weight);
    const Tensor u = empty({weight_mat.size(0)}, weight.dtype()).normal_(0.0, 1.0);
    const Tensor v = empty({weight_mat.size(1)}, weight.dtype()).normal_(0.0, 1.0);
    register_buffer("_u", normalize(u, 2.0, 0, eps_));
    register_buffer("_v", normalize(v, 2.0, 0, eps_));
    power_method(weight_mat, 15);
  }
}

Tensor SpectralNorm::reshape_weight_to_matrix(const Tensor& weight) const {
  Tensor w = weight;
  const std::int64_t dim = dim_.value_or(0);
  if (dim != 0) {
    IntList order{dim};
    for (std::int64_t d = 0; d < weight.dim(); ++d) {
      if (d != dim) order.push_back(d);
    }
    w = w.permute(order);
  }
  return w.flatten(1);
}

void SpectralNorm::power_method(const Tensor& weight_mat, std::int64_t iterations) {
  autograd::NoGradGuard no_grad;
  // sigma(W) = u^T W v for the first singular vectors u, v. The buffers are
  // updated in place, as PyTorch does, so they keep their identity: whoever
  // holds them (named_buffers(), state_dict(keep_vars)) sees the new estimate.
  Tensor u = attr("_u");
  Tensor v = attr("_v");
  for (std::int64_t i = 0; i < iterations; ++i) {
    u.copy_(normalize(mv(weight_mat, v), 2.0, 0, eps_));
    v.copy_(normalize(mv(weight_mat.t(), u), 2.0, 0, eps_));
  }
}

Tensor SpectralNorm::forward(const Tensor& weight) {
  PT_CHECK(prepared_, RuntimeError,
           "_SpectralNorm built without a weight has no u, v estimates until it is registered on a tensor");
  if (weight.dim() == 1) return normalize(weight, 2.0, 0, eps_);
  const Tensor weight_mat = reshape_weight_to_matrix(weight);
  if (is_training()) power_method(weight_mat, n_power_iterations_);
  // Clones, so that a later in-place update of the buffers does not
  // invalidate this graph (backpropagating through two evaluations, as in
  // GAN training, stays possible).
  const Tensor u = attr("_u").clone();
  const Tensor v = attr("_v").clone();
  const Tensor sigma = dot(u, mv(weight_mat, v));
  return weight / sigma;
}

Module& spectral_norm(Module& module, const std::string& name, std::int64_t n_power_iterations, double eps,
                      std::optional<std::int64_t> dim) {
  const Tensor weight = detail::tensor_attribute(module, name);
  parametrize::register_parametrization(
      module, name,
      std::make_shared<SpectralNorm>(weight, n_power_iterations, dim.value_or(default_spectral_norm_dim(module)), eps));
  return module;
}

std::int64_t default_spectral_norm_dim(const Module& module) {
  const std::string type = parametrize::type_before_parametrizations(module);
  return type == "ConvTranspose1d" || type == "ConvTranspose2d" || type == "ConvTranspose3d" ? 1 : 0;
}

}  // namespace paratrace::nn::parametrizations
