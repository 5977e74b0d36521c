// nn ops: mse_loss, dropout, conv2d, max_pool2d, avg_pool2d. Expected values
// were computed with PyTorch 1.13 (/usr/bin/python3) on the same inputs.
#include <numeric>

#include "paratrace/ops/op.h"
#include "paratrace/tensor/generator.h"
#include "test_util.h"

using namespace paratrace;

namespace {

// A float64 tensor holding `v` (filled through data_ptr so the test only needs zeros()).
Tensor from_vector(const std::vector<double>& v, const IntList& shape) {
  Tensor t = zeros(shape, ScalarType::Float64);
  std::copy(v.begin(), v.end(), t.data_ptr<double>());
  return t;
}

// Tensor of `shape` holding scale * (i + offset) for i = 0, 1, ... (torch.arange-based inputs).
Tensor ramp(const IntList& shape, double scale, double offset = 0.0) {
  std::int64_t n = 1;
  for (auto s : shape) n *= s;
  std::vector<double> v(static_cast<std::size_t>(n));
  for (std::int64_t i = 0; i < n; ++i) v[i] = scale * (static_cast<double>(i) + offset);
  return from_vector(v, shape);
}

Tensor values(const std::vector<double>& v, const IntList& shape, ScalarType dtype = ScalarType::Float64) {
  return to(from_vector(v, shape), dtype);
}

// Central finite differences of the scalar f at x (float64), one entry per element.
std::vector<double> numeric_grad(const std::function<double(const Tensor&)>& f, const Tensor& x, double h = 1e-6) {
  std::vector<double> base = x.to_vector<double>(), g(base.size());
  for (std::size_t i = 0; i < base.size(); ++i) {
    std::vector<double> up = base, down = base;
    up[i] += h;
    down[i] -= h;
    g[i] = (f(from_vector(up, x.sizes())) - f(from_vector(down, x.sizes()))) / (2 * h);
  }
  return g;
}

}  // namespace

class TestOpsNn : public QObject {
  Q_OBJECT
 private slots:
  // ---- mse_loss ----------------------------------------------------------------
  void mseLossReductionsMatchPyTorch() {
    const Tensor x = ramp({2, 3}, 1.0);
    const Tensor y = tensor({1.0, 0.5, -1.0});
    PT_COMPARE_CLOSE(mse_loss(x, y), scalar_tensor(10.416666984558105), 1e-6, 0);
    PT_COMPARE_CLOSE(mse_loss(x, y, "sum"), scalar_tensor(62.5), 1e-6, 0);
    PT_COMPARE_CLOSE(mse_loss(x, y, "none"), values({1.0, 0.25, 9.0, 4.0, 12.25, 36.0}, {2, 3}), 1e-6, 0);
  }

  void mseLossMeanBackwardMatchesPyTorch() {
    Tensor x = to(ramp({2, 3}, 1.0), ScalarType::Float32).requires_grad_();
    mse_loss(x, tensor({1.0, 0.5, -1.0})).backward();
    PT_COMPARE_CLOSE(x.grad(),
                     values({-0.3333333432674408, 0.1666666716337204, 1.0, 0.6666666865348816, 1.1666667461395264, 2.0},
                            {2, 3}, ScalarType::Float32),
                     1e-6, 1e-7);
  }

  void mseLossTargetGradientIsNegatedAndSummedOverBroadcast() {
    Tensor x = ramp({2, 3}, 0.5);
    Tensor y = tensor({1.0, 0.5, -1.0}, ScalarType::Float64).requires_grad_();
    mse_loss(x, y, "sum").backward();
    const auto f = [&](const Tensor& yy) { return mse_loss(x, yy, "sum").item<double>(); };
    PT_COMPARE_CLOSE(y.grad(), from_vector(numeric_grad(f, y), {3}), 1e-5, 1e-6);
  }

  void mseLossRecordsReductionAsInt() {
    QVERIFY(op_def(OpKind::mse_loss).schema.find("int reduction=1") != std::string_view::npos);
  }

  void mseLossErrors() {
    PT_VERIFY_THROWS(ValueError, mse_loss(ones({2}), ones({2}), "foo"), "foo is not a valid value for reduction");
    PT_VERIFY_THROWS(RuntimeError, mse_loss(ones({2}, ScalarType::Int64), ones({2}, ScalarType::Int64)),
                     "\"mse_cpu\" not implemented for 'Long'");
    PT_VERIFY_THROWS(RuntimeError, mse_loss(ones({2, 3}), ones({3, 3})),
                     "The size of tensor a (2) must match the size of tensor b (3) at non-singleton dimension 0");
  }

