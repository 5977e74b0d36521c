#pragma once
// Module scopes as the tracer records them ("__module.2/__module.2.0", one
// component per module call, outermost first) turned into cluster ids and
// module paths.
#include <string>
#include <vector>

namespace paratrace::graphview {

struct ScopeLevel {
  std::string id;     // the chain up to this level without "__module.": "2/2.0"
  std::string label;  // the module path: "2.0"
};

// Outermost first; empty for the top level.
std::vector<ScopeLevel> scope_levels(const std::string& scope);

// "2.0" for the attribute path "2.0.weight": the module that owns a
// parameter; empty for an attribute of the traced module itself.
std::string owner_path(const std::string& attribute_path);

}  // namespace paratrace::graphview
