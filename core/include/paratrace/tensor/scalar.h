#pragma once
// A number that is not a tensor: the `Scalar` of PyTorch's schemas. It keeps
// whether it was written as a bool, an integer or a float, because type
// promotion depends on that category (int tensor + 1.5 -> float tensor).
#include <cstdint>
#include <string>
#include <type_traits>

#include "paratrace/tensor/scalar_type.h"

namespace paratrace {

class Scalar {
 public:
  enum class Kind : std::uint8_t { Bool, Int, Double };

  Scalar() : Scalar(std::int64_t{0}) {}
  Scalar(bool v) : kind_(Kind::Bool), i_(v) {}
  template <typename T, std::enable_if_t<std::is_integral_v<T> && !std::is_same_v<T, bool>, int> = 0>
  Scalar(T v) : kind_(Kind::Int), i_(static_cast<std::int64_t>(v)) {}
  template <typename T, std::enable_if_t<std::is_floating_point_v<T>, int> = 0>
  Scalar(T v) : kind_(Kind::Double), d_(static_cast<double>(v)) {}

  Kind kind() const { return kind_; }
  bool is_bool() const { return kind_ == Kind::Bool; }
  bool is_integral() const { return kind_ == Kind::Int; }
  bool is_floating_point() const { return kind_ == Kind::Double; }

  double to_double() const { return kind_ == Kind::Double ? d_ : static_cast<double>(i_); }
  std::int64_t to_int() const { return kind_ == Kind::Double ? static_cast<std::int64_t>(d_) : i_; }
  bool to_bool() const { return kind_ == Kind::Double ? d_ != 0.0 : i_ != 0; }
  template <typename T> T to() const {
    if constexpr (std::is_same_v<T, bool>) return to_bool();
    else if constexpr (std::is_floating_point_v<T>) return static_cast<T>(to_double());
    else return static_cast<T>(to_int());
  }

  // The dtype PyTorch gives a tensor made from this number (float -> float32).
  ScalarType default_dtype() const;
  // Python-style text: 1, 1.5, True.
  std::string to_string() const;

  friend bool operator==(const Scalar& a, const Scalar& b) {
    return a.kind_ == b.kind_ && (a.kind_ == Kind::Double ? a.d_ == b.d_ : a.i_ == b.i_);
  }

 private:
  Kind kind_;
  union {
    std::int64_t i_;
    double d_;
  };
};

}  // namespace paratrace
