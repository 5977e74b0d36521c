// Matrix products: values, gradients, dtype handling and error messages
// against PyTorch 1.13 (expected values computed with /usr/bin/python3 torch).
#include "paratrace/autograd/engine.h"
#include "test_util.h"

using namespace paratrace;
using paratrace::test::seq;

namespace {
}  // namespace

class TestOpsMatmul : public QObject {
  Q_OBJECT
 private slots:
  void mmMatchesTorchValues() {
    const Tensor a = seq({2, 3}, 1.0, -2.0);
    const Tensor b = seq({3, 4}, 0.5, -1.0);
    PT_COMPARE_CLOSE(mm(a, b), tensor({{1.0, -0.5, -2.0, -3.5}, {10.0, 13.0, 16.0, 19.0}}), 1e-6, 1e-6);
  }

  void mmOfInt64UsesIntegerArithmetic() {
    const Tensor r = mm(tensor({{1, 2}, {3, 4}}), tensor({{5, 6}, {7, 8}}));
    QCOMPARE(r.dtype(), ScalarType::Int64);
    QCOMPARE(r.to_vector<std::int64_t>(), (std::vector<std::int64_t>{19, 22, 43, 50}));
  }

  void mmOfLargeFloatMatchesNaiveProduct() {
    // 64x48 @ 48x33 exercises the BLAS path; compare with a double-precision loop.
    const Tensor a = seq({64, 48}, 0.001, -1.0);
    const Tensor b = seq({48, 33}, 0.002, -0.7);
    const Tensor c = mm(a, b);
    const auto av = a.to_vector<double>(), bv = b.to_vector<double>(), cv = c.to_vector<double>();
    for (int i = 0; i < 64; i += 7)
      for (int j = 0; j < 33; j += 5) {
        double acc = 0;
        for (int k = 0; k < 48; ++k) acc += av[i * 48 + k] * bv[k * 33 + j];
        QVERIFY(std::abs(cv[i * 33 + j] - acc) < 1e-3);
      }
  }

  void mmGradientsMatchTorch() {
    Tensor a = seq({2, 3}, 1.0, -2.0).requires_grad_();
    Tensor b = seq({3, 4}, 0.5, -1.0).requires_grad_();
    sum(mul(mm(a, b), seq({2, 4}, 1.0, 0.0))).backward();
    PT_COMPARE_CLOSE(a.grad(), tensor({{1.0, 13.0, 25.0}, {-3.0, 41.0, 85.0}}), 1e-6, 1e-6);
    PT_COMPARE_CLOSE(b.grad(), tensor({{4.0, 3.0, 2.0, 1.0}, {8.0, 9.0, 10.0, 11.0}, {12.0, 15.0, 18.0, 21.0}}), 1e-6,
                     1e-6);
  }

  void mmShapeErrorsMatchTorch() {
    PT_VERIFY_THROWS(RuntimeError, mm(zeros({2, 3}), zeros({4, 5})),
                     "mat1 and mat2 shapes cannot be multiplied (2x3 and 4x5)");
    PT_VERIFY_THROWS(RuntimeError, mm(zeros({3}), zeros({3, 5})), "self must be a matrix");
    PT_VERIFY_THROWS(RuntimeError, mm(zeros({2, 3}), zeros({3})), "mat2 must be a matrix");
    PT_VERIFY_THROWS(RuntimeError, mm(zeros({2, 3}), zeros({3, 2}, ScalarType::Float64)),
                     "expected scalar type Float but found Double");
  }

  void bmmMultipliesEachBatch() {
    const Tensor a = seq({2, 2, 3}, 1.0, 0.0);
    const Tensor b = seq({2, 3, 2}, 1.0, -5.0);
    const Tensor r = bmm(a, b);
    QCOMPARE(r.sizes(), (Shape{2, 2, 2}));
    // torch.bmm(torch.arange(12.).reshape(2,2,3), torch.arange(12.).reshape(2,3,2)-5)
    PT_COMPARE_CLOSE(r, reshape(tensor({-5.0, -2.0, -32.0, -20.0, 67.0, 88.0, 94.0, 124.0}), {2, 2, 2}), 1e-6, 1e-6);
  }

  void bmmShapeErrorsMatchTorch() {
    PT_VERIFY_THROWS(RuntimeError, bmm(zeros({2, 2, 3}), zeros({2, 4, 5})),
                     "Expected size for first two dimensions of batch2 tensor to be: [2, 3] but got: [2, 4].");
    PT_VERIFY_THROWS(RuntimeError, bmm(zeros({2, 3}), zeros({3, 3, 5})), "batch1 must be a 3D tensor");
    PT_VERIFY_THROWS(RuntimeError, bmm(zeros({2, 2, 3}), zeros({3, 5})), "batch2 must be a 3D tensor");
  }

