// parametrizations::weight_norm / WeightNorm (PyTorch main's _WeightNorm):
// the norm of w per dim equals g through training, right_inverse round
// trips, norm_except_dim, state_dict, errors, and PyTorch conformance cases.
#include "paratrace/nn/parametrizations/weight_norm.h"
#include "paratrace/optim/sgd.h"
#include "paratrace/tensor/generator.h"
#include "parametrization_fixture.h"

using namespace paratrace;
using namespace paratrace::nn;
using namespace paratrace::nn::parametrizations;

namespace {

std::vector<std::string> keys(const Module& m) {
  std::vector<std::string> out;
  for (const auto& [k, v] : m.state_dict()) out.push_back(k);
  return out;
}

}  // namespace

class TestParametrizationsWeightNorm : public QObject {
  Q_OBJECT
 private slots:
  void init() { manual_seed(0); }

  void matchesPyTorch_data() {
    QTest::addColumn<QString>("name");
    for (const char* name : {"weight_norm_linear", "weight_norm_linear_dim1", "weight_norm_linear_dim_none",
                             "weight_norm_conv2d", "weight_norm_conv2d_dim2", "weight_norm_conv2d_dim3"}) {
      QTest::newRow(name) << QString(name);
    }
  }
  void matchesPyTorch() {
    QFETCH(QString, name);
    const auto c = test::load_parametrization_case(name.toStdString());
    auto m = test::build_case_module(c);
    std::optional<std::int64_t> dim;
    if (!c.options.at("dim").is_null()) dim = c.options.at("dim").get<std::int64_t>();
    weight_norm(*m, "weight", dim);
    PT_CHECK_PARAMETRIZATION_CASE(*m, c, 1e-4, 1e-5);
  }

  void normPerDimEqualsGThroughTraining_data() {
    QTest::addColumn<int>("dim");
    QTest::addColumn<bool>("whole");
    QTest::newRow("dim0") << 0 << false;
    QTest::newRow("dim1") << 1 << false;
    QTest::newRow("dim2") << 2 << false;
    QTest::newRow("dim3") << 3 << false;
    QTest::newRow("none") << 0 << true;
  }
  void normPerDimEqualsGThroughTraining() {
    QFETCH(int, dim);
    QFETCH(bool, whole);
    Conv2d m(3, 4, 3);
    const std::optional<std::int64_t> d = whole ? std::nullopt : std::optional<std::int64_t>(dim);
    weight_norm(m, "weight", d);
    optim::SGD sgd(m.parameters(), {.lr = 0.1});
    const Tensor x = randn({2, 3, 5, 5}), target = randn({2, 4, 3, 3});
    for (int i = 0; i < 5; ++i) {
      sgd.zero_grad();
      mse_loss(m(x), target).backward();
      sgd.step();
    }
    const Tensor g = m.get_parameter("parametrizations.weight.original0");
    const Tensor w = m.attr("weight");
    // The direction moved, yet ||w|| over the other dims is g.
    PT_COMPARE_CLOSE(norm_except_dim(w, 2, whole ? -1 : dim), g, 1e-5, 1e-6);
    QVERIFY(!m.get_parameter("parametrizations.weight.original1").grad().equal(zeros_like(w)));
  }

  void registrationSplitsIntoMagnitudeAndDirection() {
    Linear m(20, 40);
    const Tensor W = m.attr("weight").detach().clone();
    weight_norm(m);
    const Tensor g = m.get_parameter("parametrizations.weight.original0");
    const Tensor v = m.get_parameter("parametrizations.weight.original1");
    QCOMPARE(g.sizes(), (Shape{40, 1}));  // the shapes of PyTorch's docstring example
    QCOMPARE(v.sizes(), (Shape{40, 20}));
    PT_COMPARE_CLOSE(v, W, 0, 0);
    PT_COMPARE_CLOSE(g, W.norm(2, {1}, true), 1e-6, 1e-7);
    PT_COMPARE_CLOSE(m.attr("weight"), W, 1e-6, 1e-7);
    Linear whole(3, 2);
    weight_norm(whole, "weight", std::nullopt);
    QCOMPARE(whole.get_parameter("parametrizations.weight.original0").dim(), std::int64_t{0});
  }

  void assignmentRoundTrips() {
    Linear m(4, 3);
    weight_norm(m, "weight", 1);
    const Tensor W = randn({3, 4});
    m.set_attr("weight", W);
    PT_COMPARE_CLOSE(m.attr("weight"), W, 1e-6, 1e-6);
    PT_COMPARE_CLOSE(m.get_parameter("parametrizations.weight.original0"), norm_except_dim(W, 2, 1), 0, 0);
    PT_COMPARE_CLOSE(m.get_parameter("parametrizations.weight.original1"), W, 0, 0);
  }

  void normExceptDimIsAtensOwn() {
    const Tensor v = randn({2, 3, 4});
    PT_COMPARE_CLOSE(norm_except_dim(v, 2, 0), v.norm(2, {1, 2}, true), 1e-6, 1e-6);
    PT_COMPARE_CLOSE(norm_except_dim(v, 2, 1), v.norm(2, {0, 2}, true), 1e-6, 1e-6);
    PT_COMPARE_CLOSE(norm_except_dim(v, 2, 2), v.norm(2, {0, 1}, true), 1e-6, 1e-6);
    // -1 is the whole tensor, not the last dimension; other negative dims count from the end.
    PT_COMPARE_CLOSE(norm_except_dim(v, 2, -1), v.norm(2), 1e-6, 1e-6);
    PT_COMPARE_CLOSE(norm_except_dim(v, 2, -2), v.norm(2, {0, 2}, true), 1e-6, 1e-6);
    PT_COMPARE_CLOSE(norm_except_dim(v, 1, 0), v.norm(1, {1, 2}, true), 1e-6, 1e-6);
  }

  void stateDictKeysAndRoundTrip() {
    Linear m(4, 3);
    weight_norm(m);
    QCOMPARE(keys(m), (std::vector<std::string>{"bias", "parametrizations.weight.original0",
                                                "parametrizations.weight.original1"}));
    QCOMPARE(m.get_submodule("parametrizations.weight.0")->type_name(), std::string("_WeightNorm"));
    Linear other(4, 3);
    weight_norm(other);
    other.load_state_dict(m.state_dict());
    PT_COMPARE_CLOSE(other.attr("weight"), m.attr("weight"), 0, 0);
    const auto copy = m.clone();
    PT_COMPARE_CLOSE(copy->attr("weight"), m.attr("weight"), 0, 0);
  }

  void removalLeavesTheWeight() {
    Linear m(4, 3);
    weight_norm(m);
    const Tensor w = m.attr("weight").detach().clone();
    parametrize::remove_parametrizations(m, "weight");
    QVERIFY(m.has_parameter("weight"));
    PT_COMPARE_CLOSE(m.attr("weight"), w, 0, 0);
  }

  void errorsAsPyTorch() {
    Linear m(3, 4);
    PT_VERIFY_THROWS(ValueError, weight_norm(m, "foo"),
                     "Module 'Linear(in_features=3, out_features=4, bias=True)' has no parameter or buffer with name 'foo'");
    QVERIFY(!parametrize::is_parametrized(m));
    PT_VERIFY_THROWS(TypeError, WeightNorm().call({randn({2})}), "takes two tensors");
  }
};

QTEST_GUILESS_MAIN(TestParametrizationsWeightNorm)
#include "tst_parametrizations_weight_norm.moc"
