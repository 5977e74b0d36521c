#pragma once
// How attribute values are spelled in PyTorch 1.13's IR text. The printer
// writes with these; the parser (ir_attribute_parser.cpp) reads the same
// spellings back.
#include <string>

#include "paratrace/jit/ir.h"

namespace paratrace::jit::text {

// IValue::repr of a double: "2." for integral values below 1e10 ("-0." for
// negative zero), otherwise max_digits10 significant digits
// ("0.10000000000000001", "10000000000", "inf").
std::string format_double(double v);
// A one-element tensor as "{v}" (floating values with the 6 significant
// digits of a default ostream: "{1.5}", "{3.14159}", "{1e-12}"); up to 10
// elements in the legacy format below; larger tensors, and an undefined one
// (parsed from "<Tensor>"), as "<Tensor>".
std::string format_tensor(const Tensor& t);
// ir_legacy_tensor_format.cpp: ATen's legacy print on one line,
// " 1.0000  2.5000  3.0000  4.0000 [ CPUFloatType{2,2} ]".
std::string format_legacy_tensor(const Tensor& t);
// PyTorch prints tensors up to this many elements by value.
inline constexpr std::int64_t kMaxTensorDisplaySize = 10;
// c10::printQuotedString: C escapes, and "\ddd" for bytes outside printable
// ASCII, computed on a signed char as PyTorch does (so "é" reads "\0)+\/.)").
std::string quote(const std::string& s);
std::string format_attribute(const AttributeValue& value);

}  // namespace paratrace::jit::text
