// test/jit/test_parametrization.py (the tracing half; scripting has no C++
// counterpart): a traced parametrized Linear equals eager, also inside
// cached(); tracing inside cached() fails; the chain shows up under the
// parametrization's scope and re-evaluates on every call.
#include "paratrace/jit/tracer.h"
#include "paratrace/nn/linear.h"
#include "paratrace/nn/parametrize.h"
#include "test_util.h"

using namespace paratrace;
using namespace paratrace::nn;

namespace {
class Symmetric : public Cloneable<Symmetric, Parametrization> {
 public:
  Tensor forward(const Tensor& x) override { return x.triu() + x.triu(1).mT(); }
};
}  // namespace

class TestJitParametrization : public QObject {
  Q_OBJECT
 private slots:
  void traceable() {
    auto model = std::make_shared<Linear>(5, 5);
    parametrize::register_parametrization(*model, "weight", std::make_shared<Symmetric>());
    const Tensor x = randn({3, 5});
    const Tensor y = (*model)(x);
    auto traced = jit::trace_module(model, {{"forward", {x}}});
    PT_COMPARE_CLOSE((*traced)(x), y, 1e-6, 1e-6);
    {
      auto scope = parametrize::cached();
      PT_COMPARE_CLOSE((*traced)(x), y, 1e-6, 1e-6);
    }
    {
      auto scope = parametrize::cached();
      PT_VERIFY_THROWS(RuntimeError, jit::trace_module(model, {{"forward", {x}}}),
                       "Cannot trace a model while caching parametrizations.");
    }
    QVERIFY(!jit::is_tracing());
  }

  void chainIsRecordedUnderItsScopeAndReevaluated() {
    auto model = std::make_shared<Linear>(3, 3);
    parametrize::register_parametrization(*model, "weight", std::make_shared<Symmetric>());
    auto traced = jit::trace(model, {ones({1, 3})});
    bool saw_triu = false;
    for (const jit::Node* n : traced->inlined_graph()->nodes()) {
      if (n->kind() == "aten::triu") {
        saw_triu = true;
        QCOMPARE(n->scope(), std::string("__module.parametrizations.weight/__module.parametrizations.weight.0"));
      }
      if (n->kind() == "prim::GetAttr" && n->s("name") == "original") QCOMPARE(n->input()->debug_name(), std::string("weight"));
    }
    QVERIFY(saw_triu);
    // A later change of the original is seen by the traced module.
    model->get_parameter("parametrizations.weight.original").detach().fill_(1.0);
    const Tensor x = test::seq({2, 3}, 0.5, -1);
    PT_COMPARE_CLOSE((*traced)(x), (*model)(x), 1e-6, 1e-6);
    // Gradients reach the original through the replay.
    (*traced)(x).sum().backward();
    QVERIFY(model->get_parameter("parametrizations.weight.original").grad().defined());
  }
};

QTEST_GUILESS_MAIN(TestJitParametrization)
#include "tst_jit_parametrization.moc"
