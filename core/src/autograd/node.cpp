#include "paratrace/autograd/node.h"

#include <atomic>

#include "paratrace/autograd/grad_mode.h"
#include "paratrace/tensor/ops.h"

namespace paratrace::autograd {

namespace {
std::atomic<std::uint64_t> g_next_sequence_nr{0};
}

Node::Node() : sequence_nr_(g_next_sequence_nr++) {}

AccumulateGrad::AccumulateGrad(std::shared_ptr<TensorImpl> variable) : variable_(std::move(variable)) {
  add_input_metadata(Tensor(variable_));
}

TensorList AccumulateGrad::apply(TensorList&& grad_outputs) {
  Tensor g = std::move(grad_outputs.at(0));
  if (!g.defined()) return {};
  TensorImpl& v = *variable_;
  if (!v.grad) {
    // Later accumulation is in place, so .grad must not be a tensor anyone
    // else holds: adopt the incoming gradient only when nothing else refers to
    // it (PyTorch's "steal" rule), else keep a copy.
    const bool sole_owner = g.impl_ptr().use_count() == 1 && !g.is_view() && g.is_contiguous() && !g.grad_fn();
    v.grad = sole_owner && !GradMode::is_enabled() ? g.impl_ptr()
                                                   : (GradMode::is_enabled() ? g : g.detach()).clone().impl_ptr();
  } else if (GradMode::is_enabled()) {
    v.grad = (Tensor(v.grad) + g).impl_ptr();
  } else {
    Tensor(v.grad).add_(g);
  }
  return {};
}

Edge gradient_edge(const Tensor& t) {
  TensorImpl* impl = t.impl();
  if (impl->grad_fn) return {impl->grad_fn, impl->output_nr};
  if (!impl->requires_grad) return {};
  std::shared_ptr<Node> acc = impl->grad_accumulator.lock();
  if (!acc) {
    acc = std::make_shared<AccumulateGrad>(t.impl_ptr());
    impl->grad_accumulator = acc;
  }
  return {acc, 0};
}

}  // namespace paratrace::autograd
