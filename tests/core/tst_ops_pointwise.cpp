// Pointwise ops: values, gradients, errors and broadcasting, checked against
// values printed by PyTorch 1.13 (/usr/bin/python3).
#include <cmath>

#include "paratrace/tensor/ops.h"
#include "test_util.h"

using namespace paratrace;

namespace {
// Backward of a per-element output with an all-ones upstream gradient.
Tensor grad_of(Tensor (*f)(const Tensor&), const Tensor& x0) {
  Tensor x = x0.detach().requires_grad_();
  Tensor y = f(x);
  y.backward(ones(y.sizes()));
  return x.grad();
}
}  // namespace

class TestOpsPointwise : public QObject {
  Q_OBJECT
 private slots:
  void powTensorScalarValuesAndGradient() {
    // torch: x=[-1,0,2]; x.pow(2) -> [1,0,4], grad [-2,0,4]
    Tensor x = tensor({-1.0, 0.0, 2.0}).requires_grad_();
    Tensor y = pow(x, Scalar(2));
    PT_COMPARE_CLOSE(y, tensor({1.0, 0.0, 4.0}), 0, 1e-6);
    y.backward(ones({3}));
    PT_COMPARE_CLOSE(x.grad(), tensor({-2.0, 0.0, 4.0}), 0, 1e-6);
  }

  void powIntegerKeepsIntAndFractionalExponentPromotes() {
    // torch: tensor([2,3])**2 -> tensor([4, 9]); **2.5 -> float32; 2**tensor([1.,3.]) -> [2., 8.]
    Tensor i = tensor({2, 3});
    QCOMPARE(pow(i, Scalar(2)).dtype(), ScalarType::Int64);
    PT_COMPARE_CLOSE(pow(i, Scalar(2)), tensor({4, 9}), 0, 0);
    QCOMPARE(pow(i, Scalar(2.5)).dtype(), ScalarType::Float32);
    PT_COMPARE_CLOSE(pow(Scalar(2), tensor({1.0, 3.0})), tensor({2.0, 8.0}), 0, 1e-6);
  }

  void powIntegerNegativeExponentFails() {
    PT_VERIFY_THROWS(RuntimeError, pow(tensor({2}), Scalar(-1)), "Integers to negative integer powers are not allowed.");
  }

  void maximumSplitsGradientOnTies() {
    // torch: maximum([1,5],[3,5]) backward -> a.grad [0, .5], b.grad [1, .5]
    Tensor a = tensor({1.0, 5.0}).requires_grad_();
    Tensor b = tensor({3.0, 5.0}).requires_grad_();
    maximum(a, b).backward(ones({2}));
    PT_COMPARE_CLOSE(a.grad(), tensor({0.0, 0.5}), 0, 1e-6);
    PT_COMPARE_CLOSE(b.grad(), tensor({1.0, 0.5}), 0, 1e-6);
    PT_COMPARE_CLOSE(minimum(tensor({1.0, 5.0}), tensor({3.0, 4.0})), tensor({1.0, 4.0}), 0, 0);
  }

  void comparisonsPromoteAndReturnBool() {
    // torch: tensor([1,2]) == tensor([1.,3.]) -> [True, False]; tensor([1,2]) < 1.5 -> [True, False]
    Tensor e = eq(tensor({1, 2}), tensor({1.0, 3.0}));
    QCOMPARE(e.dtype(), ScalarType::Bool);
    PT_COMPARE_CLOSE(e, tensor({true, false}), 0, 0);
    PT_COMPARE_CLOSE(lt(tensor({1, 2}), Scalar(1.5)), tensor({true, false}), 0, 0);
    PT_COMPARE_CLOSE(ge(reshape(tensor({1.0, 3.0}), {2, 1}), tensor({2.0, 3.0})),
                     reshape(tensor({false, false, true, true}), {2, 2}), 0, 0);
  }

  void logicalOpsOnBools() {
    Tensor a = tensor({true, true, false});
    Tensor b = tensor({true, false, false});
    PT_COMPARE_CLOSE(logical_and(a, b), tensor({true, false, false}), 0, 0);
    PT_COMPARE_CLOSE(logical_or(a, b), tensor({true, true, false}), 0, 0);
    PT_COMPARE_CLOSE(logical_not(a), tensor({false, false, true}), 0, 0);
  }