  void mvAndDotMatchTorch() {
    const Tensor m = seq({2, 3}, 1.0, 0.0, ScalarType::Float64);
    const Tensor r = mv(m, tensor({1.0, 0.5, -1.0}, ScalarType::Float64));
    QCOMPARE(r.dtype(), ScalarType::Float64);
    PT_COMPARE_CLOSE(r, tensor({-1.5, 0.0}), 0, 1e-12);
    PT_COMPARE_CLOSE(dot(tensor({1.0, 2.0, 3.0}), tensor({4.0, -5.0, 6.0})), scalar_tensor(12.0), 0, 1e-6);
    QCOMPARE(dot(tensor({1, 2}), tensor({3, 4})).item<std::int64_t>(), std::int64_t(11));
  }

  void mvAndDotErrorsMatchTorch() {
    PT_VERIFY_THROWS(RuntimeError, mv(zeros({2, 3}), zeros({4})), "size mismatch, got 2, 2x3,4");
    PT_VERIFY_THROWS(RuntimeError, mv(zeros({3}), zeros({4})), "vector + matrix @ vector expected, got 1, 1, 1");
    PT_VERIFY_THROWS(RuntimeError, dot(zeros({2, 3}), zeros({2, 3})), "1D tensors expected, but got 2D and 2D tensors");
    PT_VERIFY_THROWS(RuntimeError, dot(zeros({3}), zeros({4})),
                     "inconsistent tensor size, expected tensor [3] and src [4] to have the same number of elements, "
                     "but got 3 and 4 elements respectively");
    PT_VERIFY_THROWS(RuntimeError, dot(zeros({3}), zeros({3}, ScalarType::Float64)),
                     "dot : expected both vectors to have same dtype, but found Float and Double");
  }

  void dotGradientIsTheOtherVector() {
    Tensor a = tensor({1.0, 2.0, 3.0}).requires_grad_();
    Tensor b = tensor({4.0, -5.0, 6.0}).requires_grad_();
    dot(a, b).backward();
    PT_COMPARE_CLOSE(a.grad(), tensor({4.0, -5.0, 6.0}), 0, 1e-6);
    PT_COMPARE_CLOSE(b.grad(), tensor({1.0, 2.0, 3.0}), 0, 1e-6);
  }

  void outerPromotesAndChecksDims() {
    const Tensor r = outer(tensor({1.0, 2.0}), tensor({3, 4, 5}));
    QCOMPARE(r.dtype(), ScalarType::Float32);
    PT_COMPARE_CLOSE(r, tensor({{3.0, 4.0, 5.0}, {6.0, 8.0, 10.0}}), 0, 1e-6);
    PT_VERIFY_THROWS(RuntimeError, outer(zeros({3, 1}), zeros({3})), "outer: Expected 1-D argument self, but got 2-D");
    PT_VERIFY_THROWS(RuntimeError, outer(zeros({3}), zeros({3, 1})), "outer: Expected 1-D argument vec2, but got 2-D");
  }

  void matmulBatchedTimesVector() {
    const Tensor x = seq({2, 3, 4}, 0.1, 0.0);
    const Tensor r = matmul(x, seq({4}, 1.0, -1.5));
    QCOMPARE(r.sizes(), (Shape{2, 3}));
    PT_COMPARE_CLOSE(r, full({2, 3}, 0.5), 1e-5, 1e-5);
  }

  void matmulBroadcastsBatchDims() {
    const Tensor a = seq({2, 1, 2, 3}, 0.5, 0.0);
    const Tensor b = seq({3, 3, 2}, 1.0, -4.0);
    const Tensor r = matmul(a, b);
    QCOMPARE(r.sizes(), (Shape{2, 3, 2, 2}));
    PT_COMPARE_CLOSE(sum(r), scalar_tensor(939.0), 1e-6, 1e-4);
    // torch.matmul(A, B)[1, 2]
    const auto v = r.to_vector<double>();
    QCOMPARE(std::vector<double>(v.begin() + 20, v.end()), (std::vector<double>{107.0, 117.5, 152.0, 167.0}));
  }