  void mseLossPromotesDtype() {
    QCOMPARE(mse_loss(ones({2}), ones({2}, ScalarType::Float64)).dtype(), ScalarType::Float64);
  }

  // ---- dropout -------------------------------------------------------------------
  void dropoutTrainZeroesFractionPAndScalesSurvivors() {
    manual_seed(1234);
    const Tensor y = dropout(ones({10000}), 0.3, true);
    const auto v = y.to_vector<float>();
    const auto zeros_n = std::count(v.begin(), v.end(), 0.0f);
    QVERIFY2(zeros_n > 2800 && zeros_n < 3200, qPrintable(QString::number(zeros_n)));
    for (float e : v)
      if (e != 0.0f) QVERIFY(std::abs(e - 1.0f / 0.7f) < 1e-6f);
  }

  void dropoutEvalIsIdentity() {
    const Tensor x = ramp({3, 4}, 0.1);
    QVERIFY(dropout(x, 0.5, false).is_same(x));
  }

  void dropoutBackwardUsesSameMaskEvenForZeroInputs() {
    manual_seed(7);
    Tensor x = zeros({1000}, ScalarType::Float64).requires_grad_();
    const Tensor y = dropout(x, 0.5, true);
    sum(y).backward();
    const auto g = x.grad().to_vector<double>();
    const auto dropped = std::count(g.begin(), g.end(), 0.0);
    QVERIFY2(dropped > 400 && dropped < 600, qPrintable(QString::number(dropped)));
    for (double e : g) QVERIFY(e == 0.0 || e == 2.0);
    // The same mask applies to a second input value: grad(x * mask) = mask.
    Tensor x2 = ones({1000}, ScalarType::Float64).requires_grad_();
    manual_seed(7);
    sum(dropout(x2, 0.5, true)).backward();
    PT_COMPARE_CLOSE(x2.grad(), x.grad(), 0, 0);
  }

  void dropoutWithPOneZeroesEverything() {
    PT_COMPARE_CLOSE(dropout(ones({5}), 1.0, true), zeros({5}), 0, 0);
  }

  void dropoutRejectsBadProbability() {
    PT_VERIFY_THROWS(ValueError, dropout(ones({2}), 1.5, true),
                     "dropout probability has to be between 0 and 1, but got 1.5");
  }

  void dropoutIsNondeterministicComposite() {
    QVERIFY(op_def(OpKind::dropout).has(kNondeterministic));
    QVERIFY(op_def(OpKind::dropout).has(kComposite));
  }

  // ---- conv2d ----------------------------------------------------------------------
  void conv2dStridePaddingBiasMatchesPyTorch() {
    const Tensor x = ramp({1, 2, 3, 3}, 0.1);
    const Tensor w = ramp({2, 2, 2, 2}, 0.05, -7);
    const Tensor b = tensor({0.1, -0.2}, ScalarType::Float64);
    const Tensor out = conv2d(x, w, b, {2, 2}, {1, 1});
    PT_COMPARE_CLOSE(out, values({0.1, -0.015, -0.23, -0.94, 0.16, 0.645, 0.91, 2.12}, {1, 2, 2, 2}), 1e-9, 1e-12);
  }

  void conv2dBackwardMatchesPyTorch() {
    Tensor x = ramp({1, 2, 3, 3}, 0.1).requires_grad_();
    Tensor w = ramp({2, 2, 2, 2}, 0.05, -7).requires_grad_();
    Tensor b = tensor({0.1, -0.2}, ScalarType::Float64).requires_grad_();
    const Tensor out = conv2d(x, w, b, {2}, {1});
    sum(mul(out, ramp({1, 2, 2, 2}, 1.0))).backward();
    PT_COMPARE_CLOSE(x.grad(),
                     values({0.8, 0.5, 0.8, 0.0, -0.7, -0.2, 0.8, 0.3, 0.8, 1.6, 1.7, 2.0, 1.6, 1.3, 1.8, 2.4, 2.3, 2.8},
                            {1, 2, 3, 3}),
                     1e-9, 1e-12);
    PT_COMPARE_CLOSE(w.grad(),
                     values({1.2, 2.1, 2.2, 3.8, 3.9, 6.6, 5.8, 9.2, 2.8, 5.3, 5.4, 10.2, 9.1, 17.0, 16.2, 30.0},
                            {2, 2, 2, 2}),
                     1e-9, 1e-12);
    PT_COMPARE_CLOSE(b.grad(), values({6.0, 22.0}, {2}), 1e-12, 0);
  }

