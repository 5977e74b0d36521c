#pragma once
// The graph IR, named as PyTorch's: a Graph owns Nodes and Values; a Block
// is an ordered list of nodes between a param node (the inputs) and a return
// node (the outputs). Node kinds are schema names ("aten::linear") or prim
// kinds ("prim::Constant", "prim::GetAttr", "prim::CallMethod" ...).
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <variant>
#include <vector>

#include "paratrace/jit/type.h"
#include "paratrace/ops/ivalue.h"

namespace paratrace {
struct OpDef;
}

namespace paratrace::jit {

class Node;
class Block;
class Graph;

struct Use {
  Node* user;
  std::size_t offset;  // which input of `user`
};

class Value {
 public:
  std::size_t unique() const { return unique_; }
  bool has_debug_name() const { return !debug_name_.empty(); }
  // The name printed after %: the debug name, or the unique number.
  std::string debug_name() const;
  // Sets a name made unique in the graph with ".N" suffixes, as PyTorch does
  // (a name ending in ".N" is taken as base + suffix). Empty clears it.
  Value* set_debug_name(const std::string& name);
  // For readers of IR text, which keep PyTorch's numbers (%39 stays %39):
  // the caller keeps numbers unique in the graph; values created later are
  // numbered above every number set here.
  Value* set_unique(std::size_t n);
  const TypePtr& type() const { return type_; }
  Value* set_type(TypePtr type) {
    type_ = std::move(type);
    return this;
  }
  Node* node() const { return node_; }
  std::size_t offset() const { return offset_; }
  const std::vector<Use>& uses() const { return uses_; }
  bool has_uses() const { return !uses_.empty(); }
  void replace_all_uses_with(Value* other);
  Graph* owning_graph() const;

 private:
  friend class Node;
  friend class Graph;
  Value(Node* node, std::size_t offset, std::size_t unique) : unique_(unique), node_(node), offset_(offset) {}
  std::size_t unique_;
  std::string debug_name_;
  TypePtr type_;
  Node* node_;
  std::size_t offset_;
  std::vector<Use> uses_;
};

enum class AttributeKind { Int, Float, String, Ints, Floats, Strings, Tensor };
using AttributeValue =
    std::variant<std::int64_t, double, std::string, std::vector<std::int64_t>, std::vector<double>,
                 std::vector<std::string>, Tensor>;

class Node {
 public:
  const std::string& kind() const { return kind_; }
  const std::vector<Value*>& inputs() const { return inputs_; }
  const std::vector<Value*>& outputs() const { return outputs_; }
  Value* input(std::size_t i = 0) const { return inputs_.at(i); }
  Value* output(std::size_t i = 0) const { return outputs_.at(i); }
  Value* add_output();
  Value* insert_output(std::size_t i);
  Node* add_input(Value* value);
  void replace_input(std::size_t i, Value* value);
  void remove_all_inputs();
  void erase_output(std::size_t i);

  // Attributes, as PyTorch's i/f/s/is/fs/ss/t accessors.
  bool has_attribute(const std::string& name) const { return attributes_.contains(name); }
  AttributeKind kind_of(const std::string& name) const;
  const AttributeValue& attribute(const std::string& name) const;
  Node* set_attribute(const std::string& name, AttributeValue value);
  std::vector<std::string> attribute_names() const;
  const std::map<std::string, AttributeValue>& attributes() const { return attributes_; }
  std::int64_t i(const std::string& name) const { return std::get<std::int64_t>(attribute(name)); }
  double f(const std::string& name) const { return std::get<double>(attribute(name)); }
  const std::string& s(const std::string& name) const { return std::get<std::string>(attribute(name)); }
  const Tensor& t(const std::string& name) const { return std::get<Tensor>(attribute(name)); }

  // "__module.inner/__module.inner.lin"; empty at the top level.
  const std::string& scope() const { return scope_; }
  Node* set_scope(std::string scope) {
    scope_ = std::move(scope);
    return this;
  }
  // "file:line:col" printed after "#"; empty when unknown.
  const std::string& source_range() const { return source_range_; }
  Node* set_source_range(std::string range) {
    source_range_ = std::move(range);
    return this;
  }

  Block* owning_block() const { return owning_block_; }
  Graph* owning_graph() const { return graph_; }
  const std::vector<Block*>& blocks() const { return blocks_; }
  Block* add_block();

  // The op registry entry for an aten kind (nullptr for prim nodes and
  // unknown kinds, e.g. parsed text of ops we do not implement).
  const OpDef* op() const;
  // Random ops, and dropout-like ops whose `train` argument is a true constant.
  bool is_nondeterministic() const;
  // A prim::Constant's value as an IValue.
  IValue constant_value() const;

