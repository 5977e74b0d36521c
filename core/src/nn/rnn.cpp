// RNNCell, GRUCell and LSTMCell, following torch/nn/modules/rnn.py and the cell
// formulas of aten/src/ATen/native/RNN.cpp (PyTorch 1.13), written with the
// public ops so that autograd flows through them.
#include "paratrace/nn/rnn.h"

#include <cmath>

#include "paratrace/autograd/grad_mode.h"
#include "paratrace/tensor/factories.h"
#include "paratrace/tensor/ops.h"

namespace paratrace::nn {

// ---- RNNCellBase ----------------------------------------------------------------------

template <typename Derived>
RNNCellBase<Derived>::RNNCellBase(std::int64_t input_size, std::int64_t hidden_size, bool bias,
                                  std::int64_t num_gates)
    : input_size_(input_size), hidden_size_(hidden_size), bias_(bias) {
  this->register_parameter("weight_ih", empty({num_gates * hidden_size, input_size}));
  this->register_parameter("weight_hh", empty({num_gates * hidden_size, hidden_size}));
  this->register_parameter("bias_ih", bias ? empty({num_gates * hidden_size}) : Tensor());
  this->register_parameter("bias_hh", bias ? empty({num_gates * hidden_size}) : Tensor());
  reset_parameters();
}

template <typename Derived> void RNNCellBase<Derived>::reset_parameters() {
  const double bound = hidden_size_ > 0 ? 1.0 / std::sqrt(static_cast<double>(hidden_size_)) : 0.0;
  NoGradGuard no_grad;  // in-place on leaves that require grad, as torch.nn.init does
  for (Tensor& p : this->parameters(/*recurse=*/false)) p.uniform_(-bound, bound);
}

// RNNCellBase.extra_repr: bias and nonlinearity only when not the default.
template <typename Derived> std::string RNNCellBase<Derived>::extra_repr() const {
  return std::to_string(input_size_) + ", " + std::to_string(hidden_size_) + (bias_ ? "" : ", bias=False");
}

template <typename Derived> bool RNNCellBase<Derived>::is_batched(const Tensor& input) const {
  PT_CHECK(input.dim() == 1 || input.dim() == 2, AssertionError,
           this->class_name() << ": Expected input to be 1-D or 2-D but received " << input.dim() << "-D tensor");
  return input.dim() == 2;
}

template <typename Derived> Tensor RNNCellBase<Derived>::zero_state(const Tensor& batched_input) const {
  return zeros({batched_input.size(0), hidden_size_}, batched_input.dtype());
}

// check_rnn_cell_forward_input / _hidden; LSTM's cell state is labelled hidden0 too, as in 1.13.
template <typename Derived>
void RNNCellBase<Derived>::check_sizes(const Tensor& input, const Tensor& state) const {
  const std::int64_t expected_input = this->attr("weight_ih").size(1);
  PT_CHECK(input.size(1) == expected_input, RuntimeError,
           "input has inconsistent input_size: got " << input.size(1) << " expected " << expected_input);
  PT_CHECK(input.size(0) == state.size(0), RuntimeError,
           "Input batch size " << input.size(0) << " doesn't match hidden0 batch size " << state.size(0));
  const std::int64_t expected_hidden = this->attr("weight_hh").size(1);
  PT_CHECK(state.size(1) == expected_hidden, RuntimeError,
           "hidden0 has inconsistent hidden_size: got " << state.size(1) << ", expected " << expected_hidden);
}

template <typename Derived> Tensor RNNCellBase<Derived>::input_gates(const Tensor& input) const {
  return linear(input, this->attr("weight_ih"), this->attr("bias_ih"));
}

template <typename Derived> Tensor RNNCellBase<Derived>::hidden_gates(const Tensor& state) const {
  return linear(state, this->attr("weight_hh"), this->attr("bias_hh"));
}

template <typename Derived> IValue RNNCellBase<Derived>::state_argument(const Stack& inputs) const {
  PT_CHECK((inputs.size() == 1 || inputs.size() == 2) && inputs[0].is_tensor(), TypeError,
           "forward() of " << this->type_name() << " takes an input tensor and an optional state but "
                           << inputs.size() << " arguments were given");
  return inputs.size() == 2 ? inputs[1] : IValue();
}

// The members are defined here only, for these three cells.
template class RNNCellBase<RNNCell>;
template class RNNCellBase<GRUCell>;
template class RNNCellBase<LSTMCell>;

// ---- RNNCell --------------------------------------------------------------------------

RNNCell::RNNCell(std::int64_t input_size, std::int64_t hidden_size, bool bias, std::string nonlinearity)
    : RNNCellBase(input_size, hidden_size, bias, 1), nonlinearity_(std::move(nonlinearity)) {
  PT_CHECK(nonlinearity_ == "tanh" || nonlinearity_ == "relu", RuntimeError,
           "Unknown nonlinearity: " << nonlinearity_);
}

std::string RNNCell::extra_repr() const {
  return RNNCellBase::extra_repr() + (nonlinearity_ == "tanh" ? "" : ", nonlinearity=" + nonlinearity_);
}

Tensor RNNCell::forward_cell(const Tensor& input, const Tensor& hx) {
  const bool batched = is_batched(input);
  const Tensor x = batched ? input : input.unsqueeze(0);
  const Tensor h = !hx.defined() ? zero_state(x) : batched ? hx : hx.unsqueeze(0);
  check_sizes(x, h);
  const Tensor pre = hidden_gates(h) + input_gates(x);
  const Tensor out = nonlinearity_ == "tanh" ? tanh(pre) : relu(pre);
  return batched ? out : out.squeeze(0);
}

IValue RNNCell::forward_stack(const Stack& inputs) {
  const IValue state = state_argument(inputs);
  return forward_cell(inputs[0].to_tensor(), state.is_none() ? Tensor() : state.to_tensor());
}

// ---- GRUCell --------------------------------------------------------------------------

GRUCell::GRUCell(std::int64_t input_size, std::int64_t hidden_size, bool bias)
    : RNNCellBase(input_size, hidden_size, bias, 3) {}

Tensor GRUCell::forward_cell(const Tensor& input, const Tensor& hx) {
  const bool batched = is_batched(input);
  const Tensor x = batched ? input : input.unsqueeze(0);
  const Tensor h = !hx.defined() ? zero_state(x) : batched ? hx : hx.unsqueeze(0);
  check_sizes(x, h);
  const auto gi = input_gates(x).chunk(3, 1);
  const auto gh = hidden_gates(h).chunk(3, 1);
  const Tensor reset = sigmoid(gh[0] + gi[0]);
  const Tensor update = sigmoid(gh[1] + gi[1]);
  const Tensor candidate = tanh(gi[2] + gh[2] * reset);
  const Tensor out = (h - candidate) * update + candidate;
  return batched ? out : out.squeeze(0);
}

IValue GRUCell::forward_stack(const Stack& inputs) {
  const IValue state = state_argument(inputs);
  return forward_cell(inputs[0].to_tensor(), state.is_none() ? Tensor() : state.to_tensor());
}

// ---- LSTMCell -------------------------------------------------------------------------

LSTMCell::LSTMCell(std::int64_t input_size, std::int64_t hidden_size, bool bias)
    : RNNCellBase(input_size, hidden_size, bias, 4) {}

LSTMCell::State LSTMCell::forward_cell(const Tensor& input, const std::optional<State>& hx) {
  const bool batched = is_batched(input);
  const Tensor x = batched ? input : input.unsqueeze(0);
  Tensor h, c;
  if (hx) {
    h = batched ? hx->first : hx->first.unsqueeze(0);
    c = batched ? hx->second : hx->second.unsqueeze(0);
  } else {
    h = c = zero_state(x);
  }
  check_sizes(x, h);
  check_sizes(x, c);
  // Sequenced and accumulated in place as ATen's lstm_cell, so a trace
  // records PyTorch's nodes in PyTorch's order (docs/jit.md).
  Tensor pre = hidden_gates(h);
  pre.add_(input_gates(x));
  const auto gates = pre.chunk(4, 1);
  const Tensor in_gate = sigmoid(gates[0]);
  const Tensor forget_gate = sigmoid(gates[1]);
  const Tensor cell_gate = tanh(gates[2]);
  const Tensor out_gate = sigmoid(gates[3]);
  Tensor c_next = forget_gate * c;
  c_next.add_(in_gate * cell_gate);
  const Tensor h_next = out_gate * tanh(c_next);
  if (batched) return {h_next, c_next};
  return {h_next.squeeze(0), c_next.squeeze(0)};
}

IValue LSTMCell::forward_stack(const Stack& inputs) {
  const IValue state = state_argument(inputs);
  std::optional<State> hx;
  if (!state.is_none()) {
    PT_CHECK(state.is_tuple() && state.tuple_elements().size() == 2, TypeError,
             "LSTMCell expects its state as a tuple (h, c)");
    hx = State{state.tuple_elements()[0].to_tensor(), state.tuple_elements()[1].to_tensor()};
  }
  const auto [h, c] = forward_cell(inputs[0].to_tensor(), hx);
  return IValue::tuple({h, c});
}

}  // namespace paratrace::nn