  void conv2dUnbatchedGroupsDilationMatchesPyTorch() {
    const Tensor out = conv2d(ramp({4, 5, 5}, 0.01), ramp({2, 2, 2, 2}, 0.1, -3), Tensor(), {1}, {0}, {2}, 2);
    PT_COMPARE_CLOSE(out,
                     values({0.318, 0.322, 0.326, 0.338, 0.342, 0.346, 0.358, 0.362, 0.366, 4.902, 4.97, 5.038, 5.242,
                             5.31, 5.378, 5.582, 5.65, 5.718},
                            {2, 3, 3}),
                     1e-9, 1e-12);
  }

  void conv2dGradientsMatchFiniteDifferences() {
    const Tensor x0 = ramp({2, 4, 4, 3}, 0.03, -40);
    const Tensor w0 = ramp({4, 2, 3, 2}, 0.02, -20);
    const Tensor b0 = tensor({0.5, -0.25, 0.1, 0.2}, ScalarType::Float64);
    const Tensor gw = ramp({2, 4, 2, 2}, 0.1, -5);
    const auto loss = [&](const Tensor& x, const Tensor& w, const Tensor& b) {
      return sum(mul(conv2d(x, w, b, {2, 1}, {1, 0}, {1, 2}, 2), gw));
    };
    Tensor x = x0.detach().requires_grad_(), w = w0.detach().requires_grad_(), b = b0.detach().requires_grad_();
    loss(x, w, b).backward();
    PT_COMPARE_CLOSE(x.grad(), from_vector(numeric_grad([&](const Tensor& t) { return loss(t, w0, b0).item<double>(); }, x0), x0.sizes()), 1e-5, 1e-6);
    PT_COMPARE_CLOSE(w.grad(), from_vector(numeric_grad([&](const Tensor& t) { return loss(x0, t, b0).item<double>(); }, w0), w0.sizes()), 1e-5, 1e-6);
    PT_COMPARE_CLOSE(b.grad(), from_vector(numeric_grad([&](const Tensor& t) { return loss(x0, w0, t).item<double>(); }, b0), b0.sizes()), 1e-5, 1e-6);
  }

  void conv2dErrors() {
    PT_VERIFY_THROWS(RuntimeError, conv2d(ones({2, 3}), ones({1, 1, 1, 1})),
                     "Expected 3D (unbatched) or 4D (batched) input to conv2d, but got input of size: [2, 3]");
    PT_VERIFY_THROWS(RuntimeError, conv2d(ones({1, 2, 3, 3}), ones({1, 3, 1, 1})),
                     "Given groups=1, weight of size [1, 3, 1, 1], expected input[1, 2, 3, 3] to have 3 channels, but "
                     "got 2 channels instead");
    PT_VERIFY_THROWS(RuntimeError, conv2d(ones({1, 4, 3, 3}), ones({3, 2, 1, 1}), Tensor(), {1}, {0}, {1}, 2),
                     "Given groups=2, expected weight to be divisible by 2 at dimension 0, but got weight of size "
                     "[[3, 2, 1, 1]] instead");
    PT_VERIFY_THROWS(RuntimeError, conv2d(ones({1, 2, 3, 3}), ones({3, 2, 1, 1}), ones({2})),
                     "Given weight of size [3, 2, 1, 1], expected bias to be 1-dimensional with 3 elements, but got "
                     "bias of size [2] instead");
    PT_VERIFY_THROWS(RuntimeError, conv2d(ones({1, 2, 3, 3}), ones({3, 2, 1, 1}), Tensor(), {0}),
                     "non-positive stride is not supported");
    PT_VERIFY_THROWS(RuntimeError, conv2d(ones({1, 2, 3, 3}), ones({1, 2, 4, 4})),
                     "Calculated padded input size per channel: (3 x 3). Kernel size: (4 x 4). Kernel size can't be "
                     "greater than actual input size");
    PT_VERIFY_THROWS(RuntimeError, conv2d(ones({1, 2, 3, 3}), ones({3, 2, 1, 1}, ScalarType::Float64)),
                     "expected scalar type Float but found Double");
  }

