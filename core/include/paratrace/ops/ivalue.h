#pragma once
// IValue: one argument or result of an op, the unit the op registry, the
// tracer and the graph interpreter pass around (PyTorch's c10::IValue).
// Optional arguments that are absent are None; a Tensor? argument may also be
// an undefined Tensor, which is treated as None.
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "paratrace/tensor/tensor.h"

namespace paratrace {

class IValue;
// Arguments or results of one op call. Calls rarely pass more than four, so
// they live inline and a call allocates nothing for its argument list.
using Stack = SmallVector<IValue, 4>;

struct Tuple {
  std::vector<IValue> elements;
};
// A generic list (List[Tuple[...]] etc.); Tensor and int lists have their own tags.
struct GenericList {
  std::vector<IValue> elements;
};
// Dict[str, T] keeping insertion order, as Python dicts do.
struct GenericDict {
  std::vector<std::pair<std::string, IValue>> items;
};

class IValue {
 public:
  enum class Tag : std::uint8_t { None, Tensor, Double, Int, Bool, String, IntList, DoubleList, BoolList, TensorList,
                                  Tuple, List, Dict };

  IValue() = default;
  IValue(std::nullopt_t) {}
  IValue(Tensor t) : v_(std::move(t)) {}
  IValue(double d) : v_(d) {}
  IValue(std::int64_t i) : v_(i) {}
  IValue(int i) : v_(static_cast<std::int64_t>(i)) {}
  IValue(bool b) : v_(b) {}
  IValue(std::string s) : v_(std::move(s)) {}
  IValue(const char* s) : v_(std::string(s)) {}
  IValue(std::vector<std::int64_t> l) : v_(std::move(l)) {}
  IValue(std::vector<double> l) : v_(std::move(l)) {}
  IValue(std::vector<bool> l) : v_(std::move(l)) {}
  IValue(std::vector<Tensor> l) : v_(std::move(l)) {}
  IValue(const Scalar& s);
  IValue(ScalarType dtype);  // stored as PyTorch's dtype code (an int), as the IR does
  template <typename T> IValue(const std::optional<T>& o) {
    if (o) *this = IValue(*o);
  }
  static IValue tuple(std::vector<IValue> elements);
  static IValue list(std::vector<IValue> elements);
  static IValue dict(std::vector<std::pair<std::string, IValue>> items);

  Tag tag() const { return static_cast<Tag>(v_.index()); }
  bool is_none() const { return tag() == Tag::None || (is_tensor() && !std::get<Tensor>(v_).defined()); }
  bool is_tensor() const { return tag() == Tag::Tensor; }
  bool is_double() const { return tag() == Tag::Double; }
  bool is_int() const { return tag() == Tag::Int; }
  bool is_bool() const { return tag() == Tag::Bool; }
  bool is_scalar() const { return is_double() || is_int() || is_bool(); }
  bool is_string() const { return tag() == Tag::String; }
  bool is_int_list() const { return tag() == Tag::IntList; }
  bool is_double_list() const { return tag() == Tag::DoubleList; }
  bool is_bool_list() const { return tag() == Tag::BoolList; }
  bool is_tensor_list() const { return tag() == Tag::TensorList; }
  bool is_tuple() const { return tag() == Tag::Tuple; }
  bool is_list() const { return tag() == Tag::List; }
  bool is_dict() const { return tag() == Tag::Dict; }

  // Accessors throw TypeError naming the expected and actual kind.
  const Tensor& to_tensor() const;
  double to_double() const;  // accepts Int and Bool too
  std::int64_t to_int() const;  // accepts Bool too
  bool to_bool() const;
  Scalar to_scalar() const;
  const std::string& to_string_ref() const;
  const std::vector<std::int64_t>& to_int_list() const;
  const std::vector<double>& to_double_list() const;
  const std::vector<bool>& to_bool_list() const;
  const std::vector<Tensor>& to_tensor_list() const;
  const std::vector<IValue>& tuple_elements() const;
  const std::vector<IValue>& list_elements() const;
  const std::vector<std::pair<std::string, IValue>>& dict_items() const;
  ScalarType to_scalar_type() const;  // from a dtype code

  std::optional<double> to_optional_double() const { return is_none() ? std::nullopt : std::optional(to_double()); }
  std::optional<std::int64_t> to_optional_int() const { return is_none() ? std::nullopt : std::optional(to_int()); }
  std::optional<Scalar> to_optional_scalar() const { return is_none() ? std::nullopt : std::optional(to_scalar()); }
  std::optional<ScalarType> to_optional_scalar_type() const {
    return is_none() ? std::nullopt : std::optional(to_scalar_type());
  }
  // An undefined Tensor when None.
  Tensor to_optional_tensor() const { return is_none() ? Tensor() : to_tensor(); }

  // "Tensor", "int", "float", "bool", "str", "int[]", "Tensor[]", "NoneType", "(T1, T2)" ...
  std::string type_name() const;
  // Python-like text for display: 1, 1.5, True, "str", [1, 2], None, tensor(...)
  std::string repr() const;

 private:
  std::variant<std::monostate, Tensor, double, std::int64_t, bool, std::string, std::vector<std::int64_t>,
               std::vector<double>, std::vector<bool>, std::vector<Tensor>, std::shared_ptr<Tuple>,
               std::shared_ptr<GenericList>, std::shared_ptr<GenericDict>>
      v_;
};

// PyTorch's numeric dtype codes (torch.float32 == 6 ...), used in IR constants.
std::int64_t dtype_code(ScalarType t);
ScalarType dtype_from_code(std::int64_t code);

}  // namespace paratrace
