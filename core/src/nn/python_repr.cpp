#include "python_repr.h"

#include <charconv>
#include <cmath>
#include <cstdlib>

namespace paratrace::nn::detail {

std::string python_float(double value) {
  if (std::isnan(value)) return "nan";
  if (std::isinf(value)) return value > 0 ? "inf" : "-inf";
  // The shortest round-trip digits in scientific form, then laid out by
  // Python's rule: positional for exponents in [-4, 16), else d.ddde±XX.
  char buf[64];
  const auto res = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::scientific);
  const std::string sci(buf, res.ptr);
  const auto e_pos = sci.find('e');
  const int exponent = std::atoi(sci.c_str() + e_pos + 1);
  const bool negative = sci[0] == '-';
  std::string digits;
  for (char c : sci.substr(0, e_pos))
    if (c >= '0' && c <= '9') digits += c;
  const std::string sign = negative ? "-" : "";
  if (exponent < -4 || exponent >= 16) {
    std::string mantissa = digits.substr(0, 1);
    if (digits.size() > 1) mantissa += "." + digits.substr(1);
    const std::string exp_digits = std::to_string(std::abs(exponent));
    return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + (exp_digits.size() < 2 ? "0" : "") + exp_digits;
  }
  std::string int_part, frac_part;
  if (exponent < 0) {
    int_part = "0";
    frac_part = std::string(static_cast<std::size_t>(-exponent - 1), '0') + digits;
  } else {
    const auto point = static_cast<std::size_t>(exponent) + 1;
    if (digits.size() < point) digits += std::string(point - digits.size(), '0');
    int_part = digits.substr(0, point);
    frac_part = digits.substr(point);
  }
  return sign + int_part + "." + (frac_part.empty() ? "0" : frac_part);
}

std::string python_int_tuple(const IntList& values) {
  std::string out = "(";
  for (std::size_t i = 0; i < values.size(); ++i) out += (i ? ", " : "") + std::to_string(values[i]);
  return out + (values.size() == 1 ? ",)" : ")");
}

}  // namespace paratrace::nn::detail
