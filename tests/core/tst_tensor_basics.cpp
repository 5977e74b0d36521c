// Tensor handle semantics: aliasing copies, clones, item(), version counters,
// set_data, requires_grad_ rules, detach and view geometry.
#include "paratrace/autograd/grad_mode.h"
#include "test_util.h"

using namespace paratrace;

class TestTensorBasics : public QObject {
  Q_OBJECT
 private slots:
  void copyingAHandleAliasesTheTensor() {
    Tensor a = tensor({1.0, 2.0});
    Tensor b = a;
    QVERIFY(b.is_same(a));
    b.add_(1.0);
    PT_COMPARE_CLOSE(a, tensor({2.0, 3.0}), 0, 0);
    QVERIFY(!tensor({1.0}).is_same(tensor({1.0})));
  }

  void cloneCopiesTheData() {
    Tensor a = tensor({1.0, 2.0});
    Tensor c = a.clone();
    QVERIFY(!c.is_same(a));
    QVERIFY(c.storage() != a.storage());
    c.add_(10.0);
    PT_COMPARE_CLOSE(a, tensor({1.0, 2.0}), 0, 0);
    PT_COMPARE_CLOSE(c, tensor({11.0, 12.0}), 0, 0);
  }

  void itemReturnsTheSingleValue() {
    QCOMPARE(tensor({2.5}).item<double>(), 2.5);
    QCOMPARE(tensor({7}).item<std::int64_t>(), std::int64_t{7});
    QVERIFY(tensor({7}).item().is_integral());
    QVERIFY(tensor({1.5}).item().is_floating_point());
    QCOMPARE(zeros({1, 1}).item<double>(), 0.0);
    QCOMPARE(full({}, true).item<bool>(), true);
    PT_VERIFY_THROWS(RuntimeError, ones({2}).item(), "a Tensor with 2 elements cannot be converted to Scalar");
  }

  void inplaceOpsBumpTheSharedVersionCounter() {
    // torch: a._version and a.view(3, 2)._version both go 0 -> 1 after a.add_(1).
    Tensor a = ones({2, 3});
    Tensor v = view(a, {3, 2});
    QCOMPARE(a.version(), 0u);
    a.add_(1.0);
    QCOMPARE(a.version(), 1u);
    QCOMPARE(v.version(), 1u);
    v.mul_(2.0);
    QCOMPARE(a.version(), 2u);
    PT_COMPARE_CLOSE(a, full({2, 3}, 4.0), 0, 0);
    const Tensor fresh = a.clone();
    QCOMPARE(fresh.version(), 0u);
  }

  void setDataKeepsIdentityAndLeafState() {
    Tensor p = zeros({2}).requires_grad_();
    const Tensor alias = p;
    const Tensor other = tensor({{1.0, 2.0, 3.0}}, ScalarType::Float64);
    p.set_data(other);
    QVERIFY(alias.is_same(p));
    QVERIFY(p.storage() == other.storage());
    QCOMPARE(p.sizes(), (Shape{1, 3}));
    QCOMPARE(p.dtype(), ScalarType::Float64);
    QVERIFY(p.requires_grad());
    QVERIFY(p.is_leaf());
    PT_COMPARE_CLOSE(alias, other, 0, 0);
  }

  void requiresGradRules() {
    Tensor x = ones({2}).requires_grad_();
    QVERIFY(x.requires_grad());
    QVERIFY(x.is_leaf());
    Tensor y = x * 2.0;
    QVERIFY(y.requires_grad());
    QVERIFY(!y.is_leaf());
    QVERIFY(y.grad_fn() != nullptr);
    y.requires_grad_(true);  // allowed on a non-leaf that already requires grad
    PT_VERIFY_THROWS(RuntimeError, y.requires_grad_(false),
                     "you can only change requires_grad flags of leaf variables. If you want to use a computed "
                     "variable in a subgraph that doesn't require differentiation use var_no_grad = var.detach().");
    PT_VERIFY_THROWS(RuntimeError, ones({2}, ScalarType::Int64).requires_grad_(),
                     "only Tensors of floating point dtype can require gradients");
    x.requires_grad_(false);
    QVERIFY(!x.requires_grad());
  }

