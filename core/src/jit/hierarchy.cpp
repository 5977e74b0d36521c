// build_hierarchy: one graph per module call, nested through prim::CallMethod.
#include "hierarchy.h"

#include <algorithm>

namespace paratrace::jit {

namespace {

class Builder {
 public:
  Builder(const Graph& flat, const ModuleTree& tree) : flat_(flat), tree_(tree) {
    const auto& nodes = flat.nodes();
    for (std::size_t i = 0; i < nodes.size(); ++i) position_[nodes[i]] = i;
  }

  Hierarchy build(const std::vector<ModuleCall>& calls) {
    auto graph = std::make_shared<Graph>();
    Context top{nullptr, tree_.root, graph.get(), {}, {}, {}, {}, {}};
    for (const Value* in : flat_.inputs()) {
      Value* v = graph->add_input(in->has_debug_name() ? in->debug_name() : "")->set_type(in->type());
      top.env[in] = v;
      if (auto it = tree_.module_of.find(in); it != tree_.module_of.end()) {
        v->set_type(Type::class_type(class_of(it->second)));
        top.modules[it->second] = v;
      }
    }
    walk(top, 0, flat_.nodes().size(), calls);
    for (const Value* out : flat_.outputs()) graph->register_output(lookup(top, out));
    return {graph, classes_by_path_};
  }

 private:
  struct Context {
    Context* parent;
    const nn::Module* module;
    Graph* graph;
    std::map<const Value*, Value*> env;  // flat value -> value of this graph
    std::map<const nn::Module*, Value*> modules;
    std::map<std::pair<const nn::Module*, std::string>, Value*> attributes;
    // The parent's values behind the inputs after self: attributes of modules
    // outside this one's subtree, then other values.
    std::vector<Value*> lifted_attributes, lifted_values;
  };

  std::shared_ptr<ClassType> class_of(const nn::Module* m) {
    auto& cls = classes_[m];
    if (!cls) {
      cls = std::make_shared<ClassType>("__torch__." + m->type_name());
      if (m != tree_.root) classes_by_path_[tree_.path.at(m)] = cls;
    }
    return cls;
  }

  bool is_descendant(const nn::Module* m, const nn::Module* ancestor) const {
    while (m != ancestor) {
      auto it = tree_.parent.find(m);
      if (it == tree_.parent.end()) return false;
      m = it->second.first;
    }
    return true;
  }

  // Lifting, as PyTorch 1.13's lambda lifting of a traced module call: every
  // value a callee reads from outside becomes an input, in the order the
  // callee first reads them, whether it came in as an argument, inside a
  // tuple or list argument, or not at all; arguments never read are not
  // inputs. Attributes (modules, parameters, buffers) of modules outside the
  // callee's subtree come first, right after self, as PyTorch resolves them
  // in an earlier pass.
  Value* lift(Context& ctx, const std::string& name, Value* outer, bool attribute) {
    if (attribute) {
      Value* in = ctx.graph->insert_input(1 + ctx.lifted_attributes.size(), name)->set_type(outer->type());
      ctx.lifted_attributes.push_back(outer);
      return in;
    }
    ctx.lifted_values.push_back(outer);
    return ctx.graph->add_input(name)->set_type(outer->type());
  }

  Value* module_value(Context& ctx, const nn::Module* m) {
    if (auto it = ctx.modules.find(m); it != ctx.modules.end()) return it->second;
    Value* v;
    if (is_descendant(m, ctx.module)) {
      const auto& [parent, name] = tree_.parent.at(m);
      Node* get = ctx.graph->insert_node(ctx.graph->create("prim::GetAttr", {module_value(ctx, parent)}));
      get->set_attribute("name", name);
      // Numeric names would read as value numbers: PyTorch prints %_0 for child "0".
      const bool numeric = name.find_first_not_of("0123456789") == std::string::npos;
      v = get->output()->set_debug_name(numeric ? "_" + name : name)->set_type(Type::class_type(class_of(m)));
    } else {
      PT_CHECK(ctx.parent, RuntimeError, "module " << m->type_name() << " is not reachable from the traced module");
      v = lift(ctx, "", module_value(*ctx.parent, m), true);
    }
    ctx.modules[m] = v;
    return v;
  }

  Value* lookup(Context& ctx, const Value* v) {
    if (auto it = ctx.env.find(v); it != ctx.env.end()) return it->second;
    if (auto it = tree_.module_of.find(v); it != tree_.module_of.end()) return module_value(ctx, it->second);
    const Node* n = v->node();
    if (n->kind() == "prim::Constant") {
      ctx.graph->insert_node(ctx.graph->create_clone(n, ctx.env));
      return ctx.env.at(v);
    }
    if (n->kind() == "prim::GetAttr" && tree_.module_of.contains(n->input())) {
      const nn::Module* owner = tree_.module_of.at(n->input());
      if (is_descendant(owner, ctx.module)) {
        Value*& cached = ctx.attributes[{owner, n->s("name")}];
        if (!cached) {
          std::map<const Value*, Value*> env{{n->input(), module_value(ctx, owner)}};
          Node* get = ctx.graph->insert_node(ctx.graph->create_clone(n, env));
          cached = get->output();
        }
        ctx.env[v] = cached;
        return cached;
      }
    }
    PT_CHECK(ctx.parent, RuntimeError, "value %" << v->debug_name() << " is used before it is defined");
    const bool attribute = n->kind() == "prim::GetAttr" && tree_.module_of.contains(n->input());
    Value* in = lift(ctx, v->has_debug_name() ? v->debug_name() : "", lookup(*ctx.parent, v), attribute);
    ctx.env[v] = in;
    return in;
  }

