// torch.nn.functional compositions that are not ops of their own in PyTorch's
// trace: they call the public ops, so the tracer records those ops as
// PyTorch does and autograd flows through them.
#include "paratrace/tensor/ops.h"

namespace paratrace {

// Traced by PyTorch as norm -> clamp_min -> expand_as -> div.
Tensor normalize(const Tensor& input, double p, std::int64_t dim, double eps) {
  const Tensor denom = clamp_min(norm(input, p, {dim}, /*keepdim=*/true), eps);
  return div(input, expand_as(denom, input));
}

}  // namespace paratrace
