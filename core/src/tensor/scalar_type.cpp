#include "paratrace/tensor/scalar_type.h"

#include <array>

namespace paratrace {

namespace {
struct TypeNames {
  std::string_view dtype, ir, safetensors;
};
constexpr std::array<TypeNames, kNumScalarTypes> kNames{{
    {"torch.bool", "Bool", "BOOL"},
    {"torch.uint8", "Byte", "U8"},
    {"torch.int64", "Long", "I64"},
    {"torch.float32", "Float", "F32"},
    {"torch.float64", "Double", "F64"},
}};
const TypeNames& names(ScalarType t) { return kNames[static_cast<int>(t)]; }
}  // namespace

std::string_view dtype_name(ScalarType t) { return names(t).dtype; }
std::string_view ir_type_name(ScalarType t) { return names(t).ir; }
std::string_view safetensors_name(ScalarType t) { return names(t).safetensors; }

bool parse_safetensors_name(std::string_view name, ScalarType& out) {
  for (int i = 0; i < kNumScalarTypes; ++i) {
    if (kNames[i].safetensors == name) {
      out = static_cast<ScalarType>(i);
      return true;
    }
  }
  return false;
}

bool parse_dtype_name(std::string_view name, ScalarType& out) {
  if (name.starts_with("torch.")) name.remove_prefix(6);
  struct Alias {
    std::string_view name;
    ScalarType type;
  };
  static constexpr Alias kAliases[] = {
      {"float32", ScalarType::Float32}, {"float", ScalarType::Float32}, {"float64", ScalarType::Float64},
      {"double", ScalarType::Float64},  {"int64", ScalarType::Int64},   {"long", ScalarType::Int64},
      {"bool", ScalarType::Bool},       {"uint8", ScalarType::UInt8},
  };
  for (const auto& a : kAliases) {
    if (a.name == name) {
      out = a.type;
      return true;
    }
  }
  return false;
}

ScalarType promote_types(ScalarType a, ScalarType b) {
  if (a == b) return a;
  // Bool < UInt8 < Int64 < Float32 < Float64 is a chain for the types we have,
  // so promotion is the larger of the two.
  return static_cast<int>(a) > static_cast<int>(b) ? a : b;
}

}  // namespace paratrace
