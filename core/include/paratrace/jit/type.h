#pragma once
// IR value types, printed as PyTorch 1.13 prints them:
// Float(3, 5, strides=[5, 1], requires_grad=0, device=cpu), Tensor, int,
// float, bool, str, NoneType, Device, int[], Tensor[], (T1, T2),
// Dict(str, Tensor), Tensor?, __torch__.Net.
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "paratrace/tensor/tensor.h"

namespace paratrace::jit {

class Graph;
class Type;
using TypePtr = std::shared_ptr<const Type>;

// A traced module's class: its qualified name and its methods' graphs, so
// prim::CallMethod can be resolved (and inlined) from the callee's type.
class ClassType {
 public:
  explicit ClassType(std::string qualified_name) : name_(std::move(qualified_name)) {}
  const std::string& name() const { return name_; }
  std::shared_ptr<Graph> method(const std::string& name) const;
  void add_method(const std::string& name, std::shared_ptr<Graph> graph) { methods_[name] = std::move(graph); }
  const std::map<std::string, std::shared_ptr<Graph>>& methods() const { return methods_; }

 private:
  std::string name_;
  std::map<std::string, std::shared_ptr<Graph>> methods_;
};

// What is known of a tensor value; PyTorch prints each part only when known
// ("Long(device=cpu)" for prim::NumToTensor, "Float(*, 4, ...)" for a
// dimension of unknown size, which is -1 in `sizes`).
struct TensorTypeParts {
  std::optional<ScalarType> dtype;
  std::optional<Shape> sizes, strides;
  std::optional<bool> requires_grad;
  std::optional<std::string> device;
};

class Type {
 public:
  enum class Kind { Tensor, Int, Float, Bool, String, None, Device, List, Tuple, Dict, Class, Any, Optional };

  static TypePtr tensor();  // unspecialised "Tensor"
  // "Float(3, 5, strides=[5, 1], requires_grad=0, device=cpu)" from a value.
  static TypePtr complete_tensor(const Tensor& t);
  static TypePtr complete_tensor(ScalarType dtype, Shape sizes, Shape strides, bool requires_grad);
  static TypePtr partial_tensor(TensorTypeParts parts);
  static TypePtr of_int();
  static TypePtr of_float();
  static TypePtr of_bool();
  static TypePtr of_string();
  static TypePtr none();
  static TypePtr device();
  static TypePtr any();
  static TypePtr list(TypePtr element);
  static TypePtr tuple(std::vector<TypePtr> elements);
  static TypePtr dict(TypePtr key, TypePtr value);
  static TypePtr optional(TypePtr element);  // "Tensor?"
  static TypePtr class_type(std::shared_ptr<ClassType> cls);
  // A class known only by name (parsed text without the methods).
  static TypePtr class_named(std::string qualified_name);

  Kind kind() const { return kind_; }
  bool is_tensor() const { return kind_ == Kind::Tensor; }
  bool is_complete_tensor() const { return kind_ == Kind::Tensor && dtype_.has_value(); }
  std::optional<ScalarType> dtype() const { return dtype_; }
  const std::optional<Shape>& sizes() const { return sizes_; }
  const std::optional<Shape>& strides() const { return strides_; }
  std::optional<bool> requires_grad() const { return requires_grad_; }
  const std::optional<std::string>& tensor_device() const { return device_; }
  const std::vector<TypePtr>& contained() const { return contained_; }
  const std::string& class_name() const { return class_name_; }
  const std::shared_ptr<ClassType>& class_type_ptr() const { return class_; }

  // The same type with tensor shapes, dtypes and flags erased (recursively).
  TypePtr without_shape() const;
  std::string str() const;
  bool operator==(const Type& other) const { return str() == other.str(); }

 protected:
  explicit Type(Kind kind) : kind_(kind) {}

 private:
  std::string tensor_str() const;
  Kind kind_;
  std::optional<ScalarType> dtype_;
  std::optional<Shape> sizes_, strides_;
  std::optional<bool> requires_grad_;
  std::optional<std::string> device_;
  std::vector<TypePtr> contained_;
  std::string class_name_;
  std::shared_ptr<ClassType> class_;
};

}  // namespace paratrace::jit
