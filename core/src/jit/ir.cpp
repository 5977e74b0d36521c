// Graph / Node / Value / Block: ownership, use lists, names and ordering.
#include "paratrace/jit/ir.h"

#include <algorithm>

#include "paratrace/ops/op.h"

namespace paratrace::jit {

// ---- Value ----------------------------------------------------------------

std::string Value::debug_name() const { return has_debug_name() ? debug_name_ : std::to_string(unique_); }

Value* Value::set_debug_name(const std::string& name) {
  Graph* g = owning_graph();
  if (has_debug_name()) g->release_name(debug_name_, this);
  debug_name_ = name.empty() ? name : g->unique_name(name, this);
  return this;
}

Value* Value::set_unique(std::size_t n) {
  unique_ = n;
  Graph* g = owning_graph();
  g->next_unique_ = std::max(g->next_unique_, n + 1);
  return this;
}

void Value::replace_all_uses_with(Value* other) {
  const auto uses = uses_;
  for (const Use& u : uses) u.user->replace_input(u.offset, other);
}

Graph* Value::owning_graph() const { return node_->owning_graph(); }

// ---- Node -----------------------------------------------------------------

Value* Node::add_output() {
  Value* v = graph_->new_value(this, outputs_.size());
  outputs_.push_back(v);
  return v;
}

Value* Node::insert_output(std::size_t i) {
  PT_CHECK(i <= outputs_.size(), IndexError, "output position " << i << " is out of range for " << kind_);
  Value* v = graph_->new_value(this, i);
  outputs_.insert(outputs_.begin() + static_cast<std::ptrdiff_t>(i), v);
  for (std::size_t k = i + 1; k < outputs_.size(); ++k) outputs_[k]->offset_ = k;
  return v;
}

Node* Node::add_input(Value* value) {
  value->uses_.push_back({this, inputs_.size()});
  inputs_.push_back(value);
  return this;
}

void Node::replace_input(std::size_t i, Value* value) {
  Value* old = inputs_.at(i);
  std::erase_if(old->uses_, [&](const Use& u) { return u.user == this && u.offset == i; });
  inputs_[i] = value;
  value->uses_.push_back({this, i});
}

void Node::remove_all_inputs() {
  for (std::size_t i = 0; i < inputs_.size(); ++i) {
    std::erase_if(inputs_[i]->uses_, [&](const Use& u) { return u.user == this && u.offset == i; });
  }
  inputs_.clear();
}

void Node::erase_output(std::size_t i) {
  Value* v = outputs_.at(i);
  PT_CHECK(!v->has_uses(), RuntimeError, "cannot erase output %" << v->debug_name() << " of " << kind_
                                                                  << ": it still has uses");
  if (v->has_debug_name()) graph_->release_name(v->debug_name_, v);
  outputs_.erase(outputs_.begin() + static_cast<std::ptrdiff_t>(i));
  for (std::size_t k = i; k < outputs_.size(); ++k) outputs_[k]->offset_ = k;
}

AttributeKind Node::kind_of(const std::string& name) const {
  return static_cast<AttributeKind>(attribute(name).index());
}

const AttributeValue& Node::attribute(const std::string& name) const {
  auto it = attributes_.find(name);
  PT_CHECK(it != attributes_.end(), RuntimeError, "required keyword attribute '" << name << "' is undefined");
  return it->second;
}

Node* Node::set_attribute(const std::string& name, AttributeValue value) {
  attributes_[name] = std::move(value);
  return this;
}

std::vector<std::string> Node::attribute_names() const {
  std::vector<std::string> names;
  for (const auto& [name, value] : attributes_) names.push_back(name);
  return names;
}

Block* Node::add_block() {
  Block* b = graph_->new_block(this);
  blocks_.push_back(b);
  return b;
}

const OpDef* Node::op() const { return find_op(kind_); }

bool Node::is_nondeterministic() const {
  const OpDef* def = op();
  if (!def || !(def->flags & kNondeterministic)) return false;
  // Dropout-like ops are random only in training: their `train` argument.
  if (kind_ == "aten::dropout" || kind_ == "aten::dropout_" || kind_ == "aten::feature_dropout") {
    const Value* train = inputs_.size() > 2 ? inputs_[2] : nullptr;
    return !train || train->node()->kind() != "prim::Constant" || train->node()->constant_value().to_bool();
  }
  return true;
}

IValue Node::constant_value() const {
  PT_CHECK(kind_ == "prim::Constant", RuntimeError, "constant_value() of a " << kind_ << " node");
  if (!has_attribute("value")) return IValue();
  const TypePtr& type = outputs_.at(0)->type();
  return std::visit(
      [&](const auto& v) -> IValue {
        using V = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<V, std::int64_t>) {
          if (type && type->kind() == Type::Kind::Bool) return IValue(v != 0);
          return IValue(v);
        } else if constexpr (std::is_same_v<V, std::vector<std::string>>) {
          std::vector<IValue> items(v.begin(), v.end());
          return IValue::list(std::move(items));
        } else {
          return IValue(v);
        }
      },
      attribute("value"));
}

