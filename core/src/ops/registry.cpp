#include <algorithm>
#include <string>
#include <unordered_map>

#include "defs/define_ops.h"
#include "paratrace/ops/op.h"

namespace paratrace {

namespace {

// Counts required and total arguments of each "name(args) -> ret" overload.
void derive_arity(OpDef& d) {
  int lo = 255, hi = 0;
  std::string_view rest = d.schema;
  while (!rest.empty()) {
    const auto open = rest.find('(');
    if (open == std::string_view::npos) break;
    int depth = 0, total = 0, required = 0;
    bool has_default = false, any = false;
    std::size_t i = open + 1;
    for (; i < rest.size(); ++i) {
      const char c = rest[i];
      if (c == '(' || c == '[') ++depth;
      if ((c == ')' || c == ']') && depth-- == 0) break;
      if (depth == 0 && c == ',') {
        total += any;
        required += any && !has_default;
        any = has_default = false;
        continue;
      }
      if (c == '=') has_default = true;
      if (c != ' ' && c != '*') any = true;
    }
    total += any;
    required += any && !has_default;
    lo = std::min(lo, required);
    hi = std::max(hi, total);
    const auto bar = rest.find(" | ", i);
    rest = bar == std::string_view::npos ? std::string_view() : rest.substr(bar + 3);
  }
  d.min_args = static_cast<std::uint8_t>(lo == 255 ? 0 : lo);
  d.max_args = static_cast<std::uint8_t>(hi);
}

}  // namespace

void OpTable::def(OpDef d) {
  OpDef& slot = defs_[static_cast<int>(d.kind)];
  PT_CHECK(slot.forward == nullptr, RuntimeError, "op " << d.name() << " is defined twice");
  derive_arity(d);
  slot = d;
}

const OpTable& op_table() {
  static const OpTable table = [] {
    OpTable t;
    defs::define_all_ops(t);
    return t;
  }();
  return table;
}

const OpDef* find_op(std::string_view schema_name) {
  static const std::unordered_map<std::string_view, OpKind> by_name = [] {
    std::unordered_map<std::string_view, OpKind> m;
    for (int i = 0; i < kOpCount; ++i) m.emplace(kOpNames[i], static_cast<OpKind>(i));
    return m;
  }();
  auto it = by_name.find(schema_name);
  return it == by_name.end() ? nullptr : &op_def(it->second);
}

TensorList flatten_tensor_inputs(const Stack& args) {
  TensorList out;
  for_each_tensor_input(args, [&out](const Tensor& t) { out.push_back(t); });
  return out;
}

}  // namespace paratrace
