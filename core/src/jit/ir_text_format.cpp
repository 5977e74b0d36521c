// Attribute values in PyTorch 1.13's IR spelling.
#include "ir_text_format.h"

#include <cmath>
#include <cstdio>
#include <sstream>

namespace paratrace::jit::text {

std::string format_double(double v) {
  char buf[40];
  const int c = std::fpclassify(v);
  const bool small = (c == FP_NORMAL || c == FP_ZERO) && std::abs(v) < 1e10;
  const auto i = small ? static_cast<std::int64_t>(v) : 0;
  if (small && static_cast<double>(i) == v) {
    std::snprintf(buf, sizeof buf, "%s%lld.", i == 0 && std::signbit(v) ? "-" : "", static_cast<long long>(i));
  } else {
    std::snprintf(buf, sizeof buf, "%.17g", v);
  }
  return buf;
}

std::string format_tensor(const Tensor& t) {
  if (!t.defined() || t.numel() > kMaxTensorDisplaySize) return "<Tensor>";
  if (t.numel() != 1) return format_legacy_tensor(t);
  const Scalar s = t.item();
  std::ostringstream os;  // default precision (6), as PyTorch's stream
  os << "{";
  if (t.is_floating_point()) os << s.to<double>();
  else os << s.to<std::int64_t>();
  os << "}";
  return os.str();
}

std::string quote(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    switch (c) {
      case '\\': out += "\\\\"; break;
      case '\'': out += "\\'"; break;
      case '"': out += "\\\""; break;
      case '\a': out += "\\a"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '\v': out += "\\v"; break;
      default:
        if (c > 0x1f && c < 0x7f) {
          out += c;
        } else {
          // Signed arithmetic on purpose: PyTorch's digits for bytes >= 0x80
          // are not octal, and the parser inverts exactly this.
          int v = static_cast<signed char>(c);
          char digits[4] = "000";
          digits[2] = static_cast<char>(digits[2] + v % 8);
          v /= 8;
          digits[1] = static_cast<char>(digits[1] + v % 8);
          v /= 8;
          digits[0] = static_cast<char>(digits[0] + v);
          out += '\\';
          out += digits;
        }
    }
  }
  return out + "\"";
}

std::string format_attribute(const AttributeValue& value) {
  std::ostringstream os;
  std::visit(
      [&](const auto& v) {
        using V = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<V, std::int64_t>) {
          os << v;
        } else if constexpr (std::is_same_v<V, double>) {
          os << format_double(v);
        } else if constexpr (std::is_same_v<V, std::string>) {
          os << quote(v);
        } else if constexpr (std::is_same_v<V, Tensor>) {
          os << format_tensor(v);
        } else {
          os << "[";
          for (std::size_t i = 0; i < v.size(); ++i) {
            os << (i ? ", " : "");
            if constexpr (std::is_same_v<V, std::vector<double>>) os << format_double(v[i]);
            else if constexpr (std::is_same_v<V, std::vector<std::string>>) os << quote(v[i]);
            else os << v[i];
          }
          os << "]";
        }
      },
      value);
  return os.str();
}

}  // namespace paratrace::jit::text
