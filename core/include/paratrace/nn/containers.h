#pragma once
// Sequential, ModuleList and ModuleDict, as torch.nn's containers: children
// named "0", "1", ... (or by key), so state_dict keys read "seq.0.weight".
#include <initializer_list>
#include <string>
#include <utility>
#include <vector>

#include "paratrace/nn/module.h"

namespace paratrace::nn {

class ModuleList : public Cloneable<ModuleList> {
 public:
  ModuleList() = default;
  ModuleList(std::initializer_list<ModulePtr> modules);
  explicit ModuleList(const std::vector<ModulePtr>& modules);
  std::string class_name() const override { return "ModuleList"; }

  void append(ModulePtr module);
  void extend(const std::vector<ModulePtr>& modules);
  // Inserts before `index` (negative counts from the end), renumbering.
  void insert(std::int64_t index, ModulePtr module);
  // Removes the element and renumbers the rest, as `del list[i]`.
  void erase(std::int64_t index);
  ModulePtr at(std::int64_t index) const;
  ModulePtr operator[](std::int64_t index) const { return at(index); }
  // The elements "0", "1", ...; other children (a nested parametrization's
  // `parametrizations`) are not elements, as in PyTorch's index loops.
  std::size_t size() const;
  bool empty() const { return size() == 0; }
  std::vector<ModulePtr> items() const;

 private:
  std::size_t normalise(std::int64_t index) const;
  void replace_elements(const std::vector<ModulePtr>& elements);
};

class Sequential : public Cloneable<Sequential> {
 public:
  Sequential() = default;
  Sequential(std::initializer_list<ModulePtr> modules);
  explicit Sequential(const std::vector<ModulePtr>& modules);
  // Named children, as Sequential(OrderedDict(...)).
  explicit Sequential(const std::vector<std::pair<std::string, ModulePtr>>& named_modules);
  std::string class_name() const override { return "Sequential"; }

  void append(ModulePtr module);
  ModulePtr at(std::int64_t index) const;
  ModulePtr operator[](std::int64_t index) const { return at(index); }
  std::size_t size() const { return local_children().size(); }

  // Feeds the inputs to the first module and each output to the next.
  IValue forward_stack(const Stack& inputs) override;
  Tensor forward(const Tensor& input) override;
};

class ModuleDict : public Cloneable<ModuleDict> {
 public:
  ModuleDict() = default;
  ModuleDict(std::initializer_list<std::pair<std::string, ModulePtr>> modules);
  std::string class_name() const override { return "ModuleDict"; }

  // Adds or replaces (keeping the position), as `dict[key] = module`.
  void insert(const std::string& key, ModulePtr module);
  ModulePtr at(const std::string& key) const;
  ModulePtr operator[](const std::string& key) const { return at(key); }
  bool contains(const std::string& key) const { return has_child(key); }
  // `del dict[key]`; KeyError when absent.
  void erase(const std::string& key);
  ModulePtr pop(const std::string& key);
  std::vector<std::string> keys() const { return local_children().keys(); }
  std::size_t size() const { return local_children().size(); }
  bool empty() const { return size() == 0; }
};

}  // namespace paratrace::nn