void Node::insert_before(Node* n) {
  Block* b = n->owning_block_;
  owning_block_ = b;
  b->nodes_.insert(b->nodes_.begin() + static_cast<std::ptrdiff_t>(b->index_of(n)), this);
}

void Node::insert_after(Node* n) {
  Block* b = n->owning_block_;
  owning_block_ = b;
  b->nodes_.insert(b->nodes_.begin() + static_cast<std::ptrdiff_t>(b->index_of(n)) + 1, this);
}

void Node::move_before(Node* n) {
  if (owning_block_) std::erase(owning_block_->nodes_, this);
  insert_before(n);
}

void Node::destroy() {
  for (const Value* v : outputs_) {
    PT_CHECK(!v->has_uses(), RuntimeError,
             "cannot destroy " << kind_ << ": output %" << v->debug_name() << " still has uses");
  }
  // Sub-blocks go first (as in PyTorch): their nodes' uses of outer values
  // would otherwise outlive this node.
  for (Block* b : blocks_) {
    b->return_node()->remove_all_inputs();
    const std::vector<Node*> inner = b->nodes();
    for (auto it = inner.rbegin(); it != inner.rend(); ++it) (*it)->destroy();
  }
  remove_all_inputs();
  for (Value* v : outputs_) {
    if (v->has_debug_name()) graph_->release_name(v->debug_name_, v);
  }
  if (owning_block_) std::erase(owning_block_->nodes_, this);
  owning_block_ = nullptr;
  destroyed_ = true;
}

// ---- Block ----------------------------------------------------------------

Block::Block(Graph* graph, Node* owner) : graph_(graph), owner_(owner) {
  param_ = graph->create("prim::Param", {}, 0);
  return_ = graph->create("prim::Return", {}, 0);
  param_->owning_block_ = this;
  return_->owning_block_ = this;
}

std::size_t Block::index_of(const Node* n) const {
  if (n == return_) return nodes_.size();
  auto it = std::find(nodes_.begin(), nodes_.end(), n);
  PT_CHECK(it != nodes_.end(), RuntimeError, "node " << n->kind() << " is not in this block");
  return static_cast<std::size_t>(it - nodes_.begin());
}

Value* Block::add_input(const std::string& name) {
  Value* v = param_->add_output();
  if (!name.empty()) v->set_debug_name(name);
  return v;
}

Value* Block::insert_input(std::size_t i, const std::string& name) {
  Value* v = param_->insert_output(i);
  if (!name.empty()) v->set_debug_name(name);
  return v;
}

std::size_t Block::register_output(Value* value) {
  return_->add_input(value);
  return return_->inputs().size() - 1;
}

Node* Block::append_node(Node* n) {
  n->owning_block_ = this;
  nodes_.push_back(n);
  return n;
}

Node* Block::prepend_node(Node* n) {
  n->owning_block_ = this;
  nodes_.insert(nodes_.begin(), n);
  return n;
}

// ---- Graph ----------------------------------------------------------------

Graph::Graph() : block_(new_block(nullptr)) {}
Graph::~Graph() = default;

