// parametrizations::Cayley: the Cayley map of PyTorch's parametrize tests.
// Composed with a skew-symmetric step it gives orthogonal matrices, also
// after training; right_inverse is the map itself.
#include "paratrace/nn/linear.h"
#include "paratrace/nn/parametrizations/cayley.h"
#include "paratrace/nn/parametrize.h"
#include "paratrace/optim/sgd.h"
#include "paratrace/tensor/generator.h"
#include "test_util.h"

using namespace paratrace;
using namespace paratrace::nn;
using namespace paratrace::nn::parametrizations;

namespace {

// X.tril(-1) - X.tril(-1)^T, as in PyTorch's test (Skew of symmetric.h is
// another engineer's).
class LowerSkew : public Cloneable<LowerSkew, Parametrization> {
 public:
  Tensor forward(const Tensor& x) override {
    const Tensor l = x.tril(-1);
    return l - l.mT();
  }
};

double orthonormality_error(const Tensor& Q) {
  return (matmul(Q.mT(), Q) - eye(Q.size(-1))).abs().max().item<double>();
}

}  // namespace

class TestParametrizationsCayley : public QObject {
  Q_OBJECT
 private slots:
  void init() { manual_seed(0); }

  void isTheCayleyMap() {
    const Tensor X = randn({4, 4});
    const Tensor id = eye(4);
    PT_COMPARE_CLOSE(Cayley().forward(X), matmul(linalg_inv(id + X), id - X), 1e-4, 1e-5);
    const Tensor batch = randn({3, 4, 4}) * 0.3;
    PT_COMPARE_CLOSE(Cayley().forward(batch).select(0, 2), Cayley().forward(batch.select(0, 2)), 1e-5, 1e-6);
  }

  void skewThenCayleyStaysOrthogonalThroughTraining() {
    Linear m(5, 5);
    parametrize::register_parametrization(m, "weight", std::make_shared<LowerSkew>());
    parametrize::register_parametrization(m, "weight", std::make_shared<Cayley>());
    QVERIFY(orthonormality_error(m.attr("weight")) < 1e-5);
    optim::SGD sgd(m.parameters(), {.lr = 0.1});
    const Tensor x = randn({8, 5}), target = randn({8, 5});
    for (int i = 0; i < 10; ++i) {
      sgd.zero_grad();
      mse_loss(m(x), target).backward();
      sgd.step();
      QVERIFY2(orthonormality_error(m.attr("weight")) < 1e-5, qPrintable(QString::number(i)));
    }
  }

  // The map is an involution, so registering Cayley alone keeps the weight
  // and assigning an orthogonal matrix stores its skew-symmetric preimage.
  void rightInverseIsTheMapItself() {
    Linear m(4, 4);
    const Tensor W = m.attr("weight").detach().clone();
    parametrize::register_parametrization(m, "weight", std::make_shared<Cayley>());
    PT_COMPARE_CLOSE(m.attr("weight"), W, 1e-4, 1e-5);

    // An orthogonal matrix in the image of the map (a random QR factor may
    // have the eigenvalue -1, where I + Q is singular).
    const Tensor S = LowerSkew().forward(randn({4, 4}));
    const Tensor Q = Cayley().forward(S);
    m.set_attr("weight", Q);
    PT_COMPARE_CLOSE(m.attr("weight"), Q, 1e-4, 1e-5);
    PT_COMPARE_CLOSE(m.get_parameter("parametrizations.weight.original"), S, 1e-4, 1e-5);
  }

  void stateDictHoldsOnlyTheOriginal() {
    Linear m(3, 3);
    parametrize::register_parametrization(m, "weight", std::make_shared<Cayley>());
    std::vector<std::string> keys;
    for (const auto& [k, v] : m.state_dict()) keys.push_back(k);
    QCOMPARE(keys, (std::vector<std::string>{"bias", "parametrizations.weight.original"}));
    QCOMPARE(m.get_submodule("parametrizations.weight.0")->type_name(), std::string("Cayley"));
  }

  void singularInputIsALinAlgError() {
    PT_VERIFY_THROWS(LinAlgError, Cayley().forward(-eye(3)), "singular");
  }
};

QTEST_GUILESS_MAIN(TestParametrizationsCayley)
#include "tst_parametrizations_cayley.moc"
