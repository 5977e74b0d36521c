// FakeSparsity: PyTorch's test_ao_sparsity_parametrization.py (masking on a
// Linear, parametrizing the layers of a model with a Sequential inside) plus
// the facts a sparsifier relies on, checked against PyTorch 1.13: the state
// dict keys (no mask), gradients and SGD steps reaching the original through
// the mask, squash_mask's remove_parametrizations, repr and errors.
// test_jit_trace: the sparsified ModelUnderTest traced with trace_module
// replays as eager, also under cached(), and the masked entries stay zero on
// the traced path (outputs and gradients of the originals).
#include "paratrace/jit/tracer.h"
#include "paratrace/nn/containers.h"
#include "paratrace/nn/parametrizations/fake_sparsity.h"
#include "paratrace/optim/sgd.h"
#include "paratrace/tensor/generator.h"
#include "parametrize_test_modules.h"

using namespace paratrace;
using namespace paratrace::nn;
using namespace paratrace::test;
namespace P = paratrace::nn::parametrize;

namespace {

// PyTorch's ModelUnderTest: linear, then seq = Sequential(Linear, Linear),
// with constant weights 1, 2, 3 and biases 10, 20, 30.
class ModelUnderTest : public Cloneable<ModelUnderTest> {
 public:
  explicit ModelUnderTest(bool bias) {
    linear = register_module("linear", std::make_shared<Linear>(16, 16, bias));
    seq = register_module("seq", std::make_shared<Sequential>(std::initializer_list<ModulePtr>{
                                     std::make_shared<Linear>(16, 16, bias), std::make_shared<Linear>(16, 16, bias)}));
    const std::vector<ModulePtr> layers{linear, seq->at(0), seq->at(1)};
    for (std::size_t i = 0; i < layers.size(); ++i) {
      const double k = static_cast<double>(i + 1);
      layers[i]->register_parameter("weight", full({16, 16}, k));
      if (bias) layers[i]->register_parameter("bias", full({16}, 10.0 * k));
    }
  }
  Tensor forward(const Tensor& x) override { return (*seq)((*linear)(x)); }

  std::shared_ptr<Linear> linear;
  std::shared_ptr<Sequential> seq;
};

// Puts FakeSparsity(eye(16)) on the weight of each of the three layers.
void sparsify(ModelUnderTest& model) {
  for (const ModulePtr& layer : {ModulePtr(model.linear), model.seq->at(0), model.seq->at(1)}) {
    P::register_parametrization(*layer, "weight", std::make_shared<FakeSparsity>(eye(16)));
  }
}

}  // namespace

class TestFakeSparsity : public QObject {
  Q_OBJECT
 private slots:
  void initTestCase() { manual_seed(1213); }

  void maskingLogic() {
    Linear model(16, 16, /*bias=*/false);
    model.register_parameter("weight", eye(16));
    Tensor x = randn({3, 16});
    PT_COMPARE_CLOSE(mm(x, eye(16)), model(x), kRtol, kAtol);

    Tensor mask = zeros({16, 16});
    const auto sparsity = std::make_shared<FakeSparsity>(mask);
    P::register_parametrization(model, "weight", sparsity);
    x = randn({3, 16});
    PT_COMPARE_CLOSE(zeros({3, 16}), model(x), kRtol, kAtol);

    // The buffer is the mask passed in: a sparsifier updating it in place
    // changes what the model computes.
    QVERIFY(sparsity->attr("mask").is_same(mask));
    mask.fill_(1.0);
    PT_COMPARE_CLOSE(model(x), x, kRtol, kAtol);
  }

