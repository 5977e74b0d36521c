#pragma once
// The base of every parametrization: a Module whose forward maps the
// original tensor(s) to the parametrized one, with an optional right_inverse
// mapping a value back to originals. One original: override
// forward(const Tensor&). Several (right_inverse returns a list): override
// forward_stack, which receives original0 ... originalN-1.
#include <variant>

#include "paratrace/nn/module.h"

namespace paratrace::nn {

// What right_inverse returns: one tensor (stored as `original`) or a list
// (stored as `original0` ... `originalN-1`), as Python's Tensor | Sequence.
using RightInverseResult = std::variant<Tensor, TensorList>;

// Thrown by the default right_inverse: "this parametrization has none", the
// counterpart of a Python module without the attribute. Registration treats
// it (and any NotImplementedError) as the identity; assignment reports
// "parametrization X does not implement right_inverse.".
class MissingRightInverse : public NotImplementedError {
 public:
  using NotImplementedError::NotImplementedError;
};

class Parametrization : public Module {
 public:
  Parametrization() = default;
  virtual RightInverseResult right_inverse(const Tensor& value);
  // Parametrizations whose state depends on the tensor but that were built
  // without it (as plugins build them, from options alone) are unprepared
  // until register_parametrization calls prepare() with the module, the
  // tensor's name and `value`, module.<tensor_name> as forward will receive
  // it (the original, or the chain's current value when stacked), before
  // right_inverse or forward first run. May throw; the module is then left
  // untouched. The default is prepared from the start.
  virtual bool is_prepared() const { return true; }
  virtual void prepare(const Module& module, const std::string& tensor_name, const Tensor& value);

 protected:
  Parametrization(const Parametrization&) = default;
};

}  // namespace paratrace::nn
