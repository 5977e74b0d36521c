#pragma once
// The two module classes model files add to core's layers: a recurrence
// unrolled over a sequence (Paratrace's large-graph example; PyTorch users
// write the same loop by hand) and a Sequential with extra traceable methods.
#include <cstdint>
#include <map>
#include <string>

#include "paratrace/nn/containers.h"

namespace paratrace::model {

// Runs its child "cell" (RNNCell, GRUCell or LSTMCell) over the first
// dimension of a (seq_len, N, input_size) input, the state starting at
// zeros, and returns the hidden states stacked: (seq_len, N, hidden_size).
// A trace unrolls the loop, so seq_len sets the graph's size.
class Recurrence : public nn::Cloneable<Recurrence> {
 public:
  Recurrence(nn::ModulePtr cell, std::int64_t seq_len);
  std::string class_name() const override { return "Recurrence"; }
  std::string extra_repr() const override { return "seq_len=" + std::to_string(seq_len_); }
  // ValueError when the input's first dimension is not seq_len.
  Tensor forward(const Tensor& input) override;
  std::int64_t seq_len() const { return seq_len_; }

 private:
  std::int64_t seq_len_;
};

// A Sequential whose other methods each run one submodule: method name ->
// dotted submodule path. PyTorch's counterpart is a method `def
// features(self, x): return self.features(x)` on the model's class.
class MethodSequential : public nn::Cloneable<MethodSequential, nn::Sequential> {
 public:
  MethodSequential(const std::vector<std::pair<std::string, nn::ModulePtr>>& children,
                   std::map<std::string, std::string> methods);
  IValue call_method(const std::string& name, const Stack& inputs) override;
  const std::map<std::string, std::string>& methods() const { return methods_; }

 private:
  std::map<std::string, std::string> methods_;
};

}  // namespace paratrace::model
