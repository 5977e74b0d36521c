// The graph interpreter.
#include "interpreter.h"

#include <algorithm>
#include <string_view>
#include <vector>

#include "paratrace/ops/op.h"
#include "paratrace/tensor/factories.h"

namespace paratrace::jit {

namespace {

// Which slots hold a value: a bit per slot.
class SlotSet {
 public:
  void insert(std::size_t i) {
    if (i >= bits_.size()) bits_.resize(i + 1, false);
    bits_[i] = true;
  }
  bool contains(std::size_t i) const { return i < bits_.size() && bits_[i]; }

 private:
  std::vector<bool> bits_;
};

std::size_t slot_count(const Graph& graph) {
  std::size_t n = 0;
  for (const Value* v : graph.inputs()) n = std::max(n, v->unique() + 1);
  for (const Node* node : graph.nodes()) {
    for (const Value* v : node->outputs()) n = std::max(n, v->unique() + 1);
  }
  return n;
}

// Values live in slots indexed by Value::unique(): no per-value allocation,
// which keeps a replay close to eager execution on small models.
class Frame {
 public:
  explicit Frame(std::size_t slots) : values_(slots), modules_(slots, nullptr) {}
  const IValue& get(const Value* v) const {
    PT_CHECK(v->unique() < values_.size() && defined_.contains(v->unique()), RuntimeError,
             "value %" << v->debug_name() << " used before it is defined");
    return values_[v->unique()];
  }
  nn::Module& module(const Value* v) const {
    nn::Module* m = v->unique() < modules_.size() ? modules_[v->unique()] : nullptr;
    PT_CHECK(m, RuntimeError, "value %" << v->debug_name() << " is not a module");
    return *m;
  }
  void set(const Value* v, IValue value) {
    values_.at(v->unique()) = std::move(value);
    defined_.insert(v->unique());
  }
  void set_module(const Value* v, nn::Module* m) { modules_.at(v->unique()) = m; }

