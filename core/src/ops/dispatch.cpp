// The dispatcher: the one path every op call takes. It runs the kernel, then
// records autograd history and reports the call to the tracer, so neither
// the kernels nor the typed API functions deal with either.
#include "../autograd/op_node.h"
#include "kernels/tensor_alloc.h"
#include "paratrace/autograd/grad_mode.h"
#include "paratrace/ops/op.h"
#include "paratrace/ops/trace_hook.h"

namespace paratrace {

namespace {
// Read on every op call: initial-exec TLS, as for GradMode's flag (grad_mode.cpp).
[[gnu::tls_model("initial-exec")]] thread_local TraceHook* g_trace_hook = nullptr;
[[gnu::tls_model("initial-exec")]] thread_local int g_trace_suspended = 0;

bool any_requires_grad(const Stack& args) {
  for (const IValue& a : args) {
    if (a.is_tensor()) {
      const Tensor& t = a.to_tensor();
      if (t.defined() && t.requires_grad()) return true;
    } else if (a.is_tensor_list()) {
      for (const Tensor& t : a.to_tensor_list())
        if (t.defined() && t.requires_grad()) return true;
    }
  }
  return false;
}

void check_inplace_allowed(const OpDef& op, const Tensor& self) {
  if (!autograd::GradMode::is_enabled()) return;
  PT_CHECK(!(self.is_leaf() && self.requires_grad()), RuntimeError,
           "a leaf Variable that requires grad is being used in an in-place operation.");
  if (self.is_view() && self.impl()->view_base->requires_grad) {
    PT_THROW(RuntimeError, "in-place " << op.name()
                                       << " on a view of a tensor that requires grad is not supported; use the "
                                          "out-of-place op or work on a clone");
  }
}

// An op that hands back one of its inputs unchanged (x.contiguous() on a
// contiguous x) must not re-parent that input in the graph.
bool returns_an_input(const Stack& outputs, const Stack& args, bool inplace) {
  if (inplace) return false;
  bool found = false;
  for (const IValue& o : outputs) {
    if (!o.is_tensor()) continue;
    for_each_tensor_input(args, [&](const Tensor& in) { found = found || o.to_tensor().is_same(in); });
  }
  return found;
}
}  // namespace

TraceHook* active_trace_hook() { return g_trace_suspended ? nullptr : g_trace_hook; }
TraceHook* set_trace_hook(TraceHook* hook) {
  TraceHook* prev = g_trace_hook;
  g_trace_hook = hook;
  return prev;
}
SuspendTracingGuard::SuspendTracingGuard() { ++g_trace_suspended; }
SuspendTracingGuard::~SuspendTracingGuard() { --g_trace_suspended; }

Stack call_op(OpKind kind, Stack args) {
  const OpDef& op = op_def(kind);
  PT_CHECK(op.forward != nullptr, NotImplementedError, "no kernel for " << op.name());
  PT_CHECK(args.size() >= op.min_args && args.size() <= op.max_args, TypeError,
           op.name() << "() takes from " << int(op.min_args) << " to " << int(op.max_args) << " arguments but "
                     << args.size() << " were given");
  TraceHook* tracer = active_trace_hook();
  const bool inplace = op.has(kInplace);
  if (inplace) check_inplace_allowed(op, args.at(0).to_tensor());

  Stack outputs;
  if (op.has(kComposite)) {
    SuspendTracingGuard no_trace;
    outputs = op.forward(args);
  } else {
    const bool record = autograd::GradMode::is_enabled() && !op.has(kNonDifferentiable) && any_requires_grad(args);
    autograd::OpNode::Versions versions;
    Tensor self_before;
    if (record) {
      // Backward of an in-place op needs self as it was before the mutation.
      if (inplace) self_before = kernels::clone_kernel(args[0].to_tensor());
      for_each_tensor_input(args, [&versions](const Tensor& t) { versions.push_back(t.version()); });
      if (inplace) versions[0] = self_before.version();
    }
    {
      SuspendTracingGuard no_trace;
      autograd::NoGradGuard no_grad;
      outputs = op.forward(args);
    }
    if (inplace) args[0].to_tensor().impl()->storage->bump_version();
    if (record && !returns_an_input(outputs, args, inplace)) {
      // The node takes the arguments over unless the tracer still needs them.
      auto node = std::make_shared<autograd::OpNode>(op, tracer ? args : std::move(args), std::move(self_before),
                                                     versions);
      node->set_outputs(outputs);
    }
  }
  if (tracer) tracer->record_op(op, args, outputs);
  return outputs;
}

Tensor call_op1(OpKind kind, Stack args) {
  Stack out = call_op(kind, std::move(args));
  PT_CHECK(!out.empty() && out[0].is_tensor(), RuntimeError, op_name(kind) << " did not return a tensor");
  return out[0].to_tensor();
}

}  // namespace paratrace
