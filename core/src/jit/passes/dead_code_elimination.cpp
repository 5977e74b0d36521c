// eliminate_dead_code: PyTorch's DCE without alias analysis, so every
// in-place op is kept rather than only those writing to live memory.
#include <algorithm>

#include "paratrace/jit/passes.h"
#include "paratrace/ops/op.h"

namespace paratrace::jit {

namespace {

// PyTorch's Node::hasSideEffects list, as far as these kinds can occur here.
bool kind_has_side_effects(const std::string& kind) {
  static constexpr std::string_view kKinds[] = {
      "prim::Print",       "prim::RaiseException", "prim::SetAttr",    "prim::CallMethod",
      "prim::CallFunction", "prim::PythonOp",      "prim::IgnoredPythonOp", "prim::AddStatValue",
      "prim::TimePoint",   "prim::Enter",          "prim::Exit",       "aten::warn",
      "aten::save",        "aten::manual_seed"};
  return std::find(std::begin(kKinds), std::end(kKinds), kind) != std::end(kKinds);
}

// "aten::add_" mutates its first argument; "aten::__getitem__" does not.
// The name decides for kinds we have no op for (parsed text).
bool is_inplace(const Node* n) {
  const std::string& k = n->kind();
  if (k.starts_with("aten::") && k.ends_with("_") && !k.ends_with("__")) return true;
  const OpDef* def = n->op();
  return def && def->has(kInplace);
}

bool has_side_effects(const Node* n) {
  if (kind_has_side_effects(n->kind()) || is_inplace(n)) return true;
  for (const Block* b : n->blocks()) {
    if (std::any_of(b->nodes().begin(), b->nodes().end(), has_side_effects)) return true;
  }
  return false;
}

void eliminate_in_block(Block* block) {
  // Last to first, so a chain of dead nodes goes in one sweep: a node's users
  // come after it.
  const std::vector<Node*> nodes = block->nodes();
  for (auto it = nodes.rbegin(); it != nodes.rend(); ++it) {
    Node* n = *it;
    for (Block* b : n->blocks()) eliminate_in_block(b);
    const bool used = std::any_of(n->outputs().begin(), n->outputs().end(), [](const Value* v) { return v->has_uses(); });
    if (!used && !has_side_effects(n)) n->destroy();
  }
}

}  // namespace

void eliminate_dead_code(Graph& g) { eliminate_in_block(g.block()); }

}  // namespace paratrace::jit
