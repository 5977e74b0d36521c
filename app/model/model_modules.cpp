#include "model_modules.h"

#include <utility>

#include "paratrace/tensor/ops.h"

namespace paratrace::model {

Recurrence::Recurrence(nn::ModulePtr cell, std::int64_t seq_len) : seq_len_(seq_len) {
  PT_CHECK(seq_len >= 1, ValueError, "seq_len must be at least 1, got " << seq_len);
  register_module("cell", std::move(cell));
}

Tensor Recurrence::forward(const Tensor& input) {
  PT_CHECK(input.dim() == 3 && input.size(0) == seq_len_, ValueError,
           "Recurrence expects an input of shape (seq_len=" << seq_len_ << ", N, input_size), got "
                                                            << input.dim() << "-D input with "
                                                            << (input.dim() > 0 ? input.size(0) : 0) << " steps");
  nn::Module& cell = *child("cell");
  TensorList outputs;
  IValue state;  // None: the cell starts from zeros
  for (const Tensor& step : input.unbind(0)) {
    const IValue out = state.is_none() ? cell.call({step}) : cell.call({step, state});
    // LSTMCell returns (h, c) and takes the pair back; the others return h.
    outputs.push_back(out.is_tuple() ? out.tuple_elements()[0].to_tensor() : out.to_tensor());
    state = out;
  }
  return stack(outputs, 0);
}

MethodSequential::MethodSequential(const std::vector<std::pair<std::string, nn::ModulePtr>>& children,
                                   std::map<std::string, std::string> methods)
    : Cloneable<MethodSequential, nn::Sequential>(children), methods_(std::move(methods)) {}

IValue MethodSequential::call_method(const std::string& name, const Stack& inputs) {
  const auto it = methods_.find(name);
  if (it == methods_.end()) return Module::call_method(name, inputs);
  return get_submodule(it->second)->call(inputs);
}

}  // namespace paratrace::model
