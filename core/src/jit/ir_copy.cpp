// Graph::copy and Graph::create_clone: copies keeping names, types,
// attributes, scopes and sub-blocks.
#include <map>

#include "paratrace/jit/ir.h"

namespace paratrace::jit {

namespace {

Value* mapped(const std::map<const Value*, Value*>& env, const Value* v, const Node* user) {
  auto it = env.find(v);
  PT_CHECK(it != env.end(), RuntimeError,
           "cannot copy " << user->kind() << ": its input %" << v->debug_name() << " has no counterpart in the copy");
  return it->second;
}

Value* copy_value_metadata(const Value* from, Value* to, std::map<const Value*, Value*>& env) {
  to->set_type(from->type());
  if (from->has_debug_name()) to->set_debug_name(from->debug_name());
  env[from] = to;
  return to;
}

}  // namespace

Node* Graph::create_clone(const Node* n, std::map<const Value*, Value*>& env) {
  Node* c = create(n->kind(), {}, 0);
  for (const Value* in : n->inputs()) c->add_input(mapped(env, in, n));
  for (const auto& [name, value] : n->attributes()) c->set_attribute(name, value);
  c->set_scope(n->scope())->set_source_range(n->source_range());
  for (const Value* out : n->outputs()) copy_value_metadata(out, c->add_output(), env);
  for (const Block* from : n->blocks()) {
    Block* to = c->add_block();
    for (const Value* in : from->inputs()) copy_value_metadata(in, to->add_input(), env);
    for (const Node* inner : from->nodes()) to->append_node(create_clone(inner, env));
    for (const Value* out : from->outputs()) to->register_output(mapped(env, out, from->return_node()));
  }
  return c;
}

std::shared_ptr<Graph> Graph::copy() const {
  auto g = std::make_shared<Graph>();
  std::map<const Value*, Value*> env;
  for (const Value* in : inputs()) copy_value_metadata(in, g->add_input(), env);
  for (const Node* n : nodes()) g->block()->append_node(g->create_clone(n, env));
  for (const Value* out : outputs()) g->register_output(mapped(env, out, block_->return_node()));
  // Every value was copied once, so the original numbers stay unique.
  for (const auto& [from, to] : env) to->set_unique(from->unique());
  return g;
}

}  // namespace paratrace::jit
