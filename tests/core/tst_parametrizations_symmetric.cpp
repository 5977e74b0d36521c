// Symmetric and Skew: the constraint holds after training, right_inverse
// round-trips through assignment, state_dict has parametrize's keys, and
// misuse is reported with the shape or dtype at fault.
#include "paratrace/nn/linear.h"
#include "paratrace/nn/parametrizations/symmetric.h"
#include "paratrace/nn/parametrize.h"
#include "paratrace/optim/sgd.h"
#include "test_util.h"

using namespace paratrace;
using namespace paratrace::nn;
using parametrizations::Skew;
using parametrizations::Symmetric;

namespace {

// A few SGD steps on a regression target that is neither symmetric nor skew,
// so the originals move in every entry.
void train(Linear& layer) {
  optim::SGD sgd(layer.parameters(), {.lr = 0.1});
  const Tensor x = test::seq({5, 4}, 0.3, -1.0);
  const Tensor target = test::seq({5, 4}, -0.2, 0.7);
  for (int i = 0; i < 5; ++i) {
    sgd.zero_grad();
    mse_loss(layer(x), target).backward();
    sgd.step();
  }
}

}  // namespace

class TestParametrizationsSymmetric : public QObject {
  Q_OBJECT

 private slots:
  void forward_values() {
    const Tensor X = test::seq({3, 3}, 1.0, 0.0);  // [[0,1,2],[3,4,5],[6,7,8]]
    Symmetric sym;
    PT_COMPARE_CLOSE(sym(X), from_vector<float>({0, 1, 2, 1, 4, 5, 2, 5, 8}, {3, 3}), 0, 0);
    Skew skew;
    PT_COMPARE_CLOSE(skew(X), from_vector<float>({0, -3, -6, 3, 0, -7, 6, 7, 0}, {3, 3}), 0, 0);
  }

  void stays_symmetric_after_training() {
    Linear layer(4, 4);
    parametrize::register_parametrization(layer, "weight", std::make_shared<Symmetric>());
    const Tensor before = layer.attr("weight").detach().clone();
    train(layer);
    const Tensor W = layer.attr("weight");
    QVERIFY(!allclose(W, before));
    PT_COMPARE_CLOSE(W, W.mT(), 0, 0);
  }

  void stays_skew_after_training() {
    Linear layer(4, 4);
    parametrize::register_parametrization(layer, "weight", std::make_shared<Skew>());
    const Tensor before = layer.attr("weight").detach().clone();
    train(layer);
    const Tensor W = layer.attr("weight");
    QVERIFY(!allclose(W, before));
    PT_COMPARE_CLOSE(W, -W.mT(), 0, 0);
  }

  void symmetric_right_inverse_round_trips() {
    Linear layer(3, 3);
    parametrize::register_parametrization(layer, "weight", std::make_shared<Symmetric>());
    const Tensor A = test::seq({3, 3}, 0.5, -2.0);
    const Tensor S = A + A.mT();
    layer.set_attr("weight", S);
    PT_COMPARE_CLOSE(layer.attr("weight"), S, 0, 0);
    // The original keeps only the upper triangle.
    PT_COMPARE_CLOSE(layer.get_parameter("parametrizations.weight.original"), S.triu(), 0, 0);
  }

  void skew_right_inverse_round_trips() {
    Linear layer(3, 3);
    parametrize::register_parametrization(layer, "weight", std::make_shared<Skew>());
    const Tensor A = test::seq({3, 3}, 0.5, -2.0);
    const Tensor K = A - A.mT();
    layer.set_attr("weight", K);
    PT_COMPARE_CLOSE(layer.attr("weight"), K, 0, 0);
    PT_COMPARE_CLOSE(layer.get_parameter("parametrizations.weight.original"), K.tril(-1), 0, 0);
  }

  void works_on_batches() {
    const Tensor X = test::seq({2, 3, 3}, 0.25, -1.0);
    const Tensor S = Symmetric()(X);
    PT_COMPARE_CLOSE(S, S.mT(), 0, 0);
    const Tensor K = Skew()(X);
    PT_COMPARE_CLOSE(K, -K.mT(), 0, 0);
  }

  void state_dict_keys() {
    Linear layer(3, 3);
    parametrize::register_parametrization(layer, "weight", std::make_shared<Skew>());
    const auto keys = layer.state_dict().keys();
    QCOMPARE(keys, (std::vector<std::string>{"bias", "parametrizations.weight.original"}));
  }

  void rejects_what_it_cannot_parametrize() {
    PT_VERIFY_THROWS(ValueError, Symmetric()(zeros({8})), "Symmetric needs a square matrix (or a batch of them), got shape [8]");
    PT_VERIFY_THROWS(ValueError, Skew()(zeros({2, 3})), "Skew needs a square matrix (or a batch of them), got shape [2, 3]");
    PT_VERIFY_THROWS(ValueError, Skew()(zeros({2, 2}).to(ScalarType::Int64)),
                     "Skew needs a floating-point tensor, got torch.int64");
    // Registration on a non-square weight fails and leaves the layer as it was.
    Linear layer(3, 2);
    PT_VERIFY_THROWS(ValueError, parametrize::register_parametrization(layer, "weight", std::make_shared<Symmetric>()),
                     "got shape [2, 3]");
    QVERIFY(!parametrize::is_parametrized(layer));
  }
};

QTEST_GUILESS_MAIN(TestParametrizationsSymmetric)
#include "tst_parametrizations_symmetric.moc"
