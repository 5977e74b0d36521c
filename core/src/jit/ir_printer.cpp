// Graph::str: the text of PyTorch 1.13's print(graph).
#include <sstream>

#include "ir_text_format.h"
#include "paratrace/jit/ir.h"

namespace paratrace::jit {

namespace {

std::string value_list(const std::vector<Value*>& values) {
  std::string out;
  for (std::size_t i = 0; i < values.size(); ++i) out += (i ? ", %" : "%") + values[i]->debug_name();
  return out;
}

std::string typed(const Value* v) { return "%" + v->debug_name() + " : " + (v->type() ? v->type()->str() : "Tensor"); }

void print_block(std::ostringstream& os, const Block* block, int indent, bool locations);

void print_node(std::ostringstream& os, const Node* n, int indent, bool locations) {
  os << std::string(static_cast<std::size_t>(indent), ' ');
  for (std::size_t i = 0; i < n->outputs().size(); ++i) os << (i ? ", " : "") << typed(n->output(i));
  // A node without outputs still prints " = " after the indentation, as PyTorch.
  os << " = " << n->kind();
  if (!n->attributes().empty()) {
    os << "[";
    bool first = true;
    for (const auto& [name, value] : n->attributes()) {
      os << (first ? "" : ", ") << name << "=" << text::format_attribute(value);
      first = false;
    }
    os << "]";
  }
  os << "(" << value_list(n->inputs()) << ")";
  if (!n->scope().empty()) os << ", scope: " << n->scope();
  if (locations && !n->source_range().empty()) os << " # " << n->source_range();
  os << "\n";
  for (std::size_t b = 0; b < n->blocks().size(); ++b) {
    const Block* block = n->blocks()[b];
    os << std::string(static_cast<std::size_t>(indent + 2), ' ') << "block" << b << "(";
    for (std::size_t i = 0; i < block->inputs().size(); ++i) os << (i ? ", " : "") << typed(block->inputs()[i]);
    os << "):\n";
    print_block(os, block, indent + 4, locations);
    os << std::string(static_cast<std::size_t>(indent + 4), ' ') << "-> (" << value_list(block->outputs()) << ")\n";
  }
}

void print_block(std::ostringstream& os, const Block* block, int indent, bool locations) {
  for (const Node* n : block->nodes()) print_node(os, n, indent, locations);
}

}  // namespace

std::string Graph::str(bool print_source_locations) const {
  std::ostringstream os;
  os << "graph(";
  for (std::size_t i = 0; i < inputs().size(); ++i) os << (i ? ",\n      " : "") << typed(inputs()[i]);
  os << "):\n";
  print_block(os, block_, 2, print_source_locations);
  os << "  return (" << value_list(outputs()) << ")\n";
  return os.str();
}

}  // namespace paratrace::jit
