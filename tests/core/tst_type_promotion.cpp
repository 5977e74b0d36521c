// Result dtypes of pointwise ops, each rule checked with PyTorch 1.13.
#include "paratrace/tensor/ops.h"
#include "test_util.h"

using namespace paratrace;

class TestTypePromotion : public QObject {
  Q_OBJECT
 private slots:
  void intTensorPlusFloatTensorIsFloat() { QCOMPARE(add(tensor({1, 2}), tensor({1.0, 2.0})).dtype(), ScalarType::Float32); }
  void intTensorPlusFloatScalarIsDefaultFloat() {
    // torch: (tensor([1,2]) + 1.5).dtype -> float32
    QCOMPARE(add(tensor({1, 2}), Scalar(1.5)).dtype(), ScalarType::Float32);
  }
  void zeroDimDoubleDoesNotUpcastFloatTensor() {
    // torch: float32 tensor + float64 0-dim tensor -> float32
    QCOMPARE(add(tensor({1.0}), scalar_tensor(Scalar(1.0), ScalarType::Float64)).dtype(), ScalarType::Float32);
  }
  void boolPlusBoolStaysBool() {
    // torch: tensor([True]) + tensor([True]) -> tensor([True])
    Tensor r = add(tensor({true}), tensor({true}));
    QCOMPARE(r.dtype(), ScalarType::Bool);
    PT_COMPARE_CLOSE(r, tensor({true}), 0, 0);
  }
  void intTrueDivisionIsFloat() {
    // torch: tensor([3]) / tensor([2]) -> tensor([1.5000])
    Tensor r = div(tensor({3}), tensor({2}));
    QCOMPARE(r.dtype(), ScalarType::Float32);
    PT_COMPARE_CLOSE(r, tensor({1.5}), 0, 0);
  }
  void sqrtOfIntIsFloat() { QCOMPARE(sqrt(tensor({4, 9})).dtype(), ScalarType::Float32); }
  void comparisonIsBool() { QCOMPARE(lt(tensor({1.0}), tensor({2})).dtype(), ScalarType::Bool); }
};

QTEST_GUILESS_MAIN(TestTypePromotion)
#include "tst_type_promotion.moc"
