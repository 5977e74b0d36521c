#include "graphview/scope_path.h"

#include <string_view>

namespace paratrace::graphview {

std::vector<ScopeLevel> scope_levels(const std::string& scope) {
  constexpr std::string_view kPrefix = "__module.";
  std::vector<ScopeLevel> levels;
  std::string id;
  std::size_t start = 0;
  while (start < scope.size()) {
    auto end = scope.find('/', start);
    if (end == std::string::npos) end = scope.size();
    std::string_view component(scope.data() + start, end - start);
    // Scopes from parsed text or other tracers may lack the prefix; keep them as they are.
    if (component.starts_with(kPrefix)) component.remove_prefix(kPrefix.size());
    if (!id.empty()) id += '/';
    id += component;
    levels.push_back({id, std::string(component)});
    start = end + 1;
  }
  return levels;
}

std::string owner_path(const std::string& attribute_path) {
  const auto dot = attribute_path.rfind('.');
  return dot == std::string::npos ? std::string() : attribute_path.substr(0, dot);
}

}  // namespace paratrace::graphview
