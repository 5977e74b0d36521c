// Reductions, norms, sorting and softmax: values, gradients, keepdim,
// negative dims and error messages against PyTorch 1.13 (expected numbers were
// computed with /usr/bin/python3 torch).
#include <functional>

#include "paratrace/autograd/engine.h"
#include "test_util.h"

using namespace paratrace;
using paratrace::test::seq;

namespace {


Tensor sample(ScalarType dt = ScalarType::Float32) { return tensor({{1.0, -2.0, 3.0}, {4.0, 0.5, -6.0}}, dt); }

// Gradient of sum(f(x) * [1, 2, 3, ...]) with respect to x, as the torch reference computes it.
Tensor weighted_grad(const std::function<Tensor(const Tensor&)>& f, const Tensor& x0) {
  Tensor x = x0.detach().requires_grad_();
  const Tensor y = f(x);
  sum(mul(y, seq(y.sizes(), 1.0, 1.0, y.dtype()))).backward();
  return x.grad();
}

struct Case {
  const char* name;
  std::function<Tensor(const Tensor&)> f;
  std::vector<double> value, grad;
};

const std::vector<Case>& cases() {
  static const std::vector<Case> c = {
      {"mean dim 1",
       [](const Tensor& x) { return mean(x, {1}); },
       {0.6666667, -0.5},
       {0.3333333, 0.3333333, 0.3333333, 0.6666667, 0.6666667, 0.6666667}},
      {"mean all",
       [](const Tensor& x) { return mean(x); },
       {0.0833333},
       {0.1666667, 0.1666667, 0.1666667, 0.1666667, 0.1666667, 0.1666667}},
      {"prod", [](const Tensor& x) { return prod(x); }, {72.0}, {72.0, -36.0, 24.0, 18.0, 144.0, -12.0}},
      {"max all", [](const Tensor& x) { return max(x); }, {4.0}, {0, 0, 0, 1, 0, 0}},
      {"max dim", [](const Tensor& x) { return std::get<0>(max(x, 1)); }, {3.0, 4.0}, {0, 0, 1, 2, 0, 0}},
      {"min dim keepdim",
       [](const Tensor& x) { return std::get<0>(min(x, 0, true)); },
       {1.0, -2.0, -6.0},
       {1, 2, 0, 0, 0, 3}},
      {"amax negative dim", [](const Tensor& x) { return amax(x, {-1}); }, {3.0, 4.0}, {0, 0, 1, 2, 0, 0}},
      {"norm",
       [](const Tensor& x) { return norm(x); },
       {8.1394100},
       {0.1228590, -0.2457181, 0.3685771, 0.4914361, 0.0614295, -0.7371542}},
      {"norm p1 dim", [](const Tensor& x) { return norm(x, 1, {1}); }, {6.0, 10.5}, {1, -1, 1, 2, 2, -2}},
      {"norm inf",
       [](const Tensor& x) { return norm(x, std::numeric_limits<double>::infinity()); },
       {6.0},
       {0, 0, 0, 0, 0, -1}},
      {"vector_norm ord 3",
       [](const Tensor& x) { return linalg_vector_norm(x, 3); },
       {6.8121829},
       {0.0215490, -0.0861961, 0.1939411, 0.3447842, 0.0053873, -0.7757645}},
      {"var",
       [](const Tensor& x) { return var(x, {1}); },
       {6.3333335, 25.75},
       {0.3333333, -2.6666667, 2.3333333, 9.0, 2.0, -11.0}},
      {"std keepdim",
       [](const Tensor& x) { return paratrace::std(x, {0}, true, true); },
       {2.1213202, 1.7677670, 6.3639612},
       {-0.7071068, -1.4142137, 2.1213202, 0.7071068, 1.4142137, -2.1213202}},
      {"logsumexp",
       [](const Tensor& x) { return logsumexp(x, {1}); },
       {3.1328452, 4.0297947},
       {0.1184997, 0.0058998, 0.8756006, 1.9412895, 0.0586219, 0.0000881}},
      {"softmax",
       [](const Tensor& x) { return softmax(x, 1); },
       {0.1184997, 0.0058998, 0.8756006, 0.9706450, 0.0293109, 0.0000441},
       {-0.2082158, -0.0044667, 0.2126827, -0.0285354, 0.0284492, 0.0000868}},
      {"log_softmax dim 0",
       [](const Tensor& x) { return log_softmax(x, 0); },
       {-3.0485873, -2.5788898, -0.0001234, -0.0485873, -0.0788897, -9.0001230},
       {0.7628706, 1.4689928, -5.9988894, -0.7628707, -1.4689927, 5.9988894}},
      {"topk", [](const Tensor& x) { return std::get<0>(topk(x, 2, 1)); }, {3.0, 1.0, 4.0, 0.5}, {2, 0, 1, 3, 4, 0}},
      {"topk smallest dim 0",
       [](const Tensor& x) { return std::get<0>(topk(x, 1, 0, false)); },
       {1.0, -2.0, -6.0},
       {1, 2, 0, 0, 0, 3}},
      {"sort descending",
       [](const Tensor& x) { return std::get<0>(sort(x, 1, true)); },
       {3.0, 1.0, -2.0, 4.0, 0.5, -6.0},
       {2, 3, 1, 4, 5, 6}},
      {"sort dim 0",
       [](const Tensor& x) { return std::get<0>(sort(x, 0)); },
       {1.0, -2.0, -6.0, 4.0, 0.5, 3.0},
       {1, 2, 6, 4, 5, 3}},
  };
  return c;
}

Tensor vec(const std::vector<double>& v) {
  Tensor t = zeros({static_cast<std::int64_t>(v.size())}, ScalarType::Float64);
  std::copy(v.begin(), v.end(), t.data_ptr<double>());
  return t;
}

}  // namespace

