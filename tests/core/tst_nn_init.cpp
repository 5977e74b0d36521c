// nn::init: gains and fans against torch.nn.init 1.13's values, the support
// and moments of every random initialiser (large tensors, loose tolerances),
// orthogonality and sign correction of orthogonal_, no-grad behaviour, and
// PyTorch's error texts.
#include <cmath>

#include "paratrace/nn/init.h"
#include "paratrace/tensor/generator.h"
#include "test_util.h"

using namespace paratrace;
namespace init = paratrace::nn::init;

namespace {

double mean_of(const Tensor& t) { return t.mean().item<double>(); }
double std_of(const Tensor& t) { return t.flatten().std({0}).item<double>(); }
double min_of(const Tensor& t) { return t.min().item<double>(); }
double max_of(const Tensor& t) { return t.max().item<double>(); }

// A parameter-like leaf: in-place ops on it are refused unless grad mode is off.
Tensor leaf(const IntList& shape) { return empty(shape).requires_grad_(); }

}  // namespace

class TestNnInit : public QObject {
  Q_OBJECT
 private slots:
  void init() { manual_seed(1234); }

  void gainsMatchPyTorch() {
    // torch.nn.init.calculate_gain(...) printed by torch 1.13.
    for (const char* linear : {"linear", "conv1d", "conv2d", "conv3d", "conv_transpose2d", "sigmoid"})
      QCOMPARE(init::calculate_gain(linear), 1.0);
    QCOMPARE(init::calculate_gain("tanh"), 1.6666666666666667);
    QCOMPARE(init::calculate_gain("relu"), 1.4142135623730951);
    QCOMPARE(init::calculate_gain("leaky_relu"), 1.4141428569978354);
    QCOMPARE(init::calculate_gain("leaky_relu", 0.2), 1.3867504905630728);
    QCOMPARE(init::calculate_gain("leaky_relu", std::sqrt(5.0)), 0.5773502691896257);
    QCOMPARE(init::calculate_gain("selu"), 0.75);
  }

  void fansOfLinearAndConvWeights() {
    QCOMPARE(init::calculate_fan_in_and_fan_out(empty({3, 4})), std::make_pair(std::int64_t{4}, std::int64_t{3}));
    // Conv weight (out=8, in=4, 3, 5): receptive field 15.
    QCOMPARE(init::calculate_fan_in_and_fan_out(empty({8, 4, 3, 5})),
             std::make_pair(std::int64_t{60}, std::int64_t{120}));
  }

  void uniformAndNormal() {
    Tensor t = leaf({200000});
    // Runs under no-grad: filling a leaf that requires grad is allowed and leaves it a leaf.
    QVERIFY(init::uniform_(t, -2.0, 3.0).is_same(t));
    QVERIFY(t.is_leaf() && t.requires_grad());
    QVERIFY(min_of(t) >= -2.0 && max_of(t) < 3.0);
    QVERIFY(min_of(t) < -1.99 && max_of(t) > 2.99);
    QVERIFY(std::abs(mean_of(t) - 0.5) < 0.02);
    QVERIFY(std::abs(std_of(t) - 5.0 / std::sqrt(12.0)) < 0.02);
    QVERIFY(init::normal_(t, 1.5, 0.5).is_same(t));
    QVERIFY(std::abs(mean_of(t) - 1.5) < 0.01);
    QVERIFY(std::abs(std_of(t) - 0.5) < 0.01);
    // Without the no-grad scope the same fill is refused, which is why init needs one.
    QVERIFY_THROWS_EXCEPTION(RuntimeError, t.uniform_(0.0, 1.0));
  }

  void truncNormalStaysInBounds() {
    Tensor t = leaf({200000});
    QVERIFY(init::trunc_normal_(t).is_same(t));
    QVERIFY(min_of(t) >= -2.0 && max_of(t) <= 2.0);
    QVERIFY(min_of(t) < -1.99 && max_of(t) > 1.99);
    QVERIFY(std::abs(mean_of(t)) < 0.01);
    QVERIFY(std::abs(std_of(t) - 0.8796256610342398) < 0.01);  // std of N(0,1) truncated to [-2, 2]
    // N(1, 2^2) truncated to [0, 5]: mean 1.8914875565450298.
    init::trunc_normal_(t, 1.0, 2.0, 0.0, 5.0);
    QVERIFY(min_of(t) >= 0.0 && max_of(t) <= 5.0);
    QVERIFY(std::abs(mean_of(t) - 1.8914875565450298) < 0.02);
  }

  void constantsAndEye() {
    Tensor t = leaf({2, 3});
    PT_COMPARE_CLOSE(init::constant_(t, 0.25), full({2, 3}, 0.25), 0, 0);
    PT_COMPARE_CLOSE(init::ones_(t), ones({2, 3}), 0, 0);
    PT_COMPARE_CLOSE(init::zeros_(t), zeros({2, 3}), 0, 0);
    QVERIFY(init::eye_(t).is_same(t));
    PT_COMPARE_CLOSE(t, tensor({{1.0, 0.0, 0.0}, {0.0, 1.0, 0.0}}), 0, 0);
    QVERIFY(t.is_leaf());
  }

