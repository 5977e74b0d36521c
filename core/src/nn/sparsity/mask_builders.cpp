// The masks of WeightNormSparsifier._make_tensor_mask / _make_block_mask
// (torch/ao/sparsity/sparsifier/weight_norm_sparsifier.py, 1.13) computed
// directly on the magnitudes rather than through avg_pool2d/unfold/fold.
#include "paratrace/nn/sparsity/mask_builders.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <vector>

#include "../python_text.h"
#include "paratrace/autograd/grad_mode.h"
#include "paratrace/errors.h"
#include "paratrace/tensor/factories.h"

namespace paratrace::nn::sparsity {

namespace {

void check_level(double sparsity_level) {
  PT_CHECK(sparsity_level >= 0.0 && sparsity_level <= 1.0, ValueError,
           "sparsity_level must be in [0, 1], got " << sparsity_level);
}

// The squared entries in row-major order (WeightNormSparsifier's norm_fn for L2).
std::vector<double> squares(const Tensor& weight) {
  autograd::NoGradGuard no_grad;
  std::vector<double> v = weight.detach().to(ScalarType::Float64).contiguous().to_vector<double>();
  for (double& x : v) x *= x;
  return v;
}

Tensor mask_like(const std::vector<double>& mask, const Tensor& weight) {
  return from_vector<double>(mask, IntList(weight.sizes().begin(), weight.sizes().end())).to(weight.dtype());
}

// The indices of the k smallest scores (earlier index first among equals).
std::vector<std::size_t> smallest(const std::vector<double>& scores, std::size_t k) {
  std::vector<std::size_t> order(scores.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return scores[a] < scores[b]; });
  order.resize(k);
  return order;
}

// How many of `blocks` a level zeroes: Python's round (half to even, which
// nearbyint does in the default rounding mode), and never all of them.
std::size_t zeroed_blocks(double sparsity_level, std::size_t blocks) {
  const auto k = static_cast<std::size_t>(std::nearbyint(sparsity_level * double(blocks)));
  return std::min(k, blocks - 1);
}

}  // namespace

Tensor unstructured_mask(const Tensor& weight, double sparsity_level) {
  check_level(sparsity_level);
  if (weight.numel() == 0) return ones_like(weight);
  if (sparsity_level >= 1.0) return zeros_like(weight);
  const std::vector<double> scores = squares(weight);
  std::vector<double> mask(scores.size(), 1.0);
  for (const std::size_t i : smallest(scores, zeroed_blocks(sparsity_level, scores.size()))) mask[i] = 0.0;
  return mask_like(mask, weight);
}

Tensor nm_mask(const Tensor& weight, std::int64_t n, std::int64_t m) {
  PT_CHECK(m >= 1, ValueError, "N:M sparsity needs m >= 1, got m=" << m);
  PT_CHECK(n >= 0 && n <= m, ValueError, "N:M sparsity keeps n of every m entries, so 0 <= n <= m; got n=" << n << ", m=" << m);
  PT_CHECK(weight.dim() >= 1, ValueError, "N:M sparsity needs at least one dimension, got a scalar");
  const std::int64_t last = weight.size(-1);
  PT_CHECK(last % m == 0, ValueError,
           "N:M sparsity needs the last dimension to be divisible by m=" << m << ", got shape "
                                                                        << detail::torch_size(weight.sizes()));
  const std::vector<double> scores = squares(weight);
  std::vector<double> mask(scores.size(), 1.0);
  const auto group = static_cast<std::size_t>(m);
  for (std::size_t start = 0; start < scores.size(); start += group) {
    const std::vector<double> part(scores.begin() + std::ptrdiff_t(start), scores.begin() + std::ptrdiff_t(start + group));
    for (const std::size_t i : smallest(part, static_cast<std::size_t>(m - n))) mask[start + i] = 0.0;
  }
  return mask_like(mask, weight);
}

Tensor block_mask(const Tensor& weight, std::int64_t block_rows, std::int64_t block_cols, double sparsity_level) {
  PT_CHECK(weight.dim() >= 2, ValueError,
           "block sparsity needs a matrix (or a tensor seen as one), got shape " << detail::torch_size(weight.sizes()));
  PT_CHECK(block_rows >= 1 && block_cols >= 1, ValueError,
           "block sparsity needs blocks of at least 1x1, got " << block_rows << "x" << block_cols);
  check_level(sparsity_level);
  if (weight.numel() == 0) return ones_like(weight);
  if (sparsity_level >= 1.0) return zeros_like(weight);
  const std::int64_t rows = weight.size(0);
  const std::int64_t cols = weight.numel() / rows;
  const std::int64_t grid_rows = (rows + block_rows - 1) / block_rows;
  const std::int64_t grid_cols = (cols + block_cols - 1) / block_cols;
  const std::vector<double> squared = squares(weight);
  // avg_pool2d(ceil_mode=True) without padding: an edge block's mean is over
  // the entries it has.
  std::vector<double> means(std::size_t(grid_rows * grid_cols), 0.0);
  std::vector<double> counts(means.size(), 0.0);
  for (std::int64_t r = 0; r < rows; ++r) {
    for (std::int64_t c = 0; c < cols; ++c) {
      const auto b = std::size_t((r / block_rows) * grid_cols + c / block_cols);
      means[b] += squared[std::size_t(r * cols + c)];
      counts[b] += 1.0;
    }
  }
  for (std::size_t b = 0; b < means.size(); ++b) means[b] /= counts[b];
  std::vector<bool> zeroed(means.size(), false);
  for (const std::size_t b : smallest(means, zeroed_blocks(sparsity_level, means.size()))) zeroed[b] = true;
  std::vector<double> mask(squared.size(), 1.0);
  for (std::int64_t r = 0; r < rows; ++r) {
    for (std::int64_t c = 0; c < cols; ++c) {
      if (zeroed[std::size_t((r / block_rows) * grid_cols + c / block_cols)]) mask[std::size_t(r * cols + c)] = 0.0;
    }
  }
  return mask_like(mask, weight);
}

}  // namespace paratrace::nn::sparsity
