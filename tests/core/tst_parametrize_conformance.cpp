// Parametrized Linears against PyTorch 1.13: for each chain in
// tests/fixtures/parametrize/ (written by generate_parametrize_fixtures.py),
// the same chain is built here, PyTorch's state_dict is loaded under its keys
// (parametrizations.weight.original, original0/1) and the repr, the
// parametrized weight, the output and the gradients of the same loss with
// respect to the originals and the bias are compared.
#include <map>

#include "paratrace/io/safetensors.h"
#include "paratrace/nn/parametrizations/fake_sparsity.h"
#include "parametrize_test_modules.h"

using namespace paratrace;
using namespace paratrace::nn;
using namespace paratrace::test;
namespace P = paratrace::nn::parametrize;

namespace {

// float32 on both sides, with different summation orders and LU solvers;
// the bound leaves room for the gradients through the Cayley map's solve.
constexpr double kFixtureRtol = 1e-4;
constexpr double kFixtureAtol = 1e-5;

struct ChainFixture {
  std::string module_repr;
  StateDict state, grads;
  std::map<std::string, Tensor> tensors;  // input, weight, output, grad_output, mask
};

ChainFixture load_fixture(const std::string& chain) {
  const auto contents =
      io::load_safetensors(std::string(PARATRACE_TEST_DATA_DIR) + "/parametrize/" + chain + ".safetensors");
  ChainFixture f;
  f.module_repr = contents.metadata.at("module");
  for (const auto& [key, value] : contents.tensors) {
    if (key.starts_with("state.")) f.state.set(key.substr(6), value);
    else if (key.starts_with("grad.")) f.grads.set(key.substr(5), value);
    else f.tensors[key] = value;
  }
  return f;
}

}  // namespace

class TestParametrizeConformance : public QObject {
  Q_OBJECT

  static void check_against_pytorch(Module& model, const ChainFixture& f) {
    QCOMPARE(model.repr(), f.module_repr);
    const auto keys = model.load_state_dict(f.state);
    QVERIFY(keys.missing_keys.empty() && keys.unexpected_keys.empty());
    PT_COMPARE_CLOSE(model.attr("weight"), f.tensors.at("weight"), kFixtureRtol, kFixtureAtol);
    const Tensor output = model(f.tensors.at("input"));
    PT_COMPARE_CLOSE(output, f.tensors.at("output"), kFixtureRtol, kFixtureAtol);
    (output * f.tensors.at("grad_output")).sum().backward();
    QVERIFY(!f.grads.empty());
    for (const auto& [key, expected] : f.grads) {
      const Tensor grad = model.get_parameter(key).grad();
      QVERIFY2(grad.defined(), key.c_str());
      PT_COMPARE_CLOSE(grad, expected, kFixtureRtol, kFixtureAtol);
    }
  }

 private slots:
  void skewOrthogonal() {
    const ChainFixture f = load_fixture("skew_orthogonal");
    Linear model(5, 5);
    P::register_parametrization(model, "weight", std::make_shared<Skew>());
    P::register_parametrization(model, "weight", std::make_shared<Orthogonal>());
    PT_CALL(check_against_pytorch(model, f));
  }

  void rankOne() {
    const ChainFixture f = load_fixture("rank_one");
    Linear model(4, 3);
    P::register_parametrization(model, "weight", std::make_shared<RankOne>());
    PT_CALL(check_against_pytorch(model, f));
  }

  void fakeSparsity() {
    // The mask is not in the state dict; the sparsifier (here the fixture) supplies it.
    const ChainFixture f = load_fixture("fake_sparsity");
    Linear model(6, 4);
    P::register_parametrization(model, "weight", std::make_shared<FakeSparsity>(f.tensors.at("mask")));
    PT_CALL(check_against_pytorch(model, f));
  }

  void symmetric() {
    const ChainFixture f = load_fixture("symmetric");
    Linear model(4, 4);
    P::register_parametrization(model, "weight", std::make_shared<Symmetric>());
    PT_CALL(check_against_pytorch(model, f));
  }
};

QTEST_GUILESS_MAIN(TestParametrizeConformance)
#include "tst_parametrize_conformance.moc"
