#pragma once
// Python-style indexing for C++ (torch::indexing): x.index({Slice(0, 2), 1})
// is x[0:2, 1]. Each index is recorded as PyTorch records it: slices as
// aten::slice, integers as aten::select, None as aten::unsqueeze, tensors as
// aten::index (integer gather or boolean mask).
#include <optional>
#include <variant>
#include <vector>

#include "paratrace/tensor/tensor.h"

namespace paratrace {

struct EllipsisIndex {};
struct NoneIndex {};

// Slice(1, None) is Python's 1:, Slice() is :, Slice(None, None, 2) is ::2.
struct Slice {
  std::optional<std::int64_t> start, stop;
  std::int64_t step = 1;
  Slice(std::optional<std::int64_t> start_ = std::nullopt, std::optional<std::int64_t> stop_ = std::nullopt,
        std::int64_t step_ = 1)
      : start(start_), stop(stop_), step(step_) {}
  Slice(NoneIndex, std::optional<std::int64_t> stop_ = std::nullopt, std::int64_t step_ = 1) : stop(stop_), step(step_) {}
  Slice(std::optional<std::int64_t> start_, NoneIndex, std::int64_t step_ = 1) : start(start_), step(step_) {}
  Slice(NoneIndex, NoneIndex, std::int64_t step_ = 1) : step(step_) {}
};
inline constexpr EllipsisIndex Ellipsis{};
inline constexpr NoneIndex None{};

class TensorIndex {
 public:
  TensorIndex(std::int64_t i) : v_(i) {}
  TensorIndex(int i) : v_(static_cast<std::int64_t>(i)) {}
  TensorIndex(bool b) : v_(b) {}
  TensorIndex(Slice s) : v_(s) {}
  TensorIndex(EllipsisIndex e) : v_(e) {}
  TensorIndex(NoneIndex n) : v_(n) {}
  TensorIndex(Tensor t) : v_(std::move(t)) {}

  bool is_integer() const { return std::holds_alternative<std::int64_t>(v_); }
  bool is_boolean() const { return std::holds_alternative<bool>(v_); }
  bool is_slice() const { return std::holds_alternative<Slice>(v_); }
  bool is_ellipsis() const { return std::holds_alternative<EllipsisIndex>(v_); }
  bool is_none() const { return std::holds_alternative<NoneIndex>(v_); }
  bool is_tensor() const { return std::holds_alternative<Tensor>(v_); }
  std::int64_t integer() const { return std::get<std::int64_t>(v_); }
  bool boolean() const { return std::get<bool>(v_); }
  const Slice& slice() const { return std::get<Slice>(v_); }
  const Tensor& tensor() const { return std::get<Tensor>(v_); }

 private:
  std::variant<std::int64_t, bool, Slice, EllipsisIndex, NoneIndex, Tensor> v_;
};

// x[indices]
Tensor apply_indices(const Tensor& self, const std::vector<TensorIndex>& indices);
// x[indices] = value (value broadcast to the indexed shape).
void assign_indices(const Tensor& self, const std::vector<TensorIndex>& indices, const Tensor& value);

}  // namespace paratrace
