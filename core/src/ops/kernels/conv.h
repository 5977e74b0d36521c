#pragma once
// 2-D convolution and pooling kernels on contiguous NCHW buffers (internal to
// core). Convolution is im2col + an Eigen matrix product per image and group.
#include <cstdint>

namespace paratrace::kernels {

struct Conv2dGeometry {
  std::int64_t batch = 1, in_channels = 0, in_h = 0, in_w = 0;
  std::int64_t out_channels = 0, kernel_h = 0, kernel_w = 0, out_h = 0, out_w = 0;
  std::int64_t stride_h = 1, stride_w = 1, pad_h = 0, pad_w = 0, dil_h = 1, dil_w = 1, groups = 1;
};

// out[N, OC, OH, OW] = conv(input[N, C, H, W], weight[OC, C/groups, KH, KW]) (+ bias[OC] when non-null).
template <typename T>
void conv2d_forward(const Conv2dGeometry& g, const T* input, const T* weight, const T* bias, T* out);
// Gradients of conv2d_forward; a null output pointer skips that gradient.
// grad_input and grad_weight are overwritten.
template <typename T> void conv2d_backward(const Conv2dGeometry& g, const T* input, const T* weight, const T* grad_out,
                                           T* grad_input, T* grad_weight);

struct Pool2dGeometry {
  std::int64_t planes = 0, in_h = 0, in_w = 0, out_h = 0, out_w = 0;
  std::int64_t kernel_h = 1, kernel_w = 1, stride_h = 1, stride_w = 1, pad_h = 0, pad_w = 0, dil_h = 1, dil_w = 1;
};

// Max over each window; argmax[i] receives the flat in-plane index of the chosen element (NaN wins, as in PyTorch).
template <typename T> void max_pool2d_forward(const Pool2dGeometry& g, const T* input, T* out, std::int64_t* argmax);
// Average over each window; divisor_override <= 0 means none.
template <typename T> void avg_pool2d_forward(const Pool2dGeometry& g, const T* input, T* out, bool count_include_pad,
                                              std::int64_t divisor_override);
// grad_input (zeroed here) receives each window's share of grad_out.
template <typename T> void avg_pool2d_backward(const Pool2dGeometry& g, const T* grad_out, T* grad_input,
                                               bool count_include_pad, std::int64_t divisor_override);

}  // namespace paratrace::kernels
