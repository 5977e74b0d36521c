#include "graphview/sequential_ids.h"

#include <string>
#include <unordered_map>

namespace paratrace::graphview {

namespace {

// One per root graph (cgraph opens the discipline once per agopen).
struct Names {
  std::unordered_map<std::string, IDTYPE> ids;
  std::unordered_map<IDTYPE, std::string> names;
  IDTYPE next_named = 2;     // even, as cgraph's named ids
  IDTYPE next_anonymous = 1;  // odd: anonymous objects (edges) never collide with names
};

void* open_names(Agraph_t*, Agdisc_t*) { return new Names; }

long map_name(void* state, int, char* name, IDTYPE* id, int create) {
  auto& s = *static_cast<Names*>(state);
  if (!name) {
    *id = s.next_anonymous;
    s.next_anonymous += 2;
    return 1;
  }
  if (const auto it = s.ids.find(name); it != s.ids.end()) {
    *id = it->second;
    return 1;
  }
  if (!create) return 0;
  *id = s.next_named;
  s.next_named += 2;
  s.ids.emplace(name, *id);
  s.names.emplace(*id, name);
  return 1;
}

// Like cgraph's default: callers may not choose ids.
long refuse_id(void*, int, IDTYPE) { return 0; }

// Names stay mapped after an object is deleted, as a later object of the same name reuses the id.
void keep_name(void*, int, IDTYPE) {}

char* name_of(void* state, int, IDTYPE id) {
  auto& names = static_cast<Names*>(state)->names;
  const auto it = names.find(id);
  return it == names.end() ? nullptr : it->second.data();
}

void close_names(void* state) { delete static_cast<Names*>(state); }

void no_register(void*, int, void*) {}

}  // namespace

Agiddisc_t sequential_ids{open_names, map_name, refuse_id, keep_name, name_of, close_names, no_register};

}  // namespace paratrace::graphview
