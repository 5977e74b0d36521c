#pragma once
// Size2: an int or a pair of ints, like PyTorch's _size_2_t arguments
// (kernel_size=3 or kernel_size=(3, 5)). It remembers which form it was given
// in, because pooling layers print the argument back as given.
#include <cstdint>
#include <string>

#include "paratrace/tensor/tensor.h"

namespace paratrace::nn {

class Size2 {
 public:
  Size2(std::int64_t v) : h_(v), w_(v), given_as_pair_(false) {}  // NOLINT: implicit, as Python's int argument
  Size2(std::int64_t h, std::int64_t w) : h_(h), w_(w), given_as_pair_(true) {}

  std::int64_t h() const { return h_; }
  std::int64_t w() const { return w_; }
  // Both values, as the functional ops take them.
  IntList pair() const { return {h_, w_}; }
  bool operator==(const Size2& other) const { return h_ == other.h_ && w_ == other.w_; }

  // Python's text of the value as given: "3" or "(3, 5)".
  std::string repr() const { return given_as_pair_ ? pair_repr() : std::to_string(h_); }
  // Python's text of _pair(value): always "(3, 3)".
  std::string pair_repr() const {
    std::string s(1, '(');
    s.append(std::to_string(h_)).append(", ").append(std::to_string(w_)).push_back(')');
    return s;
  }

 private:
  std::int64_t h_, w_;
  bool given_as_pair_;
};

}  // namespace paratrace::nn