  // ---- pooling ---------------------------------------------------------------------
  void maxPool2dMatchesPyTorch() {
    const Tensor p = values({3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9, 7, 9, 3, 2, 3, 8, 4}, {1, 1, 4, 5});
    PT_COMPARE_CLOSE(max_pool2d(p, {2}), values({9, 6, 8, 9}, {1, 1, 2, 2}), 0, 0);
    PT_COMPARE_CLOSE(max_pool2d(p, {2}, {}, {0}, {1}, true), values({9, 6, 5, 8, 9, 9}, {1, 1, 2, 3}), 0, 0);
    PT_COMPARE_CLOSE(max_pool2d(p, {3}, {1}, {1}),
                     values({9, 9, 6, 6, 5, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 8, 9, 9, 9, 9}, {1, 1, 4, 5}), 0, 0);
  }

  void maxPool2dBackwardRoutesToArgmax() {
    Tensor p = values({3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9, 7, 9, 3, 2, 3, 8, 4}, {1, 1, 4, 5}).requires_grad_();
    sum(mul(max_pool2d(p, {2}, {}, {0}, {1}, true), ramp({1, 1, 2, 3}, 1.0, 1))).backward();
    PT_COMPARE_CLOSE(p.grad(), values({0, 0, 0, 0, 3, 1, 0, 2, 0, 0, 0, 4, 5, 0, 6, 0, 0, 0, 0, 0}, {1, 1, 4, 5}), 0, 0);
  }

  void avgPool2dMatchesPyTorch() {
    const Tensor p = values({3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9, 7, 9, 3, 2, 3, 8, 4}, {1, 4, 5});
    PT_COMPARE_CLOSE(avg_pool2d(p, {2}), values({3.75, 4.0, 4.5, 6.75}, {1, 2, 2}), 1e-9, 0);
    PT_COMPARE_CLOSE(avg_pool2d(p, {3}, {2}, {1}, true),
                     values({1.6666666269302368, 2.1111111640930176, 1.5555555820465088, 3.222222328186035,
                             5.55555534362793, 4.0, 0.8333333134651184, 2.1666667461395264, 2.0},
                            {1, 3, 3}),
                     1e-6, 0);
    PT_COMPARE_CLOSE(avg_pool2d(p, {3}, {2}, {1}, true, false),
                     values({3.75, 3.1666667461395264, 3.5, 4.833333492279053, 5.55555534362793, 6.0, 2.5,
                             4.333333492279053, 6.0},
                            {1, 3, 3}),
                     1e-6, 0);
  }

  void avgPool2dBackwardMatchesPyTorch() {
    Tensor p = values({3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9, 7, 9, 3, 2, 3, 8, 4}, {1, 1, 4, 5}).requires_grad_();
    sum(mul(avg_pool2d(p, {3}, {2}, {1}, true, false), ramp({1, 1, 3, 3}, 1.0, 1))).backward();
    PT_COMPARE_CLOSE(p.grad(),
                     values({0.25, 0.5833333730697632, 0.3333333432674408, 1.0833333730697632, 0.75, 0.9166666865348816,
                             1.8055555820465088, 0.888888955116272, 2.6388888359069824, 1.75, 0.6666666865348816,
                             1.2222223281860352, 0.5555555820465088, 1.5555555820465088, 1.0, 4.166666507720947,
                             7.388889312744141, 3.222222328186035, 8.722222328186035, 5.5},
                            {1, 1, 4, 5}),
                     1e-6, 1e-7);
  }

  void poolingErrors() {
    PT_VERIFY_THROWS(RuntimeError, max_pool2d(ones({2, 3}), {2}),
                     "non-empty 3D or 4D (batch mode) tensor expected for input");
    PT_VERIFY_THROWS(RuntimeError, max_pool2d(ones({1, 3, 3}), {2}, {}, {2}),
                     "pad should be at most half of kernel size, but got pad=2 and kernel_size=2");
    PT_VERIFY_THROWS(RuntimeError, max_pool2d(ones({1, 1, 1}), {2}),
                     "Given input size: (1x1x1). Calculated output size: (1x0x0). Output size is too small");
    PT_VERIFY_THROWS(RuntimeError, max_pool2d(ones({1, 3, 3}), {2, 2, 2}),
                     "max_pool2d: kernel_size must either be a single int, or a tuple of two ints");
    PT_VERIFY_THROWS(IndexError, avg_pool2d(ones({2, 3}), {2}),
                     "Dimension out of range (expected to be in range of [-2, 1], but got -3)");
    PT_VERIFY_THROWS(RuntimeError, avg_pool2d(ones({1, 1, 1}), {2}),
                     "Given input size: (1x1x1). Calculated output size: (1x0x0). Output size is too small");
  }
};

QTEST_GUILESS_MAIN(TestOpsNn)
#include "tst_ops_nn.moc"