  void whereRoutesGradientToChosenBranch() {
    // torch: where([T,F], s=[1,2], 0.) -> [1,0], s.grad [1,0]
    Tensor s = tensor({1.0, 2.0}).requires_grad_();
    Tensor w = where(tensor({true, false}), s, Scalar(0.0));
    PT_COMPARE_CLOSE(w, tensor({1.0, 0.0}), 0, 0);
    w.backward(ones({2}));
    PT_COMPARE_CLOSE(s.grad(), tensor({1.0, 0.0}), 0, 0);
  }

  void whereRejectsNonBoolCondition() {
    PT_VERIFY_THROWS(RuntimeError, where(tensor({1.0}), tensor({1.0}), tensor({1.0})),
                     "where expected condition to be a boolean tensor, but got a tensor with dtype Float");
  }

  void maskedFillValuesAndGradient() {
    // torch: s.masked_fill([T,F], 7.) -> [7,2], s.grad [0,1]
    Tensor s = tensor({1.0, 2.0}).requires_grad_();
    Tensor w = masked_fill(s, tensor({true, false}), Scalar(7.0));
    PT_COMPARE_CLOSE(w, tensor({7.0, 2.0}), 0, 0);
    w.backward(ones({2}));
    PT_COMPARE_CLOSE(s.grad(), tensor({0.0, 1.0}), 0, 0);
  }

  void copyBroadcastsSourceIntoSelf() {
    Tensor dst = zeros({2, 2});
    dst.copy_(tensor({1.0, 2.0}));
    PT_COMPARE_CLOSE(dst, tensor({{1.0, 2.0}, {1.0, 2.0}}), 0, 0);
    PT_VERIFY_THROWS(RuntimeError, zeros({2}).copy_(zeros({3})), "");
  }

  // In-place arithmetic reads every element of other before writing self,
  // also when the two overlap in memory.
  void inplaceArithmeticWithOverlappingOperands() {
    Tensor t = tensor({1.0, 2.0, 3.0, 4.0, 5.0, 6.0});
    t.slice(0, 2, 6).add_(t.slice(0, 0, 4));
    PT_COMPARE_CLOSE(t, tensor({1.0, 2.0, 4.0, 6.0, 8.0, 10.0}), 0, 0);
    Tensor u = tensor({1.0, 2.0, 3.0});
    u.mul_(u);
    PT_COMPARE_CLOSE(u, tensor({1.0, 4.0, 9.0}), 0, 0);
    Tensor v = tensor({1.0, 2.0});
    v.sub_(tensor({0.5, 0.5}), 2);
    PT_COMPARE_CLOSE(v, tensor({0.0, 1.0}), 0, 0);
  }

  void allcloseAndEqual() {
    QVERIFY(allclose(tensor({1.0, 2.0}), tensor({1.0, 2.0 + 1e-9})));
    QVERIFY(!allclose(tensor({1.0, 2.0}), tensor({1.0, 2.1})));
    QVERIFY(equal(tensor({1.0, 2.0}), tensor({1.0, 2.0})));
    QVERIFY(!equal(tensor({1.0, 2.0}), tensor({1.0, 3.0})));
  }

  void reluAbsClampGradientsAtKinks() {
    // torch: x=[-1,0,2]: relu grad [0,0,1]; abs grad [-1,0,1]; clamp(0,2) grad [0,1,1]
    const Tensor x = tensor({-1.0, 0.0, 2.0});
    PT_COMPARE_CLOSE(grad_of([](const Tensor& t) { return relu(t); }, x), tensor({0.0, 0.0, 1.0}), 0, 0);
    PT_COMPARE_CLOSE(grad_of([](const Tensor& t) { return abs(t); }, x), tensor({-1.0, 0.0, 1.0}), 0, 0);
    PT_COMPARE_CLOSE(grad_of([](const Tensor& t) { return clamp(t, Scalar(0.0), Scalar(2.0)); }, x),
                     tensor({0.0, 1.0, 1.0}), 0, 0);
    PT_COMPARE_CLOSE(clamp(x, Scalar(0.0), Scalar(2.0)), tensor({0.0, 0.0, 2.0}), 0, 0);
  }