  // Position in the owning block.
  void insert_before(Node* n);
  void insert_after(Node* n);
  void move_before(Node* n);
  // Removes the node (which must have no used outputs) from its block, with
  // the nodes of its sub-blocks.
  void destroy();
  bool is_destroyed() const { return destroyed_; }

 private:
  friend class Graph;
  friend class Block;
  Node(Graph* graph, std::string kind) : kind_(std::move(kind)), graph_(graph) {}
  std::string kind_;
  std::vector<Value*> inputs_, outputs_;
  std::map<std::string, AttributeValue> attributes_;
  std::string scope_, source_range_;
  Graph* graph_;
  Block* owning_block_ = nullptr;
  std::vector<Block*> blocks_;
  bool destroyed_ = false;
};

class Block {
 public:
  Node* param_node() const { return param_; }
  Node* return_node() const { return return_; }
  const std::vector<Value*>& inputs() const { return param_->outputs(); }
  const std::vector<Value*>& outputs() const { return return_->inputs(); }
  // The nodes between param and return, in order.
  const std::vector<Node*>& nodes() const { return nodes_; }
  Value* add_input(const std::string& name = "");
  Value* insert_input(std::size_t i, const std::string& name = "");
  std::size_t register_output(Value* value);
  Node* append_node(Node* n);
  Node* prepend_node(Node* n);
  Node* owning_node() const { return owner_; }
  Graph* owning_graph() const { return graph_; }

 private:
  friend class Graph;
  friend class Node;
  Block(Graph* graph, Node* owner);
  std::size_t index_of(const Node* n) const;
  Graph* graph_;
  Node* owner_;
  Node* param_;
  Node* return_;
  std::vector<Node*> nodes_;
};

class Graph {
 public:
  Graph();
  ~Graph();
  Graph(const Graph&) = delete;
  Graph& operator=(const Graph&) = delete;

  Block* block() const { return block_; }
  const std::vector<Value*>& inputs() const { return block_->inputs(); }
  const std::vector<Value*>& outputs() const { return block_->outputs(); }
  const std::vector<Node*>& nodes() const { return block_->nodes(); }
  Value* add_input(const std::string& name = "") { return block_->add_input(name); }
  Value* insert_input(std::size_t i, const std::string& name = "") { return block_->insert_input(i, name); }
  std::size_t register_output(Value* value) { return block_->register_output(value); }

  // A new node not yet in any block.
  Node* create(const std::string& kind, const std::vector<Value*>& inputs = {}, std::size_t num_outputs = 1);
  // Appends at the insertion point (the end of the top block by default).
  Node* insert_node(Node* n);
  // Where insert_node puts nodes: before `n` (null: the end of the top block).
  void set_insert_point(Node* before) { insert_before_ = before; }
  Node* insert_point() const { return insert_before_; }
  // A prim::Constant holding `value`, inserted at the insertion point; typed
  // like PyTorch (a tensor gets its complete type, a double is float ...).
  Value* insert_constant(const IValue& value, const std::string& scope = "");

  // Deep copy (values with their names and numbers, types, attributes, scopes,
  // sub-blocks): the copy prints as the original.
  std::shared_ptr<Graph> copy() const;
  // A copy of `n` (of any graph) made in this graph and not yet inserted:
  // kind, attributes, scope, source range, outputs with their types and debug
  // names (made unique here; numbers are new) and sub-blocks. `env` maps the
  // values `n` reads to values of this graph; every value the copy creates is
  // added to it. Used by copy() and by inlining.
  Node* create_clone(const Node* n, std::map<const Value*, Value*>& env);
  // PyTorch's print(graph) text.
  std::string str(bool print_source_locations = true) const;

  // Unique names: taken by set_debug_name, freed by destroyed values.
  std::string unique_name(const std::string& requested, const Value* owner);
  void release_name(const std::string& name, const Value* owner);

 private:
  friend class Value;
  friend class Node;
  friend class Block;
  Value* new_value(Node* node, std::size_t offset);
  Block* new_block(Node* owner);
  std::vector<std::unique_ptr<Node>> node_store_;
  std::vector<std::unique_ptr<Value>> value_store_;
  std::vector<std::unique_ptr<Block>> block_store_;
  std::map<std::string, const Value*> names_;
  std::map<std::string, std::size_t> next_suffix_;
  std::size_t next_unique_ = 0;
  Block* block_;
  Node* insert_before_ = nullptr;
};

std::ostream& operator<<(std::ostream& os, const Graph& g);

}  // namespace paratrace::jit
