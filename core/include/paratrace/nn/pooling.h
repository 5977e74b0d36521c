#pragma once
// MaxPool2d and AvgPool2d, as torch.nn's. Arguments print back as given (an
// int or a pair), as PyTorch's reprs do; stride defaults to kernel_size.
// Not offered: MaxPool2d(return_indices=True) and AvgPool2d(divisor_override),
// which the max_pool2d / avg_pool2d ops do not expose.
#include <optional>
#include <string>

#include "paratrace/nn/module.h"
#include "paratrace/nn/size2.h"

namespace paratrace::nn {

// MaxPool2d(2, {.stride = 1, .padding = 1, .ceil_mode = true})
struct MaxPool2dOptions {
  std::optional<Size2> stride;  // kernel_size when absent
  Size2 padding = 0;
  Size2 dilation = 1;
  bool ceil_mode = false;
};

class MaxPool2d : public Cloneable<MaxPool2d> {
 public:
  explicit MaxPool2d(Size2 kernel_size, MaxPool2dOptions options = {});
  std::string class_name() const override { return "MaxPool2d"; }
  std::string extra_repr() const override;
  Tensor forward(const Tensor& input) override;

 private:
  Size2 kernel_size_, stride_, padding_, dilation_;
  bool ceil_mode_;
};

// AvgPool2d(3, {.stride = 2, .padding = 1, .count_include_pad = false})
struct AvgPool2dOptions {
  std::optional<Size2> stride;  // kernel_size when absent
  Size2 padding = 0;
  bool ceil_mode = false;
  bool count_include_pad = true;
};

class AvgPool2d : public Cloneable<AvgPool2d> {
 public:
  explicit AvgPool2d(Size2 kernel_size, AvgPool2dOptions options = {});
  std::string class_name() const override { return "AvgPool2d"; }
  // PyTorch prints kernel_size, stride and padding only.
  std::string extra_repr() const override;
  Tensor forward(const Tensor& input) override;

 private:
  Size2 kernel_size_, stride_, padding_;
  bool ceil_mode_, count_include_pad_;
};

}  // namespace paratrace::nn
