#pragma once
// Sizes that a trace can follow. C++ sizes are plain integers, so a shape
// built from `x.size(0)` would be recorded as a constant; a size read with
// Tensor::sym_size while tracing is recorded as aten::size and returned as a
// SymInt that remembers it, and view/reshape given SymInts record the traced
// sizes in their shape list, as PyTorch's tracer does (docs/jit.md).
// +, -, * and floordiv on SymInts are traced too (aten::add ... on the sizes
// as 0-dim Long tensors, as PyTorch records Python arithmetic on sizes).
#include <concepts>
#include <cstdint>
#include <initializer_list>
#include <vector>

#include "paratrace/tensor/tensor_impl.h"

namespace paratrace {

class SymInt {
 public:
  // Implicit both ways: a SymInt is used as an int.
  SymInt(std::int64_t value) : value_(value) {}  // NOLINT(google-explicit-constructor)
  SymInt(std::int64_t value, std::uint64_t traced) : value_(value), traced_(traced) {}
  operator std::int64_t() const { return value_; }  // NOLINT(google-explicit-constructor)
  std::int64_t value() const { return value_; }
  // The tracer's id of the recorded size; 0 for a plain integer.
  std::uint64_t traced() const { return traced_; }

 private:
  std::int64_t value_;
  std::uint64_t traced_ = 0;
};

enum class SymIntOp : std::uint8_t { Add, Sub, Mul, FloorDiv };

// The result of `a op b`; traced when either operand is a traced size of the
// active trace. FloorDiv rounds toward -inf as Python's //, and throws
// RuntimeError("ZeroDivisionError") for b == 0 as torch.floor_divide does.
SymInt sym_int_op(SymIntOp op, const SymInt& a, const SymInt& b);

inline SymInt operator+(const SymInt& a, const SymInt& b) { return sym_int_op(SymIntOp::Add, a, b); }
inline SymInt operator-(const SymInt& a, const SymInt& b) { return sym_int_op(SymIntOp::Sub, a, b); }
inline SymInt operator*(const SymInt& a, const SymInt& b) { return sym_int_op(SymIntOp::Mul, a, b); }
inline SymInt floordiv(const SymInt& a, const SymInt& b) { return sym_int_op(SymIntOp::FloorDiv, a, b); }
// With a plain integer on either side (templates, so that they beat the
// built-in operators reached through the conversion to int64_t).
template <std::integral T> SymInt operator+(const SymInt& a, T b) { return a + SymInt(b); }
template <std::integral T> SymInt operator+(T a, const SymInt& b) { return SymInt(a) + b; }
template <std::integral T> SymInt operator-(const SymInt& a, T b) { return a - SymInt(b); }
template <std::integral T> SymInt operator-(T a, const SymInt& b) { return SymInt(a) - b; }
template <std::integral T> SymInt operator*(const SymInt& a, T b) { return a * SymInt(b); }
template <std::integral T> SymInt operator*(T a, const SymInt& b) { return SymInt(a) * b; }
// C++'s / and % truncate where Python's // floors, and would silently give a
// constant: use floordiv(), or Tensor::size() for a plain integer.
SymInt operator/(const SymInt&, const SymInt&) = delete;
template <std::integral T> SymInt operator/(const SymInt&, T) = delete;
template <std::integral T> SymInt operator/(T, const SymInt&) = delete;
SymInt operator%(const SymInt&, const SymInt&) = delete;
template <std::integral T> SymInt operator%(const SymInt&, T) = delete;
template <std::integral T> SymInt operator%(T, const SymInt&) = delete;

// A shape argument: plain integers, traced sizes, or both.
class SymIntList {
 public:
  SymIntList(std::initializer_list<SymInt> items) : items_(items) {}
  SymIntList(std::vector<SymInt> items) : items_(std::move(items)) {}  // NOLINT(google-explicit-constructor)
  SymIntList(const std::vector<std::int64_t>& values) : items_(values.begin(), values.end()) {}  // NOLINT
  SymIntList(const Shape& values) : items_(values.begin(), values.end()) {}  // NOLINT
  const std::vector<SymInt>& items() const { return items_; }
  std::vector<std::int64_t> values() const { return {items_.begin(), items_.end()}; }
  bool has_traced() const {
    for (const SymInt& s : items_) {
      if (s.traced()) return true;
    }
    return false;
  }

 private:
  std::vector<SymInt> items_;
};

}  // namespace paratrace
