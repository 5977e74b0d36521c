#pragma once
// torch.nn.utils.parametrize for C++: register_parametrization replaces a
// parameter or buffer `name` by a computed property evaluating a chain of
// parametrizations on originals kept in module.parametrizations.<name>;
// reading evaluates the chain, set_attr runs right_inverse down it.
// Behaviour and messages follow PyTorch 1.13 (docs/parametrize.md).
#include <optional>
#include <string>

#include "paratrace/nn/containers.h"
#include "paratrace/nn/parametrization.h"

namespace paratrace::nn {

// The chain for one tensor: a ModuleList of parametrizations plus the
// originals, registered as `original` or `original0..N-1` (parameters if the
// tensor was a parameter, buffers if it was a buffer).
class ParametrizationList : public Cloneable<ParametrizationList, ModuleList> {
 public:
  // `original` becomes `original` (updated in place, so optimizers holding
  // it keep working) or is replaced by `original0..N-1`; registered as
  // parameters when original_is_parameter, else as buffers. On failure
  // `original` is restored.
  ParametrizationList(const std::vector<std::shared_ptr<Parametrization>>& modules, const Tensor& original,
                      bool original_is_parameter, bool unsafe = false);
  std::string class_name() const override { return "ParametrizationList"; }

  // Evaluates the chain on the originals (ParametrizationList.forward()).
  Tensor evaluate();
  // Runs right_inverse of every step, last to first, and stores the result
  // in the originals in place. Nothing is written if any check fails.
  void right_inverse(const Tensor& value);

  std::shared_ptr<Parametrization> step(std::size_t i) const;
  bool unsafe() const { return unsafe_; }
  void set_unsafe(bool unsafe) { unsafe_ = unsafe; }
  bool is_tensor() const { return is_tensor_; }
  std::size_t ntensors() const { return ntensors_; }
  // The originals, in order (one when is_tensor()).
  TensorList originals() const;
  std::vector<std::string> original_names() const;
  // Whether the originals are parameters (else buffers).
  bool originals_are_parameters() const { return originals_are_parameters_; }

  IValue forward_stack(const Stack& inputs) override;

 private:
  void store_originals(const Tensor& original, const RightInverseResult& inverted);
  void check_result(const Tensor& original_like);
  void store_original(const std::string& name, const Tensor& value);

  bool unsafe_ = false;
  bool is_tensor_ = true;
  std::size_t ntensors_ = 1;
  bool originals_are_parameters_ = true;
};

namespace parametrize {

// Adds `parametrization` to the chain of `tensor_name` (a parameter, a
// buffer, or an already parametrized tensor) and returns the module. On
// failure the module is left exactly as it was.
Module& register_parametrization(Module& module, const std::string& tensor_name,
                                 std::shared_ptr<Parametrization> parametrization, bool unsafe = false);
// Removes the chain; with leave_parametrized the current value is written
// into the same original tensor object, otherwise the original comes back.
Module& remove_parametrizations(Module& module, const std::string& tensor_name, bool leave_parametrized = true);
bool is_parametrized(const Module& module, const std::optional<std::string>& tensor_name = std::nullopt);
// The class name before parametrize injected "Parametrized<Class>".
std::string type_before_parametrizations(const Module& module);
// Registers the same parametrization objects on `to` and shares the
// originals (creating on `to` the parameters it lacks).
Module& transfer_parametrizations_and_params(Module& from, Module& to,
                                             const std::optional<std::string>& tensor_name = std::nullopt);
// The names of the parametrized tensors of `module`, in registration order.
std::vector<std::string> parametrized_names(const Module& module);
// The chain of a parametrized tensor; ValueError when there is none.
std::shared_ptr<ParametrizationList> parametrization_list(const Module& module, const std::string& tensor_name);

// parametrize.cached() as an RAII scope: while one is alive (they nest), each
// parametrized tensor is computed once per module and the same tensor object
// is returned on every read; the values are freed when the outermost ends.
class ParametrizationCache {
 public:
  ParametrizationCache();
  ~ParametrizationCache();
  ParametrizationCache(const ParametrizationCache&) = delete;
  ParametrizationCache& operator=(const ParametrizationCache&) = delete;
  static bool enabled();
};
[[nodiscard]] inline ParametrizationCache cached() { return {}; }

}  // namespace parametrize
}  // namespace paratrace::nn
