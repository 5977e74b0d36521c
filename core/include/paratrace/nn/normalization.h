#pragma once
// Normalisation layers, as torch.nn.LayerNorm, GroupNorm, BatchNorm1d and
// BatchNorm2d: PyTorch's parameter and buffer names, order, initial values,
// repr, input checks and running-statistics updates. forward() reads every
// tensor by name (attr("weight")), so parametrize and clone() see them.
#include <cstdint>
#include <optional>
#include <string>

#include "paratrace/nn/module.h"

namespace paratrace::nn {

// y = (x - E[x]) / sqrt(Var[x] + eps) * weight + bias over the trailing
// dimensions given by normalized_shape. Parameters: weight (ones), bias
// (zeros), both of normalized_shape, or None without elementwise_affine.
class LayerNorm : public Cloneable<LayerNorm> {
 public:
  explicit LayerNorm(IntList normalized_shape, double eps = 1e-5, bool elementwise_affine = true);
  explicit LayerNorm(std::int64_t normalized_shape, double eps = 1e-5, bool elementwise_affine = true)
      : LayerNorm(IntList{normalized_shape}, eps, elementwise_affine) {}
  std::string class_name() const override { return "LayerNorm"; }
  std::string extra_repr() const override;
  Tensor forward(const Tensor& input) override;
  // weight <- 1, bias <- 0.
  void reset_parameters();

  const IntList& normalized_shape() const { return normalized_shape_; }
  double eps() const { return eps_; }
  bool elementwise_affine() const { return elementwise_affine_; }

 private:
  IntList normalized_shape_;
  double eps_;
  bool elementwise_affine_;
};

// Normalises each of num_groups channel groups of an (N, C, *) input.
// Parameters: weight (ones) and bias (zeros) of (C), or None without affine.
// Throws ValueError "num_channels must be divisible by num_groups".
class GroupNorm : public Cloneable<GroupNorm> {
 public:
  GroupNorm(std::int64_t num_groups, std::int64_t num_channels, double eps = 1e-5, bool affine = true);
  std::string class_name() const override { return "GroupNorm"; }
  std::string extra_repr() const override;
  Tensor forward(const Tensor& input) override;
  void reset_parameters();

  std::int64_t num_groups() const { return num_groups_; }
  std::int64_t num_channels() const { return num_channels_; }
  double eps() const { return eps_; }
  bool affine() const { return affine_; }

 private:
  std::int64_t num_groups_, num_channels_;
  double eps_;
  bool affine_;
};

// What BatchNorm1d and BatchNorm2d share (PyTorch's _NormBase/_BatchNorm):
// parameters weight, bias; buffers running_mean (zeros), running_var (ones),
// num_batches_tracked (int64 0), or None buffers without track_running_stats.
// In training each call normalises with the batch statistics and moves the
// running ones by `momentum` (running_var with the unbiased variance); with
// momentum std::nullopt by 1/num_batches_tracked, a cumulative average. In
// eval the running statistics are used, or the batch's when there are none.
template <typename Derived> class BatchNormBase : public Cloneable<Derived> {
 public:
  BatchNormBase(std::int64_t num_features, double eps = 1e-5, std::optional<double> momentum = 0.1,
                bool affine = true, bool track_running_stats = true);
  std::string extra_repr() const override;
  Tensor forward(const Tensor& input) override;
  // running_mean <- 0, running_var <- 1, num_batches_tracked <- 0.
  void reset_running_stats();
  // reset_running_stats(), weight <- 1, bias <- 0.
  void reset_parameters();

  std::int64_t num_features() const { return num_features_; }
  double eps() const { return eps_; }
  std::optional<double> momentum() const { return momentum_; }
  bool affine() const { return affine_; }
  bool track_running_stats() const { return track_running_stats_; }

 protected:
  BatchNormBase(const BatchNormBase&) = default;
  // _check_input_dim: throws PyTorch's ValueError for an input of the wrong rank.
  virtual void check_input_dim(const Tensor& input) const = 0;

 private:
  std::int64_t num_features_;
  double eps_;
  std::optional<double> momentum_;
  bool affine_, track_running_stats_;
};

// Over (N, C) or (N, C, L) inputs.
class BatchNorm1d : public BatchNormBase<BatchNorm1d> {
 public:
  using BatchNormBase::BatchNormBase;
  std::string class_name() const override { return "BatchNorm1d"; }

 protected:
  void check_input_dim(const Tensor& input) const override;
};

// Over (N, C, H, W) inputs.
class BatchNorm2d : public BatchNormBase<BatchNorm2d> {
 public:
  using BatchNormBase::BatchNormBase;
  std::string class_name() const override { return "BatchNorm2d"; }

 protected:
  void check_input_dim(const Tensor& input) const override;
};

}  // namespace paratrace::nn
