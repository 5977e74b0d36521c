#pragma once
// The seam between the dispatcher and the tracer (core/jit): while a tracer
// is installed, every op the dispatcher runs at the outermost level is
// reported to it. Ops run inside a composite op or a kernel are not.
#include "paratrace/ops/op.h"

namespace paratrace {

class TraceHook {
 public:
  virtual ~TraceHook() = default;
  virtual void record_op(const OpDef& op, const Stack& args, const Stack& outputs) = 0;
  // A tensor's value left the graph (item(), to_vector()): `what` names the
  // destination as PyTorch's TracerWarning does ("Python number").
  virtual void value_escaped(const char* /*what*/) {}
  // Tensor::sym_size while tracing: records the size and returns the id a
  // SymInt keeps (0: not recorded).
  virtual std::uint64_t record_size(const Tensor& /*t*/, std::int64_t /*dim*/) { return 0; }
  // Arithmetic on SymInts, one of them traced: records it and returns the
  // result's id (0: not recorded).
  virtual std::uint64_t record_sym_int_op(SymIntOp /*op*/, const SymInt& /*a*/, const SymInt& /*b*/,
                                          std::int64_t /*result*/) {
    return 0;
  }
  // The shape argument of the op about to run, with its traced sizes.
  virtual void shape_argument(const SymIntList& /*shape*/) {}
};


// The installed hook, or null when not tracing or while tracing is suspended.
TraceHook* active_trace_hook();
// Installs `hook` for this thread (null uninstalls); returns the previous one.
TraceHook* set_trace_hook(TraceHook* hook);
// Reports an escaping value to the active tracer, if any.
inline void trace_value_escaped(const char* what) {
  if (TraceHook* hook = active_trace_hook()) hook->value_escaped(what);
}

// Tells the active tracer, if any, which sizes of the next op's shape are traced.
inline void trace_shape_argument(const SymIntList& shape) {
  if (!shape.has_traced()) return;
  if (TraceHook* hook = active_trace_hook()) hook->shape_argument(shape);
}

// RAII: ops inside the scope are not reported (used for composite ops and kernels).
class SuspendTracingGuard {
 public:
  SuspendTracingGuard();
  ~SuspendTracingGuard();
  SuspendTracingGuard(const SuspendTracingGuard&) = delete;
  SuspendTracingGuard& operator=(const SuspendTracingGuard&) = delete;
};

}  // namespace paratrace