  void weightsParametrized() {
    ModelUnderTest model(/*bias=*/false);
    QVERIFY(!model.linear->has_child("parametrizations"));
    QVERIFY(!model.seq->at(0)->has_child("parametrizations"));
    QVERIFY(!model.seq->at(1)->has_child("parametrizations"));

    sparsify(model);
    // PyTorch's test checks model.linear three times; each layer is meant.
    for (const ModulePtr& layer : {ModulePtr(model.linear), model.seq->at(0), model.seq->at(1)}) {
      QVERIFY(layer->has_child("parametrizations"));
      QVERIFY(P::is_parametrized(*layer, "weight"));
    }

    // Masked by the identity, the weights k * ones become k * I: the model
    // multiplies by 1 * 2 * 3.
    const Tensor x = randn({3, 16});
    PT_COMPARE_CLOSE(model(x), 6.0 * x, kRtol, kAtol);
  }

  void jitTrace() {
    auto model = std::make_shared<ModelUnderTest>(/*bias=*/false);
    sparsify(*model);
    auto traced = jit::trace_module(model, {{"forward", {ones({3, 16})}}});
    const Tensor x = randn({3, 16});
    PT_COMPARE_CLOSE((*traced)(x), (*model)(x), kRtol, kAtol);
    {
      auto scope = P::cached();
      PT_COMPARE_CLOSE((*traced)(x), (*model)(x), kRtol, kAtol);
    }
    // Each layer's mask multiplies its original in the graph, under the
    // parametrization's scope, and each layer is its own prim::CallMethod.
    std::size_t masked = 0;
    for (const jit::Node* n : traced->inlined_graph()->nodes()) {
      const jit::Node* mask = n->inputs().empty() ? nullptr : n->input(0)->node();
      if (n->kind() == "aten::mul" && mask->kind() == "prim::GetAttr" && mask->s("name") == "mask") {
        QVERIFY(n->scope().ends_with(".parametrizations.weight.0"));
        ++masked;
      }
    }
    QCOMPARE(masked, std::size_t{3});
    QVERIFY(traced->graph()->str().find("prim::CallMethod[name=\"forward\"](%seq, ") != std::string::npos);

    // Dense random originals: with identity masks only their diagonals act,
    // so the traced model computes x * d1 * d2 * d3 and the off-diagonal
    // entries get no gradient.
    std::vector<Tensor> originals;
    Tensor diagonal_product = ones({16});
    for (const char* layer : {"linear", "seq.0", "seq.1"}) {
      Tensor original = model->get_parameter(std::string(layer) + ".parametrizations.weight.original");
      original.detach().copy_(randn({16, 16}));
      diagonal_product = diagonal_product * original.detach().diagonal();
      originals.push_back(original);
    }
    const Tensor y = (*traced)(x);
    PT_COMPARE_CLOSE(y, x * diagonal_product, kRtol, kAtol);
    y.sum().backward();
    for (const Tensor& original : originals) {
      PT_COMPARE_CLOSE(original.grad() * (1 - eye(16)), zeros({16, 16}), 0, 0);
      QVERIFY(original.grad().diagonal().abs().sum().item<double>() > 0);
    }
  }

  void stateDictLeavesOutTheMask() {
    ModelUnderTest model(/*bias=*/true);
    sparsify(model);
    // PyTorch 1.13's keys for the same model.
    QCOMPARE(model.state_dict().keys(),
             (std::vector<std::string>{"linear.bias", "linear.parametrizations.weight.original", "seq.0.bias",
                                       "seq.0.parametrizations.weight.original", "seq.1.bias",
                                       "seq.1.parametrizations.weight.original"}));
    std::vector<std::string> buffers;
    for (const auto& [name, buffer] : model.named_buffers()) buffers.push_back(name);
    QCOMPARE(buffers, (std::vector<std::string>{"linear.parametrizations.weight.0.mask",
                                                "seq.0.parametrizations.weight.0.mask",
                                                "seq.1.parametrizations.weight.0.mask"}));

    // Asked directly, FakeSparsity has no state either (PyTorch returns {}).
    const FakeSparsity alone(eye(2));
    QVERIFY(alone.state_dict().empty());

    // Strict loading does not ask for the masks (PyTorch's would: see the
    // header), so the state dict round-trips into a model sparsified the same way.
    ModelUnderTest other(/*bias=*/true);
    sparsify(other);
    other.linear->param("bias").detach().zero_();
    const auto keys = other.load_state_dict(model.state_dict());
    QVERIFY(keys.missing_keys.empty() && keys.unexpected_keys.empty());
    PT_COMPARE_CLOSE(other.linear->attr("bias"), full({16}, 10.0), 0, 0);
  }

