// torch.linalg ops: values against PyTorch 1.13, batches, PyTorch's errors and
// backward formulas checked against central finite differences in float64.
#include <random>

#include "paratrace/errors.h"
#include "test_util.h"

using namespace paratrace;

namespace {

// A tensor holding `v` in row-major order (written through data_ptr to depend only on zeros()).
template <typename T> Tensor filled(const std::vector<T>& v, const IntList& shape, ScalarType dtype) {
  Tensor t = zeros(shape, dtype);
  std::copy(v.begin(), v.end(), t.data_ptr<T>());
  return t;
}
Tensor f64(const std::vector<double>& v, const IntList& shape) { return filled(v, shape, ScalarType::Float64); }
Tensor f32(const std::vector<float>& v, const IntList& shape) { return filled(v, shape, ScalarType::Float32); }

// A well-conditioned float64 matrix batch: random entries plus n on the diagonal.
Tensor random_matrices(const IntList& shape, unsigned seed) {
  std::mt19937 gen(seed);
  std::uniform_real_distribution<double> dist(-1.0, 1.0);
  std::int64_t numel = 1;
  for (auto s : shape) numel *= s;
  const std::int64_t n = shape.back();
  std::vector<double> v(static_cast<std::size_t>(numel));
  for (std::int64_t i = 0; i < numel; ++i) {
    v[i] = dist(gen);
    if (shape.size() >= 2 && (i % (n * n)) / n == i % n && shape[shape.size() - 2] == n) v[i] += double(n);
  }
  return f64(v, shape);
}

// Compares d<W, f(inputs)>/d input_k from backward with central differences (step 1e-6).
// Backward failures are reported as test failures instead of aborting the suite.
using MultiFn = std::function<Tensor(const std::vector<Tensor>&)>;
bool gradients_match_finite_differences(const MultiFn& f, std::vector<Tensor> inputs, QString* why) {
  for (auto& x : inputs) x = x.detach().requires_grad_();
  const Tensor weights = random_matrices(f(inputs).sizes(), 99).detach();
  auto functional = [&](const std::vector<Tensor>& in) { return sum(mul(f(in), weights)); };
  try {
    functional(inputs).backward();
  } catch (const std::exception& e) {
    *why = QStringLiteral("backward threw: %1").arg(e.what());
    return false;
  }
  const double h = 1e-6;
  for (std::size_t k = 0; k < inputs.size(); ++k) {
    const auto base = inputs[k].detach().to_vector<double>();
    const auto analytic = inputs[k].grad().to_vector<double>();
    for (std::size_t i = 0; i < base.size(); ++i) {
      auto eval = [&](double delta) {
        auto v = base;
        v[i] += delta;
        std::vector<Tensor> moved = inputs;
        moved[k] = f64(v, inputs[k].sizes());
        return functional(moved).item<double>();
      };
      const double numeric = (eval(h) - eval(-h)) / (2 * h);
      if (std::abs(numeric - analytic[i]) > 1e-5 * (1 + std::abs(numeric))) {
        *why = QStringLiteral("input %1 element %2: analytic %3 vs numeric %4").arg(k).arg(i).arg(analytic[i]).arg(numeric);
        return false;
      }
    }
  }
  return true;
}

// The float32 batch [[[4, 1], [2, 3]], [[1, 2], [3, 5]]].
Tensor batch2() { return f32(std::vector<float>{4, 1, 2, 3, 1, 2, 3, 5}, {2, 2, 2}); }

}  // namespace

#define PT_VERIFY_GRADIENTS(f, inputs)                                                          \
  do {                                                                                         \
    QString pt_why_;                                                                           \
    QVERIFY2(gradients_match_finite_differences((f), (inputs), &pt_why_), qPrintable(pt_why_)); \
  } while (0)

class TestOpsLinalg : public QObject {
  Q_OBJECT
 private slots:
  // Expected values in this suite were computed with PyTorch 1.13.
  void solveVectorRightHandSideMatchesPytorch() {
    const Tensor A = tensor({{2.0, 1.0, 0.0}, {1.0, 3.0, 1.0}, {0.0, 1.0, 4.0}}, ScalarType::Float64);
    const Tensor X = linalg_solve(A, tensor({1.0, 2.0, 3.0}, ScalarType::Float64));
    QCOMPARE(X.dtype(), ScalarType::Float64);
    PT_COMPARE_CLOSE(X, tensor({0.33333333333333337, 0.3333333333333333, 0.6666666666666666}, ScalarType::Float64),
                     1e-12, 1e-12);
  }

