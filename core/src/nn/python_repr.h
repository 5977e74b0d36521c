#pragma once
// Python's str() of the values layer extra_repr() strings contain, so that a
// module prints exactly as PyTorch's does (internal to core).
#include <string>

#include "paratrace/tensor/tensor.h"

namespace paratrace::nn::detail {

// repr(float): shortest round-trip digits, "1e-05", "0.1", "1.0", "100000.0".
std::string python_float(double value);
// "True" / "False".
inline std::string python_bool(bool value) { return value ? "True" : "False"; }
// A tuple of ints: "(4,)", "(3, 4)".
std::string python_int_tuple(const IntList& values);

}  // namespace paratrace::nn::detail
