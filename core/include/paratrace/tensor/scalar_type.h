#pragma once
// Element types of a Tensor, named as PyTorch names them, plus the promotion
// lattice (bool < integral < floating) that every binary op uses.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <type_traits>

namespace paratrace {

enum class ScalarType : std::uint8_t { Bool, UInt8, Int64, Float32, Float64 };
inline constexpr int kNumScalarTypes = 5;

constexpr std::size_t element_size(ScalarType t) {
  switch (t) {
    case ScalarType::Bool:
    case ScalarType::UInt8: return 1;
    case ScalarType::Int64:
    case ScalarType::Float64: return 8;
    case ScalarType::Float32: return 4;
  }
  return 0;
}

constexpr bool is_floating_point(ScalarType t) {
  return t == ScalarType::Float32 || t == ScalarType::Float64;
}
constexpr bool is_integral(ScalarType t, bool include_bool = false) {
  return t == ScalarType::UInt8 || t == ScalarType::Int64 || (include_bool && t == ScalarType::Bool);
}

// "torch.float32" — as printed by Python.
std::string_view dtype_name(ScalarType t);
// "Float" — as in IR types and "torch.FloatTensor".
std::string_view ir_type_name(ScalarType t);
// "F32" etc. as in the safetensors header; parse returns false for unknown names.
std::string_view safetensors_name(ScalarType t);
bool parse_safetensors_name(std::string_view name, ScalarType& out);
// Accepts "float32", "float", "torch.float32", "float64", "double", "int64", "long", "bool", "uint8".
bool parse_dtype_name(std::string_view name, ScalarType& out);

// torch.promote_types.
ScalarType promote_types(ScalarType a, ScalarType b);

template <typename T> struct CppTypeToScalarType;
template <> struct CppTypeToScalarType<bool> { static constexpr ScalarType value = ScalarType::Bool; };
template <> struct CppTypeToScalarType<std::uint8_t> { static constexpr ScalarType value = ScalarType::UInt8; };
template <> struct CppTypeToScalarType<std::int64_t> { static constexpr ScalarType value = ScalarType::Int64; };
template <> struct CppTypeToScalarType<float> { static constexpr ScalarType value = ScalarType::Float32; };
template <> struct CppTypeToScalarType<double> { static constexpr ScalarType value = ScalarType::Float64; };
template <typename T> inline constexpr ScalarType scalar_type_of = CppTypeToScalarType<T>::value;

// Calls f.template operator()<T>() with the C++ type of `t`:
//   dispatch_dtype(t, [&]<typename T>() { ... });
template <typename F> decltype(auto) dispatch_dtype(ScalarType t, F&& f) {
  switch (t) {
    case ScalarType::Bool: return f.template operator()<bool>();
    case ScalarType::UInt8: return f.template operator()<std::uint8_t>();
    case ScalarType::Int64: return f.template operator()<std::int64_t>();
    case ScalarType::Float32: return f.template operator()<float>();
    case ScalarType::Float64: break;
  }
  return f.template operator()<double>();
}

// Same, restricted to float32/float64 (callers check the dtype first).
template <typename F> decltype(auto) dispatch_floating(ScalarType t, F&& f) {
  if (t == ScalarType::Float32) return f.template operator()<float>();
  return f.template operator()<double>();
}

}  // namespace paratrace
