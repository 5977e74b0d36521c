#pragma once
// Embedding, as torch.nn.Embedding: a lookup table of num_embeddings rows.
// Not offered: max_norm, norm_type, scale_grad_by_freq and sparse, which the
// embedding op does not expose.
#include <cstdint>
#include <optional>
#include <string>

#include "paratrace/nn/module.h"

namespace paratrace::nn {

// weight (num_embeddings, embedding_dim) ~ N(0, 1). The padding_idx row (a
// negative index counts from the end) starts at zero and receives no gradient.
class Embedding : public Cloneable<Embedding> {
 public:
  // AssertionError "Padding_idx must be within num_embeddings" when out of range.
  Embedding(std::int64_t num_embeddings, std::int64_t embedding_dim,
            std::optional<std::int64_t> padding_idx = std::nullopt);
  std::string class_name() const override { return "Embedding"; }
  std::string extra_repr() const override;
  // input: int64 indices of any shape; the output appends embedding_dim.
  Tensor forward(const Tensor& input) override;
  void reset_parameters();

  std::int64_t num_embeddings() const { return num_embeddings_; }
  std::int64_t embedding_dim() const { return embedding_dim_; }
  // Normalised to [0, num_embeddings), as PyTorch stores it.
  std::optional<std::int64_t> padding_idx() const { return padding_idx_; }

 private:
  std::int64_t num_embeddings_, embedding_dim_;
  std::optional<std::int64_t> padding_idx_;
};

}  // namespace paratrace::nn
