#include "paratrace/nn/parametrizations/fake_sparsity.h"

#include "paratrace/tensor/ops.h"

namespace paratrace::nn {

FakeSparsity::FakeSparsity(const Tensor& mask) { register_buffer("mask", mask); }

Tensor FakeSparsity::forward(const Tensor& x) {
  const Tensor mask = attr("mask");
  PT_CHECK(mask.sizes() == x.sizes(), AssertionError, "");
  return mask * x;
}

}  // namespace paratrace::nn
