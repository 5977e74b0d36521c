// constant_pooling: PyTorch's ConstantPooling. Each first occurrence of a
// value is moved to the start of the graph (so the pooled constants end up
// in reverse order of discovery, as in PyTorch); later equal ones are
// replaced by it.
#include <algorithm>
#include <cmath>
#include <map>

#include "../ir_text_format.h"
#include "paratrace/jit/passes.h"
#include "paratrace/tensor/ops.h"

namespace paratrace::jit {

namespace {

bool same_type(const TypePtr& a, const TypePtr& b) { return a == b || (a && b && *a == *b); }

bool same_tensor(const Tensor& a, const Tensor& b) {
  // An undefined tensor stands for a value the text did not show ("<Tensor>").
  return a.defined() && b.defined() && a.dtype() == b.dtype() && a.sizes() == b.sizes() && equal(a, b);
}

bool same_value(const AttributeValue& a, const AttributeValue& b) {
  if (a.index() != b.index()) return false;
  return std::visit(
      [&](const auto& x) {
        using V = std::decay_t<decltype(x)>;
        const V& y = std::get<V>(b);
        if constexpr (std::is_same_v<V, Tensor>) return same_tensor(x, y);
        // 0. and -0. print differently and divide differently.
        else if constexpr (std::is_same_v<V, double>) return x == y && std::signbit(x) == std::signbit(y);
        else return x == y;
      },
      a);
}

bool same_constant(const Node* a, const Node* b) {
  if (!same_type(a->output()->type(), b->output()->type())) return false;
  if (a->attributes().size() != b->attributes().size()) return false;
  for (const auto& [name, value] : a->attributes()) {
    if (!b->has_attribute(name) || !same_value(value, b->attribute(name))) return false;
  }
  return true;
}

// Type and printed value: equal constants share it (the converse is checked
// by same_constant).
std::string bucket_key(const Node* n) {
  std::string key = n->output()->type() ? n->output()->type()->str() : "";
  for (const auto& [name, value] : n->attributes()) key += "|" + name + "=" + text::format_attribute(value);
  return key;
}

bool is_mutable(const TypePtr& t) {
  return t && (t->kind() == Type::Kind::Tensor || t->kind() == Type::Kind::List || t->kind() == Type::Kind::Dict);
}

bool is_graph_output(const Value* v) {
  const Node* ret = v->owning_graph()->block()->return_node();
  return std::any_of(v->uses().begin(), v->uses().end(), [&](const Use& u) { return u.user == ret; });
}

class Pooler {
 public:
  explicit Pooler(Graph& g) : g_(g) {}

  void pool(Block* block) {
    const std::vector<Node*> nodes = block->nodes();
    for (Node* n : nodes) {
      if (!n->blocks().empty()) {
        for (Block* b : n->blocks()) pool(b);
        continue;
      }
      if (n->kind() != "prim::Constant" || n->outputs().size() != 1) continue;
      std::vector<Node*>& bucket = pooled_[bucket_key(n)];
      auto existing = std::find_if(bucket.begin(), bucket.end(), [&](const Node* p) { return same_constant(p, n); });
      if (existing == bucket.end()) {
        bucket.push_back(n);
        Node* first = g_.nodes().front();
        if (n != first) n->move_before(first);
        continue;
      }
      // Returned mutable values may be changed by the caller: sharing one
      // would make a change to one output show in the other.
      if (is_mutable(n->output()->type()) && is_graph_output(n->output()) && is_graph_output((*existing)->output())) {
        continue;
      }
      n->output()->replace_all_uses_with((*existing)->output());
      n->destroy();
    }
  }

 private:
  Graph& g_;
  std::map<std::string, std::vector<Node*>> pooled_;
};

}  // namespace

void constant_pooling(Graph& g) { Pooler(g).pool(g.block()); }

}  // namespace paratrace::jit
