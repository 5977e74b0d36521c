// parse_ir: the structure of a printed graph — header, node lines, sub-blocks
// and return — with types and attribute values read by ir_type_parser.cpp
// and ir_attribute_parser.cpp.
#include "paratrace/jit/ir_parser.h"

#include <algorithm>
#include <set>

#include "ir_parser_parts.h"

namespace paratrace::jit {

namespace {

using parse::Cursor;

class GraphParser {
 public:
  explicit GraphParser(const std::string& text) : c_(text) {}

  std::shared_ptr<Graph> run() {
    c_.skip_whitespace();
    c_.expect("graph(", "'graph('");
    block_inputs(graph_->block(), /*multiline=*/true);
    c_.expect(":");
    c_.end_of_line();
    block_body(graph_->block(), "return");
    c_.skip_whitespace();
    if (!c_.at_end()) c_.fail_expected("the end of the text after 'return'");
    number_values();
    return graph_;
  }

 private:
  // "%a : T, %b : T)" after the opening parenthesis; PyTorch breaks the
  // graph's inputs over lines, a block's stay on one.
  void block_inputs(Block* block, bool multiline) {
    while (!c_.accept(")")) {
      if (!block->inputs().empty()) {
        c_.expect(",", "',' or ')'");
        if (multiline) c_.skip_whitespace();
        else c_.skip_spaces();
      }
      const auto [name, pos] = value_name();
      c_.expect(" : ", "' : ' and a type");
      define(block->add_input(), name, pos)->set_type(parse::parse_type(c_));
    }
  }

  // Node lines up to the block's end: "return (...)" for the graph,
  // "-> (...)" for a sub-block.
  void block_body(Block* block, std::string_view terminator) {
    scopes_.emplace_back();
    for (;;) {
      skip_blank_lines();
      c_.skip_spaces();
      if (c_.at_end()) c_.fail_expected("'" + std::string(terminator) + "'");
      if (c_.accept(terminator)) break;
      node_line(block);
    }
    c_.skip_spaces();
    c_.expect("(", "'(' and the block's outputs");
    for (Value* v : value_refs()) block->register_output(v);
    c_.end_of_line();
    for (const std::string& name : scopes_.back()) visible_.erase(name);
    scopes_.pop_back();
  }

  void node_line(Block* block) {
    // Outputs come first on the line but are defined after the inputs are
    // read: a node cannot use its own outputs.
    struct Output {
      std::string name;
      std::size_t pos;
      TypePtr type;
    };
    std::vector<Output> outputs;
    while (c_.peek() == '%') {
      const auto [name, pos] = value_name();
      c_.expect(" : ", "' : ' and a type");
      outputs.push_back({name, pos, parse::parse_type(c_)});
      if (!c_.accept(", ")) break;
    }
    c_.skip_spaces();
    c_.expect("= ", outputs.empty() ? "'%name' or '='" : "',' or ' = '");
    Node* n = graph_->create(node_kind(), {}, 0);
    // Only a constant's value takes its meaning from the output's type.
    const bool constant = n->kind() == "prim::Constant" && outputs.size() == 1;
    if (c_.accept("[")) attributes(n, constant ? outputs[0].type : nullptr);
    c_.expect("(", "'(' and the node's inputs");
    for (Value* v : value_refs()) n->add_input(v);
    for (const Output& out : outputs) define(n->add_output(), out.name, out.pos)->set_type(out.type);
    if (c_.accept(", scope: ")) {
      const std::size_t start = c_.pos();
      std::string_view scope = c_.rest_of_line();
      const auto comment = scope.find(" # ");
      if (comment != std::string_view::npos) {
        scope = scope.substr(0, comment);
        c_.set_pos(start + comment);
      }
      n->set_scope(std::string(scope));
    }
    c_.skip_spaces();
    if (c_.accept("# ")) n->set_source_range(std::string(c_.rest_of_line()));
    c_.end_of_line();
    block->append_node(n);
    sub_blocks(n);
  }

