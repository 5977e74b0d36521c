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

 protected:
  Parametrization(const Parametrization&) = default;
};

}  // namespace paratrace::nn
