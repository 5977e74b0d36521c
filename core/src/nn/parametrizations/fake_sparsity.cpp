#include "paratrace/nn/parametrizations/fake_sparsity.h"

#include <utility>

#include "../python_text.h"
#include "paratrace/autograd/grad_mode.h"
#include "paratrace/tensor/ops.h"

namespace paratrace::nn {

FakeSparsity::FakeSparsity(const Tensor& mask) { register_buffer("mask", mask); }

FakeSparsity::FakeSparsity(MaskBuilder builder) : builder_(std::move(builder)) {
  PT_CHECK(builder_, ValueError, "FakeSparsity needs a mask or a mask builder, got None");
  register_buffer("mask", Tensor());
}

void FakeSparsity::prepare(const Module&, const std::string&, const Tensor& weight) {
  autograd::NoGradGuard no_grad;
  const Tensor mask = builder_(weight.detach());
  PT_CHECK(mask.defined() && mask.sizes() == weight.sizes(), ValueError,
           "FakeSparsity: the mask builder returned a mask of shape "
               << (mask.defined() ? detail::torch_size(mask.sizes()) : std::string("None"))
               << " for a weight of shape " << detail::torch_size(weight.sizes()));
  register_buffer("mask", mask);
  builder_ = nullptr;
}

Tensor FakeSparsity::forward(const Tensor& x) {
  const Tensor mask = attr("mask");
  PT_CHECK(mask.defined(), RuntimeError, "FakeSparsity built from a mask builder has no mask until it is registered on a tensor");
  PT_CHECK(mask.sizes() == x.sizes(), AssertionError, "");
  return mask * x;
}

}  // namespace paratrace::nn
