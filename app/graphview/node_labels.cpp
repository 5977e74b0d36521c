#include "graphview/node_labels.h"

#include <array>
#include <optional>
#include <sstream>
#include <string_view>
#include <vector>

#include "paratrace/ops/op.h"

namespace paratrace::graphview {

namespace {

// Long default values or tensors would make a node as wide as the screen.
constexpr std::size_t kMaxConstantChars = 24;

std::string shortened(std::string text) {
  if (text.size() <= kMaxConstantChars) return text;
  std::size_t end = kMaxConstantChars - 1;
  // Never cut inside a UTF-8 sequence: SVG viewers reject invalid UTF-8.
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  text.resize(end);
  return text + "…";
}

// Control characters in string constants ("\t", "\001") as Python escapes
// them: raw, they would make the SVG invalid XML.
std::string escaped_controls(const std::string& text) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (const char ch : text) {
    const auto byte = static_cast<unsigned char>(ch);
    if (byte == '\t') {
      out += "\\t";
    } else if (byte == '\n') {
      out += "\\n";
    } else if (byte == '\r') {
      out += "\\r";
    } else if (byte < 0x20 || byte == 0x7F) {
      out += "\\x";
      out += kHex[byte >> 4];
      out += kHex[byte & 0xF];
    } else {
      out += ch;
    }
  }
  return out;
}

// Splits at commas outside brackets and quotes ("int[2] stride=[1, 1]").
std::vector<std::string_view> split_arguments(std::string_view list) {
  std::vector<std::string_view> out;
  int depth = 0;
  char quote = 0;
  std::size_t start = 0;
  for (std::size_t i = 0; i < list.size(); ++i) {
    const char c = list[i];
    if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '[' || c == '(') {
      ++depth;
    } else if (c == ']' || c == ')') {
      --depth;
    } else if (c == ',' && depth == 0) {
      out.push_back(list.substr(start, i - start));
      start = i + 1;
    }
  }
  if (start < list.size()) out.push_back(list.substr(start));
  return out;
}

std::string_view trimmed(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

struct Argument {
  std::string type;  // "ScalarType?"
  std::string name;
  bool has_default;
};

// The arguments of one overload "aten::x(Tensor self, *, Scalar alpha=1) -> T",
// without the keyword-only marker.
std::vector<Argument> overload_arguments(std::string_view overload) {
  const auto open = overload.find('(');
  const auto arrow = overload.rfind(") ->");
  if (open == std::string_view::npos || arrow == std::string_view::npos || arrow < open) return {};
  std::vector<Argument> args;
  for (std::string_view arg : split_arguments(overload.substr(open + 1, arrow - open - 1))) {
    arg = trimmed(arg);
    if (arg.empty() || arg == "*") continue;
    const auto eq = arg.find('=');
    const std::string_view declaration = trimmed(arg.substr(0, eq));
    const auto space = declaration.rfind(' ');
    const std::size_t name_start = space == std::string_view::npos ? 0 : space + 1;
    args.push_back({std::string(declaration.substr(0, space == std::string_view::npos ? 0 : space)),
                    std::string(declaration.substr(name_start)), eq != std::string_view::npos});
  }
  return args;
}

// The schema's argument `index` of `node`: from the first overload that
// accepts as many arguments as the node has. Null when there is no schema.
std::optional<Argument> schema_argument(const jit::Node& node, std::size_t index) {
  const OpDef* op = node.op();
  if (!op) return std::nullopt;
  std::string_view schema = op->schema;
  const std::size_t count = node.inputs().size();
  // Overloads are listed separated by " | ".
  while (!schema.empty()) {
    const auto bar = schema.find(" | ");
    const auto args = overload_arguments(schema.substr(0, bar));
    std::size_t required = 0;
    for (const Argument& a : args) required += a.has_default ? 0 : 1;
    if (required <= count && count <= args.size() && index < args.size()) return args[index];
    if (bar == std::string_view::npos) break;
    schema.remove_prefix(bar + 3);
  }
  return std::nullopt;
}

// c10's enum orders, which are the codes in the IR.
constexpr std::array<std::string_view, 16> kScalarTypes{
    "uint8", "int8", "int16", "int32", "int64", "float16", "float32", "float64",
    "complex32", "complex64", "complex128", "bool", "qint8", "quint8", "qint32", "bfloat16"};
constexpr std::array<std::string_view, 7> kLayouts{"strided",    "sparse_coo", "sparse_csr", "_mkldnn",
                                                   "sparse_csc", "sparse_bsr", "sparse_bsc"};
constexpr std::array<std::string_view, 4> kMemoryFormats{"contiguous_format", "preserve_format", "channels_last",
                                                         "channels_last_3d"};

template <std::size_t N>
std::string enum_name(const std::array<std::string_view, N>& names, std::int64_t code) {
  if (code < 0 || static_cast<std::size_t>(code) >= N) return {};
  std::string text = "torch.";
  text += names[static_cast<std::size_t>(code)];
  return text;
}

}  // namespace

// Built by appending: GCC 12 misreports `"#" + std::string` (-Wrestrict, PR105651).
std::string position_name(std::size_t index) {
  std::string name = "#";
  name += std::to_string(index);
  return name;
}

std::string type_text(const jit::Type& type) {
  if (!type.is_complete_tensor()) return type.str();
  std::ostringstream os;
  os << ir_type_name(*type.dtype()) << "(";
  if (type.sizes()) {
    const Shape& sizes = *type.sizes();
    for (std::size_t i = 0; i < sizes.size(); ++i) os << (i ? ", " : "") << sizes[i];
  }
  os << ")";
  return os.str();
}

std::string constant_text(const jit::Node& constant) {
  const IValue value = constant.constant_value();
  // Tensor constants read from PyTorch's IR text ("<Tensor>") have no values.
  if (value.is_tensor() && (!value.to_tensor().defined() || value.to_tensor().numel() > 1)) {
    return type_text(*constant.output()->type());
  }
  return shortened(escaped_controls(value.repr()));
}

std::string argument_name(const jit::Node& node, std::size_t index) {
  const auto argument = schema_argument(node, index);
  return argument ? argument->name : position_name(index);
}

std::string enum_argument_text(const jit::Node& node, std::size_t index) {
  const auto argument = schema_argument(node, index);
  if (!argument || index >= node.inputs().size()) return {};
  const jit::Node* producer = node.input(index)->node();
  if (producer->kind() != "prim::Constant") return {};
  const IValue value = producer->constant_value();
  if (!value.is_int()) return {};
  std::string_view type = argument->type;
  if (type.ends_with('?')) type.remove_suffix(1);
  if (type == "ScalarType") return enum_name(kScalarTypes, value.to_int());
  if (type == "Layout") return enum_name(kLayouts, value.to_int());
  if (type == "MemoryFormat") return enum_name(kMemoryFormats, value.to_int());
  return {};
}

}  // namespace paratrace::graphview
