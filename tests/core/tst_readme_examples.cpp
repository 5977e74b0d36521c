// The code of README.md's examples, compiled and checked, so the README
// cannot drift from the API.
#include "paratrace/jit/tracer.h"
#include "paratrace/paratrace.h"
#include "test_util.h"

using namespace paratrace;

// --- README: a user-defined module -----------------------------------------
class TwoLayer : public nn::Cloneable<TwoLayer> {
 public:
  TwoLayer(std::int64_t in, std::int64_t hidden, std::int64_t out) {
    register_module("fc1", std::make_shared<nn::Linear>(in, hidden));
    register_module("fc2", std::make_shared<nn::Linear>(hidden, out));
    register_buffer("scale", ones({out}));
  }
  Tensor forward(const Tensor& x) override {
    const Tensor h = (*child("fc1"))(x).relu();
    return (*child("fc2"))(h) * attr("scale");
  }
};

// --- README: a parametrization ----------------------------------------------
class Symmetric : public nn::Cloneable<Symmetric, nn::Parametrization> {
 public:
  Tensor forward(const Tensor& X) override { return X.triu() + X.triu(1).mT(); }
};

class TestReadmeExamples : public QObject {
  Q_OBJECT
 private slots:
  void moduleParametrizeAndTrace() {
    auto net = std::make_shared<TwoLayer>(4, 4, 2);
    nn::parametrize::register_parametrization(*net->child("fc1"), "weight", std::make_shared<Symmetric>());

    const Tensor W = net->child("fc1")->attr("weight");  // computed: symmetric
    PT_COMPARE_CLOSE(W, W.mT(), 0, 0);
    QCOMPARE(net->state_dict().keys(),
             (std::vector<std::string>{"scale", "fc1.bias", "fc1.parametrizations.weight.original", "fc2.weight",
                                       "fc2.bias"}));

    auto traced = jit::trace(net, {randn({3, 4})});
    const Tensor x = randn({5, 4});
    PT_COMPARE_CLOSE((*traced)(x), (*net)(x), 1e-6, 1e-6);
    QVERIFY(traced->graph()->str().find("prim::CallMethod[name=\"forward\"](%fc1, ") != std::string::npos);
    QVERIFY(traced->inlined_graph()->str().find("aten::triu") != std::string::npos);
  }
};

QTEST_GUILESS_MAIN(TestReadmeExamples)
#include "tst_readme_examples.moc"
