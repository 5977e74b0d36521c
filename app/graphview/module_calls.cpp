#include "graphview/module_calls.h"

#include <map>

#include "graphview/scope_path.h"

namespace paratrace::graphview {

namespace {

bool is_recreated(const jit::Node& n) { return n.kind() == "prim::Constant" || n.kind() == "prim::GetAttr"; }

class Matcher {
 public:
  explicit Matcher(const jit::Graph& flat) {
    for (const jit::Node* n : flat.nodes()) {
      if (!is_recreated(*n)) ops_.push_back(n);
    }
  }

  // Walks `graph` (the body of one call, numbered `calls` from the root) and
  // assigns the flat ops it recorded; false on a mismatch.
  bool walk(const jit::Graph& graph, std::vector<int>& calls) {
    std::map<const jit::ClassType*, int> count;  // calls of each child module from this call
    const jit::Node* previous_call = nullptr;
    for (const jit::Node* n : graph.nodes()) {
      if (is_recreated(*n)) continue;
      if (n->kind() == "prim::CallMethod") {
        const jit::Type* type = n->input(0)->type().get();
        const jit::ClassType* cls = type ? type->class_type_ptr().get() : nullptr;
        const auto callee = cls ? cls->method(n->s("name")) : nullptr;
        if (!callee) return false;
        calls.push_back(++count[cls]);
        if (!walk(*callee, calls)) return false;
        calls.pop_back();
        previous_call = n;
        continue;
      }
      // Tuples the hierarchy adds to return several results from a call.
      const bool unpacks_call = n->kind() == "prim::TupleUnpack" && previous_call &&
                                n->input(0) == previous_call->output();
      const bool packs_return = n->kind() == "prim::TupleConstruct" && graph.outputs().size() == 1 &&
                                graph.outputs()[0] == n->output();
      if (next_ < ops_.size() && ops_[next_]->kind() == n->kind()) {
        // The flat op's scope must have one level per call it is in.
        if (scope_levels(ops_[next_]->scope()).size() != calls.size()) return false;
        numbers_[ops_[next_++]] = calls;
      } else if (!unpacks_call && !packs_return) {
        return false;
      }
    }
    return true;
  }

  bool complete() const { return next_ == ops_.size(); }
  std::unordered_map<const jit::Node*, std::vector<int>> take() { return std::move(numbers_); }

 private:
  std::vector<const jit::Node*> ops_;
  std::size_t next_ = 0;
  std::unordered_map<const jit::Node*, std::vector<int>> numbers_;
};

}  // namespace

std::unordered_map<const jit::Node*, std::vector<int>> module_call_numbers(const jit::Graph& flat,
                                                                           const jit::Graph& hierarchical) {
  Matcher matcher(flat);
  std::vector<int> calls;
  if (!matcher.walk(hierarchical, calls) || !matcher.complete()) return {};
  return matcher.take();
}

}  // namespace paratrace::graphview
