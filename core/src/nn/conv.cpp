#include "paratrace/nn/conv.h"

#include <cmath>

#include "paratrace/nn/init.h"
#include "paratrace/tensor/factories.h"
#include "paratrace/tensor/ops.h"

namespace paratrace::nn {

Conv2d::Conv2d(std::int64_t in_channels, std::int64_t out_channels, Size2 kernel_size, Conv2dOptions options)
    : in_channels_(in_channels), out_channels_(out_channels), kernel_size_(kernel_size), options_(options) {
  const std::int64_t groups = options.groups;
  PT_CHECK(groups > 0, ValueError, "groups must be a positive integer");
  PT_CHECK(in_channels % groups == 0, ValueError, "in_channels must be divisible by groups");
  PT_CHECK(out_channels % groups == 0, ValueError, "out_channels must be divisible by groups");
  register_parameter("weight", empty({out_channels, in_channels / groups, kernel_size.h(), kernel_size.w()}));
  register_parameter("bias", options.bias ? empty({out_channels}) : Tensor());
  reset_parameters();
}

void Conv2d::reset_parameters() {
  init::kaiming_uniform_(attr("weight"), std::sqrt(5.0));
  if (const Tensor bias = attr("bias"); bias.defined()) {
    const auto fan_in = init::calculate_fan_in_and_fan_out(attr("weight")).first;
    if (fan_in != 0) {
      const double bound = 1.0 / std::sqrt(static_cast<double>(fan_in));
      init::uniform_(bias, -bound, bound);
    }
  }
}

Tensor Conv2d::forward(const Tensor& input) {
  return conv2d(input, attr("weight"), attr("bias"), options_.stride.pair(), options_.padding.pair(),
                options_.dilation.pair(), options_.groups);
}

// _ConvNd.extra_repr: the arguments are stored as pairs (_pair), and the
// optional ones appear only when they differ from the default.
std::string Conv2d::extra_repr() const {
  std::string s = std::to_string(in_channels_) + ", " + std::to_string(out_channels_) +
                  ", kernel_size=" + kernel_size_.pair_repr() + ", stride=" + options_.stride.pair_repr();
  if (!(options_.padding == Size2(0))) s += ", padding=" + options_.padding.pair_repr();
  if (!(options_.dilation == Size2(1))) s += ", dilation=" + options_.dilation.pair_repr();
  if (options_.groups != 1) s += ", groups=" + std::to_string(options_.groups);
  if (!attr("bias").defined()) s += ", bias=False";
  return s;
}

}  // namespace paratrace::nn