  void walk(Context& ctx, std::size_t begin, std::size_t end, const std::vector<ModuleCall>& calls) {
    std::size_t next_call = 0;
    for (std::size_t i = begin; i < end || next_call < calls.size();) {
      if (next_call < calls.size() && calls[next_call].begin == i) {
        emit_call(ctx, calls[next_call]);
        i = calls[next_call++].end;
        continue;
      }
      if (i >= end) break;
      const Node* n = flat_.nodes()[i++];
      if (n->kind() == "prim::Constant" || n->kind() == "prim::GetAttr") continue;
      for (const Value* in : n->inputs()) lookup(ctx, in);
      ctx.graph->insert_node(ctx.graph->create_clone(n, ctx.env));
    }
  }

  // Whether a value recorded during [.., end) is read by a later node or returned.
  bool escapes(const Value* v, std::size_t end) const {
    for (const Use& u : v->uses()) {
      auto it = position_.find(u.user);
      if (it == position_.end() || it->second >= end) return true;
    }
    return false;
  }

  void emit_call(Context& ctx, const ModuleCall& call) {
    const std::shared_ptr<ClassType> cls = class_of(call.module);
    auto graph = std::make_shared<Graph>();
    Context inner{&ctx, call.module, graph.get(), {}, {}, {}, {}, {}};
    inner.modules[call.module] = graph->add_input("self")->set_type(Type::class_type(cls));
    walk(inner, call.begin, call.end, call.children);

    // Outputs: the returned tensors, then other values read after the call
    // (tensors changed in place).
    std::vector<const Value*> outputs;
    auto add_output = [&](const Value* v) {
      if (std::find(outputs.begin(), outputs.end(), v) == outputs.end()) outputs.push_back(v);
    };
    for (const Value* r : call.results) add_output(r);
    for (std::size_t i = call.begin; i < call.end; ++i) {
      const Node* n = flat_.nodes()[i];
      if (n->kind() == "prim::Constant" || n->kind() == "prim::GetAttr") continue;
      for (const Value* v : n->outputs()) {
        if (escapes(v, call.end)) add_output(v);
      }
    }
    if (outputs.size() == 1) {
      graph->register_output(lookup(inner, outputs[0]));
    } else {
      std::vector<Value*> items;
      std::vector<TypePtr> types;
      for (const Value* o : outputs) {
        items.push_back(lookup(inner, o));
        types.push_back(items.back()->type());
      }
      Node* tuple = graph->insert_node(graph->create("prim::TupleConstruct", items));
      tuple->output()->set_type(Type::tuple(std::move(types)));
      graph->register_output(tuple->output());
    }

    // A module called again gets forward1, forward2 ... for its later calls.
    std::string name = "forward";
    for (int k = 1; cls->methods().contains(name); ++k) name = "forward" + std::to_string(k);
    cls->add_method(name, graph);

    std::vector<Value*> inputs{module_value(ctx, call.module)};
    inputs.insert(inputs.end(), inner.lifted_attributes.begin(), inner.lifted_attributes.end());
    inputs.insert(inputs.end(), inner.lifted_values.begin(), inner.lifted_values.end());
    Node* invoke = ctx.graph->insert_node(ctx.graph->create("prim::CallMethod", inputs));
    invoke->set_attribute("name", name);
    // Typed as PyTorch types a method's result: shapes erased.
    invoke->output()->set_type(graph->outputs()[0]->type()->without_shape());
    if (outputs.size() == 1) {
      ctx.env[outputs[0]] = invoke->output();
      return;
    }
    Node* unpack = ctx.graph->insert_node(ctx.graph->create("prim::TupleUnpack", {invoke->output()}, outputs.size()));
    for (std::size_t i = 0; i < outputs.size(); ++i) {
      unpack->output(i)->set_type(outputs[i]->type()->without_shape());
      ctx.env[outputs[i]] = unpack->output(i);
    }
  }

  const Graph& flat_;
  const ModuleTree& tree_;
  std::map<const Node*, std::size_t> position_;
  std::map<const nn::Module*, std::shared_ptr<ClassType>> classes_;
  std::map<std::string, std::shared_ptr<ClassType>> classes_by_path_;
};

}  // namespace

Hierarchy build_hierarchy(const Graph& flat, const ModuleTree& tree, const std::vector<ModuleCall>& calls) {
  return Builder(flat, tree).build(calls);
}

}  // namespace paratrace::jit
