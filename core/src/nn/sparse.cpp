#include "paratrace/nn/sparse.h"

#include "paratrace/nn/init.h"
#include "paratrace/tensor/factories.h"
#include "paratrace/tensor/ops.h"

namespace paratrace::nn {

Embedding::Embedding(std::int64_t num_embeddings, std::int64_t embedding_dim, std::optional<std::int64_t> padding_idx)
    : num_embeddings_(num_embeddings), embedding_dim_(embedding_dim), padding_idx_(padding_idx) {
  if (padding_idx_) {
    PT_CHECK(*padding_idx_ < num_embeddings && *padding_idx_ >= -num_embeddings, AssertionError,
             "Padding_idx must be within num_embeddings");
    if (*padding_idx_ < 0) *padding_idx_ += num_embeddings;
  }
  register_parameter("weight", empty({num_embeddings, embedding_dim}));
  reset_parameters();
}

void Embedding::reset_parameters() {
  init::normal_(attr("weight"));
  if (padding_idx_) init::zeros_(attr("weight").select(0, *padding_idx_));
}

// The op takes -1 for "no padding row"; ours is already non-negative.
Tensor Embedding::forward(const Tensor& input) { return embedding(attr("weight"), input, padding_idx_.value_or(-1)); }

std::string Embedding::extra_repr() const {
  std::string s = std::to_string(num_embeddings_) + ", " + std::to_string(embedding_dim_);
  if (padding_idx_) s += ", padding_idx=" + std::to_string(*padding_idx_);
  return s;
}

}  // namespace paratrace::nn
