// nn ops: mse_loss, dropout, conv2d, max_pool2d, avg_pool2d. Expected values
// were computed with PyTorch 1.13 (/usr/bin/python3) on the same inputs.
#include <numeric>

#include "paratrace/autograd/engine.h"
#include "paratrace/ops/op.h"
#include "paratrace/ops/trace_hook.h"
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

// The first n elements of t (row-major) as a 1-D float64 tensor.
Tensor head(const Tensor& t, std::size_t n) {
  const std::vector<double> v = t.to_vector<double>();
  return from_vector(std::vector<double>(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(n)),
                     {static_cast<std::int64_t>(n)});
}

// Records the ops the dispatcher reports while installed.
struct RecordingHook : TraceHook {
  struct Call {
    std::string name;
    Stack args;
  };
  std::vector<Call> calls;
  TraceHook* previous = set_trace_hook(this);
  ~RecordingHook() override { set_trace_hook(previous); }
  void record_op(const OpDef& op, const Stack& args, const Stack&) override {
    calls.push_back({std::string(op.name()), args});
  }
};

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

  // A first-order backward computes mse_loss's gradient in one fused loop,
  // under create_graph with ops; both must give the same numbers, bit for bit.
  void mseLossFirstOrderGradientEqualsDifferentiableOne() {
    for (const char* reduction : {"mean", "sum", "none"}) {
      const Tensor x = to(ramp({4, 3}, 0.37), ScalarType::Float32).requires_grad_();
      const Tensor y = to(ramp({4, 3}, -0.21), ScalarType::Float32).requires_grad_();
      auto loss = [&] { return sum(mul(mse_loss(x, y, reduction), 1.7)); };
      const TensorList first = autograd::grad({loss()}, {x, y});
      const TensorList differentiable = autograd::grad({loss()}, {x, y}, {}, false, /*create_graph=*/true);
      for (std::size_t i = 0; i < 2; ++i) PT_COMPARE_CLOSE(first[i], differentiable[i].detach(), 0, 0);
    }
  }

  void mseLossTargetGradientIsNegatedAndSummedOverBroadcast() {
    Tensor x = ramp({2, 3}, 0.5);
    Tensor y = tensor({1.0, 0.5, -1.0}, ScalarType::Float64).requires_grad_();
    mse_loss(x, y, "sum").backward();
    const auto f = [&](const Tensor& yy) { return mse_loss(x, yy, "sum").item<double>(); };
    PT_COMPARE_CLOSE(y.grad(), from_vector(numeric_grad(f, y), {3}), 1e-5, 1e-6);
  }

  void mseLossRecordsReductionAsInt() {
    const Tensor x = ones({2}), y = zeros({2});
    RecordingHook hook;  // installed after the factories, which are recorded too
    mse_loss(x, y, "sum");
    QCOMPARE(hook.calls.size(), std::size_t{1});
    QCOMPARE(hook.calls[0].name, std::string("aten::mse_loss"));
    QVERIFY(hook.calls[0].args.at(2).is_int());
    QCOMPARE(hook.calls[0].args.at(2).to_int(), std::int64_t{2});
  }

  void compositeAndDefaultArgumentsAreRecordedInSchemaOrder() {
    const Tensor x = ones({4}), img = ones({1, 1, 3, 3}), w = ones({1, 1, 2, 2}), feat = ones({2, 3});
    const Tensor rm = zeros({3}), rv = ones({3}), target = tensor({0, 1}, ScalarType::Int64);
    RecordingHook hook;
    dropout(x, 0.25, true);
    conv2d(img, w);
    batch_norm(feat, rm, rv, Tensor(), Tensor(), false, 0.1, 1e-5);
    cross_entropy(feat, target);
    QCOMPARE(hook.calls.size(), std::size_t{4});  // dropout's inner mul is not reported
    QCOMPARE(hook.calls[0].name, std::string("aten::dropout"));
    QCOMPARE(hook.calls[0].args.at(1).to_double(), 0.25);
    QCOMPARE(hook.calls[1].name, std::string("aten::conv2d"));
    QCOMPARE(hook.calls[1].args.size(), std::size_t{7});
    QVERIFY(hook.calls[1].args.at(2).is_none());
    QCOMPARE(hook.calls[2].name, std::string("aten::batch_norm"));
    QCOMPARE(hook.calls[2].args.size(), std::size_t{9});
    QVERIFY(hook.calls[2].args.at(1).is_none());                // weight comes before the running stats
    QCOMPARE(hook.calls[2].args.at(3).to_tensor().numel(), 3);  // running_mean
    QCOMPARE(hook.calls[3].name, std::string("aten::cross_entropy_loss"));
    QCOMPARE(hook.calls[3].args.at(4).to_int(), std::int64_t{-100});
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

  void dropoutWithPOneZeroesEverything() { PT_COMPARE_CLOSE(dropout(ones({5}), 1.0, true), zeros({5}), 0, 0); }

  void dropoutRejectsBadProbability() {
    PT_VERIFY_THROWS(ValueError, dropout(ones({2}), 1.5, true),
                     "dropout probability has to be between 0 and 1, but got 1.5");
    PT_VERIFY_THROWS(RuntimeError, dropout(ones({2}, ScalarType::Int64), 0.5, true),
                     "result type Float can't be cast to the desired output type Long");
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
    PT_COMPARE_CLOSE(
        x.grad(),
        values({0.8, 0.5, 0.8, 0.0, -0.7, -0.2, 0.8, 0.3, 0.8, 1.6, 1.7, 2.0, 1.6, 1.3, 1.8, 2.4, 2.3, 2.8},
               {1, 2, 3, 3}),
        1e-9, 1e-12);
    PT_COMPARE_CLOSE(
        w.grad(),
        values({1.2, 2.1, 2.2, 3.8, 3.9, 6.6, 5.8, 9.2, 2.8, 5.3, 5.4, 10.2, 9.1, 17.0, 16.2, 30.0}, {2, 2, 2, 2}),
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
    PT_COMPARE_CLOSE(
        x.grad(),
        from_vector(numeric_grad([&](const Tensor& t) { return loss(t, w0, b0).item<double>(); }, x0), x0.sizes()),
        1e-5, 1e-6);
    PT_COMPARE_CLOSE(
        w.grad(),
        from_vector(numeric_grad([&](const Tensor& t) { return loss(x0, t, b0).item<double>(); }, w0), w0.sizes()),
        1e-5, 1e-6);
    PT_COMPARE_CLOSE(
        b.grad(),
        from_vector(numeric_grad([&](const Tensor& t) { return loss(x0, w0, t).item<double>(); }, b0), b0.sizes()),
        1e-5, 1e-6);
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
    PT_VERIFY_THROWS(RuntimeError, conv2d(ones({1, 2, 3, 3}), ones({2, 2})),
                     "weight should have at least three dimensions");
    PT_VERIFY_THROWS(RuntimeError, conv2d(ones({1, 2, 3, 3}), ones({2, 2, 1}, ScalarType::Float64)),
                     "expected stride to be a single integer value or a list of 1 values to match the convolution "
                     "dimensions, but got stride=[1, 1]");
    PT_VERIFY_THROWS(RuntimeError, conv2d(ones({1, 2, 3, 3}), ones({2, 2, 1, 1}), Tensor(), {1}, {-1}),
                     "negative padding is not supported");
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
    PT_COMPARE_CLOSE(p.grad(), values({0, 0, 0, 0, 3, 1, 0, 2, 0, 0, 0, 4, 5, 0, 6, 0, 0, 0, 0, 0}, {1, 1, 4, 5}), 0,
                     0);
  }

  void avgPool2dMatchesPyTorch() {
    const Tensor p = values({3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9, 7, 9, 3, 2, 3, 8, 4}, {1, 4, 5});
    PT_COMPARE_CLOSE(avg_pool2d(p, {2}), values({3.75, 4.0, 4.5, 6.75}, {1, 2, 2}), 1e-9, 0);
    PT_COMPARE_CLOSE(avg_pool2d(p, {3}, {2}, {1}, true),
                     values({1.6666666269302368, 2.1111111640930176, 1.5555555820465088, 3.222222328186035,
                             5.55555534362793, 4.0, 0.8333333134651184, 2.1666667461395264, 2.0},
                            {1, 3, 3}),
                     1e-6, 0);
    PT_COMPARE_CLOSE(
        avg_pool2d(p, {3}, {2}, {1}, true, false),
        values({3.75, 3.1666667461395264, 3.5, 4.833333492279053, 5.55555534362793, 6.0, 2.5, 4.333333492279053, 6.0},
               {1, 3, 3}),
        1e-6, 0);
  }

  void avgPool2dBackwardMatchesPyTorch() {
    Tensor p = values({3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9, 7, 9, 3, 2, 3, 8, 4}, {1, 1, 4, 5}).requires_grad_();
    sum(mul(avg_pool2d(p, {3}, {2}, {1}, true, false), ramp({1, 1, 3, 3}, 1.0, 1))).backward();
    PT_COMPARE_CLOSE(p.grad(),
                     values({0.25,
                             0.5833333730697632,
                             0.3333333432674408,
                             1.0833333730697632,
                             0.75,
                             0.9166666865348816,
                             1.8055555820465088,
                             0.888888955116272,
                             2.6388888359069824,
                             1.75,
                             0.6666666865348816,
                             1.2222223281860352,
                             0.5555555820465088,
                             1.5555555820465088,
                             1.0,
                             4.166666507720947,
                             7.388889312744141,
                             3.222222328186035,
                             8.722222328186035,
                             5.5},
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
    PT_VERIFY_THROWS(RuntimeError, max_pool2d(ones({1, 3, 3}, ScalarType::Int64), {2}),
                     "\"max_pool2d\" not implemented for 'Long'");
    PT_VERIFY_THROWS(IndexError, avg_pool2d(ones({2, 3}), {2}),
                     "Dimension out of range (expected to be in range of [-2, 1], but got -3)");
    PT_VERIFY_THROWS(RuntimeError, avg_pool2d(ones({1, 1, 1}), {2}),
                     "Given input size: (1x1x1). Calculated output size: (1x0x0). Output size is too small");
  }
  // ---- normalisation -----------------------------------------------------------------
  void layerNormForwardAndBackwardMatchPyTorch() {
    const Tensor r = ramp({2, 3, 4}, 0.1);
    Tensor x = mul(r, r).requires_grad_();
    Tensor w = ramp({4}, 0.5, 1).requires_grad_(), b = ramp({4}, 0.1, -2).requires_grad_();
    const Tensor y = layer_norm(x, {4}, w, b);
    QCOMPARE(y.sizes(), (Shape{2, 3, 4}));
    PT_COMPARE_CLOSE(head(y, 8),
                     values({-0.6979715940714131, -0.8113879915305902, 0.21341639745917684, 3.2301071627345967,
                             -0.8278855280208313, -0.626613668662633, 0.5468680405342726, 2.93561206202956},
                            {8}),
                     1e-9, 1e-12);
    sum(mul(y, ramp({2, 3, 4}, 0.1, -5))).backward();
    PT_COMPARE_CLOSE(head(x.grad(), 8),
                     values({2.4480963271295604, -1.503419156190155, -1.9757577416598586, 1.031080570720448,
                             0.32345839687364286, -0.2825109302739368, -0.3029846635737905, 0.26203719697408445},
                            {8}),
                     1e-7, 1e-9);
    PT_COMPARE_CLOSE(w.grad(),
                     values({-4.10771937507676, -1.6127238030678488, 1.8387425935051152, 6.541903248751192}, {4}), 1e-7,
                     1e-9);
    PT_COMPARE_CLOSE(b.grad(), values({3.0, 3.6, 4.2, 4.8}, {4}), 1e-9, 1e-12);
  }

  void layerNormInputGradientMatchesFiniteDifferencesWithoutAffine() {
    const Tensor x0 = mul(ramp({3, 2, 3}, 0.2, -8), ramp({3, 2, 3}, 0.1, 2));
    const Tensor gw = ramp({3, 2, 3}, 0.3, -4);
    Tensor x = x0.detach().requires_grad_();
    sum(mul(layer_norm(x, {2, 3}), gw)).backward();
    const auto f = [&](const Tensor& t) { return sum(mul(layer_norm(t, {2, 3}), gw)).item<double>(); };
    PT_COMPARE_CLOSE(x.grad(), from_vector(numeric_grad(f, x0), x0.sizes()), 1e-5, 1e-6);
  }

  void groupNormForwardAndBackwardMatchPyTorch() {
    const Tensor r = ramp({2, 4, 3}, 0.1);
    Tensor x = mul(r, r).requires_grad_();
    Tensor w = ramp({4}, 0.5, 1).requires_grad_(), b = ramp({4}, 0.1, -2).requires_grad_();
    const Tensor y = group_norm(x, 2, w, b);
    PT_COMPARE_CLOSE(head(y, 8),
                     values({-0.7148873889960037, -0.6587178556509851, -0.4902092556159294, -0.1187231777816728,
                             0.6676502890485873, 1.6787018892589212, -2.0160111708026918, -1.3468670375149898},
                            {8}),
                     1e-9, 1e-12);
    sum(mul(y, ramp({2, 4, 3}, 0.1, -5))).backward();
    PT_COMPARE_CLOSE(head(x.grad(), 8),
                     values({-0.2461724412393682, 0.2198263585023441, 0.4944320908271105, -0.5457459111654406,
                             -0.09223098022438014, 0.1698908832997339, 0.018514202475220065, -0.04238904945008226},
                            {8}),
                     1e-7, 1e-9);
    PT_COMPARE_CLOSE(w.grad(),
                     values({-0.9443872893432771, 2.9507312065368847, -4.006995516042547, 6.051904309828888}, {4}),
                     1e-7, 1e-9);
    PT_COMPARE_CLOSE(b.grad(), values({1.2, 3.0, 4.8, 6.6}, {4}), 1e-9, 1e-12);
  }

  void batchNormTrainingUpdatesRunningStatsAndMatchesPyTorch() {
    const Tensor r = ramp({3, 2, 2}, 0.1);
    Tensor x = mul(r, r).requires_grad_();
    Tensor w = ramp({2}, 0.5, 1).requires_grad_(), b = ramp({2}, 0.1, -2).requires_grad_();
    const Tensor rm = values({0.5, -0.5}, {2}), rv = values({2.0, 3.0}, {2});
    const Tensor y = batch_norm(x, rm, rv, w, b, true, 0.2);
    PT_COMPARE_CLOSE(y,
                     values({-0.7050837889818394, -0.68887789200916, -1.224247275183897, -1.1099170438092634,
                             -0.44578943741897, -0.299936364664856, -0.49253379438624195, -0.1952751928121946,
                             0.3320936172696383, 0.6075938658051869, 0.9708931672090677, 1.4510801389825292},
                            {3, 2, 2}),
                     1e-9, 1e-12);
    PT_COMPARE_CLOSE(rm, values({0.4623333333333334, -0.2936666666666667}, {2}), 1e-12, 1e-14);
    PT_COMPARE_CLOSE(rv, values({1.6228433333333334, 2.4458993333333336}, {2}), 1e-12, 1e-14);
    sum(mul(y, ramp({3, 2, 2}, 0.1, -5))).backward();
    PT_COMPARE_CLOSE(x.grad(),
                     values({-0.20794807574924276, -0.06261586392687707, -0.19475822132440304, -0.050933066478250966,
                             0.1726596766870888, 0.1841778252740337, 0.17693765909272846, 0.18502632129389615,
                             0.01801117618173666, -0.10428473846673934, 0.005687568929922916, -0.12196026151389382},
                            {3, 2, 2}),
                     1e-7, 1e-9);
    PT_COMPARE_CLOSE(w.grad(), values({1.9106752530788942, 1.9470438403100103}, {2}), 1e-7, 1e-9);
    PT_COMPARE_CLOSE(b.grad(), values({-0.3, 0.9}, {2}), 1e-9, 1e-12);
  }

  void batchNormEvalUsesRunningStats() {
    const Tensor r = ramp({3, 2, 2}, 0.1);
    Tensor x = mul(r, r).requires_grad_();
    const Tensor w = ramp({2}, 0.5, 1), b = ramp({2}, 0.1, -2);
    const Tensor rm = values({0.4623333333333334, -0.2936666666666667}, {2});
    const Tensor rv = values({1.6228433333333334, 2.4458993333333336}, {2});
    const Tensor y = batch_norm(x, rm, rv, w, b, false);
    PT_COMPARE_CLOSE(y,
                     values({-0.38146195051254483, -0.3775370344956909, 0.11334999922863619, 0.1453205285835767,
                             -0.3186632942428826, -0.28333905009119764, 0.31796138710025534, 0.4010847634231006,
                             -0.1302673254338959, -0.06354375314737983, 0.7271841628434935, 0.8614603861342437},
                            {3, 2, 2}),
                     1e-9, 1e-12);
    sum(mul(y, ramp({3, 2, 2}, 0.1, -5))).backward();
    PT_COMPARE_CLOSE(x.grad(),
                     values({-0.19624580084269444, -0.15699664067415556, -0.19182317612964295, -0.12788211741976194,
                             -0.03924916016853889, 0.0, 0.06394105870988097, 0.12788211741976194, 0.11774748050561668,
                             0.15699664067415556, 0.31970529354940486, 0.3836463522592859},
                            {3, 2, 2}),
                     1e-9, 1e-12);
    QCOMPARE(rm.to_vector<double>()[0], 0.4623333333333334);
  }

  void normErrors() {
    PT_VERIFY_THROWS(RuntimeError, layer_norm(ones({2, 3}), {4}),
                     "Given normalized_shape=[4], expected input with shape [*, 4], but got input of size[2, 3]");
    PT_VERIFY_THROWS(RuntimeError, layer_norm(ones({2, 3}), {3}, ones({2})),
                     "Expected weight to be of same shape as normalized_shape, but got weight of shape [2] and "
                     "normalized_shape = [3]");
    PT_VERIFY_THROWS(RuntimeError, group_norm(ones({2, 6, 2}), 4),
                     "Expected number of channels in input to be divisible by num_groups, but got input of shape "
                     "[2, 6, 2] and num_groups=4");
    PT_VERIFY_THROWS(RuntimeError, group_norm(ones({2, 6, 2}), 3, ones({5})),
                     "Expected weight to be a vector of size equal to the number of channels in input, but got weight "
                     "of shape [5] and input of shape [2, 6, 2]");
    PT_VERIFY_THROWS(RuntimeError, batch_norm(ones({2, 3}), zeros({4}), ones({4})),
                     "running_mean should contain 3 elements not 4");
    PT_VERIFY_THROWS(RuntimeError, batch_norm(ones({2, 3}), zeros({3}), ones({3}), ones({3}, ScalarType::Float64)),
                     "mixed dtype (CPU): expect parameter to have scalar type of Float");
    PT_VERIFY_THROWS(RuntimeError, batch_norm(ones({2, 3}), Tensor(), Tensor()),
                     "running_mean must be defined in evaluation mode");
    PT_VERIFY_THROWS(RuntimeError, batch_norm(ones({2, 3}), zeros({3}), Tensor()),
                     "running_var must be defined in evaluation mode");
    // aten checks the running statistics before weight and bias.
    PT_VERIFY_THROWS(RuntimeError, batch_norm(ones({2, 4}), zeros({3}), ones({3}), ones({3})),
                     "running_mean should contain 4 elements not 3");
    PT_VERIFY_THROWS(RuntimeError, layer_norm(ones({2, 3}), {3}, ones({3}, ScalarType::Float64)),
                     "expected scalar type Float but found Double");
    PT_VERIFY_THROWS(RuntimeError, layer_norm(ones({2, 3}, ScalarType::Int64), {3}),
                     "\"LayerNormKernelImpl\" not implemented for 'Long'");
    PT_VERIFY_THROWS(ValueError, batch_norm(ones({1, 3}), Tensor(), Tensor(), Tensor(), Tensor(), true),
                     "Expected more than 1 value per channel when training, got input size torch.Size([1, 3])");
  }

  void normOpsRecordPyTorchSchemas() {
    QVERIFY(op_def(OpKind::layer_norm).schema.find("bool cudnn_enable=True") != std::string_view::npos);
    QVERIFY(
        op_def(OpKind::batch_norm).schema.find("Tensor input, Tensor? weight, Tensor? bias, Tensor? running_mean") !=
        std::string_view::npos);
  }

  // ---- embedding ---------------------------------------------------------------------
  void embeddingGathersRowsAndSkipsPaddingGradient() {
    Tensor w = ramp({5, 3}, 0.1, -4).requires_grad_();
    const Tensor idx = tensor({{1, 3}, {3, 0}}, ScalarType::Int64);
    const Tensor e = embedding(w, idx, 0);
    PT_COMPARE_CLOSE(e, values({-0.1, 0.0, 0.1, 0.5, 0.6, 0.7, 0.5, 0.6, 0.7, -0.4, -0.3, -0.2}, {2, 2, 3}), 1e-12,
                     1e-12);
    sum(mul(e, ramp({2, 2, 3}, 1.0, 1))).backward();
    PT_COMPARE_CLOSE(w.grad(), values({0, 0, 0, 1, 2, 3, 0, 0, 0, 11, 13, 15, 0, 0, 0}, {5, 3}), 0, 0);
  }

  void embeddingScaleGradByFreqDividesByCount() {
    Tensor w = ramp({5, 3}, 0.1, -4).requires_grad_();
    const Tensor idx = tensor({{1, 3}, {3, 0}}, ScalarType::Int64);
    const Tensor e = call_op1(OpKind::embedding, {w, idx, std::int64_t{0}, true, false});
    sum(mul(e, ramp({2, 2, 3}, 1.0, 1))).backward();
    // PyTorch: F.embedding(idx, W, padding_idx=0, scale_grad_by_freq=True)
    PT_COMPARE_CLOSE(w.grad(), values({0, 0, 0, 1, 2, 3, 0, 0, 0, 5.5, 6.5, 7.5, 0, 0, 0}, {5, 3}), 0, 0);
  }

  void batchNormTrainingGradientsMatchFiniteDifferences() {
    const Tensor x0 = mul(ramp({4, 3, 2}, 0.2, -9), ramp({4, 3, 2}, 0.05, 3));
    const Tensor w0 = tensor({0.5, -1.5, 2.0}, ScalarType::Float64), b0 = tensor({0.1, 0.2, -0.3}, ScalarType::Float64);
    const Tensor gw = ramp({4, 3, 2}, 0.3, -10);
    const auto loss = [&](const Tensor& x, const Tensor& w, const Tensor& b) {
      return sum(mul(batch_norm(x, Tensor(), Tensor(), w, b, true), gw));
    };
    Tensor x = x0.detach().requires_grad_(), w = w0.detach().requires_grad_(), b = b0.detach().requires_grad_();
    loss(x, w, b).backward();
    PT_COMPARE_CLOSE(
        x.grad(),
        from_vector(numeric_grad([&](const Tensor& t) { return loss(t, w0, b0).item<double>(); }, x0), x0.sizes()),
        1e-5, 1e-6);
    PT_COMPARE_CLOSE(
        w.grad(),
        from_vector(numeric_grad([&](const Tensor& t) { return loss(x0, t, b0).item<double>(); }, w0), w0.sizes()),
        1e-5, 1e-6);
    PT_COMPARE_CLOSE(
        b.grad(),
        from_vector(numeric_grad([&](const Tensor& t) { return loss(x0, w0, t).item<double>(); }, b0), b0.sizes()),
        1e-5, 1e-6);
  }

  void embeddingErrors() {
    PT_VERIFY_THROWS(IndexError, embedding(ones({3, 2}), tensor({0, 5}, ScalarType::Int64)),
                     "index out of range in self");
    PT_VERIFY_THROWS(RuntimeError, embedding(ones({3, 2}), tensor({0.0, 1.0})),
                     "Expected tensor for argument #1 'indices' to have one of the following scalar types: Long, Int; "
                     "but got torch.FloatTensor instead (while checking arguments for embedding)");
    PT_VERIFY_THROWS(AssertionError, embedding(ones({3, 2}), tensor({0, 1}, ScalarType::Int64), 5),
                     "Padding_idx must be within num_embeddings");
  }

  // ---- cross_entropy -------------------------------------------------------------------
  void crossEntropyWithIgnoredTargetMatchesPyTorch() {
    Tensor z = ramp({3, 4}, 0.3, -5).requires_grad_();
    const Tensor t = tensor({1, -100, 3}, ScalarType::Int64);
    const Tensor l = cross_entropy(z, t);
    PT_COMPARE_CLOSE(l, scalar_tensor(1.2918431949544127, ScalarType::Float64), 1e-12, 0);
    l.backward();
    PT_COMPARE_CLOSE(z.grad(),
                     values({0.07539680525310535, -0.3982249583660031, 0.13738193634106516, 0.18544621677183257, 0, 0,
                             0, 0, 0.07539680525310535, 0.10177504163399695, 0.13738193634106516, -0.3145537832281674},
                            {3, 4}),
                     1e-9, 1e-12);
    PT_COMPARE_CLOSE(cross_entropy(z, t, "sum"), scalar_tensor(2.5836863899088254, ScalarType::Float64), 1e-12, 0);
    PT_COMPARE_CLOSE(cross_entropy(z, t, "none"), values({1.5918431949544127, 0.0, 0.9918431949544128}, {3}), 1e-12,
                     1e-12);
  }

  void crossEntropySpatialAndUnbatchedMatchPyTorch() {
    const Tensor z4 = ramp({2, 3, 2}, 0.2, -3);
    PT_COMPARE_CLOSE(cross_entropy(z4, tensor({{0, 2}, {1, 1}}, ScalarType::Int64), "none"),
                     values({1.551250513728494, 0.751250513728494, 1.151250513728494, 1.151250513728494}, {2, 2}),
                     1e-12, 1e-12);
    PT_COMPARE_CLOSE(cross_entropy(ramp({4}, 0.5), scalar_tensor(2, ScalarType::Int64)),
                     scalar_tensor(1.2873386716983295, ScalarType::Float64), 1e-12, 0);
  }

  void crossEntropyLabelSmoothingGradientMatchesPyTorch() {
    Tensor z = ramp({3, 4}, 0.3, -5).requires_grad_();
    const Stack args{z, tensor({1, 2, 3}, ScalarType::Int64), IValue(), std::int64_t{1}, std::int64_t{-100}, 0.2};
    const Tensor l = call_op1(OpKind::cross_entropy_loss, args);
    PT_COMPARE_CLOSE(l, scalar_tensor(1.3218431949544127, ScalarType::Float64), 1e-12, 0);
    l.backward();
    PT_COMPARE_CLOSE(z.grad(),
                     values({0.0335978701687369, -0.2154833055773354, 0.07492129089404344, 0.10696414451455503,
                             0.0335978701687369, 0.051183361089331275, -0.19174537577262324, 0.10696414451455503,
                             0.0335978701687369, 0.051183361089331296, 0.07492129089404344, -0.15970252215211161},
                            {3, 4}),
                     1e-9, 1e-12);
  }

  void crossEntropyErrors() {
    PT_VERIFY_THROWS(IndexError, cross_entropy(ones({2, 3}), tensor({0, 3}, ScalarType::Int64)),
                     "Target 3 is out of bounds.");
    PT_VERIFY_THROWS(ValueError, cross_entropy(ones({2, 3}), tensor({0, 1, 2}, ScalarType::Int64)),
                     "Expected input batch_size (2) to match target batch_size (3).");
    PT_VERIFY_THROWS(RuntimeError, cross_entropy(ones({3}), tensor({0, 1}, ScalarType::Int64)),
                     "size mismatch (got input: [3], target: [2])");
    PT_VERIFY_THROWS(RuntimeError, cross_entropy(ones({2, 3, 2}), zeros({2, 3}, ScalarType::Int64)),
                     "Expected target size [2, 2], got [2, 3]");
    PT_VERIFY_THROWS(RuntimeError, cross_entropy(ones({2, 3}), tensor({0.0, 1.0})),
                     "expected scalar type Long but found Float");
    PT_VERIFY_THROWS(RuntimeError, cross_entropy(ones({2, 3}, ScalarType::Int64), tensor({0, 1}, ScalarType::Int64)),
                     "\"log_softmax_lastdim_kernel_impl\" not implemented for 'Long'");
  }
};

QTEST_GUILESS_MAIN(TestOpsNn)
#include "tst_ops_nn.moc"
