#include <string>
#include <unordered_map>

#include "defs/define_ops.h"
#include "paratrace/ops/op.h"

namespace paratrace {

void OpTable::def(OpDef d) {
  OpDef& slot = defs_[static_cast<int>(d.kind)];
  PT_CHECK(slot.forward == nullptr, RuntimeError, "op " << d.name() << " is defined twice");
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
  for (const IValue& a : args) {
    if (a.is_tensor()) {
      if (a.to_tensor().defined()) out.push_back(a.to_tensor());
    } else if (a.is_tensor_list()) {
      for (const Tensor& t : a.to_tensor_list()) out.push_back(t);
    }
  }
  return out;
}

}  // namespace paratrace
