// Parametrization::prepare: register_parametrization hands an unprepared
// parametrization the module, the tensor's name and the value it will
// receive (the original, or the chain's value when stacked) before anything
// else runs; a failure leaves the module untouched; prepared ones are not
// prepared again, and unsafe stacking still evaluates nothing.
#include "paratrace/nn/linear.h"
#include "paratrace/nn/parametrize.h"
#include "paratrace/tensor/generator.h"
#include "test_util.h"

using namespace paratrace;
using namespace paratrace::nn;

namespace {

// Doubles its input and counts its evaluations.
class Double : public Cloneable<Double, Parametrization> {
 public:
  explicit Double(int* calls) : calls_(calls) {}
  Tensor forward(const Tensor& x) override {
    ++*calls_;
    return x * 2.0;
  }

 private:
  int* calls_;
};

// Unprepared until registered; adds the value it was prepared with, so the
// test sees which tensor that was. Throws from prepare when asked to.
class AddPrepared : public Cloneable<AddPrepared, Parametrization> {
 public:
  explicit AddPrepared(bool fail = false) : fail_(fail) {}
  bool is_prepared() const override { return prepared_.defined(); }
  void prepare(const Module& module, const std::string& tensor_name, const Tensor& value) override {
    PT_CHECK(!fail_, ValueError, "cannot prepare on " << tensor_name);
    ++prepare_calls;
    seen_module = module.class_name();
    seen_name = tensor_name;
    prepared_ = value.detach().clone();
  }
  Tensor forward(const Tensor& x) override { return x + prepared_; }

  int prepare_calls = 0;
  std::string seen_module, seen_name;

 private:
  bool fail_;
  Tensor prepared_;
};

}  // namespace

class TestParametrizePrepare : public QObject {
  Q_OBJECT
 private slots:
  void init() { manual_seed(0); }

  void aNewChainPreparesWithTheOriginal() {
    Linear m(3, 2);
    const Tensor original = m.attr("weight").detach().clone();
    auto p = std::make_shared<AddPrepared>();
    QVERIFY(!p->is_prepared());
    parametrize::register_parametrization(m, "weight", p);
    QCOMPARE(p->prepare_calls, 1);
    QCOMPARE(p->seen_module, std::string("Linear"));
    QCOMPARE(p->seen_name, std::string("weight"));
    QVERIFY(equal(m.attr("weight"), original * 2.0));
  }

  void aStackedStepPreparesWithTheChainValue() {
    Linear m(3, 2);
    const Tensor original = m.attr("weight").detach().clone();
    int calls = 0;
    parametrize::register_parametrization(m, "weight", std::make_shared<Double>(&calls));
    auto p = std::make_shared<AddPrepared>();
    parametrize::register_parametrization(m, "weight", p);
    // The stacked step saw 2 W, so the chain gives 2 W + 2 W.
    QVERIFY(equal(m.attr("weight"), original * 4.0));
    QCOMPARE(p->prepare_calls, 1);
  }

  void aPreparedParametrizationIsNotPreparedAgain() {
    Linear a(3, 2), b(3, 2);
    auto p = std::make_shared<AddPrepared>();
    parametrize::register_parametrization(a, "weight", p);
    parametrize::register_parametrization(b, "weight", p);
    QCOMPARE(p->prepare_calls, 1);
  }

  void aFailedPrepareLeavesTheModuleUntouched() {
    Linear m(3, 2);
    PT_VERIFY_THROWS(ValueError, parametrize::register_parametrization(m, "weight", std::make_shared<AddPrepared>(true)),
                     "cannot prepare on weight");
    QVERIFY(!parametrize::is_parametrized(m));
    QCOMPARE(m.type_name(), std::string("Linear"));
    int calls = 0;
    parametrize::register_parametrization(m, "weight", std::make_shared<Double>(&calls));
    PT_VERIFY_THROWS(ValueError, parametrize::register_parametrization(m, "weight", std::make_shared<AddPrepared>(true)),
                     "cannot prepare on weight");
    QCOMPARE(parametrize::parametrization_list(m, "weight")->size(), std::size_t{1});
  }

  // As PyTorch: unsafe stacking of a ready parametrization reads nothing.
  void unsafeStackingOfAPreparedStepEvaluatesNothing() {
    Linear m(3, 2);
    int calls = 0;
    parametrize::register_parametrization(m, "weight", std::make_shared<Double>(&calls));
    const int after_first = calls;
    int second_calls = 0;
    parametrize::register_parametrization(m, "weight", std::make_shared<Double>(&second_calls), /*unsafe=*/true);
    QCOMPARE(calls, after_first);
    QCOMPARE(second_calls, 0);
    // An unprepared one needs the chain's value, so it is read once.
    parametrize::register_parametrization(m, "weight", std::make_shared<AddPrepared>(), /*unsafe=*/true);
    QCOMPARE(calls, after_first + 1);
  }
};

QTEST_GUILESS_MAIN(TestParametrizePrepare)
#include "tst_parametrize_prepare.moc"
