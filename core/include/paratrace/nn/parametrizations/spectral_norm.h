#pragma once
// torch.nn.utils.parametrizations.spectral_norm (PyTorch 1.13): SpectralNorm
// is its _SpectralNorm module, spectral_norm() registers one on a module's
// tensor. docs/parametrizations.md.
#include <cstdint>
#include <optional>
#include <string>

#include "paratrace/nn/parametrization.h"

namespace paratrace::nn::parametrizations {

// W / sigma(W), sigma the largest singular value of W seen as a matrix
// (dimension `dim` first, the others flattened), estimated by power
// iteration on the buffers `_u` (rows) and `_v` (columns). In training
// mode every evaluation runs n_power_iterations more iterations (updating
// the buffers in place); in eval mode the buffers are only read. A vector
// is simply normalized (exactly, no buffers).
class SpectralNorm : public Cloneable<SpectralNorm, Parametrization> {
 public:
  // Draws `_u`, `_v` from N(0, 1) with the library's generator, normalizes
  // them and runs 15 power iterations, so they start near the singular
  // vectors. PyTorch's messages: IndexError for dim outside [-ndim, ndim-1],
  // ValueError for n_power_iterations <= 0.
  SpectralNorm(const Tensor& weight, std::int64_t n_power_iterations = 1, std::int64_t dim = 0, double eps = 1e-12);
  // Built from options alone, without the tensor (how plugins build it):
  // prepare() at registration checks dim, resolves an unset dim as
  // spectral_norm() does (1 for ConvTranspose modules, else 0) and sets up
  // the buffers as the constructor above.
  struct Options {
    std::int64_t n_power_iterations = 1;
    std::optional<std::int64_t> dim;
    double eps = 1e-12;
  };
  explicit SpectralNorm(const Options& options);
  std::string class_name() const override { return "_SpectralNorm"; }
  Tensor forward(const Tensor& weight) override;
  // The identity: the value is stored as is (no constraint check).
  RightInverseResult right_inverse(const Tensor& value) override { return value; }
  bool is_prepared() const override { return prepared_; }
  void prepare(const Module& module, const std::string& tensor_name, const Tensor& weight) override;

  std::int64_t n_power_iterations() const { return n_power_iterations_; }
  // Normalized to [0, ndim); the requested one (maybe unset) until prepared.
  std::optional<std::int64_t> dim() const { return dim_; }
  double eps() const { return eps_; }

 private:
  void initialize(const Tensor& weight, std::int64_t dim);
  Tensor reshape_weight_to_matrix(const Tensor& weight) const;
  void power_method(const Tensor& weight_mat, std::int64_t iterations);

  std::int64_t n_power_iterations_;
  std::optional<std::int64_t> dim_;
  double eps_;
  bool prepared_ = false;
};

// spectral_norm()'s default dim: 1 for ConvTranspose1d/2d/3d modules (by
// class name, as they keep their output channels there), 0 otherwise.
std::int64_t default_spectral_norm_dim(const Module& module);

// Registers SpectralNorm on module.<name>, as
// torch.nn.utils.parametrizations.spectral_norm, dim defaulting as above.
Module& spectral_norm(Module& module, const std::string& name = "weight", std::int64_t n_power_iterations = 1,
                      double eps = 1e-12, std::optional<std::int64_t> dim = std::nullopt);

}  // namespace paratrace::nn::parametrizations
