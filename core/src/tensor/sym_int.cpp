// SymInt arithmetic: computed here, recorded by the active tracer.
#include "paratrace/tensor/sym_int.h"

#include "paratrace/errors.h"
#include "paratrace/ops/trace_hook.h"

namespace paratrace {

SymInt sym_int_op(SymIntOp op, const SymInt& a, const SymInt& b) {
  const std::int64_t x = a.value(), y = b.value();
  std::int64_t r = 0;
  switch (op) {
    case SymIntOp::Add: r = x + y; break;
    case SymIntOp::Sub: r = x - y; break;
    case SymIntOp::Mul: r = x * y; break;
    case SymIntOp::FloorDiv:
      PT_CHECK(y != 0, RuntimeError, "ZeroDivisionError");
      r = x / y;
      if (x % y != 0 && ((x < 0) != (y < 0))) --r;
      break;
  }
  if (!a.traced() && !b.traced()) return SymInt(r);
  TraceHook* hook = active_trace_hook();
  const std::uint64_t id = hook ? hook->record_sym_int_op(op, a, b, r) : 0;
  return id ? SymInt(r, id) : SymInt(r);
}

}  // namespace paratrace
