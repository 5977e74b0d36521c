#include "conv.h"

#include <Eigen/Dense>
#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

namespace paratrace::kernels {
namespace {

template <typename T> using RowMajor = Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
template <typename T> using MatMap = Eigen::Map<RowMajor<T>>;
template <typename T> using ConstMatMap = Eigen::Map<const RowMajor<T>>;

// col[(c, kh, kw), (oh, ow)] = image[c, oh*s - p + kh*d, ow*s - p + kw*d] (0 outside the image).
template <typename T> void im2col(const Conv2dGeometry& g, std::int64_t channels, const T* image, T* col) {
  const std::int64_t L = g.out_h * g.out_w;
  for (std::int64_t c = 0; c < channels; ++c)
    for (std::int64_t kh = 0; kh < g.kernel_h; ++kh)
      for (std::int64_t kw = 0; kw < g.kernel_w; ++kw) {
        T* row = col + ((c * g.kernel_h + kh) * g.kernel_w + kw) * L;
        for (std::int64_t oh = 0; oh < g.out_h; ++oh) {
          const std::int64_t ih = oh * g.stride_h - g.pad_h + kh * g.dil_h;
          for (std::int64_t ow = 0; ow < g.out_w; ++ow) {
            const std::int64_t iw = ow * g.stride_w - g.pad_w + kw * g.dil_w;
            const bool inside = ih >= 0 && ih < g.in_h && iw >= 0 && iw < g.in_w;
            row[oh * g.out_w + ow] = inside ? image[(c * g.in_h + ih) * g.in_w + iw] : T(0);
          }
        }
      }
}

// The adjoint of im2col: accumulates col entries back into image.
template <typename T> void col2im(const Conv2dGeometry& g, std::int64_t channels, const T* col, T* image) {
  const std::int64_t L = g.out_h * g.out_w;
  for (std::int64_t c = 0; c < channels; ++c)
    for (std::int64_t kh = 0; kh < g.kernel_h; ++kh)
      for (std::int64_t kw = 0; kw < g.kernel_w; ++kw) {
        const T* row = col + ((c * g.kernel_h + kh) * g.kernel_w + kw) * L;
        for (std::int64_t oh = 0; oh < g.out_h; ++oh) {
          const std::int64_t ih = oh * g.stride_h - g.pad_h + kh * g.dil_h;
          if (ih < 0 || ih >= g.in_h) continue;
          for (std::int64_t ow = 0; ow < g.out_w; ++ow) {
            const std::int64_t iw = ow * g.stride_w - g.pad_w + kw * g.dil_w;
            if (iw >= 0 && iw < g.in_w) image[(c * g.in_h + ih) * g.in_w + iw] += row[oh * g.out_w + ow];
          }
        }
      }
}

struct GroupDims {
  std::int64_t in_c, out_c, k, L;
};
GroupDims group_dims(const Conv2dGeometry& g) {
  const std::int64_t in_c = g.in_channels / g.groups;
  return {in_c, g.out_channels / g.groups, in_c * g.kernel_h * g.kernel_w, g.out_h * g.out_w};
}

}  // namespace

template <typename T>
void conv2d_forward(const Conv2dGeometry& g, const T* input, const T* weight, const T* bias, T* out) {
  const GroupDims d = group_dims(g);
  std::vector<T> col(static_cast<std::size_t>(d.k * d.L));
  for (std::int64_t n = 0; n < g.batch; ++n)
    for (std::int64_t grp = 0; grp < g.groups; ++grp) {
      im2col(g, d.in_c, input + (n * g.in_channels + grp * d.in_c) * g.in_h * g.in_w, col.data());
      MatMap<T> o(out + (n * g.out_channels + grp * d.out_c) * d.L, d.out_c, d.L);
      o.noalias() = ConstMatMap<T>(weight + grp * d.out_c * d.k, d.out_c, d.k) * ConstMatMap<T>(col.data(), d.k, d.L);
      if (bias)
        for (std::int64_t oc = 0; oc < d.out_c; ++oc) o.row(oc).array() += bias[grp * d.out_c + oc];
    }
}

template <typename T> void conv2d_backward(const Conv2dGeometry& g, const T* input, const T* weight, const T* grad_out,
                                           T* grad_input, T* grad_weight) {
  const GroupDims d = group_dims(g);
  std::vector<T> col(static_cast<std::size_t>(d.k * d.L));
  if (grad_input) std::fill_n(grad_input, g.batch * g.in_channels * g.in_h * g.in_w, T(0));
  if (grad_weight) std::fill_n(grad_weight, g.out_channels * d.k, T(0));
  for (std::int64_t n = 0; n < g.batch; ++n)
    for (std::int64_t grp = 0; grp < g.groups; ++grp) {
      ConstMatMap<T> go(grad_out + (n * g.out_channels + grp * d.out_c) * d.L, d.out_c, d.L);
      const std::int64_t in_off = (n * g.in_channels + grp * d.in_c) * g.in_h * g.in_w;
      if (grad_weight) {
        im2col(g, d.in_c, input + in_off, col.data());
        MatMap<T>(grad_weight + grp * d.out_c * d.k, d.out_c, d.k).noalias() +=
            go * ConstMatMap<T>(col.data(), d.k, d.L).transpose();
      }
      if (grad_input) {
        MatMap<T>(col.data(), d.k, d.L).noalias() =
            ConstMatMap<T>(weight + grp * d.out_c * d.k, d.out_c, d.k).transpose() * go;
        col2im(g, d.in_c, col.data(), grad_input + in_off);
      }
    }
}

template <typename T> void max_pool2d_forward(const Pool2dGeometry& g, const T* input, T* out, std::int64_t* argmax) {
  for (std::int64_t p = 0; p < g.planes; ++p) {
    const T* plane = input + p * g.in_h * g.in_w;
    for (std::int64_t oh = 0; oh < g.out_h; ++oh)
      for (std::int64_t ow = 0; ow < g.out_w; ++ow) {
        T best = -std::numeric_limits<T>::infinity();
        std::int64_t best_i = -1;
        for (std::int64_t kh = 0; kh < g.kernel_h; ++kh) {
          const std::int64_t ih = oh * g.stride_h - g.pad_h + kh * g.dil_h;
          if (ih < 0 || ih >= g.in_h) continue;
          for (std::int64_t kw = 0; kw < g.kernel_w; ++kw) {
            const std::int64_t iw = ow * g.stride_w - g.pad_w + kw * g.dil_w;
            if (iw < 0 || iw >= g.in_w) continue;
            const T v = plane[ih * g.in_w + iw];
            if (best_i < 0 || v > best || std::isnan(v)) {
              best = v;
              best_i = ih * g.in_w + iw;
              if (std::isnan(v)) break;
            }
          }
          if (std::isnan(best)) break;
        }
        const std::int64_t o = (p * g.out_h + oh) * g.out_w + ow;
        out[o] = best;
        argmax[o] = best_i;
      }
  }
}

namespace {
// PyTorch's avg-pool window: [start, end) over the padded axis, the divisor
// size before clipping, and the clipped range.
struct AvgWindow {
  std::int64_t start, end, padded_len;
};
AvgWindow avg_window(std::int64_t o, std::int64_t stride, std::int64_t pad, std::int64_t kernel, std::int64_t in) {
  std::int64_t start = o * stride - pad;
  std::int64_t end = std::min(start + kernel, in + pad);
  const std::int64_t padded_len = end - start;
  start = std::max<std::int64_t>(start, 0);
  end = std::min(end, in);
  return {start, end, padded_len};
}
std::int64_t avg_divisor(const AvgWindow& h, const AvgWindow& w, bool count_include_pad, std::int64_t override_) {
  if (override_ > 0) return override_;
  if (count_include_pad) return h.padded_len * w.padded_len;
  return (h.end - h.start) * (w.end - w.start);
}
}  // namespace

template <typename T> void avg_pool2d_forward(const Pool2dGeometry& g, const T* input, T* out, bool count_include_pad,
                                              std::int64_t divisor_override) {
  for (std::int64_t p = 0; p < g.planes; ++p) {
    const T* plane = input + p * g.in_h * g.in_w;
    for (std::int64_t oh = 0; oh < g.out_h; ++oh) {
      const AvgWindow h = avg_window(oh, g.stride_h, g.pad_h, g.kernel_h, g.in_h);
      for (std::int64_t ow = 0; ow < g.out_w; ++ow) {
        const AvgWindow w = avg_window(ow, g.stride_w, g.pad_w, g.kernel_w, g.in_w);
        T s = 0;
        for (std::int64_t ih = h.start; ih < h.end; ++ih)
          for (std::int64_t iw = w.start; iw < w.end; ++iw) s += plane[ih * g.in_w + iw];
        const std::int64_t div = avg_divisor(h, w, count_include_pad, divisor_override);
        out[(p * g.out_h + oh) * g.out_w + ow] = div == 0 ? T(0) : s / static_cast<T>(div);
      }
    }
  }
}

template <typename T> void avg_pool2d_backward(const Pool2dGeometry& g, const T* grad_out, T* grad_input,
                                               bool count_include_pad, std::int64_t divisor_override) {
  std::fill_n(grad_input, g.planes * g.in_h * g.in_w, T(0));
  for (std::int64_t p = 0; p < g.planes; ++p) {
    T* plane = grad_input + p * g.in_h * g.in_w;
    for (std::int64_t oh = 0; oh < g.out_h; ++oh) {
      const AvgWindow h = avg_window(oh, g.stride_h, g.pad_h, g.kernel_h, g.in_h);
      for (std::int64_t ow = 0; ow < g.out_w; ++ow) {
        const AvgWindow w = avg_window(ow, g.stride_w, g.pad_w, g.kernel_w, g.in_w);
        const std::int64_t div = avg_divisor(h, w, count_include_pad, divisor_override);
        if (div == 0) continue;
        const T share = grad_out[(p * g.out_h + oh) * g.out_w + ow] / static_cast<T>(div);
        for (std::int64_t ih = h.start; ih < h.end; ++ih)
          for (std::int64_t iw = w.start; iw < w.end; ++iw) plane[ih * g.in_w + iw] += share;
      }
    }
  }
}

#define PT_INSTANTIATE(T)                                                                        \
  template void conv2d_forward<T>(const Conv2dGeometry&, const T*, const T*, const T*, T*);      \
  template void conv2d_backward<T>(const Conv2dGeometry&, const T*, const T*, const T*, T*, T*); \
  template void max_pool2d_forward<T>(const Pool2dGeometry&, const T*, T*, std::int64_t*);       \
  template void avg_pool2d_forward<T>(const Pool2dGeometry&, const T*, T*, bool, std::int64_t);  \
  template void avg_pool2d_backward<T>(const Pool2dGeometry&, const T*, T*, bool, std::int64_t);
PT_INSTANTIATE(float)
PT_INSTANTIATE(double)
#undef PT_INSTANTIATE

}  // namespace paratrace::kernels
