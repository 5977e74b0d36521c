// LayerNorm, GroupNorm and BatchNorm1d/2d, following torch/nn/modules/normalization.py
// and batchnorm.py of PyTorch 1.13.
#include "paratrace/nn/normalization.h"

#include "paratrace/autograd/grad_mode.h"
#include "paratrace/tensor/factories.h"
#include "paratrace/tensor/ops.h"
#include "python_repr.h"

namespace paratrace::nn {

namespace {

// init.ones_/zeros_ on an optional affine pair; in-place on leaves needs no_grad, as torch.nn.init does.
void reset_affine(Module& m) {
  NoGradGuard no_grad;
  if (Tensor w = m.attr("weight"); w.defined()) w.fill_(1.0);
  if (Tensor b = m.attr("bias"); b.defined()) b.zero_();
}

}  // namespace

// ---- LayerNorm ------------------------------------------------------------------

LayerNorm::LayerNorm(IntList normalized_shape, double eps, bool elementwise_affine)
    : normalized_shape_(std::move(normalized_shape)), eps_(eps), elementwise_affine_(elementwise_affine) {
  register_parameter("weight", elementwise_affine_ ? empty(normalized_shape_) : Tensor());
  register_parameter("bias", elementwise_affine_ ? empty(normalized_shape_) : Tensor());
  reset_parameters();
}

void LayerNorm::reset_parameters() { reset_affine(*this); }

std::string LayerNorm::extra_repr() const {
  return detail::python_int_tuple(normalized_shape_) + ", eps=" + detail::python_float(eps_) +
         ", elementwise_affine=" + detail::python_bool(elementwise_affine_);
}

Tensor LayerNorm::forward(const Tensor& input) {
  return layer_norm(input, normalized_shape_, attr("weight"), attr("bias"), eps_);
}

// ---- GroupNorm ------------------------------------------------------------------

GroupNorm::GroupNorm(std::int64_t num_groups, std::int64_t num_channels, double eps, bool affine)
    : num_groups_(num_groups), num_channels_(num_channels), eps_(eps), affine_(affine) {
  // Python's `%` raises ZeroDivisionError for 0 groups; one ValueError covers it here.
  PT_CHECK(num_groups != 0 && num_channels % num_groups == 0, ValueError, "num_channels must be divisible by num_groups");
  register_parameter("weight", affine_ ? empty({num_channels}) : Tensor());
  register_parameter("bias", affine_ ? empty({num_channels}) : Tensor());
  reset_parameters();
}

void GroupNorm::reset_parameters() { reset_affine(*this); }

std::string GroupNorm::extra_repr() const {
  return std::to_string(num_groups_) + ", " + std::to_string(num_channels_) + ", eps=" + detail::python_float(eps_) +
         ", affine=" + detail::python_bool(affine_);
}

Tensor GroupNorm::forward(const Tensor& input) {
  return group_norm(input, num_groups_, attr("weight"), attr("bias"), eps_);
}

// ---- BatchNorm --------------------------------------------------------------------

template <typename Derived>
BatchNormBase<Derived>::BatchNormBase(std::int64_t num_features, double eps, std::optional<double> momentum,
                                      bool affine, bool track_running_stats)
    : num_features_(num_features),
      eps_(eps),
      momentum_(momentum),
      affine_(affine),
      track_running_stats_(track_running_stats) {
  this->register_parameter("weight", affine ? empty({num_features}) : Tensor());
  this->register_parameter("bias", affine ? empty({num_features}) : Tensor());
  this->register_buffer("running_mean", track_running_stats ? zeros({num_features}) : Tensor());
  this->register_buffer("running_var", track_running_stats ? ones({num_features}) : Tensor());
  this->register_buffer("num_batches_tracked", track_running_stats ? zeros({}, ScalarType::Int64) : Tensor());
  reset_parameters();
}

template <typename Derived> void BatchNormBase<Derived>::reset_running_stats() {
  if (!track_running_stats_) return;
  this->attr("running_mean").zero_();
  this->attr("running_var").fill_(1.0);
  this->attr("num_batches_tracked").zero_();
}

template <typename Derived> void BatchNormBase<Derived>::reset_parameters() {
  reset_running_stats();
  reset_affine(*this);
}

template <typename Derived> std::string BatchNormBase<Derived>::extra_repr() const {
  return std::to_string(num_features_) + ", eps=" + detail::python_float(eps_) +
         ", momentum=" + (momentum_ ? detail::python_float(*momentum_) : "None") +
         ", affine=" + detail::python_bool(affine_) + ", track_running_stats=" + detail::python_bool(track_running_stats_);
}

// _BatchNorm.forward, step for step.
template <typename Derived> Tensor BatchNormBase<Derived>::forward(const Tensor& input) {
  check_input_dim(input);
  double average_factor = momentum_.value_or(0.0);
  if (this->is_training() && track_running_stats_) {
    Tensor tracked = this->attr("num_batches_tracked");
    if (tracked.defined()) {
      tracked.add_(1);
      average_factor = momentum_ ? *momentum_ : 1.0 / tracked.item<double>();
    }
  }
  const Tensor running_mean = this->attr("running_mean");
  const Tensor running_var = this->attr("running_var");
  // Batch statistics in training, and in eval when there are no running ones.
  const bool use_batch_stats = this->is_training() || (!running_mean.defined() && !running_var.defined());
  // The buffers are passed only where they are read or should be updated.
  const bool pass_buffers = !this->is_training() || track_running_stats_;
  return batch_norm(input, pass_buffers ? running_mean : Tensor(), pass_buffers ? running_var : Tensor(),
                    this->attr("weight"), this->attr("bias"), use_batch_stats, average_factor, eps_);
}

// The members are defined here only, for these two layers.
template class BatchNormBase<BatchNorm1d>;
template class BatchNormBase<BatchNorm2d>;

void BatchNorm1d::check_input_dim(const Tensor& input) const {
  PT_CHECK(input.dim() == 2 || input.dim() == 3, ValueError,
           "expected 2D or 3D input (got " << input.dim() << "D input)");
}

void BatchNorm2d::check_input_dim(const Tensor& input) const {
  PT_CHECK(input.dim() == 4, ValueError, "expected 4D input (got " << input.dim() << "D input)");
}

}  // namespace paratrace::nn
