// nn::Module: state_dict, load_state_dict and deep copy, following
// torch/nn/modules/module.py (1.13) step by step, including its messages.
#include <map>

#include "python_text.h"
#include "paratrace/autograd/grad_mode.h"
#include "paratrace/nn/module.h"

namespace paratrace::nn {

using detail::torch_size;

StateDict Module::state_dict(const std::string& prefix, bool keep_vars) const {
  StateDict out;
  if (!saves_state()) return out;  // as FakeSparsity.state_dict() returns {}
  auto add = [&](const std::string& name, const Tensor& value) {
    if (value.defined()) out.set(prefix + name, keep_vars ? value : value.detach());
  };
  for (const auto& [name, value] : parameters_) add(name, value);
  for (const auto& [name, value] : buffers_) {
    if (!non_persistent_buffers_.contains(name)) add(name, value);
  }
  for (const auto& [name, module] : children_) {
    if (!module || !module->saves_state()) continue;
    for (auto& [key, value] : module->state_dict(prefix + name + ".", keep_vars)) out.set(key, value);
  }
  return out;
}

// Module._load_from_state_dict with strict=True, as load_state_dict always
// calls it; strictness only decides whether the collected keys are an error.
void Module::load_local(const StateDict& state_dict, const std::string& prefix, IncompatibleKeys& keys,
                        std::vector<std::string>& errors) {
  OrderedDict<Tensor> local_state;
  for (const auto& [name, value] : parameters_) {
    if (value.defined()) local_state.set(name, value);
  }
  for (const auto& [name, value] : buffers_) {
    if (value.defined() && !non_persistent_buffers_.contains(name)) local_state.set(name, value);
  }
  for (const auto& [name, param] : local_state) {
    const std::string key = prefix + name;
    const Tensor* found = state_dict.find(key);
    if (!found) {
      keys.missing_keys.push_back(key);
      continue;
    }
    Tensor input = *found;
    // Backward compatibility kept by PyTorch: a 1-element 1-d tensor loads into a 0-d one.
    if (param.dim() == 0 && input.dim() == 1) input = input.select(0, 0);
    if (input.sizes() != param.sizes()) {
      errors.push_back("size mismatch for " + key + ": copying a param with shape " + torch_size(input.sizes()) +
                       " from checkpoint, the shape in current model is " + torch_size(param.sizes()) + ".");
      continue;
    }
    try {
      autograd::NoGradGuard no_grad;
      Tensor target = param;
      target.copy_(input);
    } catch (const Error& e) {
      errors.push_back("While copying the parameter named \"" + key + "\", whose dimensions in the model are " +
                       torch_size(param.sizes()) + " and whose dimensions in the checkpoint are " +
                       torch_size(input.sizes()) + ", an exception occurred : ('" + e.what() + "',).");
    }
  }
  for (const auto& [key, value] : state_dict) {
    if (!key.starts_with(prefix)) continue;
    const std::string rest = key.substr(prefix.size());
    const std::string input_name = rest.substr(0, rest.find('.'));
    if (!children_.contains(input_name) && !local_state.contains(input_name)) keys.unexpected_keys.push_back(key);
  }
}

void Module::load_recursive(const StateDict& state_dict, const std::string& prefix, IncompatibleKeys& keys,
                            std::vector<std::string>& errors) {
  load_local(state_dict, prefix, keys, errors);
  for (const auto& [name, module] : children_) {
    if (!module || !module->saves_state()) continue;
    const std::string child_prefix = prefix + name + ".";
    StateDict child_state;
    for (const auto& [key, value] : state_dict) {
      if (key.starts_with(child_prefix)) child_state.set(key, value);
    }
    module->load_recursive(child_state, child_prefix, keys, errors);
  }
}

IncompatibleKeys Module::load_state_dict(const StateDict& state_dict, bool strict) {
  IncompatibleKeys keys;
  std::vector<std::string> errors;
  load_recursive(state_dict, "", keys, errors);
  auto quoted_list = [](const std::vector<std::string>& names) {
    std::string out;
    for (const auto& name : names) out += (out.empty() ? "\"" : ", \"") + name + "\"";
    return out;
  };
  if (strict) {
    if (!keys.unexpected_keys.empty()) {
      errors.insert(errors.begin(), "Unexpected key(s) in state_dict: " + quoted_list(keys.unexpected_keys) + ". ");
    }
    if (!keys.missing_keys.empty()) {
      errors.insert(errors.begin(), "Missing key(s) in state_dict: " + quoted_list(keys.missing_keys) + ". ");
    }
  }
  if (!errors.empty()) {
    std::string message = "Error(s) in loading state_dict for " + type_name() + ":";
    for (const auto& e : errors) message += "\n\t" + e;
    throw RuntimeError(message);
  }
  return keys;
}

// copy.deepcopy's memo: an object reached twice is copied once.
struct Module::CloneMemo {
  std::map<const TensorImpl*, Tensor> tensors;
  std::map<const Module*, ModulePtr> modules;

  Tensor copy(const Tensor& t) {
    if (!t.defined()) return t;
    auto [it, inserted] = tensors.try_emplace(t.impl());
    if (inserted) {
      autograd::NoGradGuard no_grad;
      it->second = t.clone();
      if (t.requires_grad()) it->second.requires_grad_(true);
    }
    return it->second;
  }
};

ModulePtr Module::clone_with(CloneMemo& memo) const {
  if (auto found = memo.modules.find(this); found != memo.modules.end()) return found->second;
  ModulePtr copy = shallow_copy();
  memo.modules.emplace(this, copy);
  for (auto& [name, value] : copy->parameters_) value = memo.copy(value);
  for (auto& [name, value] : copy->buffers_) value = memo.copy(value);
  for (auto& [name, module] : copy->children_) {
    if (module) module = module->clone_with(memo);
  }
  return copy;
}

ModulePtr Module::clone() const {
  CloneMemo memo;
  return clone_with(memo);
}

}  // namespace paratrace::nn
