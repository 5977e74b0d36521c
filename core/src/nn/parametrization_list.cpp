// ParametrizationList: the chain for one parametrized tensor and its
// originals, following ParametrizationList in torch/nn/utils/parametrize.py
// (1.13) with its messages; unlike 1.13, a failed check leaves every
// original as it was.
#include "paratrace/autograd/grad_mode.h"
#include "paratrace/nn/parametrize.h"
#include "python_text.h"

namespace paratrace::nn {

using detail::python_type_name;
using detail::torch_dtype;
using detail::torch_size;

RightInverseResult Parametrization::right_inverse(const Tensor&) {
  throw MissingRightInverse(type_name() + " has no right_inverse");
}

void Parametrization::prepare(const Module&, const std::string&, const Tensor&) {}

namespace {

void register_original(Module& m, const std::string& name, const Tensor& value, bool as_parameter) {
  if (as_parameter) m.register_parameter(name, value, value.requires_grad());
  else m.register_buffer(name, value);
}

// Registration-time right_inverse: last step first, NotImplementedError
// (and a missing right_inverse) meaning the identity.
RightInverseResult initial_right_inverse(const std::vector<std::shared_ptr<Parametrization>>& modules,
                                         const Tensor& original) {
  autograd::NoGradGuard no_grad;
  RightInverseResult value = original;
  for (std::size_t i = modules.size(); i-- > 0;) {
    const Tensor* current = std::get_if<Tensor>(&value);
    PT_CHECK(current, TypeError,
             modules[i]->type_name() << ".right_inverse() takes a tensor, but the next step returned a sequence");
    try {
      value = modules[i]->right_inverse(*current);
    } catch (const NotImplementedError&) {
    }
  }
  return value;
}

}  // namespace

ParametrizationList::ParametrizationList(const std::vector<std::shared_ptr<Parametrization>>& modules,
                                         const Tensor& original, bool original_is_parameter, bool unsafe)
    : unsafe_(unsafe), originals_are_parameters_(original_is_parameter) {
  PT_CHECK(!modules.empty(), ValueError, "ParametrizationList requires one or more modules.");
  for (const auto& m : modules) append(m);
  const RightInverseResult inverted = initial_right_inverse(modules, original);
  // A view of the original's current storage, to put it back on failure.
  const Tensor saved = original.detach();
  try {
    store_originals(original, inverted);
    if (!unsafe_) check_result(saved);
  } catch (...) {
    const bool moved = original.storage() != saved.storage() || original.storage_offset() != saved.storage_offset() ||
                       original.sizes() != saved.sizes() || original.dtype() != saved.dtype();
    if (moved) {
      autograd::NoGradGuard no_grad;
      original.set_data(saved);
    }
    throw;
  }
}

void ParametrizationList::store_originals(const Tensor& original, const RightInverseResult& inverted) {
  is_tensor_ = std::holds_alternative<Tensor>(inverted);
  if (is_tensor_) {
    const Tensor& value = std::get<Tensor>(inverted);
    PT_CHECK(value.defined(), ValueError,
             "'right_inverse' must return a Tensor or a Sequence of tensors (list, tuple...). Got NoneType");
    PT_CHECK(value.dtype() == original.dtype(), ValueError,
             "When `right_inverse` outputs one tensor, it may not change the dtype.\noriginal.dtype: "
                 << torch_dtype(original.dtype()) << "\nright_inverse(original).dtype: " << torch_dtype(value.dtype()));
    ntensors_ = 1;
    if (!value.is_same(original)) {
      autograd::NoGradGuard no_grad;
      original.set_data(value);  // original.set_(new): same object, new value
    }
    register_original(*this, "original", original, originals_are_parameters_);
    return;
  }
  const TensorList& values = std::get<TensorList>(inverted);
  for (std::size_t i = 0; i < values.size(); ++i) {
    PT_CHECK(values[i].defined(), ValueError,
             "'right_inverse' must return a Tensor or a Sequence of tensors (list, tuple...). Got element "
                 << i << " of the sequence with type NoneType.");
  }
  ntensors_ = values.size();
  for (std::size_t i = 0; i < values.size(); ++i) {
    // New leaves (Parameter(originali)) with the original's requires_grad.
    Tensor leaf = values[i].detach();
    leaf.requires_grad_(original.requires_grad());
    register_original(*this, "original" + std::to_string(i), leaf, originals_are_parameters_);
  }
}

void ParametrizationList::check_result(const Tensor& original_like) {
  const IValue z = forward_stack({});
  PT_CHECK(z.is_tensor() && z.to_tensor().defined(), ValueError,
           "A parametrization must return a tensor. Got " << python_type_name(z) << ".");
  const Tensor& Z = z.to_tensor();
  PT_CHECK(Z.dtype() == original_like.dtype(), ValueError,
           "Registering a parametrization may not change the dtype of the tensor, unless `unsafe` flag is "
           "enabled.\nunparametrized dtype: "
               << torch_dtype(original_like.dtype()) << "\nparametrized dtype: " << torch_dtype(Z.dtype()));
  PT_CHECK(Z.sizes() == original_like.sizes(), ValueError,
           "Registering a parametrization may not change the shape of the tensor, unless `unsafe` flag is "
           "enabled.\nunparametrized shape: "
               << torch_size(original_like.sizes()) << "\nparametrized shape: " << torch_size(Z.sizes()));
}

std::shared_ptr<Parametrization> ParametrizationList::step(std::size_t i) const {
  return std::dynamic_pointer_cast<Parametrization>(at(static_cast<std::int64_t>(i)));
}

std::vector<std::string> ParametrizationList::original_names() const {
  if (is_tensor_) return {"original"};
  std::vector<std::string> names;
  for (std::size_t i = 0; i < ntensors_; ++i) names.push_back("original" + std::to_string(i));
  return names;
}

TensorList ParametrizationList::originals() const {
  TensorList out;
  for (const auto& name : original_names()) out.push_back(attr(name));
  return out;
}

IValue ParametrizationList::forward_stack(const Stack& inputs) {
  PT_CHECK(inputs.empty(), TypeError, "ParametrizationList.forward() takes no arguments");
  Stack originals;
  for (const auto& name : original_names()) originals.emplace_back(attr(name));
  IValue x = step(0)->call(originals);
  for (std::size_t i = 1; i < size(); ++i) {
    PT_CHECK(x.is_tensor(), ValueError, "A parametrization must return a tensor. Got " << python_type_name(x) << ".");
    x = step(i)->call({x});
  }
  return x;
}

Tensor ParametrizationList::evaluate() {
  // Through call(), as PyTorch's parametrization(): hooks run and a tracer
  // sees the list's scope.
  const IValue x = call({});
  PT_CHECK(x.is_tensor() && x.to_tensor().defined(), ValueError,
           "A parametrization must return a tensor. Got " << python_type_name(x) << ".");
  return x.to_tensor();
}

void ParametrizationList::right_inverse(const Tensor& value) {
  autograd::NoGradGuard no_grad;
  RightInverseResult result = value;
  for (std::size_t i = size(); i-- > 0;) {
    const auto p = step(i);
    const Tensor* current = std::get_if<Tensor>(&result);
    PT_CHECK(current, TypeError,
             p->type_name() << ".right_inverse() takes a tensor, but the next step returned a sequence");
    try {
      result = p->right_inverse(*current);
    } catch (const MissingRightInverse&) {
      PT_THROW(RuntimeError, "parametrization " << p->type_name() << " does not implement right_inverse.");
    }
  }
  if (is_tensor_) {
    const Tensor* t = std::get_if<Tensor>(&result);
    PT_CHECK(t && t->defined(), ValueError,
             "`right_inverse` should return a tensor. Got " << (t ? "NoneType" : "list"));
    const Tensor original = attr("original");
    PT_CHECK(t->dtype() == original.dtype(), ValueError,
             "The tensor returned by `right_inverse` has dtype " << torch_dtype(t->dtype())
                                                               << " while `original` has dtype "
                                                               << torch_dtype(original.dtype()));
    store_original("original", *t);
    return;
  }
  const TensorList* list = std::get_if<TensorList>(&result);
  PT_CHECK(list, ValueError, "'right_inverse' must return a sequence of tensors. Got Tensor.");
  PT_CHECK(list->size() == ntensors_, ValueError,
           "'right_inverse' must return a sequence of tensors of length " << ntensors_
                                                                          << ". Got a sequence of lenght "
                                                                          << list->size() << ".");
  const TensorList current = originals();
  // Every element is checked before any original is written.
  for (std::size_t i = 0; i < list->size(); ++i) {
    PT_CHECK((*list)[i].defined(), ValueError,
             "`right_inverse` must return a sequence of tensors. Got element " << i << " of type NoneType");
    PT_CHECK((*list)[i].dtype() == current[i].dtype(), ValueError,
             "Tensor " << i << " returned by `right_inverse` has dtype " << torch_dtype((*list)[i].dtype())
                       << " while `original" << i << "` has dtype " << torch_dtype(current[i].dtype()));
  }
  for (std::size_t i = 0; i < list->size(); ++i) store_original("original" + std::to_string(i), (*list)[i]);
}

void ParametrizationList::store_original(const std::string& name, const Tensor& value) {
  // A nested parametrization on the original gets the value through its own
  // right_inverse (PyTorch would set_ its computed tensor, losing the value).
  if (has_property(name)) set_attr(name, value);
  else attr(name).set_data(value);
}

}  // namespace paratrace::nn
