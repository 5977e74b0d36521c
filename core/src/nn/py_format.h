#pragma once
// Python's text for the values layers print in extra_repr, so that reprs are
// byte-identical to PyTorch's.
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <string>

namespace paratrace::nn::detail {

inline std::string py_bool(bool v) { return v ? "True" : "False"; }

// repr(float): the shortest digits that round-trip, written in fixed notation
// when the decimal exponent is in [-4, 16) (always with a fractional part,
// "1.0") and in scientific notation with a two-digit exponent otherwise ("1e-05").
inline std::string py_float(double v) {
  if (std::isnan(v)) return "nan";
  if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
  char buf[64];
  const auto end = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::scientific).ptr;
  const std::string sci(buf, end);  // "-1.25e-05"
  const std::size_t e = sci.find('e');
  const int exp = std::atoi(sci.c_str() + e + 1);
  const bool negative = sci[0] == '-';
  std::string digits;
  for (std::size_t i = negative ? 1 : 0; i < e; ++i)
    if (sci[i] != '.') digits += sci[i];
  std::string out = negative ? "-" : "";
  if (exp >= -4 && exp < 16) {
    if (exp < 0) return out.append("0.").append(static_cast<std::size_t>(-exp - 1), '0').append(digits);
    const auto int_digits = static_cast<std::size_t>(exp) + 1;
    if (digits.size() <= int_digits) return out.append(digits).append(int_digits - digits.size(), '0').append(".0");
    return out.append(digits, 0, int_digits).append(1, '.').append(digits, int_digits);
  }
  out.append(digits, 0, 1);
  if (digits.size() > 1) out.append(1, '.').append(digits, 1);
  const int mag = std::abs(exp);
  return out.append(exp < 0 ? "e-" : "e+").append(mag < 10 ? "0" : "").append(std::to_string(mag));
}

}  // namespace paratrace::nn::detail
