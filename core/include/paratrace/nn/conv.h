#pragma once
// Conv2d, as torch.nn.Conv2d with padding_mode='zeros' and integer padding.
// (Padding strings 'same'/'valid' and the other padding modes need F.pad,
// which paratrace does not have yet.)
#include <cstdint>
#include <string>

#include "paratrace/nn/module.h"
#include "paratrace/nn/size2.h"

namespace paratrace::nn {

// Conv2d's keyword arguments, in PyTorch's order, so that a call reads like
// Python's: Conv2d(3, 8, 3, {.stride = 2, .padding = 1, .bias = false}).
struct Conv2dOptions {
  Size2 stride = 1;
  Size2 padding = 0;
  Size2 dilation = 1;
  std::int64_t groups = 1;
  bool bias = true;
};

// weight (out, in/groups, kh, kw) ~ kaiming_uniform_(a=sqrt(5)); bias (out) ~
// U(-1/sqrt(fan_in), 1/sqrt(fan_in)) with fan_in = in/groups * kh * kw.
class Conv2d : public Cloneable<Conv2d> {
 public:
  // ValueError "groups must be a positive integer", "in_channels must be
  // divisible by groups", "out_channels must be divisible by groups".
  Conv2d(std::int64_t in_channels, std::int64_t out_channels, Size2 kernel_size, Conv2dOptions options = {});
  std::string class_name() const override { return "Conv2d"; }
  std::string extra_repr() const override;
  Tensor forward(const Tensor& input) override;
  void reset_parameters();

  std::int64_t in_channels() const { return in_channels_; }
  std::int64_t out_channels() const { return out_channels_; }
  const Size2& kernel_size() const { return kernel_size_; }
  const Conv2dOptions& options() const { return options_; }

 private:
  std::int64_t in_channels_, out_channels_;
  Size2 kernel_size_;
  Conv2dOptions options_;
};

}  // namespace paratrace::nn