class TestOpsReduction : public QObject {
  Q_OBJECT
 private slots:
  void valuesAndGradientsMatchTorch_data() {
    QTest::addColumn<int>("index");
    for (std::size_t i = 0; i < cases().size(); ++i) QTest::newRow(cases()[i].name) << static_cast<int>(i);
  }
  void valuesAndGradientsMatchTorch() {
    QFETCH(int, index);
    const Case& c = cases()[static_cast<std::size_t>(index)];
    const Tensor y = c.f(sample());
    QCOMPARE(y.dtype(), ScalarType::Float32);
    PT_COMPARE_CLOSE(reshape(y, {-1}), vec(c.value), 1e-5, 1e-6);
    PT_COMPARE_CLOSE(reshape(weighted_grad(c.f, sample()), {-1}), vec(c.grad), 1e-4, 1e-5);
  }

  void float64KeepsDoublePrecision() {
    const Tensor d = sample(ScalarType::Float64);
    QCOMPARE(mean(d, {0, 1}).dtype(), ScalarType::Float64);
    PT_COMPARE_CLOSE(mean(d, {0, 1}), scalar_tensor(0.08333333333333333, ScalarType::Float64), 0, 1e-15);
    PT_COMPARE_CLOSE(var(d, {0, 1}), scalar_tensor(13.241666666666665, ScalarType::Float64), 0, 1e-13);
    const auto sm = softmax(d, -1).to_vector<double>();
    PT_COMPARE_CLOSE(vec({sm[3], sm[4], sm[5]}),
                     vec({0.9706449937424646, 0.029310939042995147, 4.4067214540215444e-05}), 0, 1e-15);
    const Tensor n = norm(d, 2, {0}, true);
    QCOMPARE(n.sizes(), (Shape{1, 3}));
    PT_COMPARE_CLOSE(reshape(n, {-1}), vec({4.123105625617661, 2.0615528128088303, 6.708203932499369}), 0, 1e-14);
  }

  void int64ReductionsKeepIntegers() {
    const Tensor l = tensor({{3, 1, 2}, {0, 5, 5}});
    QCOMPARE(prod(l).dtype(), ScalarType::Int64);
    QCOMPARE(prod(l).item<std::int64_t>(), std::int64_t(0));
    QCOMPARE(max(l).item<std::int64_t>(), std::int64_t(5));
    const auto [values, indices] = max(l, 1);
    QCOMPARE(values.to_vector<std::int64_t>(), (std::vector<std::int64_t>{3, 5}));
    // The first of tied maxima wins, as in PyTorch.
    QCOMPARE(indices.to_vector<std::int64_t>(), (std::vector<std::int64_t>{0, 1}));
    QCOMPARE(argmax(l).item<std::int64_t>(), std::int64_t(4));
    QCOMPARE(argmin(l, 1).to_vector<std::int64_t>(), (std::vector<std::int64_t>{1, 0}));
    QCOMPARE(amin(l, {0}).to_vector<std::int64_t>(), (std::vector<std::int64_t>{0, 1, 2}));
    // logsumexp promotes integers to float.
    const Tensor lse = logsumexp(l, {1});
    QCOMPARE(lse.dtype(), ScalarType::Float32);
    PT_COMPARE_CLOSE(lse, tensor({3.4076061, 5.6965103}), 1e-5, 1e-5);
  }

  void argmaxKeepdimKeepsReducedDim() {
    const Tensor r = argmax(tensor({{1, 5}, {7, 2}}), 1, true);
    QCOMPARE(r.sizes(), (Shape{2, 1}));
    QCOMPARE(r.to_vector<std::int64_t>(), (std::vector<std::int64_t>{1, 0}));
    QCOMPARE(argmax(tensor({{1, 5}, {7, 2}}), std::nullopt, true).sizes(), (Shape{1, 1}));
  }

