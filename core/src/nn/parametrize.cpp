// register_parametrization, remove_parametrizations and friends, following
// torch/nn/utils/parametrize.py (1.13): the injected "Parametrized<Class>"
// type name, the property on the tensor's name, the `parametrizations`
// ModuleDict, and PyTorch's checks and messages.
#include "paratrace/nn/parametrize.h"

#include "paratrace/autograd/grad_mode.h"
#include "parametrize_cache.h"
#include "python_text.h"

namespace paratrace::nn::parametrize {

using nn::detail::python_type_name;
using nn::detail::torch_dtype;
using nn::detail::torch_size;

namespace {

const char* const kParametrizations = "parametrizations";

std::shared_ptr<ModuleDict> parametrizations_of(const Module& module) {
  if (!module.has_child(kParametrizations)) return nullptr;
  return std::dynamic_pointer_cast<ModuleDict>(module.child(kParametrizations));
}

// The property parametrize puts on the module: reading evaluates the chain
// (or the cache), writing runs right_inverse.
class ParametrizedTensor : public TensorProperty {
 public:
  Tensor get(Module& owner, const std::string& name) const override {
    auto list = parametrization_list(owner, name);
    if (!ParametrizationCache::enabled()) return list->evaluate();
    return detail::cached_value(owner, name, [&] { return list->evaluate(); });
  }
  void set(Module& owner, const std::string& name, const Tensor& value) const override {
    parametrization_list(owner, name)->right_inverse(value);
  }
};

const std::shared_ptr<const TensorProperty>& parametrized_tensor_property() {
  static const std::shared_ptr<const TensorProperty> property = std::make_shared<ParametrizedTensor>();
  return property;
}

// Stacking a parametrization on an already parametrized tensor: the checks
// of register_parametrization's first branch.
void check_stacked(Parametrization& parametrization, const std::string& name, const Tensor& Y) {
  const IValue x = parametrization.call({Y});
  PT_CHECK(x.is_tensor() && x.to_tensor().defined(), ValueError,
           "A parametrization must return a tensor. Got " << python_type_name(x) << ".");
  const Tensor X = x.to_tensor();
  PT_CHECK(X.dtype() == Y.dtype(), ValueError,
           "Registering a parametrization may not change the dtype of the tensor, unless the `unsafe` flag is "
           "enabled.\nmodule."
               << name << ".dtype: " << torch_dtype(Y.dtype()) << "\nparametrization(module." << name
               << ").dtype: " << torch_dtype(X.dtype()));
  PT_CHECK(X.sizes() == Y.sizes(), ValueError,
           "Registering a parametrization may not change the shape of the tensor, unless the `unsafe` flag is "
           "enabled.\nmodule."
               << name << ".shape: " << torch_size(Y.sizes()) << "\nparametrization(module." << name
               << ").shape: " << torch_size(X.sizes()));
  RightInverseResult z;
  try {
    z = parametrization.right_inverse(X);
  } catch (const NotImplementedError&) {
    return;
  }
  const Tensor* Z = std::get_if<Tensor>(&z);
  PT_CHECK(Z && Z->defined(), ValueError,
           "parametrization.right_inverse must return a tensor. Got: " << (Z ? "NoneType" : "list"));
  PT_CHECK(Z->dtype() == Y.dtype(), ValueError,
           "The tensor returned by parametrization.right_inverse must have the same dtype as module."
               << name << ", unless the `unsafe` flag is enabled.\nmodule." << name
               << ".dtype: " << torch_dtype(Y.dtype()) << "\nreturned dtype: " << torch_dtype(Z->dtype()));
  PT_CHECK(Z->sizes() == Y.sizes(), ValueError,
           "The tensor returned by parametrization.right_inverse must have the same shape as module."
               << name << ", unless the `unsafe` flag is enabled.\nmodule." << name
               << ".shape: " << torch_size(Y.sizes()) << "\nreturned shape: " << torch_size(Z->sizes()));
}

void register_parameter_or_buffer(Module& module, const std::string& name, const Tensor& value, bool as_parameter) {
  if (as_parameter) module.register_parameter(name, value, value.requires_grad());
  else module.register_buffer(name, value);
}

}  // namespace

std::shared_ptr<ParametrizationList> parametrization_list(const Module& module, const std::string& tensor_name) {
  auto dict = parametrizations_of(module);
  PT_CHECK(dict && dict->contains(tensor_name), ValueError,
           "Module " << module.repr() << " does not have a parametrization on " << tensor_name);
  return std::dynamic_pointer_cast<ParametrizationList>(dict->at(tensor_name));
}

Module& register_parametrization(Module& module, const std::string& tensor_name,
                                 std::shared_ptr<Parametrization> parametrization, bool unsafe) {
  PT_CHECK(parametrization, ValueError, "register_parametrization needs a parametrization, got None");
  parametrization->train(module.is_training());
  if (is_parametrized(module, tensor_name)) {
    auto list = parametrization_list(module, tensor_name);
    // Y is read only when needed: reading runs the chain, which may update
    // buffers (SpectralNorm), and PyTorch reads it only for the checks.
    if (!unsafe || !parametrization->is_prepared()) {
      const Tensor Y = module.attr(tensor_name);
      if (!parametrization->is_prepared()) parametrization->prepare(module, tensor_name, Y);
      if (!unsafe) check_stacked(*parametrization, tensor_name, Y);
    }
    list->append(parametrization);
    list->set_unsafe(list->unsafe() || unsafe);
    return module;
  }
  const bool is_parameter = module.has_parameter(tensor_name);
  PT_CHECK(is_parameter || module.has_buffer(tensor_name), ValueError,
           "Module '" << module.repr() << "' does not have a parameter, a buffer, or a parametrized element with name '"
                      << tensor_name << "'");
  const Tensor original = module.attr(tensor_name);
  PT_CHECK(original.defined(), ValueError,
           "Module '" << module.repr() << "' does not have a parameter, a buffer, or a parametrized element with name '"
                      << tensor_name << "'");
  // Everything that can fail happens before the module is touched.
  if (!parametrization->is_prepared()) parametrization->prepare(module, tensor_name, original);
  auto list = std::make_shared<ParametrizationList>(std::vector<std::shared_ptr<Parametrization>>{parametrization},
                                                    original, is_parameter, unsafe);
  module.delete_attr(tensor_name);
  if (!is_parametrized(module)) {
    module.set_injected_type_name("Parametrized" + module.class_name());
    // PyTorch assigns a new ModuleDict over any attribute of that name that
    // is not one (a module tree rebuilt from a traced-module file has plain
    // modules there).
    if (module.has_child(kParametrizations) && !parametrizations_of(module)) module.delete_attr(kParametrizations);
    if (!module.has_child(kParametrizations)) module.register_module(kParametrizations, std::make_shared<ModuleDict>());
  }
  module.define_property(tensor_name, parametrized_tensor_property());
  parametrizations_of(module)->insert(tensor_name, list);
  return module;
}

std::vector<std::string> parametrized_names(const Module& module) {
  auto dict = parametrizations_of(module);
  return dict ? dict->keys() : std::vector<std::string>{};
}

bool is_parametrized(const Module& module, const std::optional<std::string>& tensor_name) {
  auto dict = parametrizations_of(module);
  if (!dict) return false;
  return tensor_name ? dict->contains(*tensor_name) : !dict->empty();
}

std::string type_before_parametrizations(const Module& module) {
  return is_parametrized(module) ? module.class_name() : module.type_name();
}

Module& remove_parametrizations(Module& module, const std::string& tensor_name, bool leave_parametrized) {
  PT_CHECK(is_parametrized(module, tensor_name), ValueError,
           "Module " << module.repr() << " does not have a parametrization on " << tensor_name);
  auto list = parametrization_list(module, tensor_name);
  Tensor original;
  bool as_parameter = list->originals_are_parameters();
  if (list->is_tensor()) {
    original = list->attr("original");
    // A nested chain's original is computed, not a Parameter: PyTorch then
    // registers the result as a buffer.
    as_parameter = as_parameter && !is_parametrized(*list, "original");
    if (leave_parametrized) {
      autograd::NoGradGuard no_grad;
      const Tensor t = module.attr(tensor_name);
      // A parameter cannot change dtype through set_ (PyTorch 1.13 reports it
      // with its tensor-subclass message, the one users search for).
      PT_CHECK(!as_parameter || t.dtype() == original.dtype(), RuntimeError,
               "Calling remove_parametrizations() with leave_parametrized=True for a parameter that is an instance "
               "of a tensor subclass requires set_() to be implemented correctly for the tensor subclass. Either "
               "set leave_parametrized=False or provide a working implementation for set_() in the tensor "
               "subclass.");
      if (!t.is_same(original)) original.set_data(t);
    }
  } else {
    PT_CHECK(leave_parametrized, ValueError,
             "Cannot leave unparametrized (`leave_parametrized=False`) a tensor that is parametrized in terms of a "
             "sequence of tensors.");
    const Tensor t = module.attr(tensor_name);
    // Parameter(t) when t requires grad (a new leaf), else the plain tensor.
    as_parameter = t.requires_grad();
    original = as_parameter ? t.detach().requires_grad_(true) : t;
  }
  module.remove_property(tensor_name);
  parametrizations_of(module)->erase(tensor_name);
  detail::forget_cached(module, tensor_name);
  register_parameter_or_buffer(module, tensor_name, original, as_parameter);
  if (!is_parametrized(module)) {
    module.delete_attr(kParametrizations);
    module.set_injected_type_name("");
  }
  return module;
}

Module& transfer_parametrizations_and_params(Module& from, Module& to, const std::optional<std::string>& tensor_name) {
  if (!is_parametrized(from)) return to;
  const std::vector<std::string> names = tensor_name ? std::vector<std::string>{*tensor_name}
                                                     : parametrizations_of(from)->keys();
  for (const auto& name : names) {
    auto from_list = parametrization_list(from, name);
    if (!to.has_attr(name)) {
      // setattr(to, name, Parameter(getattr(from, name))): a new leaf.
      autograd::NoGradGuard no_grad;
      to.register_parameter(name, from.attr(name).detach().clone());
    }
    for (std::size_t i = 0; i < from_list->size(); ++i) register_parametrization(to, name, from_list->step(i));
    auto to_list = parametrization_list(to, name);
    // Share the very original tensors, as the Python assignment does.
    for (const auto& original_name : from_list->original_names()) {
      if (to_list->has_attr(original_name)) to_list->set_attr(original_name, from_list->attr(original_name));
    }
  }
  return to;
}

}  // namespace paratrace::nn::parametrize
