#pragma once
// Normalisation kernels shared by layer_norm, group_norm and batch_norm (internal
// to core). The input is a contiguous buffer seen as (outer, channels, inner);
// each element belongs to one statistics group and one affine (weight/bias) slot.
#include <cmath>
#include <cstdint>
#include <vector>

namespace paratrace::kernels {

struct NormLayout {
  enum Kind { kLayer, kGroup, kBatch };
  Kind kind = kLayer;
  std::int64_t outer = 1, channels = 1, inner = 1, groups = 1;

  std::int64_t num_stats() const {
    switch (kind) {
      case kLayer: return outer;
      case kGroup: return outer * groups;
      case kBatch: break;
    }
    return channels;
  }
  // layer_norm: one group per row, weight over the normalized elements;
  // group_norm: one group per (sample, channel group), weight per channel;
  // batch_norm: one group per channel, weight per channel.
  std::int64_t stat(std::int64_t o, std::int64_t c) const {
    switch (kind) {
      case kLayer: return o;
      case kGroup: return o * groups + c / (channels / groups);
      case kBatch: break;
    }
    return c;
  }
  std::int64_t affine(std::int64_t c, std::int64_t i) const { return kind == kLayer ? i : c; }

  // Calls f(flat_index, stat_group, affine_slot) for every element.
  template <typename F> void for_each(F&& f) const {
    std::int64_t idx = 0;
    for (std::int64_t o = 0; o < outer; ++o)
      for (std::int64_t c = 0; c < channels; ++c) {
        const std::int64_t s = stat(o, c);
        for (std::int64_t i = 0; i < inner; ++i, ++idx) f(idx, s, affine(c, i));
      }
  }
};

// Per-group mean and biased variance, accumulated in double.
template <typename T>
void norm_stats(const NormLayout& l, const T* x, std::vector<double>& mean, std::vector<double>& var) {
  const auto n = static_cast<std::size_t>(l.num_stats());
  mean.assign(n, 0.0);
  var.assign(n, 0.0);
  std::vector<double> count(n, 0.0);
  l.for_each([&](std::int64_t i, std::int64_t s, std::int64_t) {
    mean[s] += x[i];
    count[s] += 1;
  });
  for (std::size_t s = 0; s < n; ++s) mean[s] /= count[s];
  l.for_each([&](std::int64_t i, std::int64_t s, std::int64_t) { var[s] += (x[i] - mean[s]) * (x[i] - mean[s]); });
  for (std::size_t s = 0; s < n; ++s) var[s] /= count[s];
}

// y = (x - mean) * rstd * w + b; w and b may be null.
template <typename T> void norm_forward(const NormLayout& l, const T* x, const std::vector<double>& mean,
                                        const std::vector<double>& rstd, const T* w, const T* b, T* y) {
  l.for_each([&](std::int64_t i, std::int64_t s, std::int64_t a) {
    double v = (x[i] - mean[s]) * rstd[s];
    if (w) v *= w[a];
    if (b) v += b[a];
    y[i] = static_cast<T>(v);
  });
}

// Gradients of norm_forward. With batch_stats the mean and rstd are functions of
// x (their derivative terms are included); otherwise they are constants (batch_norm
// in eval mode). gx, gw, gb may be null; gw and gb are overwritten.
template <typename T> void norm_backward(const NormLayout& l, const T* x, const std::vector<double>& mean,
                                         const std::vector<double>& rstd, const T* w, const T* g, bool batch_stats,
                                         T* gx, T* gw, T* gb, std::int64_t affine_size) {
  const auto n = static_cast<std::size_t>(l.num_stats());
  std::vector<double> sum_gxhat(n, 0.0), sum_gxhat_xhat(n, 0.0), count(n, 0.0);
  std::vector<double> dw(static_cast<std::size_t>(affine_size), 0.0), db(dw.size(), 0.0);
  l.for_each([&](std::int64_t i, std::int64_t s, std::int64_t a) {
    const double xhat = (x[i] - mean[s]) * rstd[s];
    const double gxhat = g[i] * (w ? w[a] : 1.0);
    sum_gxhat[s] += gxhat;
    sum_gxhat_xhat[s] += gxhat * xhat;
    count[s] += 1;
    dw[a] += g[i] * xhat;
    db[a] += g[i];
  });
  if (gx) {
    l.for_each([&](std::int64_t i, std::int64_t s, std::int64_t a) {
      const double xhat = (x[i] - mean[s]) * rstd[s];
      double v = g[i] * (w ? w[a] : 1.0);
      if (batch_stats) v -= (sum_gxhat[s] + xhat * sum_gxhat_xhat[s]) / count[s];
      gx[i] = static_cast<T>(rstd[s] * v);
    });
  }
  for (std::size_t a = 0; a < dw.size(); ++a) {
    if (gw) gw[a] = static_cast<T>(dw[a]);
    if (gb) gb[a] = static_cast<T>(db[a]);
  }
}

}  // namespace paratrace::kernels