  void matmulBroadcastGradientsSumOverBatch() {
    // torch: r = A @ B; (r * arange(1, 25).reshape(r.shape)).sum().backward()
    Tensor a = seq({2, 1, 2, 3}, 0.5, 0.0).requires_grad_();
    Tensor b = seq({3, 3, 2}, 1.0, -4.0).requires_grad_();
    const Tensor r = matmul(a, b);
    sum(mul(r, seq(r.sizes(), 1.0, 1.0))).backward();
    PT_COMPARE_CLOSE(reshape(a.grad(), {-1}),
                     tensor({180.0, 246.0, 312.0, 210.0, 300.0, 390.0, 360.0, 570.0, 780.0, 390.0, 624.0, 858.0}), 1e-6,
                     1e-4);
    PT_COMPARE_CLOSE(reshape(b.grad(), {-1}),
                     tensor({111.0, 120.0, 127.0, 138.0, 143.0, 156.0, 147.0, 156.0, 171.0, 182.0, 195.0, 208.0, 183.0,
                             192.0, 215.0, 226.0, 247.0, 260.0}),
                     1e-6, 1e-4);
  }

  void matmulVectorTimesMatrixGradient() {
    Tensor v = tensor({1.0, -2.0, 3.0}).requires_grad_();
    Tensor m = seq({3, 2}, 1.0, 0.0).requires_grad_();
    sum(mul(matmul(v, m), tensor({1.0, 2.0}))).backward();
    PT_COMPARE_CLOSE(v.grad(), tensor({2.0, 8.0, 14.0}), 0, 1e-6);
    PT_COMPARE_CLOSE(m.grad(), tensor({{1.0, 2.0}, {-2.0, -4.0}, {3.0, 6.0}}), 0, 1e-6);
  }

  void matmulPromotesVectorAndSqueezes() {
    const Tensor b = seq({3, 3, 2}, 1.0, -4.0);
    const Tensor r = matmul(tensor({1.0, -2.0, 3.0}), b);
    QCOMPARE(r.sizes(), (Shape{3, 2}));
    PT_COMPARE_CLOSE(r, tensor({{0.0, 2.0}, {12.0, 14.0}, {24.0, 26.0}}), 0, 1e-5);
    QCOMPARE(matmul(tensor({1.0, 2.0}), tensor({3.0, 4.0})).dim(), std::int64_t(0));
    QCOMPARE(matmul(tensor({1.0, 2.0}), ones({2, 5})).sizes(), (Shape{5}));
  }

  void matmulErrorsMatchTorch() {
    PT_VERIFY_THROWS(RuntimeError, matmul(zeros({2, 3}), zeros({4, 5})),
                     "mat1 and mat2 shapes cannot be multiplied (2x3 and 4x5)");
    PT_VERIFY_THROWS(RuntimeError, matmul(zeros({2, 2, 3}), zeros({4, 5})),
                     "mat1 and mat2 shapes cannot be multiplied (4x3 and 4x5)");
    PT_VERIFY_THROWS(RuntimeError, matmul(zeros({2, 2, 3}), zeros({3, 3, 5})),
                     "The size of tensor a (2) must match the size of tensor b (3) at non-singleton dimension 0");
    PT_VERIFY_THROWS(RuntimeError, matmul(zeros({}), zeros({3})),
                     "both arguments to matmul need to be at least 1D, but they are 0D and 1D");
    PT_VERIFY_THROWS(RuntimeError, matmul(zeros({5, 2, 3}), zeros({4})), "size mismatch, got 10, 10x3,4");
  }

  void linearMatchesTorchForwardAndBackward() {
    Tensor x = seq({2, 2, 3}, 1.0, -5.0).requires_grad_();
    Tensor w = seq({2, 3}, 0.1, -0.2).requires_grad_();
    Tensor b = tensor({0.5, -1.0}).requires_grad_();
    const Tensor y = linear(x, w, b);
    PT_COMPARE_CLOSE(y, reshape(tensor({1.9, -3.2, 1.0, -1.4, 0.1, 0.4, -0.8, 2.2}), {2, 2, 2}), 1e-5, 1e-5);
    sum(mul(y, y)).backward();
    PT_COMPARE_CLOSE(
        x.grad(),
        reshape(tensor({-1.4, -1.66, -1.92, -0.68, -0.76, -0.84, 0.04, 0.14, 0.24, 0.76, 1.04, 1.32}), {2, 2, 3}), 1e-5,
        1e-5);
    PT_COMPARE_CLOSE(w.grad(), tensor({{-29.2, -24.8, -20.4}, {56.0, 52.0, 48.0}}), 1e-5, 1e-4);
    PT_COMPARE_CLOSE(b.grad(), tensor({4.4, -4.0}), 1e-5, 1e-5);
  }