  void xavier() {
    // fan_in 300, fan_out 200: bound gain * sqrt(6 / 500), std gain * sqrt(2 / 500).
    Tensor t = leaf({200, 300});
    init::xavier_uniform_(t, 2.0);
    const double bound = 2.0 * std::sqrt(6.0 / 500.0);
    QVERIFY(max_of(t.abs()) <= bound && max_of(t.abs()) > 0.99 * bound);
    QVERIFY(std::abs(std_of(t) / (bound / std::sqrt(3.0)) - 1.0) < 0.02);
    init::xavier_normal_(t);
    QVERIFY(std::abs(std_of(t) / std::sqrt(2.0 / 500.0) - 1.0) < 0.02);
    QVERIFY(std::abs(mean_of(t)) < 0.002);
  }

  void kaiming() {
    // A conv weight (out 64, in 32, 3x3): fan_in 288, fan_out 576.
    Tensor t = leaf({64, 32, 3, 3});
    // a = sqrt(5) (Linear/Conv2d reset_parameters) gives U(-1/sqrt(fan_in), 1/sqrt(fan_in)).
    init::kaiming_uniform_(t, std::sqrt(5.0));
    const double bound = 1.0 / std::sqrt(288.0);
    QVERIFY(max_of(t.abs()) <= bound && max_of(t.abs()) > 0.99 * bound);
    // fan_out with relu: bound sqrt(2) * sqrt(3 / 576); the mode is case-insensitive.
    init::kaiming_uniform_(t, 0.0, "FAN_OUT", "relu");
    const double relu_bound = std::sqrt(2.0) * std::sqrt(3.0 / 576.0);
    QVERIFY(max_of(t.abs()) <= relu_bound && max_of(t.abs()) > 0.99 * relu_bound);
    init::kaiming_normal_(t, 0.0, "fan_in", "relu");
    QVERIFY(std::abs(std_of(t) / std::sqrt(2.0 / 288.0) - 1.0) < 0.02);
    init::kaiming_normal_(t, 0.2, "fan_out");
    QVERIFY(std::abs(std_of(t) / (init::calculate_gain("leaky_relu", 0.2) / std::sqrt(576.0)) - 1.0) < 0.02);
    // Zero-element tensors are left alone, even with a bad mode.
    Tensor none = empty({0, 3});
    QVERIFY(init::kaiming_uniform_(none, 0.0, "bad").is_same(none));
  }

  void orthogonalTallWideAndConv() {
    // Tall: orthonormal columns. Wide: orthonormal rows. Conv-shaped: flattened to (8, 18), wide.
    Tensor tall = leaf({50, 20});
    QVERIFY(init::orthogonal_(tall).is_same(tall));
    PT_COMPARE_CLOSE(matmul(tall.t(), tall), eye(20), 0, 1e-5);
    Tensor wide = leaf({20, 50});
    init::orthogonal_(wide, 2.0);
    PT_COMPARE_CLOSE(matmul(wide, wide.t()), eye(20) * 4.0, 0, 1e-5);
    Tensor conv = leaf({8, 2, 3, 3});
    init::orthogonal_(conv);
    const Tensor flat = conv.reshape({8, 18});
    PT_COMPARE_CLOSE(matmul(flat, flat.t()), eye(8), 0, 1e-5);
    QVERIFY(conv.is_leaf());
  }

  void orthogonalIsSignCorrected() {
    // With Q's columns multiplied by sign(diag(R)), Q[:, 0] is the first normal
    // column normalised, so Q[0, 0] is symmetric around 0. Householder QR alone
    // makes R[0, 0] = -sign(x0) |x|, so uncorrected Q[0, 0] = -|x0| / |x| < 0
    // (mean about -0.46 for 4x4).
    double sum = 0.0;
    const int draws = 400;
    for (int i = 0; i < draws; ++i) sum += init::orthogonal_(empty({4, 4})).select(0, 0).select(0, 0).item<double>();
    QVERIFY2(std::abs(sum / draws) < 0.1, qPrintable(QString::number(sum / draws)));
  }

  void errorsMatchPyTorch() {
    PT_VERIFY_THROWS(ValueError, init::calculate_gain("foo"), "Unsupported nonlinearity foo");
    PT_VERIFY_THROWS(ValueError, init::calculate_fan_in_and_fan_out(empty({3})),
                     "Fan in and fan out can not be computed for tensor with fewer than 2 dimensions");
    PT_VERIFY_THROWS(ValueError, init::xavier_uniform_(empty({3})),
                     "Fan in and fan out can not be computed for tensor with fewer than 2 dimensions");
    PT_VERIFY_THROWS(ValueError, init::xavier_normal_(empty({3})),
                     "Fan in and fan out can not be computed for tensor with fewer than 2 dimensions");
    PT_VERIFY_THROWS(ValueError, init::kaiming_normal_(empty({3})),
                     "Fan in and fan out can not be computed for tensor with fewer than 2 dimensions");
    // PyTorch lower-cases the mode before reporting it.
    PT_VERIFY_THROWS(ValueError, init::kaiming_uniform_(empty({3, 4}), 0.0, "Fan_Avg"),
                     "Mode fan_avg not supported, please use one of ['fan_in', 'fan_out']");
    PT_VERIFY_THROWS(ValueError, init::kaiming_normal_(empty({3, 4}), 0.0, "fan_in", "swish"),
                     "Unsupported nonlinearity swish");
    PT_VERIFY_THROWS(ValueError, init::eye_(empty({2, 2, 2})), "Only tensors with 2 dimensions are supported");
    PT_VERIFY_THROWS(ValueError, init::orthogonal_(empty({3})), "Only tensors with 2 or more dimensions are supported");
  }
};

QTEST_GUILESS_MAIN(TestNnInit)
#include "tst_nn_init.moc"