  void gradIsUndefinedUntilBackward() {
    Tensor x = tensor({1.0, 2.0}).requires_grad_();
    QVERIFY(!x.grad().defined());
    sum(x * x).backward();
    PT_COMPARE_CLOSE(x.grad(), tensor({2.0, 4.0}), 0, 1e-6);
  }

  void opsUnderNoGradDoNotRecord() {
    Tensor x = ones({2}).requires_grad_();
    NoGradGuard no_grad;
    const Tensor y = x * 3.0;
    QVERIFY(!y.requires_grad());
    QVERIFY(y.is_leaf());
  }

  void detachSharesStorageWithoutHistory() {
    Tensor x = tensor({1.0, 2.0}).requires_grad_();
    Tensor y = x * 2.0;
    Tensor d = y.detach();
    QVERIFY(!d.requires_grad());
    QVERIFY(d.is_leaf());
    QVERIFY(d.storage() == y.storage());
    QCOMPARE(d.raw_data(), y.raw_data());
    d.add_(1.0);
    PT_COMPARE_CLOSE(y, tensor({3.0, 5.0}), 0, 0);
    QCOMPARE(y.version(), 1u);  // the version counter is shared with the detached alias
  }

  void toVectorConvertsAndReadsRowMajor() {
    const Tensor t = tensor({{1.5, -2.5}, {3.0, 4.0}});
    QCOMPARE(t.to_vector<float>(), (std::vector<float>{1.5f, -2.5f, 3.0f, 4.0f}));
    QCOMPARE(t.to_vector<std::int64_t>(), (std::vector<std::int64_t>{1, -2, 3, 4}));
    QCOMPARE(tensor({0, 3}).to_vector<bool>(), (std::vector<bool>{false, true}));
    const Tensor e = expand(tensor({1.0, 2.0, 3.0}), {2, 3});
    QCOMPARE(e.to_vector<double>(), (std::vector<double>{1, 2, 3, 1, 2, 3}));
  }

  void metadataOfContiguousTensors() {
    const Tensor t = zeros({2, 3, 4}, ScalarType::Float64);
    QCOMPARE(t.dim(), std::int64_t{3});
    QCOMPARE(t.numel(), std::int64_t{24});
    QCOMPARE(t.strides(), (Shape{12, 4, 1}));
    QCOMPARE(t.size(-1), std::int64_t{4});
    QCOMPARE(t.stride(0), std::int64_t{12});
    QCOMPARE(t.element_size(), std::size_t{8});
    QCOMPARE(t.nbytes(), std::size_t{192});
    QVERIFY(t.is_contiguous());
    QVERIFY(!t.is_view());
    QCOMPARE(scalar_tensor(3).dim(), std::int64_t{0});
    QCOMPARE(scalar_tensor(3).numel(), std::int64_t{1});
    PT_VERIFY_THROWS(IndexError, ones({2, 3}).size(2),
                     "Dimension out of range (expected to be in range of [-2, 1], but got 2)");
  }

  void viewsShareStorageWithTheirOwnGeometry() {
    const Tensor base = arange(6, std::optional<ScalarType>(ScalarType::Float32));
    const Tensor v = view(base, {3, 2});
    QVERIFY(v.is_view());
    QVERIFY(v.storage() == base.storage());
    QCOMPARE(v.strides(), (Shape{2, 1}));
    // torch.tensor([1., 2., 3.]).expand(2, 3).stride() == (0, 1), not contiguous
    const Tensor e = expand(tensor({1.0, 2.0, 3.0}), {2, 3});
    QCOMPARE(e.strides(), (Shape{0, 1}));
    QVERIFY(!e.is_contiguous());
    QVERIFY(contiguous(e).is_contiguous());
  }

  void dataPtrChecksTheElementType() {
    const Tensor t = ones({2});
    QCOMPARE(t.data_ptr<float>()[1], 1.0f);
    PT_VERIFY_THROWS(RuntimeError, t.data_ptr<std::int64_t>(), "expected scalar type Long but found Float");
  }
};

QTEST_GUILESS_MAIN(TestTensorBasics)
#include "tst_tensor_basics.moc"
