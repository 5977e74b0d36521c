#pragma once
// Traced graphs the graph-view suites draw.
#include <memory>

#include "paratrace/jit/tracer.h"
#include "paratrace/nn/activation.h"
#include "paratrace/nn/containers.h"
#include "paratrace/nn/linear.h"
#include "paratrace/nn/parametrize.h"
#include "paratrace/tensor/factories.h"

namespace paratrace::test {

class Symmetric : public nn::Cloneable<Symmetric, nn::Parametrization> {
 public:
  Tensor forward(const Tensor& x) override { return x.triu() + x.triu(1).mT(); }
};

// Sequential(Linear(3, 4), ReLU(), Sequential(Linear(4, 4) with a symmetric
// weight, Tanh())): top-level modules 0, 1, 2; the parametrization chain runs
// in scope 2 / 2.0 / 2.0.parametrizations.weight / 2.0.parametrizations.weight.0.
inline std::shared_ptr<jit::TracedModule> traced_parametrized_sequential() {
  using namespace nn;
  auto lin = std::make_shared<Linear>(4, 4);
  parametrize::register_parametrization(*lin, "weight", std::make_shared<Symmetric>());
  auto inner = std::make_shared<Sequential>(std::initializer_list<ModulePtr>{lin, std::make_shared<Tanh>()});
  auto model = std::make_shared<Sequential>(
      std::initializer_list<ModulePtr>{std::make_shared<Linear>(3, 4), std::make_shared<ReLU>(), inner});
  return jit::trace(model, {randn({2, 3})});
}

// A function with constants of every kind: softmax(dim=0, dtype=None), a
// scalar tensor constant (x * 2), an int list (reshape), add's alpha, and a
// chunk unpacked into two values.
inline std::shared_ptr<jit::TracedModule> traced_function_with_constants() {
  return jit::trace(
      [](const Stack& s) -> IValue {
        const Tensor x = s[0].to_tensor();
        const auto parts = x.chunk(2, 1);
        return IValue((parts[0] * 2 + parts[1].softmax(0)).reshape({4}));
      },
      {randn({2, 4})});
}

}  // namespace paratrace::test
