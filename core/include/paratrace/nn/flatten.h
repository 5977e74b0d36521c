#pragma once
// Flatten, as torch.nn.Flatten: merges dims start_dim..end_dim (by default
// all but the batch dimension).
#include <cstdint>
#include <string>

#include "paratrace/nn/module.h"

namespace paratrace::nn {

class Flatten : public Cloneable<Flatten> {
 public:
  explicit Flatten(std::int64_t start_dim = 1, std::int64_t end_dim = -1) : start_dim_(start_dim), end_dim_(end_dim) {}
  std::string class_name() const override { return "Flatten"; }
  std::string extra_repr() const override {
    return "start_dim=" + std::to_string(start_dim_) + ", end_dim=" + std::to_string(end_dim_);
  }
  Tensor forward(const Tensor& input) override { return input.flatten(start_dim_, end_dim_); }

 private:
  std::int64_t start_dim_, end_dim_;
};

}  // namespace paratrace::nn
