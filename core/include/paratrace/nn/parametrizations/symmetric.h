#pragma once
// Symmetric and skew-symmetric matrices as parametrizations (the examples of
// PyTorch's parametrizations tutorial), with right_inverse so that assigning
// a symmetric (skew) matrix stores it and reads it back unchanged.
// Both need floating-point square matrices (or batches of them) and throw a
// ValueError naming the shape or dtype otherwise.
#include <string>

#include "paratrace/nn/parametrization.h"

namespace paratrace::nn::parametrizations {

// X.triu() + X.triu(1).mT: the upper triangle mirrored, so the result equals
// its transpose and the lower triangle of the original is ignored.
class Symmetric : public Cloneable<Symmetric, Parametrization> {
 public:
  std::string class_name() const override { return "Symmetric"; }
  Tensor forward(const Tensor& X) override;
  // X.triu(): forward of it gives X back whenever X is symmetric.
  RightInverseResult right_inverse(const Tensor& X) override;
};

// A - A.mT with A = X.tril(-1): the strict lower triangle negated into the
// upper one, so the result equals minus its transpose (zero diagonal).
class Skew : public Cloneable<Skew, Parametrization> {
 public:
  std::string class_name() const override { return "Skew"; }
  Tensor forward(const Tensor& X) override;
  // X.tril(-1): forward of it gives X back whenever X is skew-symmetric.
  RightInverseResult right_inverse(const Tensor& X) override;
};

}  // namespace paratrace::nn::parametrizations
