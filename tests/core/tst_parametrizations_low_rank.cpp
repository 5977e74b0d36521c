// parametrizations::LowRank / RankOne: rank <= r through training, the
// truncated-SVD right_inverse, batches, state_dict and errors.
#include "paratrace/nn/linear.h"
#include "paratrace/nn/parametrizations/low_rank.h"
#include "paratrace/nn/parametrize.h"
#include "paratrace/optim/sgd.h"
#include "paratrace/tensor/generator.h"
#include "test_util.h"

using namespace paratrace;
using namespace paratrace::nn;
using namespace paratrace::nn::parametrizations;

namespace {

class Holder : public Cloneable<Holder> {
 public:
  explicit Holder(const Shape& shape) { register_parameter("weight", randn(shape)); }
};

std::int64_t rank_of(const Tensor& X) { return linalg_matrix_rank(X.detach()).item<std::int64_t>(); }

}  // namespace

class TestParametrizationsLowRank : public QObject {
  Q_OBJECT
 private slots:
  void init() { manual_seed(0); }

  void rankStaysBoundedThroughTraining() {
    Linear m(6, 5);
    parametrize::register_parametrization(m, "weight", std::make_shared<LowRank>(2));
    QCOMPARE(m.get_parameter("parametrizations.weight.original0").sizes(), (Shape{5, 2}));
    QCOMPARE(m.get_parameter("parametrizations.weight.original1").sizes(), (Shape{2, 6}));
    optim::SGD sgd(m.parameters(), {.lr = 0.1});
    const Tensor x = randn({10, 6}), target = randn({10, 5});
    const Tensor first = m.attr("weight").detach();
    for (int i = 0; i < 10; ++i) {
      sgd.zero_grad();
      mse_loss(m(x), target).backward();
      sgd.step();
      QVERIFY(rank_of(m.attr("weight")) <= 2);
    }
    QVERIFY((m.attr("weight") - first).abs().max().item<double>() > 1e-3);
  }

  // Registration replaces W by its best rank-r approximation (Eckart-Young):
  // the r largest singular values survive, the rest are dropped.
  void registrationTruncatesTheSvd() {
    Linear m(5, 4);
    const Tensor W = m.attr("weight").detach().clone();
    parametrize::register_parametrization(m, "weight", std::make_shared<LowRank>(2));
    const auto [U, S, Vh] = linalg_svd(W, false);
    const Tensor best = matmul(U.narrow(-1, 0, 2) * S.narrow(-1, 0, 2).unsqueeze(-2), Vh.narrow(-2, 0, 2));
    PT_COMPARE_CLOSE(m.attr("weight"), best, 1e-5, 1e-6);
    // Balanced factors: A^T A = B B^T = diag(S_r).
    const Tensor A = m.get_parameter("parametrizations.weight.original0");
    const Tensor B = m.get_parameter("parametrizations.weight.original1");
    PT_COMPARE_CLOSE(matmul(A.mT(), A), matmul(B, B.mT()), 1e-5, 1e-6);
  }

  void assigningALowRankMatrixRoundTrips() {
    Linear m(6, 4);
    parametrize::register_parametrization(m, "weight", std::make_shared<LowRank>(3));
    const Tensor X = matmul(randn({4, 3}), randn({3, 6}));
    m.set_attr("weight", X);
    PT_COMPARE_CLOSE(m.attr("weight"), X, 1e-4, 1e-5);
  }

  void rankOneIsAnOuterProduct() {
    Linear m(4, 3);
    parametrize::register_parametrization(m, "weight", std::make_shared<RankOne>());
    QCOMPARE(m.get_parameter("parametrizations.weight.original0").sizes(), (Shape{3, 1}));
    QCOMPARE(m.get_parameter("parametrizations.weight.original1").sizes(), (Shape{1, 4}));
    QCOMPARE(rank_of(m.attr("weight")), std::int64_t{1});
    const Tensor a = randn({3}), b = randn({4});
    m.set_attr("weight", outer(a, b));
    PT_COMPARE_CLOSE(m.attr("weight"), outer(a, b), 1e-5, 1e-6);
    QCOMPARE(m.get_submodule("parametrizations.weight.0")->repr(), std::string("RankOne(rank=1)"));
  }

  void batchesOfMatrices() {
    Holder m({3, 5, 4});
    parametrize::register_parametrization(m, "weight", std::make_shared<LowRank>(2));
    const Tensor w = m.attr("weight");
    QCOMPARE(w.sizes(), (Shape{3, 5, 4}));
    for (std::int64_t i = 0; i < 3; ++i) QVERIFY(rank_of(w.select(0, i)) <= 2);
  }

  void stateDictKeysAndRoundTrip() {
    Linear m(4, 3);
    parametrize::register_parametrization(m, "weight", std::make_shared<LowRank>(2));
    std::vector<std::string> keys;
    for (const auto& [k, v] : m.state_dict()) keys.push_back(k);
    QCOMPARE(keys, (std::vector<std::string>{"bias", "parametrizations.weight.original0",
                                             "parametrizations.weight.original1"}));
    Linear other(4, 3);
    parametrize::register_parametrization(other, "weight", std::make_shared<LowRank>(2));
    other.load_state_dict(m.state_dict());
    PT_COMPARE_CLOSE(other.attr("weight"), m.attr("weight"), 0, 0);
    const auto copy = m.clone();
    PT_COMPARE_CLOSE(copy->attr("weight"), m.attr("weight"), 0, 0);
    QCOMPARE(m.get_submodule("parametrizations.weight.0")->repr(), std::string("LowRank(rank=2)"));
  }

  void errors() {
    PT_VERIFY_THROWS(ValueError, LowRank(0), "LowRank: rank must be at least 1. Got rank=0");
    Linear m(4, 3);
    PT_VERIFY_THROWS(ValueError,
                     parametrize::register_parametrization(m, "weight", std::make_shared<LowRank>(4)),
                     "LowRank: rank 4 is larger than min(n, m) = 3 for a matrix of shape torch.Size([3, 4]).");
    QVERIFY(!parametrize::is_parametrized(m));
    QVERIFY(m.has_parameter("weight"));
    PT_VERIFY_THROWS(ValueError, parametrize::register_parametrization(m, "bias", std::make_shared<LowRank>(1)),
                     "Expected a matrix or batch of matrices. Got a tensor of 1 dimensions.");
  }
};

QTEST_GUILESS_MAIN(TestParametrizationsLowRank)
#include "tst_parametrizations_low_rank.moc"