  void solveBroadcastsMatrixRightHandSideOverBatch() {
    const Tensor A = batch2();
    const Tensor X = linalg_solve(A, f32(std::vector<float>{1.0f, 2.0f}, {2, 1}));
    PT_COMPARE_CLOSE(X, f32(std::vector<float>{0.1f, 0.6f, -1.0f, 1.0f}, {2, 2, 1}), 1e-5, 1e-6);
  }

  void solveTreatsBatchShapedRightHandSideAsVectors() {
    const Tensor A = batch2();
    const Tensor X = linalg_solve(A, tensor({{1.0, 2.0}, {3.0, 4.0}}));
    QCOMPARE(X.sizes(), (Shape{2, 2}));
    // Each row solves its own system: A[0] x = [1, 2], A[1] x = [3, 4].
    PT_COMPARE_CLOSE(X, tensor({{0.1, 0.6}, {-7.0, 5.0}}), 1e-5, 1e-5);
  }

  void solveSingularMatrixRaisesLinAlgError() {
    PT_VERIFY_THROWS(LinAlgError, linalg_solve(zeros({3, 3}), ones({3})),
                     "torch.linalg.solve: The solver failed because the input matrix is singular.");
  }

  void solveIncompatibleShapesRaise() {
    PT_VERIFY_THROWS(RuntimeError, linalg_solve(f32({1, 0, 0, 0, 1, 0, 0, 0, 1}, {3, 3}), ones({2})),
                     "linalg.solve: Incompatible shapes of A and B for the equation AX = B (3x3 and 2x1)");
    PT_VERIFY_THROWS(RuntimeError, linalg_solve(zeros({2, 3}), ones({2})),
                     "linalg.solve: A must be batches of square matrices, but they are 2 by 3 matrices");
  }

  void invMatchesPytorchForBatch() {
    const Tensor A = batch2();
    PT_COMPARE_CLOSE(linalg_inv(A), f32(std::vector<float>{0.3f, -0.1f, -0.2f, 0.4f, -5.0f, 2.0f, 3.0f, -1.0f}, {2, 2, 2}), 1e-5, 1e-6);
  }

  void invFloat64MatchesPytorch() {
    const Tensor A = tensor({{2.0, 1.0, 0.0}, {1.0, 3.0, 1.0}, {0.0, 1.0, 4.0}}, ScalarType::Float64);
    const Tensor expected = tensor({{0.6111111111111112, -0.22222222222222224, 0.05555555555555556},
                                    {-0.22222222222222224, 0.4444444444444445, -0.11111111111111112},
                                    {0.05555555555555556, -0.11111111111111112, 0.2777777777777778}},
                                   ScalarType::Float64);
    PT_COMPARE_CLOSE(linalg_inv(A), expected, 1e-12, 1e-12);
  }

  void invSingularNamesZeroDiagonalElement() {
    PT_VERIFY_THROWS(LinAlgError, linalg_inv(tensor({{0.0, 1.0}, {0.0, 1.0}})),
                     "linalg.inv: The diagonal element 2 is zero, the inversion could not be completed because the "
                     "input matrix is singular.");
  }

  void invSingularReportsPivotLikeLapack() {
    PT_VERIFY_THROWS(LinAlgError, linalg_inv(tensor({{1.0, 2.0, 3.0}, {4.0, 5.0, 6.0}, {7.0, 8.0, 9.0}})),
                     "linalg.inv: The diagonal element 3 is zero");
  }

  void invNonSquareRaises() {
    PT_VERIFY_THROWS(RuntimeError, linalg_inv(zeros({2, 3})),
                     "linalg.inv: A must be batches of square matrices, but they are 2 by 3 matrices");
  }

  void invIntegerInputRaises() {
    PT_VERIFY_THROWS(RuntimeError, linalg_inv(tensor({{1, 0}, {0, 1}})),
                     "linalg.inv: Expected a floating point or complex tensor as input. Got Long");
  }

