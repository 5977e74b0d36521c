// Graph::str: the text of PyTorch 1.13's print(graph).
#include <cmath>
#include <cstdio>
#include <sstream>

#include "paratrace/jit/ir.h"

namespace paratrace::jit {

namespace {

// PyTorch prints doubles with max_digits10 and a trailing "." when the text
// would read as an integer ("2.", "0.10000000000000001").
std::string format_double(double v) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.17g", v);
  std::string s = buf;
  if (std::isfinite(v) && s.find_first_of(".e") == std::string::npos) s += ".";
  return s;
}

// A tensor attribute: {v} for one element, <Tensor> otherwise.
std::string format_tensor(const Tensor& t) {
  if (t.numel() != 1) return "<Tensor>";
  const Scalar s = t.item();
  if (t.is_floating_point()) {
    const double v = s.to<double>();
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.17g", v);
    return "{" + std::string(buf) + "}";
  }
  if (t.dtype() == ScalarType::Bool) return s.to<bool>() ? "{1}" : "{0}";
  return "{" + std::to_string(s.to<std::int64_t>()) + "}";
}

std::string quote(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

std::string format_attribute(const AttributeValue& value) {
  std::ostringstream os;
  std::visit(
      [&](const auto& v) {
        using V = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<V, std::int64_t>) {
          os << v;
        } else if constexpr (std::is_same_v<V, double>) {
          os << format_double(v);
        } else if constexpr (std::is_same_v<V, std::string>) {
          os << quote(v);
        } else if constexpr (std::is_same_v<V, Tensor>) {
          os << format_tensor(v);
        } else {
          os << "[";
          for (std::size_t i = 0; i < v.size(); ++i) {
            os << (i ? ", " : "");
            if constexpr (std::is_same_v<V, std::vector<double>>) os << format_double(v[i]);
            else if constexpr (std::is_same_v<V, std::vector<std::string>>) os << quote(v[i]);
            else os << v[i];
          }
          os << "]";
        }
      },
      value);
  return os.str();
}

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
  os << (n->outputs().empty() ? " = " : " = ") << n->kind();
  if (!n->attributes().empty()) {
    os << "[";
    bool first = true;
    for (const auto& [name, value] : n->attributes()) {
      os << (first ? "" : ", ") << name << "=" << format_attribute(value);
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
