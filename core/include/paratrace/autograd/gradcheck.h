#pragma once
// Finite-difference gradient checking (torch.autograd.gradcheck), in float64.
#include <functional>
#include <string>

#include "paratrace/tensor/tensor.h"

namespace paratrace::autograd {

struct GradcheckOptions {
  double eps = 1e-6;
  double atol = 1e-5;
  double rtol = 1e-3;
};

struct GradcheckResult {
  bool ok = true;
  // PyTorch-style report: "Jacobian mismatch for output 0 with respect to input 1, ..."
  std::string message;
};

// fn maps the inputs to one or more outputs. Inputs that require grad are
// perturbed; they should be float64 for meaningful results.
GradcheckResult gradcheck(const std::function<TensorList(const TensorList&)>& fn, const TensorList& inputs,
                          const GradcheckOptions& options = {});

}  // namespace paratrace::autograd