  void detMatchesPytorch() {
    const Tensor A = tensor({{2.0, 1.0, 0.0}, {1.0, 3.0, 1.0}, {0.0, 1.0, 4.0}}, ScalarType::Float64);
    PT_COMPARE_CLOSE(linalg_det(A), scalar_tensor(18.0, ScalarType::Float64), 1e-12, 1e-12);
    const Tensor batch = batch2();
    PT_COMPARE_CLOSE(linalg_det(batch), tensor({10.0, -1.0}), 1e-5, 1e-6);
  }

  void detNonSquareRaises() {
    PT_VERIFY_THROWS(RuntimeError, linalg_det(zeros({2, 3})),
                     "linalg.det: A must be batches of square matrices, but they are 2 by 3 matrices");
  }

  void matrixRankUsesPytorchDefaultTolerance() {
    const Tensor A = tensor({{1.0, 2.0, 3.0}, {4.0, 5.0, 6.0}, {7.0, 8.0, 9.0}});
    const Tensor r = linalg_matrix_rank(A);
    QCOMPARE(r.dtype(), ScalarType::Int64);
    QCOMPARE(r.item<std::int64_t>(), std::int64_t{2});
    QCOMPARE(linalg_matrix_rank(A, 1e-8).item<std::int64_t>(), std::int64_t{3});
    QCOMPARE(linalg_matrix_rank(zeros({2, 3})).item<std::int64_t>(), std::int64_t{0});
    QCOMPARE(linalg_matrix_rank(tensor({{1.0, 1e-7}, {0.0, 1e-7}}), 0.5).item<std::int64_t>(), std::int64_t{1});
  }

  void matrixRankOfBatchAndHermitian() {
    const Tensor batch = f32({1, 2, 3, 4, 5, 6, 7, 8, 9, 1, 0, 0, 0, 1, 0, 0, 0, 1}, {2, 3, 3});
    QCOMPARE(linalg_matrix_rank(batch).to_vector<std::int64_t>(), (std::vector<std::int64_t>{2, 3}));
    // hermitian=True reads only the lower triangle, so this non-symmetric matrix has full rank (PyTorch: 3).
    const Tensor A = tensor({{1.0, 2.0, 3.0}, {4.0, 5.0, 6.0}, {7.0, 8.0, 9.0}});
    QCOMPARE(linalg_matrix_rank(A, std::nullopt, true).item<std::int64_t>(), std::int64_t{3});
  }

  void matrixRankErrors() {
    PT_VERIFY_THROWS(RuntimeError, linalg_matrix_rank(ones({3})),
                     "torch.linalg.matrix_rank: The input tensor input must have at least 2 dimensions.");
    PT_VERIFY_THROWS(RuntimeError, linalg_matrix_rank(tensor({{1, 0}, {0, 1}})),
                     "This function doesn't handle types other than float and double");
  }

  // Gradient checks need matmul / mT / unsqueeze (other helpers' ops).
  void invGradientMatchesFiniteDifferences() {
    PT_VERIFY_GRADIENTS([](const std::vector<Tensor>& in) { return linalg_inv(in[0]); },
                        std::vector<Tensor>{random_matrices({2, 3, 3}, 1)});
  }

  void detGradientMatchesFiniteDifferences() {
    PT_VERIFY_GRADIENTS([](const std::vector<Tensor>& in) { return linalg_det(in[0]); },
                        std::vector<Tensor>{random_matrices({2, 3, 3}, 2)});
  }

  void solveGradientMatchesFiniteDifferences() {
    PT_VERIFY_GRADIENTS([](const std::vector<Tensor>& in) { return linalg_solve(in[0], in[1]); },
                        (std::vector<Tensor>{random_matrices({2, 3, 3}, 3), random_matrices({3, 2}, 4)}));
  }

  void solveVectorGradientMatchesFiniteDifferences() {
    PT_VERIFY_GRADIENTS([](const std::vector<Tensor>& in) { return linalg_solve(in[0], in[1]); },
                        (std::vector<Tensor>{random_matrices({3, 3}, 5), random_matrices({3}, 6)}));
  }
};

QTEST_GUILESS_MAIN(TestOpsLinalg)
#include "tst_ops_linalg.moc"
