// _WeightNorm and weight_norm() of PyTorch main's
// torch/nn/utils/parametrizations.py, with aten's norm_except_dim.
#include "paratrace/nn/parametrizations/weight_norm.h"

#include "module_tensor.h"
#include "paratrace/nn/parametrize.h"
#include "paratrace/tensor/ops.h"

namespace paratrace::nn::parametrizations {

// As aten's norm_except_dim: dims 0 and ndim-1 reduce a 2-D view, any other
// dim is swapped to the front first (negative ones other than -1 included).
Tensor norm_except_dim(const Tensor& v, std::int64_t pow, std::int64_t dim) {
  if (dim == -1) return v.norm(pow);
  if (dim == 0) {
    IntList kept(v.dim(), 1);
    kept.front() = v.size(0);
    return v.contiguous().view({v.size(0), -1}).norm(pow, {1}).view(kept);
  }
  if (dim == v.dim() - 1) {
    IntList kept(v.dim(), 1);
    kept.back() = v.size(-1);
    return v.contiguous().view({-1, v.size(-1)}).norm(pow, {0}).view(kept);
  }
  return norm_except_dim(v.transpose(0, dim), pow, 0).transpose(0, dim);
}

IValue WeightNorm::forward_stack(const Stack& originals) {
  PT_CHECK(originals.size() == 2 && originals[0].is_tensor() && originals[1].is_tensor(), TypeError,
           "_WeightNorm.forward() takes two tensors (weight_g, weight_v) but " << originals.size()
                                                                               << " arguments were given");
  const Tensor& g = originals[0].to_tensor();
  const Tensor& v = originals[1].to_tensor();
  return v * (g / norm_except_dim(v, 2, dim_));
}

RightInverseResult WeightNorm::right_inverse(const Tensor& weight) {
  return TensorList{norm_except_dim(weight, 2, dim_), weight};
}

Module& weight_norm(Module& module, const std::string& name, std::optional<std::int64_t> dim) {
  detail::tensor_attribute(module, name);
  parametrize::register_parametrization(module, name, std::make_shared<WeightNorm>(dim), /*unsafe=*/true);
  return module;
}

}  // namespace paratrace::nn::parametrizations
