#pragma once
// Recurrent cells, as torch.nn.RNNCell, GRUCell and LSTMCell of PyTorch 1.13:
// parameters weight_ih (G*hidden, input), weight_hh (G*hidden, hidden),
// bias_ih and bias_hh (G*hidden) (None without bias), G = 1, 3 (r, z, n) or
// 4 (i, f, g, o) gates stacked in PyTorch's order, all drawn from
// U(-1/sqrt(hidden), 1/sqrt(hidden)). Inputs are batched (N, input_size) or
// unbatched (input_size); a missing hidden state means zeros. forward reads
// the parameters by name on every call, so parametrize and clone() see them.
//
// Calling through call()/operator() runs hooks, as module(...) does:
//   cell.call({x})  cell.call({x, h})  lstm.call({x, IValue::tuple({h, c})})
// (an LSTMCell returns IValue::tuple(h', c')). forward_cell is the typed
// forward, without hooks.
#include <cstdint>
#include <optional>
#include <string>
#include <utility>

#include "paratrace/nn/module.h"

namespace paratrace::nn {

// What the three cells share (PyTorch's RNNCellBase).
template <typename Derived> class RNNCellBase : public Cloneable<Derived> {
 public:
  std::string extra_repr() const override;
  // Every parameter <- U(-1/sqrt(hidden_size), 1/sqrt(hidden_size)).
  void reset_parameters();

  std::int64_t input_size() const { return input_size_; }
  std::int64_t hidden_size() const { return hidden_size_; }
  bool bias() const { return bias_; }

 protected:
  RNNCellBase(std::int64_t input_size, std::int64_t hidden_size, bool bias, std::int64_t num_gates);
  RNNCellBase(const RNNCellBase&) = default;

  // Asserts a 1-D or 2-D input (PyTorch's AssertionError) and says which.
  bool is_batched(const Tensor& input) const;
  // zeros(N, hidden_size): the state when none is given.
  Tensor zero_state(const Tensor& batched_input) const;
  // aten's checks of the batched input and one state tensor against the weights.
  void check_sizes(const Tensor& input, const Tensor& state) const;
  // x W_ih^T + b_ih and h W_hh^T + b_hh.
  Tensor input_gates(const Tensor& input) const;
  Tensor hidden_gates(const Tensor& state) const;
  // The optional state argument of forward_stack (None means absent).
  IValue state_argument(const Stack& inputs) const;

 private:
  std::int64_t input_size_, hidden_size_;
  bool bias_;
};

// h' = tanh(x W_ih^T + b_ih + h W_hh^T + b_hh), or relu. nonlinearity other
// than "tanh" or "relu" throws at construction (PyTorch waits for forward).
class RNNCell : public RNNCellBase<RNNCell> {
 public:
  RNNCell(std::int64_t input_size, std::int64_t hidden_size, bool bias = true, std::string nonlinearity = "tanh");
  std::string class_name() const override { return "RNNCell"; }
  std::string extra_repr() const override;
  // hx undefined: zeros.
  Tensor forward_cell(const Tensor& input, const Tensor& hx = Tensor());
  Tensor forward(const Tensor& input) override { return forward_cell(input); }
  // (input) or (input, hx|None).
  IValue forward_stack(const Stack& inputs) override;

  const std::string& nonlinearity() const { return nonlinearity_; }

 private:
  std::string nonlinearity_;
};

// r = σ(W_ir x + b_ir + W_hr h + b_hr), z likewise, n = tanh(W_in x + b_in +
// r ⊙ (W_hn h + b_hn)), h' = (1 - z) ⊙ n + z ⊙ h.
class GRUCell : public RNNCellBase<GRUCell> {
 public:
  GRUCell(std::int64_t input_size, std::int64_t hidden_size, bool bias = true);
  std::string class_name() const override { return "GRUCell"; }
  // hx undefined: zeros.
  Tensor forward_cell(const Tensor& input, const Tensor& hx = Tensor());
  Tensor forward(const Tensor& input) override { return forward_cell(input); }
  // (input) or (input, hx|None).
  IValue forward_stack(const Stack& inputs) override;
};

// i, f, o = σ(...), g = tanh(...), c' = f ⊙ c + i ⊙ g, h' = o ⊙ tanh(c').
class LSTMCell : public RNNCellBase<LSTMCell> {
 public:
  using State = std::pair<Tensor, Tensor>;  // (h, c)
  LSTMCell(std::int64_t input_size, std::int64_t hidden_size, bool bias = true);
  std::string class_name() const override { return "LSTMCell"; }
  // Returns (h', c'); no state: zeros for both.
  State forward_cell(const Tensor& input, const std::optional<State>& hx = std::nullopt);
  // (input) or (input, tuple(h, c)|None); returns IValue::tuple(h', c').
  IValue forward_stack(const Stack& inputs) override;
};

}  // namespace paratrace::nn
