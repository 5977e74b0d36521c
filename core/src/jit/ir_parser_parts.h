#pragma once
// The pieces parse_ir is built from, each in its own file.
#include "ir_parser_cursor.h"
#include "paratrace/jit/ir.h"

namespace paratrace::jit::parse {

// ir_type_parser.cpp: one type, e.g. "Float(3, strides=[1], requires_grad=0,
// device=cpu)", "(Tensor, int[])?", "Dict(str, Tensor)", "__torch__.Net".
TypePtr parse_type(Cursor& c);

// ir_attribute_parser.cpp: one attribute value. `hint` is the output type of
// a prim::Constant (null for other nodes): it gives a "{1.5}" tensor its
// dtype and shape, and makes "10000000000" a float where the type says so.
AttributeValue parse_attribute_value(Cursor& c, const TypePtr& hint);

// ir_legacy_tensor_parser.cpp: whether an attribute value here is a tensor
// in ATen's legacy format (text::format_legacy_tensor), and reading one.
bool at_legacy_tensor(const Cursor& c);
Tensor parse_legacy_tensor(Cursor& c);

}  // namespace paratrace::jit::parse