  void sgdUpdatesTheOriginalThroughTheMask() {
    Linear model(4, 3);
    const Tensor mask = paratrace::tensor({{1.0, 0.0, 1.0, 0.0}, {0.0, 1.0, 1.0, 0.0}, {1.0, 1.0, 0.0, 0.0}});
    P::register_parametrization(model, "weight", std::make_shared<FakeSparsity>(mask));
    const Tensor original = P::parametrization_list(model, "weight")->attr("original");
    const Tensor before = original.detach().clone();

    optim::SGD sgd(model.parameters(), {.lr = 0.5});
    const Tensor x = randn({5, 4});
    model(x).sum().backward();
    // d sum(x W^T + b) / dW is the column sums of x on every row, masked.
    const Tensor unmasked = outer(ones({3}), x.sum({0}));
    PT_COMPARE_CLOSE(original.grad(), mask * unmasked, kRtol, kAtol);
    sgd.step();
    PT_COMPARE_CLOSE(original, before - 0.5 * mask * unmasked, kRtol, kAtol);
    // Masked entries of the original did not move, and the weight stays masked.
    PT_COMPARE_CLOSE((1.0 - mask) * original, (1.0 - mask) * before, 0, 0);
    PT_COMPARE_CLOSE(model.attr("weight"), mask * original, 0, 0);
  }

  void squashMaskKeepsTheParameter() {
    // BaseSparsifier.squash_mask: remove_parametrizations(leave_parametrized=True)
    // bakes mask * W into the very Parameter the model had.
    Linear model(4, 3);
    const Tensor weight = model.param("weight");
    const Tensor mask = eye(3, 4);
    const Tensor masked = mask * weight.detach();
    P::register_parametrization(model, "weight", std::make_shared<FakeSparsity>(mask));
    P::remove_parametrizations(model, "weight", /*leave_parametrized=*/true);
    QVERIFY(model.attr("weight").is_same(weight));
    PT_COMPARE_CLOSE(weight, masked, 0, 0);
    QCOMPARE(model.type_name(), std::string("Linear"));
  }

  void reprMatchesPyTorch() {
    Linear model(16, 16);
    P::register_parametrization(model, "weight", std::make_shared<FakeSparsity>(eye(16)));
    QCOMPARE(model.repr(), std::string("ParametrizedLinear(\n"
                                       "  in_features=16, out_features=16, bias=True\n"
                                       "  (parametrizations): ModuleDict(\n"
                                       "    (weight): ParametrizationList(\n"
                                       "      (0): FakeSparsity()\n"
                                       "    )\n"
                                       "  )\n"
                                       ")"));
  }

  void errors() {
    // A mask of the wrong shape fails forward's assert while registering.
    Linear model(3, 4);
    const ModuleSnapshot before(model);
    PT_VERIFY_THROWS_EXACTLY(AssertionError,
                             P::register_parametrization(model, "weight", std::make_shared<FakeSparsity>(eye(3))), "");
    PT_VERIFY_UNCHANGED(before, model);

    // No right_inverse: the masked weight cannot be assigned.
    P::register_parametrization(model, "weight", std::make_shared<FakeSparsity>(ones({4, 3})));
    const ModuleSnapshot registered(model);
    PT_VERIFY_THROWS_EXACTLY(RuntimeError, model.set_attr("weight", ones({4, 3})),
                             "parametrization FakeSparsity does not implement right_inverse.");
    PT_VERIFY_UNCHANGED(registered, model);
  }
};

QTEST_GUILESS_MAIN(TestFakeSparsity)
#include "tst_fake_sparsity.moc"
