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
    // Keep our own copy: later in-place accumulation must not write into a
    // tensor the caller (or another node) still holds.
    v.grad = (GradMode::is_enabled() ? g : g.detach()).clone().impl_ptr();
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
