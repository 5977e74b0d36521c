#pragma once
// The check torch.nn.utils.parametrizations' helpers start with
// (`getattr(module, name, None)` must be a Tensor), shared by orthogonal,
// spectral_norm and weight_norm (internal to core).
#include <string>

#include "paratrace/nn/module.h"

namespace paratrace::nn::parametrizations::detail {

// module.<name> (a parameter, a buffer or a parametrized tensor, evaluated);
// ValueError "Module '<repr>' has no parameter or buffer with name '<name>'"
// for anything else, a None entry included.
inline Tensor tensor_attribute(Module& module, const std::string& name) {
  Tensor t;
  if (module.has_parameter(name) || module.has_buffer(name) || module.has_property(name)) t = module.attr(name);
  PT_CHECK(t.defined(), ValueError,
           "Module '" << module.repr() << "' has no parameter or buffer with name '" << name << "'");
  return t;
}

}  // namespace paratrace::nn::parametrizations::detail
