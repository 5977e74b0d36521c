// inline_calls: PyTorch's Inline pass for traced modules, where every call is
// a prim::CallMethod on a submodule whose class carries the method graphs.
#include <map>

#include "paratrace/jit/passes.h"

namespace paratrace::jit {

namespace {

void inline_call(Node* call) {
  const Value* self = call->inputs().empty() ? nullptr : call->input(0);
  const TypePtr type = self ? self->type() : nullptr;
  PT_CHECK(type && type->class_type_ptr(), RuntimeError,
           "cannot inline prim::CallMethod: the type of its first input, "
               << (type ? type->str() : "(none)")
               << ", has no methods (a class known only by name, as in parsed IR text)");
  // A copy, inlined on its own first, so the method's graph stays as it is.
  const std::shared_ptr<Graph> callee = type->class_type_ptr()->method(call->s("name"))->copy();
  inline_calls(*callee);
  PT_CHECK(callee->inputs().size() == call->inputs().size(), RuntimeError,
           "cannot inline " << type->str() << "." << call->s("name") << ": it takes " << callee->inputs().size()
                            << " inputs (self included) but the call passes " << call->inputs().size());

  Graph* g = call->owning_graph();
  std::map<const Value*, Value*> env;
  for (std::size_t i = 0; i < callee->inputs().size(); ++i) env[callee->inputs()[i]] = call->input(i);
  for (const Node* n : callee->nodes()) g->create_clone(n, env)->insert_before(call);
  for (std::size_t i = 0; i < call->outputs().size(); ++i) {
    call->output(i)->replace_all_uses_with(env.at(callee->outputs().at(i)));
  }
  call->destroy();
}

void inline_in_block(Block* block) {
  const std::vector<Node*> nodes = block->nodes();
  for (Node* n : nodes) {
    for (Block* b : n->blocks()) inline_in_block(b);
    if (n->kind() == "prim::CallMethod") inline_call(n);
  }
}

}  // namespace

void inline_calls(Graph& g) { inline_in_block(g.block()); }

}  // namespace paratrace::jit
