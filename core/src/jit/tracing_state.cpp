// TracingState: turns dispatched ops and module calls into graph nodes, with
// PyTorch's tracer messages.
#include "tracing_state.h"

#include <algorithm>
#include <atomic>
#include <sstream>

#include "paratrace/tensor/factories.h"

namespace paratrace::jit {

namespace {

thread_local TracingState* g_state = nullptr;

const char* const kPythonDataflow =
    " might cause the trace to be incorrect. We can't record the data flow of Python values, so this value will "
    "be treated as a constant in the future. This means that the trace might not generalize to other inputs!";

const char* const kStrictTracerMessage =
    " might cause the trace to be incorrect, this is only valid if the container structure does not change based "
    "on the module's inputs. Consider using a constant container instead (e.g. for `list`, use a `tuple` instead. "
    "for `dict`, use a `NamedTuple` instead). If you absolutely need this and know the side effects, pass "
    "strict=False to trace() to allow this behavior.";

TypePtr type_of(const IValue& v) {
  if (v.is_tensor()) return Type::complete_tensor(v.to_tensor());
  if (v.is_tuple()) {
    std::vector<TypePtr> elements;
    for (const auto& e : v.tuple_elements()) elements.push_back(type_of(e));
    return Type::tuple(std::move(elements));
  }
  if (v.is_list()) return Type::list(v.list_elements().empty() ? Type::tensor() : type_of(v.list_elements()[0]));
  if (v.is_tensor_list()) return Type::list(Type::tensor());
  if (v.is_dict()) return Type::dict(Type::of_string(), Type::tensor());
  if (v.is_int()) return Type::of_int();
  if (v.is_double()) return Type::of_float();
  if (v.is_bool()) return Type::of_bool();
  return Type::none();
}

}  // namespace

TracingState* current_tracing_state() { return g_state; }

TracingState::TracingState(std::shared_ptr<Graph> graph, nn::Module* root, Value* self)
    : graph_(std::move(graph)), root_(root), self_(self) {
  PT_CHECK(g_state == nullptr, RuntimeError, "Tracing can't be nested");
  if (root_) {
    // First name wins, as named_parameters reports a shared tensor once.
    for (const auto& [path, module] : root_->named_modules()) {
      if (module.get() != root_) {
        const auto dot = path.rfind('.');
        const std::string parent_path = dot == std::string::npos ? "" : path.substr(0, dot);
        const nn::Module* parent = parent_path.empty() ? root_ : root_->get_submodule(parent_path).get();
        modules_.emplace(module.get(), ModuleEntry{parent, path.substr(dot == std::string::npos ? 0 : dot + 1), path});
      }
      for (const auto& [name, t] : module->local_parameters()) {
        if (t.defined()) attributes_.try_emplace(t.impl(), Attribute{module.get(), name});
      }
      for (const auto& [name, t] : module->local_buffers()) {
        if (t.defined()) attributes_.try_emplace(t.impl(), Attribute{module.get(), name});
      }
    }
    module_values_[root_] = self_;
  }
  g_state = this;
  previous_hook_ = set_trace_hook(this);
  previous_observer_ = nn::set_module_call_observer(this);
}

TracingState::~TracingState() {
  set_trace_hook(previous_hook_);
  nn::set_module_call_observer(previous_observer_);
  g_state = nullptr;
}

std::optional<std::source_location>& current_source() {
  thread_local std::optional<std::source_location> where;
  return where;
}

namespace {
void locate(Node* n) {
  if (const auto& where = current_source()) {
    n->set_source_range(std::string(where->file_name()) + ":" + std::to_string(where->line()) + ":" +
                        std::to_string(where->column()));
  }
}
}  // namespace

Node* TracingState::insert(Node* n) {
  locate(n);
  return graph_->insert_node(n);
}

Value* TracingState::constant(const IValue& value, const std::string& scope) {
  Value* v = graph_->insert_constant(value, scope);
  locate(v->node());
  return v;
}

Value* TracingState::module_value(const nn::Module* m) {
  if (auto it = module_values_.find(m); it != module_values_.end()) return it->second;
  const ModuleEntry& entry = modules_.at(m);
  Node* get = insert(graph_->create("prim::GetAttr", {module_value(entry.parent)}));
  get->set_attribute("name", entry.name);
  auto cls = std::make_shared<ClassType>("__torch__." + m->type_name());
  // Numeric names would read as value numbers: PyTorch prints %_0 for child "0".
  const bool numeric = entry.name.find_first_not_of("0123456789") == std::string::npos;
  get->output()->set_debug_name(numeric ? "_" + entry.name : entry.name)->set_type(Type::class_type(cls));
  module_values_[m] = get->output();
  return get->output();
}

Value* TracingState::find_value(const Tensor& t) {
  auto it = values_.find(t.impl());
  return it == values_.end() ? nullptr : it->second.second;
}

void TracingState::set_value(const Tensor& t, Value* v) { values_[t.impl()] = {t, v}; }

Value* TracingState::value_of(const Tensor& t) {
  if (Value* v = find_value(t)) return v;
  if (auto it = attributes_.find(t.impl()); it != attributes_.end()) {
    Node* get = insert(graph_->create("prim::GetAttr", {module_value(it->second.owner)}));
    get->set_attribute("name", it->second.name);
    get->output()->set_debug_name(it->second.name)->set_type(Type::tensor());
    set_value(t, get->output());
    return get->output();
  }
  PT_CHECK(!t.requires_grad(), RuntimeError,
           "Cannot insert a Tensor that requires grad as a constant. Consider making it a parameter or input, or "
           "detaching the gradient\nTensor:\n"
               << t);
  return constant(IValue(t), current_scope());
}

Value* TracingState::value_of_argument(const IValue& arg) {
  const std::string scope = current_scope();
  if (arg.is_tensor() && arg.to_tensor().defined()) return value_of(arg.to_tensor());
  auto list_of = [&](std::vector<Value*> items, TypePtr element) {
    Node* n = insert(graph_->create("prim::ListConstruct", items));
    n->set_scope(scope);
    n->output()->set_type(Type::list(std::move(element)));
    return n->output();
  };
  if (arg.is_tensor_list()) {
    std::vector<Value*> items;
    for (const Tensor& t : arg.to_tensor_list()) items.push_back(value_of(t));
    return list_of(std::move(items), Type::tensor());
  }
  if (arg.is_int_list()) {
    const auto& ints = arg.to_int_list();
    // The announced shape, if this is it: its traced sizes replace constants.
    const bool traced = pending_shape_.size() == ints.size() &&
                        std::equal(ints.begin(), ints.end(), pending_shape_.begin(),
                                   [](std::int64_t a, const SymInt& b) { return a == b.value(); });
    std::vector<Value*> items;
    for (std::size_t k = 0; k < ints.size(); ++k) {
      auto size = traced ? sizes_.find(pending_shape_[k].traced()) : sizes_.end();
      items.push_back(size != sizes_.end() ? int_of(size->second) : constant(IValue(ints[k]), scope));
    }
    if (traced) pending_shape_.clear();
    return list_of(std::move(items), Type::of_int());
  }
  if (arg.is_bool_list()) {
    std::vector<Value*> items;
    for (bool b : arg.to_bool_list()) items.push_back(constant(IValue(b), scope));
    return list_of(std::move(items), Type::of_bool());
  }
  return constant(arg.is_none() ? IValue() : arg, scope);
}

void TracingState::record_op(const OpDef& op, const Stack& args, const Stack& outputs) {
  std::vector<Value*> inputs;
  inputs.reserve(args.size());
  for (const IValue& a : args) inputs.push_back(value_of_argument(a));
  pending_shape_.clear();  // announced for this op only
  Node* n = insert(graph_->create(std::string(op.name()), inputs, 0));
  n->set_scope(current_scope());
  // Ops returning Tensor[] give their tensors as separate stack entries; the
  // graph has one list value, unpacked right away as PyTorch does.
  if (op.schema.ends_with("[]") && !(outputs.size() == 1 && outputs[0].is_tensor_list())) {
    TensorList tensors;
    for (const IValue& out : outputs) tensors.push_back(out.to_tensor());
    record_list_output(n, tensors);
    return;
  }
  for (const IValue& out : outputs) {
    Value* v = n->add_output();
    v->set_type(type_of(out));
    if (out.is_tensor() && out.to_tensor().defined()) {
      set_value(out.to_tensor(), v);
    } else if (out.is_tensor_list()) {
      n->erase_output(n->outputs().size() - 1);
      record_list_output(n, out.to_tensor_list());
    }
  }
}

namespace {
// Ids are unique across traces, so a SymInt kept from another trace is a
// plain integer here.
std::uint64_t next_sym_int_id() {
  static std::atomic<std::uint64_t> next_id{0};
  return ++next_id;
}
}  // namespace

std::uint64_t TracingState::record_size(const Tensor& t, std::int64_t dim) {
  const std::string scope = current_scope();
  Node* size = insert(graph_->create("aten::size", {value_of(t), constant(IValue(dim), scope)}));
  size->set_scope(scope);
  size->output()->set_type(Type::of_int());
  // PyTorch's tracer turns the int into a tensor and back, and so do we.
  Node* tensor = insert(graph_->create("prim::NumToTensor", {size->output()}));
  tensor->set_scope(scope);
  tensor->output()->set_type(Type::partial_tensor({ScalarType::Int64, std::nullopt, std::nullopt, std::nullopt, "cpu"}));
  const std::uint64_t id = next_sym_int_id();
  sizes_[id] = tensor->output();
  return id;
}

Value* TracingState::int_of(Value* size) {
  Value*& v = ints_[size];
  if (!v) {
    Node* n = graph_->create("aten::Int", {size});
    n->set_scope(size->node()->scope());
    n->insert_after(size->node());
    v = n->output()->set_type(Type::of_int());
  }
  return v;
}

// As PyTorch records Python arithmetic on sizes, which are 0-dim Long
// tensors while tracing: the plain operand is a tensor constant, and
// `2 - n` is aten::rsub(n, 2), `2 * n` aten::mul(n, 2). (PyTorch's `2 - n`
// takes the rsub.Scalar overload, an int constant; our rsub op has the
// Tensor overload only.)
std::uint64_t TracingState::record_sym_int_op(SymIntOp op, const SymInt& a, const SymInt& b, std::int64_t result) {
  auto traced = [&](const SymInt& s) -> Value* {
    auto it = sizes_.find(s.traced());
    return it == sizes_.end() ? nullptr : it->second;
  };
  Value* ta = traced(a);
  Value* tb = traced(b);
  if (!ta && !tb) return 0;
  const std::string scope = current_scope();
  const SuspendTracingGuard untraced;  // the constants made here are not ops of the trace
  auto operand = [&](const SymInt& s, Value* t) {
    return t ? t : constant(IValue(scalar_tensor(Scalar(s.value()), ScalarType::Int64)), scope);
  };
  std::string kind;
  std::vector<Value*> inputs;
  const bool reflected = !ta && op != SymIntOp::FloorDiv;  // Python's __radd__, __rsub__, __rmul__
  switch (op) {
    case SymIntOp::Add: kind = "aten::add"; break;
    case SymIntOp::Sub: kind = reflected ? "aten::rsub" : "aten::sub"; break;
    case SymIntOp::Mul: kind = "aten::mul"; break;
    case SymIntOp::FloorDiv: kind = "aten::floor_divide"; break;
  }
  if (reflected) inputs = {tb, operand(a, ta)};
  else inputs = {operand(a, ta), operand(b, tb)};
  if (op == SymIntOp::Add || op == SymIntOp::Sub) inputs.push_back(constant(IValue(std::int64_t{1}), scope));
  Node* n = insert(graph_->create(kind, inputs));
  n->set_scope(scope);
  n->output()->set_type(Type::complete_tensor(scalar_tensor(Scalar(result), ScalarType::Int64)));
  const std::uint64_t id = next_sym_int_id();
  sizes_[id] = n->output();
  return id;
}

void TracingState::shape_argument(const SymIntList& shape) { pending_shape_ = shape.items(); }

void TracingState::record_list_output(Node* n, const TensorList& tensors) {
  Value* list = n->add_output()->set_type(Type::list(Type::tensor()));
  Node* unpack = insert(graph_->create("prim::ListUnpack", {list}, tensors.size()));
  unpack->set_scope(current_scope());
  for (std::size_t i = 0; i < tensors.size(); ++i) {
    unpack->output(i)->set_type(Type::complete_tensor(tensors[i]));
    set_value(tensors[i], unpack->output(i));
  }
}

void TracingState::value_escaped(const char* what) {
  warn(std::string("Converting a tensor to a ") + what + kPythonDataflow);
}

void TracingState::enter(nn::Module& module) {
  if (&module == root_) {
    ++root_depth_;
    open_calls_.push_back(nullptr);
    return;
  }
  auto it = modules_.find(&module);
  open_calls_.push_back(nullptr);
  if (it == modules_.end()) {
    PT_CHECK(root_ == nullptr, RuntimeError,
             "Tried to trace <__torch__." << module.type_name()
                                          << "> but it is not part of the active trace. Modules that are called "
                                             "during a trace must be registered as submodules of the thing being "
                                             "traced.");
    // Tracing a function: modules it calls have no place in a hierarchy.
    scopes_.push_back(current_scope());
    return;
  }
  const std::string own = "__module." + it->second.path;
  scopes_.push_back(scopes_.empty() ? own : scopes_.back() + "/" + own);
  open_calls_.back() = std::make_unique<ModuleCall>();
  open_calls_.back()->module = &module;
  open_calls_.back()->begin = graph_->nodes().size();
}

void TracingState::exit(nn::Module& module) {
  std::unique_ptr<ModuleCall> call = std::move(open_calls_.back());
  open_calls_.pop_back();
  if (call) {
    call->end = graph_->nodes().size();
    // The innermost enclosing recorded call, or the top level.
    std::vector<ModuleCall>* siblings = &calls_;
    for (auto it = open_calls_.rbegin(); it != open_calls_.rend(); ++it) {
      if (*it) {
        siblings = &(*it)->children;
        break;
      }
    }
    siblings->push_back(std::move(*call));
  }
  if (&module == root_) {
    --root_depth_;
    return;
  }
  scopes_.pop_back();
}

namespace {
void collect_tensors(const IValue& v, std::vector<Tensor>& out) {
  if (v.is_tensor()) {
    if (v.to_tensor().defined()) out.push_back(v.to_tensor());
  } else if (v.is_tensor_list()) {
    for (const Tensor& t : v.to_tensor_list()) out.push_back(t);
  } else if (v.is_tuple() || v.is_list()) {
    for (const IValue& e : v.is_tuple() ? v.tuple_elements() : v.list_elements()) collect_tensors(e, out);
  } else if (v.is_dict()) {
    for (const auto& [key, e] : v.dict_items()) collect_tensors(e, out);
  }
}
}  // namespace

void TracingState::result(nn::Module&, const IValue& output) {
  if (open_calls_.empty() || !open_calls_.back()) return;
  std::vector<Tensor> tensors;
  collect_tensors(output, tensors);
  for (const Tensor& t : tensors) {
    if (Value* v = find_value(t)) open_calls_.back()->results.push_back(v);
  }
}

ModuleTree TracingState::module_tree() const {
  ModuleTree tree;
  tree.root = root_;
  if (root_) tree.path[root_] = "";
  for (const auto& [m, entry] : modules_) {
    tree.parent[m] = {entry.parent, entry.name};
    tree.path[m] = entry.path;
  }
  for (const auto& [m, v] : module_values_) tree.module_of[v] = m;
  return tree;
}

void TracingState::bind_input(Value* input, const IValue& example) {
  input->set_type(type_of(example));
  if (example.is_tensor()) {
    set_value(example.to_tensor(), input);
    return;
  }
  if (example.is_tuple() || example.is_list()) {
    const auto& elements = example.is_tuple() ? example.tuple_elements() : example.list_elements();
    Node* unpack = insert(graph_->create(example.is_tuple() ? "prim::TupleUnpack" : "prim::ListUnpack", {input},
                                         elements.size()));
    for (std::size_t i = 0; i < elements.size(); ++i) bind_input(unpack->output(i), elements[i]);
    return;
  }
  if (example.is_tensor_list()) {
    const auto& tensors = example.to_tensor_list();
    Node* unpack = insert(graph_->create("prim::ListUnpack", {input}, tensors.size()));
    for (std::size_t i = 0; i < tensors.size(); ++i) bind_input(unpack->output(i), IValue(tensors[i]));
    return;
  }
  if (example.is_dict()) {
    for (const auto& [key, value] : example.dict_items()) {
      Value* k = constant(IValue(key));
      Node* get = insert(graph_->create("aten::__getitem__", {input, k}));
      bind_input(get->output(), value);
      // A dict's values are typed by the dict's value type, as in PyTorch.
      if (value.is_tensor()) get->output()->set_type(Type::tensor());
    }
    return;
  }
  PT_THROW(RuntimeError, "Type '" << example.type_name()
                                  << "' cannot be traced. Only Tensors and (possibly nested) Lists, Dicts, and "
                                     "Tuples of Tensors can be traced");
}

Value* TracingState::output_value(const IValue& output, std::size_t index, bool strict) {
  if (output.is_tensor() && output.to_tensor().defined()) {
    const Tensor& t = output.to_tensor();
    if (Value* v = find_value(t)) return v;
    if (attributes_.contains(t.impl())) return value_of(t);
    std::ostringstream os;
    os << "output " << index << " (" << t << ") of traced region did not have observable data dependence with "
       << "trace inputs; this probably indicates your program cannot be understood by the tracer.";
    throw RuntimeError(os.str());
  }
  if (output.is_tuple()) {
    std::vector<Value*> items;
    std::vector<TypePtr> types;
    for (const auto& e : output.tuple_elements()) {
      items.push_back(output_value(e, index, strict));
      types.push_back(items.back()->type());
    }
    Node* n = insert(graph_->create("prim::TupleConstruct", items));
    n->output()->set_type(Type::tuple(std::move(types)));
    return n->output();
  }
  if (output.is_list() || output.is_tensor_list()) {
    if (strict) warn(std::string("Encountering a list at the output of the tracer") + kStrictTracerMessage);
    std::vector<Value*> items;
    if (output.is_list()) {
      for (const auto& e : output.list_elements()) items.push_back(output_value(e, index, strict));
    } else {
      for (const auto& t : output.to_tensor_list()) items.push_back(output_value(IValue(t), index, strict));
    }
    Node* n = insert(graph_->create("prim::ListConstruct", items));
    n->output()->set_type(Type::list(Type::tensor()));
    return n->output();
  }
  if (output.is_dict()) {
    PT_CHECK(!strict, RuntimeError, "Encountering a dict at the output of the tracer" << kStrictTracerMessage);
    std::vector<Value*> items;
    for (const auto& [key, value] : output.dict_items()) {
      items.push_back(constant(IValue(key)));
      items.push_back(output_value(value, index, strict));
    }
    Node* n = insert(graph_->create("prim::DictConstruct", items));
    n->output()->set_type(Type::dict(Type::of_string(), Type::tensor()));
    return n->output();
  }
  PT_CHECK(!output.is_none(), RuntimeError,
           "The traced function didn't return any values! Side-effects are not captured in traces, so it would be "
           "a no-op.");
  PT_THROW(RuntimeError,
           "Only tensors, lists, tuples of tensors, or dictionary of tensors can be output from traced functions");
}

}  // namespace paratrace::jit
