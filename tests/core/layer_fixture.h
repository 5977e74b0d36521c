#pragma once
// Reads a layer conformance case written by tests/fixtures/layer_cases.py and
// checks a module against it: same repr, PyTorch's weights loaded through
// load_state_dict, then outputs, input and parameter gradients, and the
// state after the call (running statistics) within tolerance.
#include <QString>
#include <map>
#include <nlohmann/json.hpp>

#include "paratrace/io/safetensors.h"
#include "paratrace/nn/module.h"
#include "test_util.h"

namespace paratrace::test {

struct LayerCase {
  std::string module_repr;
  bool training = false;
  nn::StateDict state, state_after, grad_state;
  Stack args;             // forward arguments, tuples rebuilt
  TensorList flat_inputs;  // the same tensors, in file order
  TensorList outputs, grad_outputs;
  std::map<std::size_t, Tensor> grad_inputs;
};

inline LayerCase load_layer_case(const std::string& name) {
  const auto contents =
      io::load_safetensors(std::string(PARATRACE_TEST_DATA_DIR) + "/layers/" + name + ".safetensors");
  LayerCase c;
  c.module_repr = contents.metadata.at("module");
  c.training = contents.metadata.at("training") == "1";
  std::map<std::size_t, Tensor> inputs, outputs, grad_outputs;
  auto index_of = [](const std::string& key, std::size_t prefix) { return std::stoul(key.substr(prefix)); };
  for (const auto& [key, value] : contents.tensors) {
    if (key.starts_with("state_after.")) c.state_after.set(key.substr(12), value);
    else if (key.starts_with("state.")) c.state.set(key.substr(6), value);
    else if (key.starts_with("grad.state.")) c.grad_state.set(key.substr(11), value);
    else if (key.starts_with("grad.input.")) c.grad_inputs[index_of(key, 11)] = value;
    else if (key.starts_with("grad_output.")) grad_outputs[index_of(key, 12)] = value;
    else if (key.starts_with("input.")) inputs[index_of(key, 6)] = value;
    else if (key.starts_with("output.")) outputs[index_of(key, 7)] = value;
  }
  for (auto& [i, t] : inputs) c.flat_inputs.push_back(t.is_floating_point() ? t.detach().requires_grad_() : t);
  for (auto& [i, t] : outputs) c.outputs.push_back(t);
  for (auto& [i, t] : grad_outputs) c.grad_outputs.push_back(t);
  std::size_t next = 0;
  std::function<IValue(const nlohmann::json&)> rebuild = [&](const nlohmann::json& s) -> IValue {
    if (s.is_string()) return c.flat_inputs.at(next++);
    std::vector<IValue> elements;
    for (const auto& e : s) elements.push_back(rebuild(e));
    return IValue::tuple(std::move(elements));
  };
  for (const auto& arg : nlohmann::json::parse(contents.metadata.at("input_structure"))) c.args.push_back(rebuild(arg));
  return c;
}

inline void flatten_ivalue(const IValue& v, TensorList& out) {
  if (v.is_tensor()) {
    out.push_back(v.to_tensor());
    return;
  }
  for (const auto& e : v.tuple_elements()) flatten_ivalue(e, out);
}

inline bool check_layer_case(nn::Module& module, const std::string& name, double rtol, double atol, QString* why) {
  const LayerCase c = load_layer_case(name);
  auto fail = [&](const QString& what) {
    *why = QStringLiteral("%1: %2").arg(QString::fromStdString(name), what);
    return false;
  };
  if (module.repr() != c.module_repr) {
    return fail(QStringLiteral("repr\n%1\nvs PyTorch's\n%2")
                    .arg(QString::fromStdString(module.repr()), QString::fromStdString(c.module_repr)));
  }
  module.load_state_dict(c.state);
  module.train(c.training);
  TensorList outputs;
  flatten_ivalue(module.call(c.args), outputs);
  if (outputs.size() != c.outputs.size()) return fail(QStringLiteral("number of outputs"));
  QString detail;
  Tensor loss;
  for (std::size_t i = 0; i < outputs.size(); ++i) {
    if (!tensors_close(outputs[i], c.outputs[i], rtol, atol, &detail)) return fail("output " + QString::number(i) + ": " + detail);
    const Tensor term = (outputs[i] * c.grad_outputs[i]).sum();
    loss = loss.defined() ? loss + term : term;
  }
  loss.backward();
  for (const auto& [i, expected] : c.grad_inputs) {
    if (!tensors_close(c.flat_inputs[i].grad(), expected, rtol, atol, &detail)) {
      return fail("grad of input " + QString::number(i) + ": " + detail);
    }
  }
  for (const auto& [key, expected] : c.grad_state) {
    const Tensor p = module.get_parameter(key);
    if (!p.grad().defined()) return fail("no grad for " + QString::fromStdString(key));
    if (!tensors_close(p.grad(), expected, rtol, atol, &detail)) {
      return fail("grad of " + QString::fromStdString(key) + ": " + detail);
    }
  }
  const nn::StateDict after = module.state_dict();
  for (const auto& [key, expected] : c.state_after) {
    const Tensor* got = after.find(key);
    if (!got) return fail("state_dict lacks " + QString::fromStdString(key));
    if (!tensors_close(*got, expected, rtol, atol, &detail)) {
      return fail("state after the call, " + QString::fromStdString(key) + ": " + detail);
    }
  }
  return true;
}

}  // namespace paratrace::test

// Checks `module` against tests/fixtures/layers/<name>.safetensors.
#define PT_CHECK_LAYER_CASE(module, name, rtol, atol)                                              \
  do {                                                                                             \
    QString pt_why_;                                                                               \
    QVERIFY2(::paratrace::test::check_layer_case((module), (name), (rtol), (atol), &pt_why_),      \
             qPrintable(pt_why_));                                                                 \
  } while (0)
