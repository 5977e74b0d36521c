// Types in PyTorch 1.13's spelling (Type::str), read back.
#include "ir_parser_parts.h"

namespace paratrace::jit::parse {

namespace {

std::optional<ScalarType> dtype_named(std::string_view name) {
  for (int i = 0; i < kNumScalarTypes; ++i) {
    const auto t = static_cast<ScalarType>(i);
    if (ir_type_name(t) == name) return t;
  }
  return std::nullopt;
}

// PyTorch's dtype names that paratrace has no tensors of.
bool is_other_dtype(std::string_view name) {
  static constexpr std::string_view kOthers[] = {"Char",     "Short",         "Int",          "Half",
                                                 "BFloat16", "ComplexHalf",   "ComplexFloat", "ComplexDouble",
                                                 "QInt8",    "QUInt8",        "QInt32",       "QUInt4x2"};
  for (auto other : kOthers) {
    if (other == name) return true;
  }
  return false;
}

Shape parse_int_list(Cursor& c) {
  Shape values;
  c.expect("[");
  while (!c.accept("]")) {
    if (!values.empty()) c.expect(", ", "',' or ']'");
    values.push_back(c.integer());
  }
  return values;
}

// "(3, *, strides=[5, 1], requires_grad=0, device=cpu)", every part optional.
TensorTypeParts parse_tensor_parts(Cursor& c, std::optional<ScalarType> dtype) {
  TensorTypeParts parts{dtype, {}, {}, {}, {}};
  if (!c.accept("(")) return parts;
  bool first = true;
  while (!c.accept(")")) {
    if (!first) c.expect(", ", "',' or ')'");
    first = false;
    if (c.accept("strides=")) {
      parts.strides = parse_int_list(c);
    } else if (c.accept("requires_grad=")) {
      const std::int64_t flag = c.integer();
      parts.requires_grad = flag != 0;
    } else if (c.accept("device=")) {
      const auto device = c.take_while([](char ch) { return ch != ',' && ch != ')' && ch != '\n'; });
      if (device.empty()) c.fail_expected("a device");
      parts.device = std::string(device);
    } else if (c.accept("*")) {
      if (!parts.sizes) parts.sizes.emplace();
      parts.sizes->push_back(-1);
    } else if (c.peek() == '-' || (c.peek() >= '0' && c.peek() <= '9')) {
      if (!parts.sizes) parts.sizes.emplace();
      parts.sizes->push_back(c.integer());
    } else {
      c.fail_expected("a size, 'strides=', 'requires_grad=' or 'device='");
    }
  }
  return parts;
}

TypePtr parse_base(Cursor& c) {
  const std::size_t start = c.pos();
  if (c.accept("(")) {
    std::vector<TypePtr> elements;
    while (!c.accept(")")) {
      if (!elements.empty()) c.expect(", ", "',' or ')'");
      elements.push_back(parse_type(c));
    }
    return Type::tuple(std::move(elements));
  }
  if (c.accept("Dict(")) {
    TypePtr key = parse_type(c);
    c.expect(", ", "','");
    TypePtr value = parse_type(c);
    c.expect(")");
    return Type::dict(std::move(key), std::move(value));
  }
  const std::string_view name = c.take_while(is_name_char);
  if (name == "Tensor") return Type::partial_tensor(parse_tensor_parts(c, std::nullopt));
  if (auto dtype = dtype_named(name)) return Type::partial_tensor(parse_tensor_parts(c, dtype));
  if (name == "int") return Type::of_int();
  if (name == "float") return Type::of_float();
  if (name == "bool") return Type::of_bool();
  if (name == "str") return Type::of_string();
  if (name == "NoneType") return Type::none();
  if (name == "Device") return Type::device();
  if (name == "Any") return Type::any();
  if (name == "__torch__" || name.starts_with("__torch__.")) return Type::class_named(std::string(name));
  if (is_other_dtype(name)) {
    c.fail_at(start, "tensor dtype '" + std::string(name) + "' is not supported (paratrace has Bool, Byte, Long, "
                                                             "Float and Double)");
  }
  c.set_pos(start);
  c.fail_expected("a type");
}

}  // namespace

TypePtr parse_type(Cursor& c) {
  TypePtr type = parse_base(c);
  for (;;) {
    if (c.accept("[]")) type = Type::list(std::move(type));
    else if (c.accept("?")) type = Type::optional(std::move(type));
    else return type;
  }
}

}  // namespace paratrace::jit::parse
