#pragma once
// Sparsity masks computed from a weight's magnitudes, for FakeSparsity
// (nn/parametrizations/fake_sparsity.h). They follow torch.ao.sparsity's
// WeightNormSparsifier (1.13, L2 norm): the same ranking, the same rounding
// of the number of zeroed blocks, and the same refusal to zero every block
// below a sparsity level of 1. Each returns a tensor of the weight's shape
// and dtype holding 0 and 1. docs/sparsity.md.
#include <cstdint>

#include "paratrace/tensor/tensor.h"

namespace paratrace::nn::sparsity {

// Zeroes the round(sparsity_level * numel) entries of smallest magnitude
// (at most numel - 1 of them unless sparsity_level is 1), as
// WeightNormSparsifier(sparse_block_shape=(1, 1)). Ties go to the earlier
// entry. ValueError unless 0 <= sparsity_level <= 1.
Tensor unstructured_mask(const Tensor& weight, double sparsity_level);

// N:M structured sparsity: in every group of m consecutive entries along the
// last dimension, keeps the n of largest magnitude (2:4 keeps 2 of 4), as
// WeightNormSparsifier(sparsity_level=1, sparse_block_shape=(1, m),
// zeros_per_block=m - n). ValueError unless 0 <= n <= m, m >= 1, and the
// last dimension is divisible by m.
Tensor nm_mask(const Tensor& weight, std::int64_t n = 2, std::int64_t m = 4);

// Block sparsity: the weight, seen as a matrix (size(0) rows, the other
// dimensions flattened), is tiled into block_rows x block_cols blocks from
// the top left (edge blocks may be smaller); the round(sparsity_level *
// blocks) blocks of smallest mean square are zeroed whole (at most all but
// one below a level of 1), as WeightNormSparsifier(sparse_block_shape). For
// whole blocks the mean square ranks as the block's L2 norm does.
// ValueError for fewer than 2 dimensions, a block size below 1 or a level
// outside [0, 1].
Tensor block_mask(const Tensor& weight, std::int64_t block_rows, std::int64_t block_cols, double sparsity_level);

}  // namespace paratrace::nn::sparsity
