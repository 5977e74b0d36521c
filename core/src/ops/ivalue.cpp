#include "paratrace/ops/ivalue.h"

#include <sstream>

namespace paratrace {

IValue::IValue(const Scalar& s) {
  switch (s.kind()) {
    case Scalar::Kind::Bool: v_ = s.to_bool(); break;
    case Scalar::Kind::Int: v_ = s.to_int(); break;
    case Scalar::Kind::Double: v_ = s.to_double(); break;
  }
}

IValue::IValue(ScalarType dtype) : v_(dtype_code(dtype)) {}

IValue IValue::tuple(std::vector<IValue> elements) {
  IValue v;
  v.v_ = std::make_shared<Tuple>(Tuple{std::move(elements)});
  return v;
}
IValue IValue::list(std::vector<IValue> elements) {
  IValue v;
  v.v_ = std::make_shared<GenericList>(GenericList{std::move(elements)});
  return v;
}
IValue IValue::dict(std::vector<std::pair<std::string, IValue>> items) {
  IValue v;
  v.v_ = std::make_shared<GenericDict>(GenericDict{std::move(items)});
  return v;
}

namespace {
[[noreturn]] void type_error(const char* expected, const IValue& got) {
  throw TypeError(std::string("expected ") + expected + " but got " + got.type_name());
}
}  // namespace

const Tensor& IValue::to_tensor() const {
  if (!is_tensor()) type_error("Tensor", *this);
  return std::get<Tensor>(v_);
}
double IValue::to_double() const {
  if (is_double()) return std::get<double>(v_);
  if (is_int()) return static_cast<double>(std::get<std::int64_t>(v_));
  if (is_bool()) return std::get<bool>(v_) ? 1.0 : 0.0;
  type_error("float", *this);
}
std::int64_t IValue::to_int() const {
  if (is_int()) return std::get<std::int64_t>(v_);
  if (is_bool()) return std::get<bool>(v_) ? 1 : 0;
  type_error("int", *this);
}
bool IValue::to_bool() const {
  if (is_bool()) return std::get<bool>(v_);
  type_error("bool", *this);
}
Scalar IValue::to_scalar() const {
  if (is_double()) return Scalar(std::get<double>(v_));
  if (is_int()) return Scalar(std::get<std::int64_t>(v_));
  if (is_bool()) return Scalar(std::get<bool>(v_));
  if (is_tensor() && to_tensor().defined() && to_tensor().numel() == 1) return to_tensor().item();
  type_error("Scalar", *this);
}
const std::string& IValue::to_string_ref() const {
  if (!is_string()) type_error("str", *this);
  return std::get<std::string>(v_);
}
const std::vector<std::int64_t>& IValue::to_int_list() const {
  if (!is_int_list()) type_error("int[]", *this);
  return std::get<std::vector<std::int64_t>>(v_);
}
const std::vector<double>& IValue::to_double_list() const {
  if (!is_double_list()) type_error("float[]", *this);
  return std::get<std::vector<double>>(v_);
}
const std::vector<bool>& IValue::to_bool_list() const {
  if (!is_bool_list()) type_error("bool[]", *this);
  return std::get<std::vector<bool>>(v_);
}
const std::vector<Tensor>& IValue::to_tensor_list() const {
  if (!is_tensor_list()) type_error("Tensor[]", *this);
  return std::get<std::vector<Tensor>>(v_);
}
const std::vector<IValue>& IValue::tuple_elements() const {
  if (!is_tuple()) type_error("tuple", *this);
  return std::get<std::shared_ptr<Tuple>>(v_)->elements;
}
const std::vector<IValue>& IValue::list_elements() const {
  if (!is_list()) type_error("list", *this);
  return std::get<std::shared_ptr<GenericList>>(v_)->elements;
}
const std::vector<std::pair<std::string, IValue>>& IValue::dict_items() const {
  if (!is_dict()) type_error("Dict(str, ...)", *this);
  return std::get<std::shared_ptr<GenericDict>>(v_)->items;
}
ScalarType IValue::to_scalar_type() const { return dtype_from_code(to_int()); }

std::string IValue::type_name() const {
  switch (tag()) {
    case Tag::None: return "NoneType";
    case Tag::Tensor: return to_tensor().defined() ? "Tensor" : "NoneType";
    case Tag::Double: return "float";
    case Tag::Int: return "int";
    case Tag::Bool: return "bool";
    case Tag::String: return "str";
    case Tag::IntList: return "int[]";
    case Tag::DoubleList: return "float[]";
    case Tag::BoolList: return "bool[]";
    case Tag::TensorList: return "Tensor[]";
    case Tag::Tuple: {
      std::string s = "(";
      const auto& e = tuple_elements();
      for (std::size_t i = 0; i < e.size(); ++i) s += (i ? ", " : "") + e[i].type_name();
      return s + ")";
    }
    case Tag::List: {
      const auto& e = list_elements();
      return (e.empty() ? std::string("Any") : e[0].type_name()) + "[]";
    }
    case Tag::Dict: {
      const auto& e = dict_items();
      return "Dict(str, " + (e.empty() ? std::string("Any") : e[0].second.type_name()) + ")";
    }
  }
  return "?";
}

std::string IValue::repr() const {
  std::ostringstream os;
  auto list = [&os](const auto& v, auto&& fmt) {
    os << '[';
    for (std::size_t i = 0; i < v.size(); ++i) {
      if (i) os << ", ";
      fmt(v[i]);
    }
    os << ']';
  };
  switch (tag()) {
    case Tag::None: return "None";
    case Tag::Tensor: return to_tensor().defined() ? to_tensor().to_string() : "None";
    case Tag::Double: return Scalar(to_double()).to_string();
    case Tag::Int: return std::to_string(to_int());
    case Tag::Bool: return to_bool() ? "True" : "False";
    case Tag::String: return '"' + to_string_ref() + '"';
    case Tag::IntList: list(to_int_list(), [&](auto x) { os << x; }); break;
    case Tag::DoubleList: list(to_double_list(), [&](auto x) { os << Scalar(x).to_string(); }); break;
    case Tag::BoolList: list(to_bool_list(), [&](bool x) { os << (x ? "True" : "False"); }); break;
    case Tag::TensorList: list(to_tensor_list(), [&](const Tensor& x) { os << x.to_string(); }); break;
    case Tag::Tuple:
    case Tag::List: {
      const auto& e = is_tuple() ? tuple_elements() : list_elements();
      os << (is_tuple() ? '(' : '[');
      for (std::size_t i = 0; i < e.size(); ++i) os << (i ? ", " : "") << e[i].repr();
      if (is_tuple() && e.size() == 1) os << ',';
      os << (is_tuple() ? ')' : ']');
      break;
    }
    case Tag::Dict: {
      os << '{';
      const auto& e = dict_items();
      for (std::size_t i = 0; i < e.size(); ++i) os << (i ? ", " : "") << '"' << e[i].first << "\": " << e[i].second.repr();
      os << '}';
      break;
    }
  }
  return os.str();
}

std::int64_t dtype_code(ScalarType t) {
  switch (t) {
    case ScalarType::UInt8: return 0;
    case ScalarType::Int64: return 4;
    case ScalarType::Float32: return 6;
    case ScalarType::Float64: return 7;
    case ScalarType::Bool: return 11;
  }
  return 6;
}

ScalarType dtype_from_code(std::int64_t code) {
  switch (code) {
    case 0: return ScalarType::UInt8;
    case 4: return ScalarType::Int64;
    case 6: return ScalarType::Float32;
    case 7: return ScalarType::Float64;
    case 11: return ScalarType::Bool;
    default: break;
  }
  throw TypeError("unsupported dtype code " + std::to_string(code));
}

}  // namespace paratrace
