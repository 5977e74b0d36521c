// _SpectralNorm and spectral_norm() of torch/nn/utils/parametrizations.py
// (1.13), step for step, so values, buffers and messages match PyTorch's.
#include "paratrace/nn/parametrizations/spectral_norm.h"

#include "module_tensor.h"
#include "paratrace/autograd/grad_mode.h"
#include "paratrace/nn/parametrize.h"
#include "paratrace/tensor/factories.h"
#include "paratrace/tensor/ops.h"

namespace paratrace::nn::parametrizations {

SpectralNorm::SpectralNorm(const Tensor& weight, std::int64_t n_power_iterations, std::int64_t dim, double eps)
    : n_power_iterations_(n_power_iterations), eps_(eps) {
  const std::int64_t ndim = weight.dim();
  PT_CHECK(dim < ndim && dim >= -ndim, IndexError,
           "Dimension out of range (expected to be in range of [-" << ndim << ", " << ndim - 1 << "] but got " << dim
                                                                   << ")");
  PT_CHECK(n_power_iterations > 0, ValueError,
           "Expected n_power_iterations to be positive, but got n_power_iterations=" << n_power_iterations);
  dim_ = dim >= 0 ? dim : dim + ndim;
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
  if (dim_ != 0) {
    IntList order{dim_};
    for (std::int64_t d = 0; d < weight.dim(); ++d) {
      if (d != dim_) order.push_back(d);
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
  if (!dim) {
    // A transposed convolution keeps its output channels in dimension 1.
    const std::string type = parametrize::type_before_parametrizations(module);
    const bool transposed = type == "ConvTranspose1d" || type == "ConvTranspose2d" || type == "ConvTranspose3d";
    dim = transposed ? 1 : 0;
  }
  parametrize::register_parametrization(module, name,
                                        std::make_shared<SpectralNorm>(weight, n_power_iterations, *dim, eps));
  return module;
}

}  // namespace paratrace::nn::parametrizations
