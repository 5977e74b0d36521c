#pragma once
// Graph passes, each named after the PyTorch pass it follows
// (torch._C._jit_pass_dce, _jit_pass_constant_pooling, _jit_pass_inline,
// erase shape information). docs/ir.md says where they differ.
#include "paratrace/jit/ir.h"

namespace paratrace::jit {

// Removes nodes whose outputs are unused, in every block. Kept whatever their
// uses: nodes with side effects (prim::SetAttr, prim::Print,
// prim::RaiseException, prim::CallMethod, prim::CallFunction, aten::warn ...),
// in-place ops ("aten::add_") and nodes whose sub-blocks keep such a node.
// Unused random ops are removed, as PyTorch does.
void eliminate_dead_code(Graph& g);

// Keeps one prim::Constant per distinct value (equal type and value; tensors
// by dtype, shape and elements), moving each to the start of the graph in
// PyTorch's order, also out of sub-blocks. Two constants that are both
// returned from the graph with a mutable type (tensor, list, dict) stay apart.
void constant_pooling(Graph& g);

// Replaces every prim::CallMethod[name=m](%mod, args...) by the nodes of the
// callee graph, found as mod's ClassType method m (its first input is self),
// recursively. Copied nodes keep scopes and source comments; their value
// names are made unique. Fails on classes known only by name (parsed text).
void inline_calls(Graph& g);

// Every tensor type, also inside lists, tuples, dicts and optionals, becomes
// the unspecialised "Tensor".
void erase_shape_information(Graph& g);

}  // namespace paratrace::jit
