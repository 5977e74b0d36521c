// Graph::copy: a deep copy keeping names, numbers, types, attributes and
// scopes, so the copy prints as the original.
#include <map>

#include "paratrace/jit/ir.h"

namespace paratrace::jit {

namespace {

void copy_block(const Block* from, Block* to, std::map<const Value*, Value*>& env) {
  Graph* g = to->owning_graph();
  for (const Value* in : from->inputs()) {
    Value* v = to->add_input()->set_type(in->type())->set_unique(in->unique());
    if (in->has_debug_name()) v->set_debug_name(in->debug_name());
    env[in] = v;
  }
  for (const Node* n : from->nodes()) {
    Node* c = g->create(n->kind(), {}, 0);
    for (const Value* in : n->inputs()) c->add_input(env.at(in));
    for (const auto& [name, value] : n->attributes()) c->set_attribute(name, value);
    c->set_scope(n->scope())->set_source_range(n->source_range());
    to->append_node(c);
    for (const Value* out : n->outputs()) {
      Value* v = c->add_output()->set_type(out->type())->set_unique(out->unique());
      if (out->has_debug_name()) v->set_debug_name(out->debug_name());
      env[out] = v;
    }
    for (const Block* b : n->blocks()) copy_block(b, c->add_block(), env);
  }
  for (const Value* out : from->outputs()) to->register_output(env.at(out));
}

}  // namespace

std::shared_ptr<Graph> Graph::copy() const {
  auto g = std::make_shared<Graph>();
  std::map<const Value*, Value*> env;
  copy_block(block_, g->block(), env);
  return g;
}

}  // namespace paratrace::jit
