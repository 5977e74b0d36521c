#pragma once
// The texts inside display nodes: compact types, constant values and the
// schema's argument names, so a folded constant reads "dim=1" rather than
// "%12".
#include <string>

#include "paratrace/jit/ir.h"

namespace paratrace::graphview {

// "Float(2, 4)" for a complete tensor (PyTorch's type text without strides,
// flags and device), the type's own text otherwise ("int", "Tensor[]").
std::string type_text(const jit::Type& type);

// A prim::Constant's value as Python writes it ("1", "None", "[2, 3]"); a
// tensor of more than one element shows its type instead of its values.
// Long texts are cut with "…".
std::string constant_text(const jit::Node& constant);

// "#3": how an argument or node without a name is referred to.
std::string position_name(std::size_t index);

// The schema's name for argument `index` of `node` ("alpha" for input 2 of
// aten::add); "#<index>" when the op has no schema (prim nodes) or the
// overload is unknown.
std::string argument_name(const jit::Node& node, std::size_t index);

// PyTorch passes ScalarType, Layout and MemoryFormat arguments as int codes
// ("dtype=6"): the name Python prints for the code ("torch.float32",
// "torch.strided", "torch.contiguous_format") when argument `index` of
// `node` is one of those and a constant; empty otherwise.
std::string enum_argument_text(const jit::Node& node, std::size_t index);

}  // namespace paratrace::graphview
