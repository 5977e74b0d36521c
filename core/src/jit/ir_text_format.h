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
// digits of a default ostream: "{1.5}", "{3.14159}", "{1e-12}"); any other
// tensor, and an undefined one (parsed from "<Tensor>"), as "<Tensor>".
std::string format_tensor(const Tensor& t);
// c10::printQuotedString: C escapes, and "\ddd" for bytes outside printable
// ASCII, computed on a signed char as PyTorch does (so "é" reads "\0)+\/.)").
std::string quote(const std::string& s);
std::string format_attribute(const AttributeValue& value);

}  // namespace paratrace::jit::text