  void sub_blocks(Node* n) {
    for (std::size_t index = 0;; ++index) {
      const std::size_t line_start = c_.pos();
      skip_blank_lines();
      c_.skip_spaces();
      const std::string header = "block" + std::to_string(index) + "(";
      if (!c_.accept(header)) {
        c_.set_pos(line_start);
        return;
      }
      Block* block = n->add_block();
      scopes_.emplace_back();  // the block's inputs are visible inside it only
      block_inputs(block, /*multiline=*/false);
      c_.expect(":");
      c_.end_of_line();
      block_body(block, "->");
      for (const std::string& name : scopes_.back()) visible_.erase(name);
      scopes_.pop_back();
    }
  }

  void attributes(Node* n, const TypePtr& constant_type) {
    while (!c_.accept("]")) {
      if (!n->attributes().empty()) c_.expect(", ", "',' or ']'");
      const std::size_t start = c_.pos();
      const std::string name(c_.take_while(parse::is_identifier_char));
      if (name.empty()) c_.fail_expected("an attribute name");
      if (n->has_attribute(name)) c_.fail_at(start, "attribute '" + name + "' is given twice");
      c_.expect("=", "'=' after the attribute name");
      n->set_attribute(name, parse::parse_attribute_value(c_, name == "value" ? constant_type : nullptr));
    }
  }

  std::string node_kind() {
    const std::size_t start = c_.pos();
    const std::string_view ns = c_.take_while(parse::is_identifier_char);
    if (ns.empty() || !c_.accept("::") || c_.take_while(parse::is_identifier_char).empty()) {
      c_.set_pos(start);
      c_.fail_expected("a node kind such as 'aten::add'");
    }
    return std::string(c_.text_since(start));
  }

  // "%x, %y)" after the opening parenthesis.
  std::vector<Value*> value_refs() {
    std::vector<Value*> values;
    while (!c_.accept(")")) {
      if (!values.empty()) c_.expect(", ", "',' or ')'");
      const auto [name, pos] = value_name();
      auto it = visible_.find(name);
      if (it == visible_.end()) c_.fail_at(pos, "value %" + name + " is not defined here");
      values.push_back(it->second);
    }
    return values;
  }

  std::pair<std::string, std::size_t> value_name() {
    const std::size_t pos = c_.pos();
    c_.expect("%", "'%' and a value name");
    std::string name(c_.take_while(parse::is_name_char));
    if (name.empty()) c_.fail_expected("a value name after '%'");
    return {name, pos};
  }

  // Numbers ("%39") are kept as the value's number, names as its debug name.
  Value* define(Value* v, const std::string& name, std::size_t pos) {
    if (!defined_.insert(name).second) c_.fail_at(pos, "value %" + name + " is defined twice");
    if (std::all_of(name.begin(), name.end(), [](char ch) { return ch >= '0' && ch <= '9'; })) {
      numbers_[v] = std::stoull(name);
    } else {
      v->set_debug_name(name);
    }
    values_.push_back(v);
    visible_[name] = v;
    scopes_.back().push_back(name);
    return v;
  }

  void skip_blank_lines() {
    for (;;) {
      const std::size_t start = c_.pos();
      c_.skip_spaces();
      if (!c_.accept("\n") && !c_.accept("\r\n")) {
        c_.set_pos(start);
        return;
      }
    }
  }

  // Values read as numbers get them; named values (whose numbers never
  // print) are numbered above, so every number stays unique in the graph.
  void number_values() {
    std::size_t next = 0;
    for (const auto& [v, n] : numbers_) next = std::max(next, n + 1);
    for (Value* v : values_) {
      if (!numbers_.contains(v)) v->set_unique(next++);
    }
    for (const auto& [v, n] : numbers_) v->set_unique(n);
  }

  Cursor c_;
  std::shared_ptr<Graph> graph_ = std::make_shared<Graph>();
  std::map<std::string, Value*> visible_;
  std::set<std::string> defined_;
  std::vector<std::vector<std::string>> scopes_{{}};
  std::map<Value*, std::size_t> numbers_;
  std::vector<Value*> values_;
};

}  // namespace

std::shared_ptr<Graph> parse_ir(const std::string& text) { return GraphParser(text).run(); }

TypePtr parse_ir_type(const std::string& text) {
  Cursor c(text);
  TypePtr type = parse::parse_type(c);
  if (!c.at_end()) c.fail_expected("the end of the type");
  return type;
}

}  // namespace paratrace::jit
