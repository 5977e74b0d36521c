// IR types and their PyTorch 1.13 spelling.
#include "paratrace/jit/type.h"

#include <sstream>

#include "paratrace/jit/ir.h"

namespace paratrace::jit {

std::shared_ptr<Graph> ClassType::method(const std::string& name) const {
  auto it = methods_.find(name);
  PT_CHECK(it != methods_.end(), RuntimeError, "Method '" << name << "' is not defined on " << name_);
  return it->second;
}

namespace {
TypePtr make_simple(Type::Kind kind);
}

#define PT_SIMPLE_TYPE(fn, kind)                          \
  TypePtr Type::fn() {                                    \
    static const TypePtr t = make_simple(Type::Kind::kind); \
    return t;                                             \
  }
PT_SIMPLE_TYPE(tensor, Tensor)
PT_SIMPLE_TYPE(of_int, Int)
PT_SIMPLE_TYPE(of_float, Float)
PT_SIMPLE_TYPE(of_bool, Bool)
PT_SIMPLE_TYPE(of_string, String)
PT_SIMPLE_TYPE(none, None)
PT_SIMPLE_TYPE(device, Device)
PT_SIMPLE_TYPE(any, Any)
#undef PT_SIMPLE_TYPE

namespace {
// Type's constructor is private; this helper is its only other creator.
struct TypeFactory : Type {
  explicit TypeFactory(Kind kind) : Type(kind) {}
};
TypePtr make_simple(Type::Kind kind) { return std::make_shared<TypeFactory>(kind); }
}  // namespace

TypePtr Type::complete_tensor(const Tensor& t) {
  return complete_tensor(t.dtype(), t.sizes(), t.strides(), t.requires_grad());
}

TypePtr Type::complete_tensor(ScalarType dtype, Shape sizes, Shape strides, bool requires_grad) {
  return partial_tensor({dtype, std::move(sizes), std::move(strides), requires_grad, "cpu"});
}

TypePtr Type::partial_tensor(TensorTypeParts parts) {
  auto t = std::make_shared<TypeFactory>(Kind::Tensor);
  t->dtype_ = parts.dtype;
  t->sizes_ = std::move(parts.sizes);
  t->strides_ = std::move(parts.strides);
  t->requires_grad_ = parts.requires_grad;
  t->device_ = std::move(parts.device);
  return t;
}

TypePtr Type::list(TypePtr element) {
  auto t = std::make_shared<TypeFactory>(Kind::List);
  t->contained_ = {std::move(element)};
  return t;
}

TypePtr Type::tuple(std::vector<TypePtr> elements) {
  auto t = std::make_shared<TypeFactory>(Kind::Tuple);
  t->contained_ = std::move(elements);
  return t;
}

TypePtr Type::dict(TypePtr key, TypePtr value) {
  auto t = std::make_shared<TypeFactory>(Kind::Dict);
  t->contained_ = {std::move(key), std::move(value)};
  return t;
}

TypePtr Type::optional(TypePtr element) {
  auto t = std::make_shared<TypeFactory>(Kind::Optional);
  t->contained_ = {std::move(element)};
  return t;
}

TypePtr Type::class_type(std::shared_ptr<ClassType> cls) {
  auto t = std::make_shared<TypeFactory>(Kind::Class);
  t->class_name_ = cls->name();
  t->class_ = std::move(cls);
  return t;
}

TypePtr Type::class_named(std::string qualified_name) {
  auto t = std::make_shared<TypeFactory>(Kind::Class);
  t->class_name_ = std::move(qualified_name);
  return t;
}

TypePtr Type::without_shape() const {
  switch (kind_) {
    case Kind::Tensor: return tensor();
    case Kind::List: return list(contained_[0]->without_shape());
    case Kind::Optional: return optional(contained_[0]->without_shape());
    case Kind::Dict: return dict(contained_[0]->without_shape(), contained_[1]->without_shape());
    case Kind::Tuple: {
      std::vector<TypePtr> elements;
      for (const auto& e : contained_) elements.push_back(e->without_shape());
      return tuple(std::move(elements));
    }
    default: {
      auto copy = std::make_shared<TypeFactory>(kind_);
      copy->class_name_ = class_name_;
      copy->class_ = class_;
      return copy;
    }
  }
}

std::string Type::str() const {
  std::ostringstream os;
  switch (kind_) {
    case Kind::Tensor: return tensor_str();
    case Kind::Int: return "int";
    case Kind::Float: return "float";
    case Kind::Bool: return "bool";
    case Kind::String: return "str";
    case Kind::None: return "NoneType";
    case Kind::Device: return "Device";
    case Kind::Any: return "Any";
    case Kind::List: return contained_[0]->str() + "[]";
    case Kind::Optional: return contained_[0]->str() + "?";
    case Kind::Tuple:
      os << "(";
      for (std::size_t i = 0; i < contained_.size(); ++i) os << (i ? ", " : "") << contained_[i]->str();
      os << ")";
      return os.str();
    case Kind::Dict: return "Dict(" + contained_[0]->str() + ", " + contained_[1]->str() + ")";
    case Kind::Class: return class_name_;
  }
  return "?";
}

// PyTorch's TensorType printing: the known parts in parentheses, sizes and
// strides only for a tensor of known rank above 0, nothing for "Tensor".
std::string Type::tensor_str() const {
  std::vector<std::string> parts;
  if (sizes_ && !sizes_->empty()) {
    for (const auto s : *sizes_) parts.push_back(s < 0 ? "*" : std::to_string(s));
    if (strides_ && strides_->size() == sizes_->size()) {
      std::string joined;
      for (std::size_t i = 0; i < strides_->size(); ++i) joined += (i ? ", " : "") + std::to_string((*strides_)[i]);
      parts.push_back("strides=[" + joined + "]");
    }
  }
  if (requires_grad_) parts.push_back(std::string("requires_grad=") + (*requires_grad_ ? "1" : "0"));
  if (device_) parts.push_back("device=" + *device_);
  std::string out = dtype_ ? std::string(ir_type_name(*dtype_)) : "Tensor";
  if (parts.empty()) return out;
  out += "(";
  for (std::size_t i = 0; i < parts.size(); ++i) out += (i ? ", " : "") + parts[i];
  return out + ")";
}

}  // namespace paratrace::jit
