#include "paratrace/nn/pooling.h"

#include "paratrace/tensor/ops.h"
#include "python_repr.h"

namespace paratrace::nn {

MaxPool2d::MaxPool2d(Size2 kernel_size, MaxPool2dOptions options)
    : kernel_size_(kernel_size),
      stride_(options.stride.value_or(kernel_size)),
      padding_(options.padding),
      dilation_(options.dilation),
      ceil_mode_(options.ceil_mode) {}

Tensor MaxPool2d::forward(const Tensor& input) {
  return max_pool2d(input, kernel_size_.pair(), stride_.pair(), padding_.pair(), dilation_.pair(), ceil_mode_);
}

std::string MaxPool2d::extra_repr() const {
  return "kernel_size=" + kernel_size_.repr() + ", stride=" + stride_.repr() + ", padding=" + padding_.repr() +
         ", dilation=" + dilation_.repr() + ", ceil_mode=" + detail::python_bool(ceil_mode_);
}

AvgPool2d::AvgPool2d(Size2 kernel_size, AvgPool2dOptions options)
    : kernel_size_(kernel_size),
      stride_(options.stride.value_or(kernel_size)),
      padding_(options.padding),
      ceil_mode_(options.ceil_mode),
      count_include_pad_(options.count_include_pad) {}

Tensor AvgPool2d::forward(const Tensor& input) {
  return avg_pool2d(input, kernel_size_.pair(), stride_.pair(), padding_.pair(), ceil_mode_, count_include_pad_);
}

std::string AvgPool2d::extra_repr() const {
  return "kernel_size=" + kernel_size_.repr() + ", stride=" + stride_.repr() + ", padding=" + padding_.repr();
}

}  // namespace paratrace::nn
