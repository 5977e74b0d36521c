// Tensor::to_string against the exact repr() strings printed by PyTorch 1.13.
#include "paratrace/tensor/ops.h"
#include "test_util.h"

using namespace paratrace;

Q_DECLARE_METATYPE(paratrace::Tensor)

namespace {
// 0, step, 2*step, ... as a 1-d tensor (stands in for arange, which is another unit's op).
template <typename T> Tensor iota(std::int64_t n, T step = 1) {
  Tensor t = zeros({n}, scalar_type_of<T>);
  for (std::int64_t i = 0; i < n; ++i) t.data_ptr<T>()[i] = static_cast<T>(i) * step;
  return t;
}
}  // namespace

class TestTensorPrint : public QObject {
  Q_OBJECT
 private slots:
  void reprMatchesTorch_data() {
    QTest::addColumn<Tensor>("t");
    QTest::addColumn<QString>("expected");
    // Every expected string below was printed by /usr/bin/python3 with torch 1.13.
    QTest::newRow("int-valued floats") << tensor({1.0, 2.0, 3.0}) << "tensor([1., 2., 3.])";
    QTest::newRow("matrix") << tensor({{1.5, -2.0}, {3.0, 4.0}})
                            << "tensor([[ 1.5000, -2.0000],\n        [ 3.0000,  4.0000]])";
    QTest::newRow("ints padded") << tensor({1, -20, 3}) << "tensor([  1, -20,   3])";
    QTest::newRow("bools") << tensor({true, false}) << "tensor([ True, False])";
    QTest::newRow("0-dim float") << scalar_tensor(Scalar(3.5)) << "tensor(3.5000)";
    QTest::newRow("0-dim int") << scalar_tensor(3, ScalarType::Int64) << "tensor(3)";
    QTest::newRow("small -> sci") << tensor({1e-5, 1.0}) << "tensor([1.0000e-05, 1.0000e+00])";
    QTest::newRow("large -> sci") << tensor({1e9, 1.0}) << "tensor([1.0000e+09, 1.0000e+00])";
    QTest::newRow("fixed") << tensor({0.1, 2.25}) << "tensor([0.1000, 2.2500])";
    QTest::newRow("fixed padded") << tensor({123.456, 1.0}) << "tensor([123.4560,   1.0000])";
    QTest::newRow("nan inf") << tensor({std::nan(""), 1.0, INFINITY}) << "tensor([nan, 1., inf])";
    QTest::newRow("float64") << tensor({1.0, 2.0}, ScalarType::Float64) << "tensor([1., 2.], dtype=torch.float64)";
    QTest::newRow("uint8") << tensor({1, 2}, ScalarType::UInt8) << "tensor([1, 2], dtype=torch.uint8)";
    QTest::newRow("empty") << zeros({0}) << "tensor([])";
    QTest::newRow("empty 2d") << zeros({0, 3}) << "tensor([], size=(0, 3))";
    QTest::newRow("3d") << zeros({2, 2, 2})
                        << "tensor([[[0., 0.],\n         [0., 0.]],\n\n        [[0., 0.],\n         [0., 0.]]])";
    QTest::newRow("line wrap") << iota<float>(30, 1.5f)
                               << "tensor([ 0.0000,  1.5000,  3.0000,  4.5000,  6.0000,  7.5000,  9.0000, 10.5000,\n"
                                  "        12.0000, 13.5000, 15.0000, 16.5000, 18.0000, 19.5000, 21.0000, 22.5000,\n"
                                  "        24.0000, 25.5000, 27.0000, 28.5000, 30.0000, 31.5000, 33.0000, 34.5000,\n"
                                  "        36.0000, 37.5000, 39.0000, 40.5000, 42.0000, 43.5000])";
    QTest::newRow("summarised ints") << iota<std::int64_t>(1001)
                                     << "tensor([   0,    1,    2,  ...,  998,  999, 1000])";
    QTest::newRow("summarised matrix")
        << reshape(iota<float>(2000), {2, 1000})
        << "tensor([[0.0000e+00, 1.0000e+00, 2.0000e+00,  ..., 9.9700e+02, 9.9800e+02,\n         9.9900e+02],\n"
           "        [1.0000e+03, 1.0010e+03, 1.0020e+03,  ..., 1.9970e+03, 1.9980e+03,\n         1.9990e+03]])";
  }

  void reprMatchesTorch() {
    QFETCH(Tensor, t);
    QFETCH(QString, expected);
    QCOMPARE(QString::fromStdString(t.to_string()), expected);
  }

  void autogradSuffixes() {
    Tensor x = tensor({1.0, 2.0}).requires_grad_();
    QCOMPARE(QString::fromStdString(x.to_string()), QString("tensor([1., 2.], requires_grad=True)"));
    QCOMPARE(QString::fromStdString(mul(x, Scalar(2)).to_string()), QString("tensor([2., 4.], grad_fn=<MulBackward0>)"));
  }
};

QTEST_GUILESS_MAIN(TestTensorPrint)
#include "tst_tensor_print.moc"
