#pragma once
// Reads a parametrization conformance case written by
// tests/fixtures/generate_parametrization_fixtures.py (the format is described
// there) and checks a module against it: a Linear or Conv2d built with
// PyTorch's initial weights, parametrized by the test as PyTorch was; then
// the repr, the state right after registration, and, from PyTorch's state,
// the parametrized weight, the output, the gradients of every parameter and
// the state after the call.
#include <QString>
#include <functional>
#include <nlohmann/json.hpp>
#include <set>

#include "paratrace/io/safetensors.h"
#include "paratrace/nn/conv.h"
#include "paratrace/nn/linear.h"
#include "paratrace/nn/parametrize.h"
#include "test_util.h"

namespace paratrace::test {

struct ParametrizationCase {
  std::string name;
  std::string module_repr;
  bool training = true;
  nlohmann::json options;
  std::set<std::string> random_at_registration;
  nn::StateDict init, registered, state, state_after, grads;
  Tensor registered_weight, input, weight, output, grad_output;
};

inline ParametrizationCase load_parametrization_case(const std::string& name) {
  const auto contents = io::load_safetensors(std::string(PARATRACE_TEST_DATA_DIR) + "/parametrizations/" + name +
                                             ".safetensors");
  ParametrizationCase c;
  c.name = name;
  c.module_repr = contents.metadata.at("module");
  c.training = contents.metadata.at("training") == "1";
  c.options = nlohmann::json::parse(contents.metadata.at("options"));
  for (const auto& key : nlohmann::json::parse(contents.metadata.at("random_at_registration"))) {
    c.random_at_registration.insert(key.get<std::string>());
  }
  const std::pair<const char*, nn::StateDict*> groups[] = {{"init.", &c.init},
                                                           {"registered.", &c.registered},
                                                           {"state.", &c.state},
                                                           {"state_after.", &c.state_after},
                                                           {"grad.", &c.grads}};
  const std::pair<const char*, Tensor*> singles[] = {{"registered_weight", &c.registered_weight},
                                                     {"input", &c.input},
                                                     {"weight", &c.weight},
                                                     {"output", &c.output},
                                                     {"grad_output", &c.grad_output}};
  for (const auto& [key, value] : contents.tensors) {
    for (const auto& [prefix, dict] : groups) {
      if (key.starts_with(prefix)) dict->set(key.substr(std::string(prefix).size()), value);
    }
    for (const auto& [single, tensor] : singles) {
      if (key == single) *tensor = value;
    }
  }
  return c;
}

// The unparametrized module of the case, with PyTorch's initial weights.
inline std::shared_ptr<nn::Module> build_case_module(const ParametrizationCase& c) {
  const auto& o = c.options;
  std::shared_ptr<nn::Module> m;
  if (o.at("module") == "linear") m = std::make_shared<nn::Linear>(o.at("in").get<std::int64_t>(), o.at("out").get<std::int64_t>());
  else m = std::make_shared<nn::Conv2d>(o.at("in").get<std::int64_t>(), o.at("out").get<std::int64_t>(), o.at("kernel").get<std::int64_t>());
  m->load_state_dict(c.init);
  return m;
}

inline std::vector<std::string> keys_of(const nn::StateDict& dict) {
  std::vector<std::string> keys;
  for (const auto& [key, value] : dict) keys.push_back(key);
  return keys;
}

inline QString join_keys(const std::vector<std::string>& keys) {
  QStringList out;
  for (const auto& k : keys) out << QString::fromStdString(k);
  return out.join(QStringLiteral(", "));
}

// `module` is build_case_module(c) with the case's parametrization registered.
inline bool check_parametrization_case(nn::Module& module, const ParametrizationCase& c, double rtol, double atol,
                                       QString* why) {
  auto fail = [&](const QString& what) {
    *why = QStringLiteral("%1: %2").arg(QString::fromStdString(c.name), what);
    return false;
  };
  QString detail;
  if (module.repr() != c.module_repr) {
    return fail(QStringLiteral("repr\n%1\nvs PyTorch's\n%2")
                    .arg(QString::fromStdString(module.repr()), QString::fromStdString(c.module_repr)));
  }
  // Right after registration: same keys in the same order, same values
  // wherever PyTorch did not draw them at random.
  const nn::StateDict registered = module.state_dict();
  if (keys_of(registered) != keys_of(c.registered)) {
    return fail("state_dict keys [" + join_keys(keys_of(registered)) + "] vs PyTorch's [" +
                join_keys(keys_of(c.registered)) + "]");
  }
  for (const auto& [key, expected] : c.registered) {
    if (c.random_at_registration.contains(key)) continue;
    if (!tensors_close(*registered.find(key), expected, rtol, atol, &detail)) {
      return fail("after registration, " + QString::fromStdString(key) + ": " + detail);
    }
  }
  if (!c.random_at_registration.contains("weight") &&
      !tensors_close(module.attr("weight"), c.registered_weight, rtol, atol, &detail)) {
    return fail("weight after registration: " + detail);
  }

  module.load_state_dict(c.state);
  module.train(c.training);
  Tensor weight, output;
  {
    auto scope = nn::parametrize::cached();
    weight = module.attr("weight");
    output = module(c.input);
  }
  if (!tensors_close(weight, c.weight, rtol, atol, &detail)) return fail("weight: " + detail);
  if (!tensors_close(output, c.output, rtol, atol, &detail)) return fail("output: " + detail);
  (output * c.grad_output).sum().backward();
  const auto params = module.named_parameters();
  std::vector<std::string> names;
  for (const auto& [name, p] : params) names.push_back(name);
  if (names != keys_of(c.grads)) return fail("parameters [" + join_keys(names) + "] vs PyTorch's [" + join_keys(keys_of(c.grads)) + "]");
  for (const auto& [name, p] : params) {
    if (!p.grad().defined()) return fail("no grad for " + QString::fromStdString(name));
    if (!tensors_close(p.grad(), *c.grads.find(name), rtol, atol, &detail)) {
      return fail("grad of " + QString::fromStdString(name) + ": " + detail);
    }
  }
  const nn::StateDict after = module.state_dict();
  if (keys_of(after) != keys_of(c.state_after)) return fail("state_dict keys changed during the call");
  for (const auto& [key, expected] : c.state_after) {
    if (!tensors_close(*after.find(key), expected, rtol, atol, &detail)) {
      return fail("state after the call, " + QString::fromStdString(key) + ": " + detail);
    }
  }
  return true;
}

}  // namespace paratrace::test

// Checks `module` (build_case_module(c), parametrized) against case `c`.
#define PT_CHECK_PARAMETRIZATION_CASE(module, c, rtol, atol)                                            \
  do {                                                                                                  \
    QString pt_why_;                                                                                    \
    QVERIFY2(::paratrace::test::check_parametrization_case((module), (c), (rtol), (atol), &pt_why_),    \
             qPrintable(pt_why_));                                                                      \
  } while (0)
