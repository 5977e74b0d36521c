// Sequential, ModuleList and ModuleDict.
#include "paratrace/nn/containers.h"

namespace paratrace::nn {

namespace {
std::size_t wrap_index(std::int64_t index, std::size_t size) {
  const auto n = static_cast<std::int64_t>(size);
  const std::int64_t wrapped = index < 0 ? index + n : index;
  PT_CHECK(wrapped >= 0 && wrapped < n, IndexError, "index " << index << " is out of range");
  return static_cast<std::size_t>(wrapped);
}
}  // namespace

ModuleList::ModuleList(std::initializer_list<ModulePtr> modules) : ModuleList(std::vector<ModulePtr>(modules)) {}
ModuleList::ModuleList(const std::vector<ModulePtr>& modules) { extend(modules); }

void ModuleList::append(ModulePtr module) { register_module(std::to_string(size()), std::move(module)); }

void ModuleList::extend(const std::vector<ModulePtr>& modules) {
  for (const auto& m : modules) append(m);
}

void ModuleList::insert(std::int64_t index, ModulePtr module) {
  std::vector<ModulePtr> all = items();
  const auto n = static_cast<std::int64_t>(all.size());
  // list.insert semantics: out-of-range indices clamp to the ends.
  std::int64_t at = index < 0 ? std::max<std::int64_t>(0, index + n) : std::min(index, n);
  all.insert(all.begin() + at, std::move(module));
  replace_elements(all);
}

void ModuleList::erase(std::int64_t index) {
  std::vector<ModulePtr> all = items();
  all.erase(all.begin() + static_cast<std::ptrdiff_t>(normalise(index)));
  replace_elements(all);
}

ModulePtr ModuleList::at(std::int64_t index) const {
  return *local_children().find(std::to_string(normalise(index)));
}

std::size_t ModuleList::size() const {
  std::size_t n = 0;
  while (has_child(std::to_string(n))) ++n;
  return n;
}

std::vector<ModulePtr> ModuleList::items() const {
  std::vector<ModulePtr> out;
  for (std::size_t i = 0, n = size(); i < n; ++i) out.push_back(*local_children().find(std::to_string(i)));
  return out;
}

void ModuleList::replace_elements(const std::vector<ModulePtr>& elements) {
  for (std::size_t i = 0, n = size(); i < n; ++i) delete_attr(std::to_string(i));
  extend(elements);
}

std::size_t ModuleList::normalise(std::int64_t index) const { return wrap_index(index, size()); }

Sequential::Sequential(std::initializer_list<ModulePtr> modules) : Sequential(std::vector<ModulePtr>(modules)) {}
Sequential::Sequential(const std::vector<ModulePtr>& modules) {
  for (const auto& m : modules) append(m);
}
Sequential::Sequential(const std::vector<std::pair<std::string, ModulePtr>>& named_modules) {
  for (const auto& [name, m] : named_modules) register_module(name, m);
}

void Sequential::append(ModulePtr module) { register_module(std::to_string(size()), std::move(module)); }

ModulePtr Sequential::at(std::int64_t index) const {
  const std::size_t i = wrap_index(index, size());
  return (local_children().begin() + static_cast<std::ptrdiff_t>(i))->second;
}

IValue Sequential::forward_stack(const Stack& inputs) {
  if (size() == 0) {
    PT_CHECK(inputs.size() == 1, TypeError, "forward() of an empty Sequential takes one argument");
    return inputs[0];
  }
  Stack args = inputs;
  IValue out;
  for (const auto& [name, module] : local_children()) {
    out = module->call(args);
    args = {out};
  }
  return out;
}

Tensor Sequential::forward(const Tensor& input) { return forward_stack({input}).to_tensor(); }

ModuleDict::ModuleDict(std::initializer_list<std::pair<std::string, ModulePtr>> modules) {
  for (const auto& [key, m] : modules) insert(key, m);
}

void ModuleDict::insert(const std::string& key, ModulePtr module) { register_module(key, std::move(module)); }

ModulePtr ModuleDict::at(const std::string& key) const {
  const ModulePtr* found = local_children().find(key);
  PT_CHECK(found, KeyError, "'" << key << "'");
  return *found;
}

void ModuleDict::erase(const std::string& key) {
  PT_CHECK(contains(key), KeyError, "'" << key << "'");
  delete_attr(key);
}

ModulePtr ModuleDict::pop(const std::string& key) {
  ModulePtr module = at(key);
  delete_attr(key);
  return module;
}

}  // namespace paratrace::nn
