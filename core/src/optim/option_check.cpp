#include "option_check.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "paratrace/errors.h"

namespace paratrace::optim::detail {

std::string python_float(double v) {
  if (std::isnan(v)) return "nan";
  if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
  // Shortest round-tripping significand, as d.ddde±XX.
  char buf[40];
  for (int digits = 1; digits <= 17; ++digits) {
    std::snprintf(buf, sizeof buf, "%.*e", digits - 1, v);
    if (std::strtod(buf, nullptr) == v) break;
  }
  const std::string sci(buf);
  const std::size_t e = sci.find('e');
  const int exp = std::atoi(sci.c_str() + e + 1);
  const bool negative = sci[0] == '-';
  std::string digits;
  for (std::size_t i = negative ? 1 : 0; i < e; ++i) {
    if (sci[i] != '.') digits += sci[i];
  }
  std::string out = negative ? "-" : "";
  if (exp < -4 || exp >= 16) {
    out += digits[0];
    if (digits.size() > 1) out.append(".").append(digits, 1);
    char suffix[16];
    std::snprintf(suffix, sizeof suffix, "e%c%02d", exp < 0 ? '-' : '+', std::abs(exp));
    out += suffix;
  } else if (exp < 0) {
    out.append("0.").append(static_cast<std::size_t>(-exp - 1), '0').append(digits);
  } else {
    const auto int_digits = static_cast<std::size_t>(exp + 1);
    if (digits.size() <= int_digits) {
      out.append(digits).append(int_digits - digits.size(), '0').append(".0");
    } else {
      out.append(digits, 0, int_digits).append(".").append(digits, int_digits);
    }
  }
  return out;
}

void check_option(bool ok, const char* what, double value) {
  PT_CHECK(ok, ValueError, "Invalid " << what << ": " << python_float(value));
}

}  // namespace paratrace::optim::detail
