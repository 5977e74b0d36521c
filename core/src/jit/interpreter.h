#pragma once
// Executes a graph: aten nodes through the op registry (so autograd records
// the replay), prim nodes (constants, attribute reads on the module tree,
// list/tuple/dict construction and unpacking) here.
#include "paratrace/jit/ir.h"
#include "paratrace/nn/module.h"

namespace paratrace::jit {

// `self` is bound to the graph's first input when the graph has one of class
// type; `inputs` are the remaining inputs.
IValue run_graph(const Graph& graph, nn::Module* self, const Stack& inputs);

}  // namespace paratrace::jit
