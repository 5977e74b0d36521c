#include "paratrace/nn/linear.h"

#include <cmath>

#include "paratrace/nn/init.h"
#include "paratrace/tensor/factories.h"
#include "paratrace/tensor/ops.h"
#include "python_repr.h"

namespace paratrace::nn {

using detail::python_bool;

Linear::Linear(std::int64_t in_features, std::int64_t out_features, bool bias)
    : in_features_(in_features), out_features_(out_features) {
  register_parameter("weight", empty({out_features, in_features}));
  register_parameter("bias", bias ? empty({out_features}) : Tensor());
  reset_parameters();
}

void Linear::reset_parameters() {
  // kaiming_uniform_ with a = sqrt(5) amounts to U(-1/sqrt(fan_in), 1/sqrt(fan_in)).
  init::kaiming_uniform_(attr("weight"), std::sqrt(5.0));
  if (const Tensor bias = attr("bias"); bias.defined()) {
    const auto fan_in = init::calculate_fan_in_and_fan_out(attr("weight")).first;
    const double bound = fan_in > 0 ? 1.0 / std::sqrt(static_cast<double>(fan_in)) : 0.0;
    init::uniform_(bias, -bound, bound);
  }
}

Tensor Linear::forward(const Tensor& input) { return linear(input, attr("weight"), attr("bias")); }

std::string Linear::extra_repr() const {
  return "in_features=" + std::to_string(in_features_) + ", out_features=" + std::to_string(out_features_) +
         ", bias=" + python_bool(attr("bias").defined());
}

Bilinear::Bilinear(std::int64_t in1_features, std::int64_t in2_features, std::int64_t out_features, bool bias)
    : in1_features_(in1_features), in2_features_(in2_features), out_features_(out_features) {
  register_parameter("weight", empty({out_features, in1_features, in2_features}));
  register_parameter("bias", bias ? empty({out_features}) : Tensor());
  reset_parameters();
}

void Bilinear::reset_parameters() {
  const double bound = 1.0 / std::sqrt(static_cast<double>(attr("weight").size(1)));
  init::uniform_(attr("weight"), -bound, bound);
  if (const Tensor bias = attr("bias"); bias.defined()) init::uniform_(bias, -bound, bound);
}

IValue Bilinear::forward_stack(const Stack& inputs) {
  PT_CHECK(inputs.size() == 2 && inputs[0].is_tensor() && inputs[1].is_tensor(), TypeError,
           "forward() of " << type_name() << " takes two tensor arguments (input1, input2) but " << inputs.size()
                           << " arguments were given");
  return forward(inputs[0].to_tensor(), inputs[1].to_tensor());
}

Tensor Bilinear::forward(const Tensor& input1, const Tensor& input2) {
  return bilinear(input1, input2, attr("weight"), attr("bias"));
}

std::string Bilinear::extra_repr() const {
  return "in1_features=" + std::to_string(in1_features_) + ", in2_features=" + std::to_string(in2_features_) +
         ", out_features=" + std::to_string(out_features_) + ", bias=" + python_bool(attr("bias").defined());
}

}  // namespace paratrace::nn
