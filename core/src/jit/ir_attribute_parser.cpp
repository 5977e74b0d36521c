// Attribute values in PyTorch 1.13's spelling (ir_text_format.h), read back.
#include <cstdlib>

#include "ir_parser_parts.h"
#include "paratrace/tensor/factories.h"

namespace paratrace::jit::parse {

namespace {

// Inverts text::quote, including its signed "\ddd" digits for bytes that
// are not printable ASCII.
std::string parse_string(Cursor& c) {
  c.expect("\"", "a string");
  std::string out;
  for (;;) {
    if (c.at_end() || c.peek() == '\n') c.fail_expected("'\"' closing the string");
    const char ch = c.next();
    if (ch == '"') return out;
    if (ch != '\\') {
      out += ch;
      continue;
    }
    const std::size_t escape = c.pos() - 1;
    const char e = c.next();
    switch (e) {
      case '\\': case '\'': case '"': out += e; break;
      case 'a': out += '\a'; break;
      case 'b': out += '\b'; break;
      case 'f': out += '\f'; break;
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      case 't': out += '\t'; break;
      case 'v': out += '\v'; break;
      default: {
        const char d1 = c.next(), d2 = c.next();
        auto digit = [](char d) { return d >= '0' - 7 && d <= '0' + 7; };
        const int v = (e - '0') * 64 + (d1 - '0') * 8 + (d2 - '0');
        if (!digit(e) || !digit(d1) || !digit(d2) || v < -128 || v > 127) {
          c.fail_at(escape, "invalid escape sequence in a string");
        }
        out += static_cast<char>(v);
      }
    }
  }
}

bool looks_floating(std::string_view token) { return token.find_first_of(".eEin") != std::string_view::npos; }

// "{1.5}": a one-element tensor whose dtype and shape come from the
// constant's type when the text has it (Double(requires_grad=0, ...)), and
// otherwise are those of a traced Python scalar (0-dim double or long).
Tensor parse_scalar_tensor(Cursor& c, const TypePtr& hint) {
  c.expect("{");
  const std::size_t start = c.pos();
  const std::string_view token = c.number_token();
  if (token.empty()) c.fail_expected("a number");
  c.expect("}");
  ScalarType dtype = looks_floating(token) ? ScalarType::Float64 : ScalarType::Int64;
  Shape sizes;
  if (hint && hint->is_tensor()) {
    if (hint->dtype()) dtype = *hint->dtype();
    if (hint->sizes()) {
      std::int64_t numel = 1;
      for (const auto s : *hint->sizes()) numel *= s;
      if (numel != 1) c.fail_at(start, "a {value} tensor constant needs a one-element type, not " + hint->str());
      sizes = *hint->sizes();
    }
  }
  const std::string text(token);
  if (looks_floating(token)) return full(sizes, Scalar(std::strtod(text.c_str(), nullptr)), dtype);
  return full(sizes, Scalar(static_cast<std::int64_t>(std::strtoll(text.c_str(), nullptr, 10))), dtype);
}

using Item = std::variant<std::int64_t, double, std::string>;

Item parse_item(Cursor& c) {
  if (c.peek() == '"') return parse_string(c);
  const std::size_t start = c.pos();
  const std::string_view token = c.number_token();
  if (token.empty()) c.fail_expected("an attribute value");
  const std::string text(token);
  if (looks_floating(token)) return std::strtod(text.c_str(), nullptr);
  c.set_pos(start);
  return c.integer();
}

bool is_float_type(const TypePtr& t) { return t && t->kind() == Type::Kind::Float; }
bool is_list_of(const TypePtr& t, Type::Kind kind) {
  return t && t->kind() == Type::Kind::List && t->contained()[0]->kind() == kind;
}

AttributeValue parse_list(Cursor& c, const TypePtr& hint) {
  const std::size_t start = c.pos();
  c.expect("[");
  std::vector<Item> items;
  while (!c.accept("]")) {
    if (!items.empty()) c.expect(", ", "',' or ']'");
    items.push_back(parse_item(c));
  }
  bool any_string = false, any_double = is_list_of(hint, Type::Kind::Float);
  for (const Item& item : items) {
    any_string |= std::holds_alternative<std::string>(item);
    any_double |= std::holds_alternative<double>(item);
  }
  if (any_string || (items.empty() && is_list_of(hint, Type::Kind::String))) {
    std::vector<std::string> strings;
    for (const Item& item : items) {
      if (!std::holds_alternative<std::string>(item)) c.fail_at(start, "a list mixes strings and numbers");
      strings.push_back(std::get<std::string>(item));
    }
    return strings;
  }
  if (any_double) {
    std::vector<double> doubles;
    for (const Item& item : items) {
      doubles.push_back(std::holds_alternative<double>(item) ? std::get<double>(item)
                                                             : static_cast<double>(std::get<std::int64_t>(item)));
    }
    return doubles;
  }
  std::vector<std::int64_t> ints;
  for (const Item& item : items) ints.push_back(std::get<std::int64_t>(item));
  return ints;
}

}  // namespace

AttributeValue parse_attribute_value(Cursor& c, const TypePtr& hint) {
  if (at_legacy_tensor(c)) return parse_legacy_tensor(c);
  if (c.peek() == '[') return parse_list(c, hint);
  if (c.peek() == '{') return parse_scalar_tensor(c, hint);
  // Larger tensors print only as a placeholder: the value is lost.
  if (c.accept("<Tensor>")) return Tensor();
  Item item = parse_item(c);
  // PyTorch spells integral floats from 1e10 up without a '.'.
  if (is_float_type(hint) && std::holds_alternative<std::int64_t>(item)) {
    return static_cast<double>(std::get<std::int64_t>(item));
  }
  return std::visit([](auto&& v) -> AttributeValue { return std::move(v); }, std::move(item));
}

}  // namespace paratrace::jit::parse
