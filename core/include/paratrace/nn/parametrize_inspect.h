#pragma once
// A read-only view of parametrized tensors for inspectors (the Paratrace app
// draws exactly this): the chain of each tensor, its originals, and the
// values step by step, computed without touching the cache or autograd.
#include <string>
#include <vector>

#include "paratrace/nn/module.h"

namespace paratrace::nn::parametrize {

struct TensorSummary {
  std::string name;  // "original", "original0", or a step's own tensor name
  Shape shape;
  ScalarType dtype = ScalarType::Float32;
  bool is_parameter = false;
  bool requires_grad = false;
};

struct StepInfo {
  std::string type_name;                 // "Skew"
  std::string repr;                      // the step module's repr
  std::vector<TensorSummary> tensors;    // its own parameters and buffers, recursively
  Shape output_shape;
  ScalarType output_dtype = ScalarType::Float32;
};

struct ParametrizationInfo {
  std::string module_path;  // dotted path from the inspected root ("" for the root)
  std::string tensor_name;  // "weight"
  std::vector<TensorSummary> originals;
  std::vector<StepInfo> steps;  // in application order
  bool unsafe = false;
  // Whether an original is itself parametrized (a nested chain).
  bool nested = false;
};

// The values along the chain: the originals, then the output of each step.
// Detached, computed under no-grad and outside parametrize::cached().
struct ChainValues {
  TensorList originals;
  TensorList steps;
};

ParametrizationInfo describe(Module& module, const std::string& tensor_name);
// Every parametrized tensor of `root` and its submodules, in named_modules order.
std::vector<ParametrizationInfo> describe_all(Module& root);
ChainValues evaluate_steps(Module& module, const std::string& tensor_name);

}  // namespace paratrace::nn::parametrize