  // torch 1.13: hardtanh's gradient is zero on the limits themselves (clamp's
  // is one), integer tensors stay integral with the limits truncated, and the
  // in-place form differentiates like the out-of-place one.
  void hardtanhMatchesTorch() {
    const Tensor x = tensor({-2.0, -1.0, 0.0, 1.0, 2.0});
    PT_COMPARE_CLOSE(hardtanh(x), tensor({-1.0, -1.0, 0.0, 1.0, 1.0}), 0, 0);
    PT_COMPARE_CLOSE(grad_of([](const Tensor& t) { return hardtanh(t); }, x), tensor({0.0, 0.0, 1.0, 0.0, 0.0}), 0, 0);
    PT_COMPARE_CLOSE(grad_of(
                         [](const Tensor& t) {
                           Tensor y = t * 1.0;
                           return hardtanh_(y, 0.0, 6.0);
                         },
                         tensor({-1.0, 0.0, 3.0, 6.0, 7.0})),
                     tensor({0.0, 0.0, 1.0, 0.0, 0.0}), 0, 0);
    const Tensor nan_in = hardtanh(tensor({std::nan(""), 5.0}));
    QVERIFY(std::isnan(nan_in.to_vector<double>()[0]));
    const Tensor ints = hardtanh(tensor({-3, 0, 5}), 0.5, 2.5);
    QCOMPARE(ints.dtype(), ScalarType::Int64);
    QCOMPARE(ints.to_vector<std::int64_t>(), (std::vector<std::int64_t>{0, 0, 2}));
    PT_COMPARE_CLOSE(hardtanh(randn({3}), 2, 1), tensor({1.0, 1.0, 1.0}), 0, 0);
    PT_VERIFY_THROWS(RuntimeError, hardtanh(tensor({true, false})), "Bool inputs not supported for hardtanh");
    PT_VERIFY_THROWS(RuntimeError, hardtanh(tensor({1, 2}).to(ScalarType::UInt8), -1, 2),
                     "cannot do hardtanh on an unsigned type with negative limits");
  }

  // torch 1.13: floor_divide rounds toward -inf and keeps integer dtypes.
  void floorDivideMatchesTorch() {
    const Tensor i = floor_divide(tensor({7, -7}), scalar_tensor(2, ScalarType::Int64));
    QCOMPARE(i.dtype(), ScalarType::Int64);
    QCOMPARE(i.to_vector<std::int64_t>(), (std::vector<std::int64_t>{3, -4}));
    PT_COMPARE_CLOSE(floor_divide(tensor({7.5, -7.5}), scalar_tensor(2.0)), tensor({3.0, -4.0}), 0, 0);
    PT_VERIFY_THROWS(RuntimeError, floor_divide(tensor({3}), tensor({0})), "ZeroDivisionError");
  }

  void geluAndSigmoidMatchTorch() {
    // torch values for x=[-1,0,2]
    const Tensor x = tensor({-1.0, 0.0, 2.0});
    PT_COMPARE_CLOSE(gelu(x), tensor({-0.1586552858352661, 0.0, 1.9544999599456787}), 1e-5, 1e-6);
    PT_COMPARE_CLOSE(gelu(x, "tanh"), tensor({-0.15880799293518066, 0.0, 1.9545977115631104}), 1e-5, 1e-6);
    PT_COMPARE_CLOSE(grad_of([](const Tensor& t) { return gelu(t); }, x),
                     tensor({-0.08331543207168579, 0.5, 1.085231900215149}), 1e-5, 1e-6);
    PT_COMPARE_CLOSE(sigmoid(x), tensor({0.2689414322376251, 0.5, 0.8807970285415649}), 1e-5, 1e-6);
    PT_COMPARE_CLOSE(grad_of([](const Tensor& t) { return sigmoid(t); }, x),
                     tensor({0.1966119408607483, 0.25, 0.10499362647533417}), 1e-5, 1e-6);
  }

  void clampErrors() {
    PT_VERIFY_THROWS(RuntimeError, clamp(tensor({1.0}), std::nullopt),
                     "torch.clamp: At least one of 'min' or 'max' must not be None");
    Tensor i = tensor({1, 2});
    PT_VERIFY_THROWS(RuntimeError, i.clamp_(Scalar(0.5)),
                     "result type Float can't be cast to the desired output type long int");
  }

  void negOfBoolFails() {
    PT_VERIFY_THROWS(RuntimeError, neg(tensor({true})), "Negation, the `-` operator, on a bool tensor is not supported.");
  }
};

QTEST_GUILESS_MAIN(TestOpsPointwise)
#include "tst_ops_pointwise.moc"