 private:
  std::vector<IValue> values_;
  std::vector<nn::Module*> modules_;
  SlotSet defined_;
};

IValue make_list(const TypePtr& type, std::vector<IValue> items) {
  const Type::Kind element = type && !type->contained().empty() ? type->contained()[0]->kind() : Type::Kind::Any;
  switch (element) {
    case Type::Kind::Tensor: {
      std::vector<Tensor> tensors;
      for (const auto& i : items) tensors.push_back(i.to_optional_tensor());
      return IValue(std::move(tensors));
    }
    case Type::Kind::Int: {
      std::vector<std::int64_t> ints;
      for (const auto& i : items) ints.push_back(i.to_int());
      return IValue(std::move(ints));
    }
    case Type::Kind::Float: {
      std::vector<double> doubles;
      for (const auto& i : items) doubles.push_back(i.to_double());
      return IValue(std::move(doubles));
    }
    case Type::Kind::Bool: {
      std::vector<bool> bools;
      for (const auto& i : items) bools.push_back(i.to_bool());
      return IValue(std::move(bools));
    }
    default: return IValue::list(std::move(items));
  }
}

std::vector<IValue> elements_of(const IValue& v) {
  if (v.is_tuple()) return v.tuple_elements();
  if (v.is_list()) return v.list_elements();
  if (v.is_tensor_list()) {
    std::vector<IValue> out;
    for (const auto& t : v.to_tensor_list()) out.emplace_back(t);
    return out;
  }
  if (v.is_int_list()) {
    std::vector<IValue> out;
    for (auto i : v.to_int_list()) out.emplace_back(i);
    return out;
  }
  PT_THROW(RuntimeError, "cannot unpack a value of type " << v.type_name());
}

void run_node(const Node* n, Frame& frame) {
  // A view: comparing with each literal checks the length first (no strlen).
  const std::string_view kind = n->kind();
  if (kind == "prim::Constant") {
    frame.set(n->output(), n->constant_value());
  } else if (kind == "prim::GetAttr") {
    nn::Module& owner = frame.module(n->input());
    const std::string& name = n->s("name");
    if (owner.has_child(name)) frame.set_module(n->output(), owner.child(name).get());
    else frame.set(n->output(), owner.attr(name));
  } else if (kind == "prim::ListConstruct") {
    std::vector<IValue> items;
    for (const Value* in : n->inputs()) items.push_back(frame.get(in));
    frame.set(n->output(), make_list(n->output()->type(), std::move(items)));
  } else if (kind == "prim::TupleConstruct") {
    std::vector<IValue> items;
    for (const Value* in : n->inputs()) items.push_back(frame.get(in));
    frame.set(n->output(), IValue::tuple(std::move(items)));
  } else if (kind == "prim::DictConstruct") {
    std::vector<std::pair<std::string, IValue>> items;
    for (std::size_t i = 0; i + 1 < n->inputs().size(); i += 2) {
      items.emplace_back(frame.get(n->input(i)).to_string_ref(), frame.get(n->input(i + 1)));
    }
    frame.set(n->output(), IValue::dict(std::move(items)));
  } else if (kind == "prim::TupleUnpack" || kind == "prim::ListUnpack") {
    const std::vector<IValue> items = elements_of(frame.get(n->input()));
    PT_CHECK(items.size() == n->outputs().size(), RuntimeError,
             kind << " expected " << n->outputs().size() << " elements but got " << items.size());
    for (std::size_t i = 0; i < items.size(); ++i) frame.set(n->output(i), items[i]);
  } else if (kind == "aten::size") {
    frame.set(n->output(), IValue(frame.get(n->input(0)).to_tensor().size(frame.get(n->input(1)).to_int())));
  } else if (kind == "prim::NumToTensor") {
    frame.set(n->output(), IValue(scalar_tensor(Scalar(frame.get(n->input()).to_int()), ScalarType::Int64)));
  } else if (kind == "aten::Int") {
    frame.set(n->output(), IValue(frame.get(n->input()).to_tensor().item<std::int64_t>()));
  } else if (kind == "prim::CallMethod") {
    // The hierarchical form: the callee's graph runs on the submodule.
    const TypePtr& type = n->input(0)->type();
    PT_CHECK(type && type->class_type_ptr(), RuntimeError,
             "prim::CallMethod on " << (type ? type->str() : "(none)") << ", a class without methods");
    Stack args;
    for (std::size_t i = 1; i < n->inputs().size(); ++i) args.push_back(frame.get(n->input(i)));
    frame.set(n->output(), run_graph(*type->class_type_ptr()->method(n->s("name")), &frame.module(n->input(0)), args));
  } else if (kind == "aten::__getitem__") {
    const IValue& container = frame.get(n->input(0));
    const IValue& key = frame.get(n->input(1));
    if (container.is_dict()) {
      for (const auto& [k, v] : container.dict_items()) {
        if (k == key.to_string_ref()) {
          frame.set(n->output(), v);
          return;
        }
      }
      PT_THROW(KeyError, "'" << key.to_string_ref() << "'");
    }
    const std::vector<IValue> items = elements_of(container);
    std::int64_t i = key.to_int();
    if (i < 0) i += static_cast<std::int64_t>(items.size());
    PT_CHECK(i >= 0 && i < static_cast<std::int64_t>(items.size()), IndexError, "list index out of range");
    frame.set(n->output(), items[static_cast<std::size_t>(i)]);
  } else {
    const OpDef* op = n->op();
    PT_CHECK(op != nullptr, NotImplementedError, "the interpreter has no implementation of " << kind);
    Stack args;
    args.reserve(n->inputs().size());
    for (const Value* in : n->inputs()) args.push_back(frame.get(in));
    Stack outputs = call_op(op->kind, std::move(args));
    if (op->schema.ends_with("[]") && n->outputs().size() == 1 && !(outputs.size() == 1 && outputs[0].is_tensor_list())) {
      // Tensor[] results come back as separate stack entries.
      TensorList tensors;
      for (const IValue& v : outputs) tensors.push_back(v.to_tensor());
      frame.set(n->output(), IValue(std::move(tensors)));
      return;
    }
    PT_CHECK(outputs.size() == n->outputs().size(), RuntimeError,
             kind << " returned " << outputs.size() << " values where the graph expects " << n->outputs().size());
    for (std::size_t i = 0; i < outputs.size(); ++i) frame.set(n->output(i), std::move(outputs[i]));
  }
}

}  // namespace

IValue run_graph(const Graph& graph, nn::Module* self, const Stack& inputs) {
  Frame frame(slot_count(graph));
  const auto& graph_inputs = graph.inputs();
  std::size_t first = 0;
  if (!graph_inputs.empty() && graph_inputs[0]->type() && graph_inputs[0]->type()->kind() == Type::Kind::Class) {
    PT_CHECK(self != nullptr, RuntimeError, "the graph takes a module as self but none was given");
    frame.set_module(graph_inputs[0], self);
    first = 1;
  }
  PT_CHECK(inputs.size() == graph_inputs.size() - first, TypeError,
           "forward() expected " << graph_inputs.size() - first << " arguments but " << inputs.size()
                                 << " were given");
  for (std::size_t i = first; i < graph_inputs.size(); ++i) frame.set(graph_inputs[i], inputs[i - first]);
  for (const Node* n : graph.nodes()) run_node(n, frame);
  PT_CHECK(graph.outputs().size() == 1, RuntimeError, "a traced graph returns one value");
  return frame.get(graph.outputs()[0]);
}

}  // namespace paratrace::jit
