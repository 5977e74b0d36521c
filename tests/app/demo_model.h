#pragma once
// Models built in C++ for the inspector's tests: Sequential(Linear(8, 8),
// ReLU, Linear(8, 4)) with Skew → Cayley on 0.weight (orthogonal) and a
// FakeSparsity mask on 2.weight, traced on a [2, 8] input.
#include <memory>

#include "loaded_model.h"
#include "paratrace/jit/tracer.h"
#include "paratrace/paratrace.h"
#include "paratrace/nn/parametrizations/cayley.h"
#include "paratrace/nn/parametrizations/fake_sparsity.h"
#include "paratrace/nn/parametrizations/symmetric.h"

namespace paratrace::inspector::testing {

inline LoadedModel demoModel() {
  using namespace paratrace::nn;
  manual_seed(0);
  auto seq = std::make_shared<Sequential>(
      std::initializer_list<ModulePtr>{std::make_shared<Linear>(8, 8), std::make_shared<ReLU>(),
                                       std::make_shared<Linear>(8, 4)});
  parametrize::register_parametrization(*seq->child("0"), "weight", std::make_shared<parametrizations::Skew>());
  parametrize::register_parametrization(*seq->child("0"), "weight", std::make_shared<parametrizations::Cayley>());
  Tensor mask = randn({4, 8}).gt(0.0).to(ScalarType::Float32);
  parametrize::register_parametrization(*seq->child("2"), "weight", std::make_shared<FakeSparsity>(mask));
  seq->eval();
  LoadedModel model;
  model.name = QStringLiteral("demo");
  model.module = seq;
  model.example_inputs = {{"forward", Stack{randn({2, 8})}}};
  model.traced = jit::trace_module(model.module, model.example_inputs);
  return model;
}

}  // namespace paratrace::inspector::testing
