#pragma once
// Which call of its module each op of a traced method ran in. The tracer's
// scopes carry no call number ("__module.cell" for all 250 steps of an
// unrolled RNN), so every call of one module would share one cluster that
// spans the whole graph. The hierarchical graph has one prim::CallMethod per
// call, its callee graph built from that call's ops in recorded order: the
// two graphs walked side by side give each op its calls.
#include <unordered_map>
#include <vector>

#include "paratrace/jit/ir.h"

namespace paratrace::graphview {

// For each op of `flat` (not prim::Constant or prim::GetAttr): one call
// number per scope level, outermost first; 1 for the first call of that
// module from that call of its parent. Empty when the graphs do not match
// (a graph loaded from a file, whose hierarchical form is the flat one).
std::unordered_map<const jit::Node*, std::vector<int>> module_call_numbers(const jit::Graph& flat,
                                                                           const jit::Graph& hierarchical);

}  // namespace paratrace::graphview
