#include "paratrace/tensor/scalar.h"

#include <cmath>
#include <cstdio>

namespace paratrace {

ScalarType Scalar::default_dtype() const {
  switch (kind_) {
    case Kind::Bool: return ScalarType::Bool;
    case Kind::Int: return ScalarType::Int64;
    case Kind::Double: break;
  }
  return ScalarType::Float32;
}

std::string Scalar::to_string() const {
  switch (kind_) {
    case Kind::Bool: return i_ ? "True" : "False";
    case Kind::Int: return std::to_string(i_);
    case Kind::Double: break;
  }
  if (std::isinf(d_)) return d_ > 0 ? "inf" : "-inf";
  if (std::isnan(d_)) return "nan";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.17g", d_);
  // Shortest text that round-trips, like Python's repr.
  for (int prec = 1; prec <= 17; ++prec) {
    char tmp[32];
    std::snprintf(tmp, sizeof tmp, "%.*g", prec, d_);
    if (std::strtod(tmp, nullptr) == d_) {
      std::snprintf(buf, sizeof buf, "%s", tmp);
      break;
    }
  }
  std::string s(buf);
  if (s.find_first_of(".eE") == std::string::npos) s += ".";
  return s;
}

}  // namespace paratrace
