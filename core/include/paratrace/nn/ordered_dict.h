#pragma once
// Insertion-ordered name -> value table, the C++ counterpart of the
// OrderedDicts behind nn.Module (_parameters, _buffers, _modules). Modules
// hold a handful of entries, so a vector with linear lookup beats a map.
#include <algorithm>
#include <string>
#include <utility>
#include <vector>

namespace paratrace::nn {

template <typename V> class OrderedDict {
 public:
  using Item = std::pair<std::string, V>;

  V* find(const std::string& key) {
    auto it = locate(key);
    return it == items_.end() ? nullptr : &it->second;
  }
  const V* find(const std::string& key) const { return const_cast<OrderedDict*>(this)->find(key); }
  bool contains(const std::string& key) const { return find(key) != nullptr; }

  // Replaces in place (keeping the position) or appends, as dict assignment does.
  void set(const std::string& key, V value) {
    if (V* existing = find(key)) *existing = std::move(value);
    else items_.emplace_back(key, std::move(value));
  }
  bool erase(const std::string& key) {
    auto it = locate(key);
    if (it == items_.end()) return false;
    items_.erase(it);
    return true;
  }
  void clear() { items_.clear(); }

  std::size_t size() const { return items_.size(); }
  bool empty() const { return items_.empty(); }
  auto begin() { return items_.begin(); }
  auto end() { return items_.end(); }
  auto begin() const { return items_.begin(); }
  auto end() const { return items_.end(); }
  std::vector<std::string> keys() const {
    std::vector<std::string> out;
    out.reserve(items_.size());
    for (const auto& item : items_) out.push_back(item.first);
    return out;
  }

 private:
  typename std::vector<Item>::iterator locate(const std::string& key) {
    return std::find_if(items_.begin(), items_.end(), [&](const Item& item) { return item.first == key; });
  }
  std::vector<Item> items_;
};

}  // namespace paratrace::nn