Value* Graph::new_value(Node* node, std::size_t offset) {
  value_store_.push_back(std::unique_ptr<Value>(new Value(node, offset, next_unique_++)));
  return value_store_.back().get();
}

Block* Graph::new_block(Node* owner) {
  block_store_.push_back(std::unique_ptr<Block>(new Block(this, owner)));
  return block_store_.back().get();
}

Node* Graph::create(const std::string& kind, const std::vector<Value*>& inputs, std::size_t num_outputs) {
  node_store_.push_back(std::unique_ptr<Node>(new Node(this, kind)));
  Node* n = node_store_.back().get();
  for (Value* v : inputs) n->add_input(v);
  for (std::size_t i = 0; i < num_outputs; ++i) n->add_output();
  return n;
}

Node* Graph::insert_node(Node* n) {
  if (insert_before_) n->insert_before(insert_before_);
  else block_->append_node(n);
  return n;
}

namespace {
// ".N" suffix handling: "weight.3" -> ("weight", 3).
std::pair<std::string, std::size_t> split_suffix(const std::string& name) {
  const auto dot = name.rfind('.');
  if (dot == std::string::npos || dot + 1 == name.size()) return {name, 0};
  const std::string tail = name.substr(dot + 1);
  if (!std::all_of(tail.begin(), tail.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); })) {
    return {name, 0};
  }
  return {name.substr(0, dot), static_cast<std::size_t>(std::stoul(tail))};
}
}  // namespace

std::string Graph::unique_name(const std::string& requested, const Value* owner) {
  // PyTorch renames the *old* holder; we give the newcomer the suffix, which
  // keeps names already printed stable.
  auto taken = [&](const std::string& n) {
    auto it = names_.find(n);
    return it != names_.end() && it->second != owner;
  };
  std::string name = requested;
  if (taken(name)) {
    auto [base, suffix] = split_suffix(requested);
    std::size_t& next = next_suffix_[base];
    next = std::max(next, suffix + 1);
    do name = base + "." + std::to_string(next++);
    while (taken(name));
  }
  names_[name] = owner;
  return name;
}

void Graph::release_name(const std::string& name, const Value* owner) {
  auto it = names_.find(name);
  if (it != names_.end() && it->second == owner) names_.erase(it);
}

Value* Graph::insert_constant(const IValue& value, const std::string& scope) {
  Node* n = create("prim::Constant");
  n->set_scope(scope);
  Value* out = n->output();
  switch (value.tag()) {
    case IValue::Tag::None: out->set_type(Type::none()); break;
    case IValue::Tag::Tensor:
      if (!value.to_tensor().defined()) {
        out->set_type(Type::none());
        break;
      }
      n->set_attribute("value", value.to_tensor());
      out->set_type(Type::complete_tensor(value.to_tensor()));
      break;
    case IValue::Tag::Double: n->set_attribute("value", value.to_double()); out->set_type(Type::of_float()); break;
    case IValue::Tag::Int: n->set_attribute("value", value.to_int()); out->set_type(Type::of_int()); break;
    case IValue::Tag::Bool:
      n->set_attribute("value", std::int64_t{value.to_bool()});
      out->set_type(Type::of_bool());
      break;
    case IValue::Tag::String: n->set_attribute("value", value.to_string_ref()); out->set_type(Type::of_string()); break;
    case IValue::Tag::IntList:
      n->set_attribute("value", value.to_int_list());
      out->set_type(Type::list(Type::of_int()));
      break;
    case IValue::Tag::DoubleList:
      n->set_attribute("value", value.to_double_list());
      out->set_type(Type::list(Type::of_float()));
      break;
    default:
      PT_THROW(RuntimeError, "Tracer cannot get value trace for type " << value.type_name()
                                                                       << ". The below value could not be "
                                                                          "materialized as a constant:\n"
                                                                       << value.repr());
  }
  return insert_node(n)->output();
}

std::ostream& operator<<(std::ostream& os, const Graph& g) { return os << g.str(); }

}  // namespace paratrace::jit
