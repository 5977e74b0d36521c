#pragma once
// The graph both graph benchmarks lay out: an Elman RNN unrolled over time,
// h' = tanh(ih(x_t) + hh(h)), traced with core's tracer. A module per step,
// so each step is a scope (steps.<t>, with steps.<t>.ih and steps.<t>.hh).
#include <cstdint>
#include <memory>

#include "paratrace/jit/tracer.h"
#include "paratrace/nn/containers.h"
#include "paratrace/nn/linear.h"
#include "paratrace/tensor/factories.h"

namespace paratrace::bench {

inline constexpr std::int64_t kOpsPerStep = 5;  // select, ih linear, hh linear, add, tanh

class Step : public nn::Cloneable<Step> {
 public:
  explicit Step(std::int64_t size) {
    register_module("ih", std::make_shared<nn::Linear>(size, size));
    register_module("hh", std::make_shared<nn::Linear>(size, size, false));
  }
  std::string class_name() const override { return "Step"; }
  IValue forward_stack(const Stack& in) override {
    const Tensor ih = child("ih")->call({in[0]}).to_tensor();
    const Tensor hh = child("hh")->call({in[1]}).to_tensor();
    return IValue((ih + hh).tanh());
  }
};

// The recurrence unrolled over the first dimension of x, as tracing a loop records it.
class Unrolled : public nn::Cloneable<Unrolled> {
 public:
  explicit Unrolled(std::int64_t steps) {
    auto list = std::make_shared<nn::ModuleList>();
    for (std::int64_t t = 0; t < steps; ++t) list->append(std::make_shared<Step>(4));
    register_module("steps", list);
  }
  std::string class_name() const override { return "Unrolled"; }
  IValue forward_stack(const Stack& in) override {
    const Tensor x = in[0].to_tensor();
    Tensor h = in[1].to_tensor();
    std::int64_t t = 0;
    for (const nn::ModulePtr& step : child_as<nn::ModuleList>("steps")->items()) {
      h = step->call({x.select(0, t++), h}).to_tensor();
    }
    return IValue(h);
  }
};

// The recurrence of about `ops` ops, traced.
inline std::shared_ptr<jit::TracedModule> trace_unrolled(std::int64_t ops) {
  const std::int64_t steps = ops / kOpsPerStep;
  return jit::trace(std::make_shared<Unrolled>(steps), {randn({steps, 1, 4}), zeros({1, 4})});
}

}  // namespace paratrace::bench
