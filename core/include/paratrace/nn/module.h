#pragma once
// nn::Module: the C++ counterpart of torch.nn.Module. Parameters, buffers and
// children live in insertion-ordered tables and are reached by name, never
// through member handles, so that parametrize can replace `weight` by a
// computed property and clone() can deep-copy any module generically.
#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "paratrace/nn/ordered_dict.h"
#include "paratrace/ops/ivalue.h"
#include "paratrace/tensor/tensor.h"

namespace paratrace::nn {

class Module;
using ModulePtr = std::shared_ptr<Module>;
using StateDict = OrderedDict<Tensor>;
using NamedTensorList = std::vector<std::pair<std::string, Tensor>>;
using NamedModuleList = std::vector<std::pair<std::string, ModulePtr>>;

// A tensor attribute computed on access, as a Python property on the module's
// class. parametrize installs one for every parametrized tensor. Stateless
// with respect to the owner, so clones share it.
class TensorProperty {
 public:
  virtual ~TensorProperty() = default;
  virtual Tensor get(Module& owner, const std::string& name) const = 0;
  virtual void set(Module& owner, const std::string& name, const Tensor& value) const = 0;
};

// Returned by the register_*_hook functions; remove() unregisters the hook
// (a no-op once the module is gone), like torch.utils.hooks.RemovableHandle.
class HookHandle {
 public:
  HookHandle() = default;
  explicit HookHandle(std::function<void()> remover) : remover_(std::move(remover)) {}
  void remove();

 private:
  std::function<void()> remover_;
};

// A pre-hook may return replacement inputs; a forward hook a replacement output.
using ForwardPreHook = std::function<std::optional<Stack>(Module&, const Stack&)>;
using ForwardHook = std::function<std::optional<IValue>(Module&, const Stack&, const IValue&)>;

// Told about every Module::call on this thread while installed: the tracer
// uses it to know the module scope of each recorded op.
class ModuleCallObserver {
 public:
  virtual ~ModuleCallObserver() = default;
  virtual void enter(Module& module) = 0;
  virtual void exit(Module& module) = 0;
  // Between enter and exit: forward's result (after hooks), so a call can
  // become a prim::CallMethod.
  virtual void result(Module& /*module*/, const IValue& /*output*/) {}
};
// Installs `observer` for this thread (null uninstalls); returns the previous one.
ModuleCallObserver* set_module_call_observer(ModuleCallObserver* observer);

struct IncompatibleKeys {
  std::vector<std::string> missing_keys;
  std::vector<std::string> unexpected_keys;
};

class Module : public std::enable_shared_from_this<Module> {
 public:
  Module();
  virtual ~Module();
  Module& operator=(const Module&) = delete;

  // --- identity -------------------------------------------------------------
  // The class name PyTorch would print ("Linear"); user classes get their
  // demangled C++ name without namespaces unless they override it.
  virtual std::string class_name() const;
  // class_name(), or the name of the class injected by parametrize
  // ("ParametrizedLinear") while one is set.
  std::string type_name() const;
  void set_injected_type_name(std::string name) { injected_type_name_ = std::move(name); }
  // The text inside the parentheses of repr(), as nn.Module.extra_repr.
  virtual std::string extra_repr() const { return {}; }
  // PyTorch's multi-line module repr.
  std::string repr() const;

  // --- registration (PyTorch's checks and messages) ---------------------------
  // Registers (or replaces, keeping its position) a parameter. An undefined
  // tensor registers None. requires_grad is set on the tensor itself, which
  // stays the same object, as nn.Parameter's identity does.
  void register_parameter(const std::string& name, Tensor value, bool requires_grad = true);
  void register_buffer(const std::string& name, Tensor value, bool persistent = true);
  ModulePtr register_module(const std::string& name, ModulePtr module);
  template <typename M> std::shared_ptr<M> register_module(const std::string& name, std::shared_ptr<M> module) {
    register_module(name, ModulePtr(module));
    return module;
  }
  // delattr: removes a parameter, buffer or child.
  void delete_attr(const std::string& name);

  // --- attribute access -------------------------------------------------------
  // getattr for tensors: a property (parametrized tensor), then a parameter,
  // then a buffer. A None parameter or buffer gives an undefined Tensor.
  Tensor attr(const std::string& name);
  Tensor attr(const std::string& name) const { return const_cast<Module*>(this)->attr(name); }
  // setattr for tensors: runs a property's setter (parametrize's right_inverse),
  // or replaces a parameter or buffer in place. The tensor keeps its flags.
  void set_attr(const std::string& name, const Tensor& value);
  Tensor param(const std::string& name) const;
  Tensor buffer(const std::string& name) const;
  ModulePtr child(const std::string& name) const;
  template <typename M> std::shared_ptr<M> child_as(const std::string& name) const {
    auto typed = std::dynamic_pointer_cast<M>(child(name));
    PT_CHECK(typed, TypeError, "child module '" << name << "' of " << type_name() << " has another type");
    return typed;
  }
  // Dotted-path lookups, as Module.get_submodule / get_parameter / get_buffer.
  ModulePtr get_submodule(const std::string& target);
  Tensor get_parameter(const std::string& target);
  Tensor get_buffer(const std::string& target);