  void indicesOfSortAndTopkMatchTorch() {
    QCOMPARE(std::get<1>(topk(sample(), 2, 1)).to_vector<std::int64_t>(), (std::vector<std::int64_t>{2, 0, 0, 1}));
    QCOMPARE(std::get<1>(sort(sample(), 0)).to_vector<std::int64_t>(), (std::vector<std::int64_t>{0, 0, 1, 1, 1, 0}));
    QCOMPARE(std::get<1>(sort(sample(), 1, true)).to_vector<std::int64_t>(),
             (std::vector<std::int64_t>{2, 0, 1, 0, 1, 2}));
    const auto [v, i] = topk(tensor({1.0, 5.0, 3.0, 5.0}), 2);
    QCOMPARE(i.to_vector<std::int64_t>(), (std::vector<std::int64_t>{1, 3}));
  }

  void nanSortsLastAndPropagatesThroughMax() {
    // torch: x = [2, nan, 1, 3]
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const Tensor x = tensor({2.0, nan, 1.0, 3.0});
    QCOMPARE(std::get<1>(sort(x)).to_vector<std::int64_t>(), (std::vector<std::int64_t>{2, 0, 3, 1}));
    QCOMPARE(std::get<1>(sort(x, -1, true)).to_vector<std::int64_t>(), (std::vector<std::int64_t>{1, 3, 0, 2}));
    QCOMPARE(std::get<1>(topk(x, 2)).to_vector<std::int64_t>(), (std::vector<std::int64_t>{1, 3}));
    QCOMPARE(std::get<1>(topk(x, 2, -1, false)).to_vector<std::int64_t>(), (std::vector<std::int64_t>{2, 0}));
    QVERIFY(std::isnan(max(x).item<float>()));
    QCOMPARE(argmin(x).item<std::int64_t>(), std::int64_t(1));
  }

  void normDoubleBackwardMatchesTorch() {
    // torch: g = autograd.grad(z.norm(), z, create_graph=True); (g * [1, 2]).sum().backward()
    Tensor z = tensor({3.0, 4.0}).requires_grad_();
    const Tensor g = autograd::grad({norm(z)}, {z}, {}, false, true)[0];
    sum(mul(g, tensor({1.0, 2.0}))).backward();
    PT_COMPARE_CLOSE(z.grad(), tensor({-0.064, 0.048}), 1e-5, 1e-7);
  }

  void tiesShareGradientForFullMaxAndAmax() {
    const Tensor t = tensor({{1.0, 3.0, 3.0}, {2.0, 2.0, 0.0}});
    const Tensor half = tensor({{0.0, 0.5, 0.5}, {0.0, 0.0, 0.0}});
    PT_COMPARE_CLOSE(weighted_grad([](const Tensor& x) { return amax(x); }, t), half, 0, 1e-7);
    PT_COMPARE_CLOSE(weighted_grad([](const Tensor& x) { return max(x); }, t), half, 0, 1e-7);
    // max(dim) routes the whole gradient to the returned index.
    PT_COMPARE_CLOSE(weighted_grad([](const Tensor& x) { return std::get<0>(max(x, 1)); }, t),
                     tensor({{0.0, 1.0, 0.0}, {2.0, 0.0, 0.0}}), 0, 1e-7);
  }

  void normGradientIsZeroWhereNormIsZero() {
    PT_COMPARE_CLOSE(weighted_grad([](const Tensor& x) { return norm(x); }, zeros({2, 2})), zeros({2, 2}), 0, 0);
    PT_COMPARE_CLOSE(weighted_grad([](const Tensor& x) { return norm(x, 2, {1}); }, tensor({{3.0, 4.0}, {0.0, 0.0}})),
                     tensor({{0.6, 0.8}, {0.0, 0.0}}), 1e-6, 1e-7);
  }

  void prodGradientWithAZero() {
    PT_COMPARE_CLOSE(weighted_grad([](const Tensor& x) { return prod(x); }, tensor({2.0, 0.0, 3.0})),
                     tensor({0.0, 6.0, 0.0}), 0, 1e-7);
  }