  // A first-order backward computes linear's gradients with kernels, under
  // create_graph with ops; both must give the same numbers, bit for bit.
  void linearFirstOrderGradientsEqualDifferentiableOnes() {
    const auto check = [](const Tensor& x, const Tensor& w, const Tensor& b) {
      const TensorList inputs = b.defined() ? TensorList{x, w, b} : TensorList{x, w};
      auto loss = [&] {
        const Tensor y = linear(x, w, b);
        return sum(mul(y, y));
      };
      const TensorList first = autograd::grad({loss()}, inputs);
      const TensorList differentiable = autograd::grad({loss()}, inputs, {}, false, /*create_graph=*/true);
      for (std::size_t i = 0; i < inputs.size(); ++i) {
        QCOMPARE(first[i].sizes(), inputs[i].sizes());
        PT_COMPARE_CLOSE(first[i], differentiable[i].detach(), 0, 0);
      }
    };
    const Tensor w = seq({4, 3}, 0.1, -0.5).requires_grad_();
    check(seq({2, 5, 3}, 0.37, -2.0).requires_grad_(), w, seq({4}, 0.3, 1.0).requires_grad_());
    check(seq({3}, 0.5, -1.0).requires_grad_(), w, seq({4}, 0.3, 1.0).requires_grad_());
    check(seq({3, 5}, 0.37, -2.0).t().requires_grad_(), w, Tensor());  // strided input
    check(seq({5, 3}, 0.37, -2.0, ScalarType::Float64).requires_grad_(), seq({4, 3}, 0.1, -0.5, ScalarType::Float64).requires_grad_(),
          seq({1, 4}, 0.3, 1.0, ScalarType::Float64).requires_grad_());  // broadcast bias
  }

  void linearWithoutBiasOnVectorInput() {
    const Tensor y = linear(tensor({1.0, 2.0, 3.0}), seq({2, 3}, 1.0, 0.0));
    QCOMPARE(y.sizes(), (Shape{2}));
    PT_COMPARE_CLOSE(y, tensor({8.0, 26.0}), 0, 1e-6);
  }

  void linearErrorsMatchTorch() {
    PT_VERIFY_THROWS(RuntimeError, linear(zeros({2, 3}), zeros({4, 5})),
                     "mat1 and mat2 shapes cannot be multiplied (2x3 and 5x4)");
    PT_VERIFY_THROWS(RuntimeError, linear(zeros({2, 3}), zeros({4, 3}), zeros({5})),
                     "The expanded size of the tensor (4) must match the existing size (5) at non-singleton dimension "
                     "1.  Target sizes: [2, 4].  Tensor sizes: [5]");
  }

  void bilinearMatchesTorch() {
    Tensor x1 = tensor({{1.0, 2.0}, {3.0, -1.0}}).requires_grad_();
    const Tensor x2 = tensor({{0.5, 1.0, -1.0}, {2.0, 0.0, 1.0}});
    Tensor w = seq({2, 2, 3}, 0.1, -0.5).requires_grad_();
    const Tensor y = bilinear(x1, x2, w, tensor({1.0, 2.0}));
    PT_COMPARE_CLOSE(y, tensor({{0.25, 2.15}, {-2.5, 2.1}}), 1e-5, 1e-5);
    sum(y).backward();
    PT_COMPARE_CLOSE(x1.grad(), tensor({{-0.4, -0.1}, {-0.8, 1.0}}), 1e-5, 1e-5);
    PT_COMPARE_CLOSE(w.grad(),
                     reshape(tensor({6.5, 1.0, 2.0, -1.0, 2.0, -3.0, 6.5, 1.0, 2.0, -1.0, 2.0, -3.0}), {2, 2, 3}), 1e-5,
                     1e-5);
  }

  void bilinearErrorsMatchTorch() {
    PT_VERIFY_THROWS(RuntimeError, bilinear(zeros({2, 3}), zeros({2, 4}), zeros({5, 3, 3})),
                     "bilinear(): input2 size does not match weight size: got 4 but expected 3");
    PT_VERIFY_THROWS(RuntimeError, bilinear(zeros({2, 3}), zeros({3, 4}), zeros({5, 3, 4})),
                     "bilinear(): input batch dimensions do not match at dim 0: got 2 and 3");
    PT_VERIFY_THROWS(RuntimeError, bilinear(zeros({2, 3}), zeros({2, 4}), zeros({5, 3, 4}), zeros({4})),
                     "bilinear(): bias size does not match weight size: got 4 but expected 5");
  }
};

QTEST_GUILESS_MAIN(TestOpsMatmul)
#include "tst_ops_matmul.moc"