  bool has_parameter(const std::string& name) const { return parameters_.contains(name); }
  bool has_buffer(const std::string& name) const { return buffers_.contains(name); }
  bool has_child(const std::string& name) const { return children_.contains(name); }
  bool has_property(const std::string& name) const { return properties_.contains(name); }
  // hasattr for the names a module manages.
  bool has_attr(const std::string& name) const;
  bool is_persistent_buffer(const std::string& name) const;

  void define_property(const std::string& name, std::shared_ptr<const TensorProperty> property);
  void remove_property(const std::string& name);

  // This module's own tables, in registration order.
  const OrderedDict<Tensor>& local_parameters() const { return parameters_; }
  const OrderedDict<Tensor>& local_buffers() const { return buffers_; }
  const OrderedDict<ModulePtr>& local_children() const { return children_; }

  // --- traversal (dotted names; shared tensors and modules reported once) -----
  NamedTensorList named_parameters(const std::string& prefix = "", bool recurse = true) const;
  TensorList parameters(bool recurse = true) const;
  NamedTensorList named_buffers(const std::string& prefix = "", bool recurse = true) const;
  TensorList buffers(bool recurse = true) const;
  NamedModuleList named_children() const;
  std::vector<ModulePtr> children() const;
  NamedModuleList named_modules(const std::string& prefix = "", bool remove_duplicate = true);
  std::vector<ModulePtr> modules();

  // --- modes and bulk updates -------------------------------------------------
  Module& train(bool mode = true);
  Module& eval() { return train(false); }
  bool is_training() const { return training_; }
  Module& requires_grad_(bool requires_grad = true);
  void zero_grad(bool set_to_none = false);
  // Casts every floating-point parameter and buffer (and its gradient) in
  // place, keeping tensor identity, as Module.to(dtype) / .double() do.
  Module& to(ScalarType dtype);

  // --- state_dict ---------------------------------------------------------
  // PyTorch's keys and order: own parameters, own persistent buffers, then
  // each child under "<child>.". Values are detached unless keep_vars.
  StateDict state_dict(const std::string& prefix = "", bool keep_vars = false) const;
  // Copies values in place. With strict, missing or unexpected keys throw
  // PyTorch's "Error(s) in loading state_dict for ..." RuntimeError; size
  // mismatches throw whatever strict says.
  IncompatibleKeys load_state_dict(const StateDict& state_dict, bool strict = true);

  // --- copying ------------------------------------------------------------
  // copy.deepcopy: independent tensors (sharing preserved inside the copy),
  // independent children, same structure, values, flags and hooks. Needs the
  // class to derive from Cloneable<Derived>.
  ModulePtr clone() const;

  // --- calling ------------------------------------------------------------
  // __call__: pre-hooks, forward_stack, hooks.
  IValue call(const Stack& inputs);
  Tensor operator()(const Tensor& input);
  Tensor operator()(const Tensor& a, const Tensor& b);
  HookHandle register_forward_pre_hook(ForwardPreHook hook);
  HookHandle register_forward_hook(ForwardHook hook);

  // Runs a method by name: "forward" is call(); modules with more traceable
  // methods override this (trace_module traces methods through it).
  virtual IValue call_method(const std::string& name, const Stack& inputs);

  // forward for any inputs; by default one tensor passed to forward(Tensor).
  virtual IValue forward_stack(const Stack& inputs);
  // forward for the common one-tensor case; modules override one of the two.
  virtual Tensor forward(const Tensor& input);

 protected:
  // Shallow copy (tables share entries) used by clone(); Cloneable provides it.
  Module(const Module& other);
  // Whether state_dict includes this module's tensors (and its children's)
  // and load_state_dict expects them. FakeSparsity opts out for its mask.
  virtual bool saves_state() const { return true; }
  virtual ModulePtr shallow_copy() const;

 private:
  struct Hooks;
  void check_new_attribute(const std::string& kind, const std::string& name, bool module_message) const;
  ModulePtr self_ptr();
  void collect_modules(const std::string& prefix, bool remove_duplicate, std::set<const Module*>& seen,
                       NamedModuleList& out);
  void load_local(const StateDict& state_dict, const std::string& prefix, IncompatibleKeys& keys,
                  std::vector<std::string>& errors);
  void load_recursive(const StateDict& state_dict, const std::string& prefix, IncompatibleKeys& keys,
                      std::vector<std::string>& errors);
  struct CloneMemo;
  ModulePtr clone_with(CloneMemo& memo) const;

  bool training_ = true;
  std::string injected_type_name_;
  OrderedDict<Tensor> parameters_;
  OrderedDict<Tensor> buffers_;
  std::set<std::string> non_persistent_buffers_;
  OrderedDict<ModulePtr> children_;
  OrderedDict<std::shared_ptr<const TensorProperty>> properties_;
  std::shared_ptr<Hooks> hooks_;
};

// Derive user modules from Cloneable<MyModule> (instead of Module) to make
// clone() work: it supplies the copy of the derived object. Base lets a
// module derive from a Module subclass, as Cloneable<Symmetric, Parametrization>.
template <typename Derived, typename Base = Module> class Cloneable : public Base {
 public:
  using Base::Base;
  Cloneable() = default;

 protected:
  Cloneable(const Cloneable&) = default;
  ModulePtr shallow_copy() const override {
    return std::make_shared<Derived>(static_cast<const Derived&>(*this));
  }
};

}  // namespace paratrace::nn