  void emptyAndInvalidInputsRaiseTorchErrors() {
    PT_VERIFY_THROWS(RuntimeError, max(zeros({0})),
                     "max(): Expected reduction dim to be specified for input.numel() == 0. Specify the reduction dim "
                     "with the 'dim' argument.");
    PT_VERIFY_THROWS(RuntimeError, min(zeros({0})), "min(): Expected reduction dim to be specified");
    PT_VERIFY_THROWS(IndexError, max(zeros({0, 3}), 0), "max(): Expected reduction dim 0 to have non-zero size.");
    PT_VERIFY_THROWS(RuntimeError, amax(zeros({0})), "amax(): Expected reduction dim to be specified");
    PT_VERIFY_THROWS(IndexError, argmax(zeros({0})),
                     "argmax(): Expected reduction dim to be specified for input.numel() == 0.");
    PT_VERIFY_THROWS(RuntimeError, mean(tensor({1, 2})),
                     "mean(): could not infer output dtype. Input dtype must be either a floating point or complex "
                     "dtype. Got: Long");
    PT_VERIFY_THROWS(RuntimeError, norm(tensor({1, 2})),
                     "norm(): input dtype should be either floating point or complex. Got Long instead.");
    PT_VERIFY_THROWS(RuntimeError, linalg_vector_norm(tensor({1, 2})),
                     "linalg.vector_norm: Expected a floating point or complex tensor as input. Got Long");
    PT_VERIFY_THROWS(RuntimeError, var(tensor({1, 2}), {0}),
                     "std and var only support floating point and complex dtypes");
    PT_VERIFY_THROWS(RuntimeError, softmax(tensor({{1, 2}}), 0), "\"softmax_kernel_impl\" not implemented for 'Long'");
    PT_VERIFY_THROWS(RuntimeError, log_softmax(tensor({{1, 2}}), 1),
                     "\"log_softmax_lastdim_kernel_impl\" not implemented for 'Long'");
    PT_VERIFY_THROWS(RuntimeError, topk(zeros({3}), 4), "selected index k out of range");
    PT_VERIFY_THROWS(IndexError, max(zeros({2, 3}), 5),
                     "Dimension out of range (expected to be in range of [-2, 1], but got 5)");
    PT_VERIFY_THROWS(RuntimeError, mean(zeros({2, 3}), {0, 0}), "dim 0 appears multiple times in the list of dims");
  }

  void softmaxDtypeArgumentConvertsFirst() {
    const Tensor r = softmax(tensor({{1, 2}, {1, 2}}), 1, ScalarType::Float64);
    QCOMPARE(r.dtype(), ScalarType::Float64);
    PT_COMPARE_CLOSE(reshape(r, {-1}),
                     vec({0.2689414213699951, 0.7310585786300049, 0.2689414213699951, 0.7310585786300049}), 0, 1e-15);
  }

  void dtypeArgumentGradientReturnsInInputDtype() {
    // torch: x.sum(dtype=torch.float64).backward() leaves a float32 x.grad.
    Tensor x = tensor({1.0, 2.0}).requires_grad_();
    sum(x, ScalarType::Float64).backward();
    QCOMPARE(x.grad().dtype(), ScalarType::Float32);
    Tensor y = tensor({1.0, 2.0}).requires_grad_();
    mean(y, ScalarType::Float64).backward();
    QCOMPARE(y.grad().dtype(), ScalarType::Float32);
    PT_COMPARE_CLOSE(y.grad(), tensor({0.5, 0.5}), 0, 1e-7);
  }

  void backwardFormulasAreTwiceDifferentiable() {
    // torch: g = autograd.grad(x.var([0]), x, create_graph=True); (g * [1, 2, 3, 4]).sum().backward()
    const Tensor w = tensor({1.0, 2.0, 3.0, 4.0});
    Tensor x = tensor({1.0, -2.0, 3.0, 0.5}).requires_grad_();
    Tensor g = autograd::grad({var(x, {0})}, {x}, {}, false, true)[0];
    PT_COMPARE_CLOSE(g, tensor({0.25, -1.75, 1.5833334, -0.0833333}), 1e-5, 1e-6);
    sum(mul(g, w)).backward();
    PT_COMPARE_CLOSE(x.grad(), tensor({-1.0, -0.3333334, 0.3333333, 1.0}), 1e-5, 1e-6);
    // torch: g = autograd.grad((softmax(x, 0) * w).sum(), x, create_graph=True); (g * g).sum().backward()
    Tensor z = tensor({1.0, -2.0, 3.0, 0.5}).requires_grad_();
    Tensor gz = autograd::grad({sum(mul(softmax(z, 0), w))}, {z}, {}, false, true)[0];
    PT_COMPARE_CLOSE(gz, tensor({-0.2034678, -0.0046259, 0.1303408, 0.0777533}), 1e-5, 1e-6);
    sum(mul(gz, gz)).backward();
    PT_COMPARE_CLOSE(z.grad(), tensor({0.1048324, 0.0001582, -0.0945717, -0.0104190}), 1e-4, 1e-6);
  }

  void meanOfEmptyIsNan() { QVERIFY(std::isnan(mean(zeros({0})).item<float>())); }
};

QTEST_GUILESS_MAIN(TestOpsReduction)
#include "tst_ops_reduction.moc"
