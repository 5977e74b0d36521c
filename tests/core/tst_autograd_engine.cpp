// The backward engine: accumulation, broadcasting, retain_graph, in-place
// version checks, autograd::grad and no_grad.
#include "paratrace/autograd/engine.h"
#include "paratrace/autograd/grad_mode.h"
#include "paratrace/autograd/node.h"
#include "test_util.h"

using namespace paratrace;

class TestAutogradEngine : public QObject {
  Q_OBJECT
 private slots:
  void mulAddBackwardGivesProductRule() {
    Tensor x = tensor({1.0, 2.0, 3.0}).requires_grad_();
    Tensor y = tensor({4.0, 5.0, 6.0}).requires_grad_();
    Tensor z = sum(x * y + x);
    z.backward();
    PT_COMPARE_CLOSE(x.grad(), tensor({5.0, 6.0, 7.0}), 0, 1e-6);
    PT_COMPARE_CLOSE(y.grad(), tensor({1.0, 2.0, 3.0}), 0, 1e-6);
  }

  void gradientsAccumulateAcrossBackwardCalls() {
    Tensor x = tensor({1.0, 2.0}).requires_grad_();
    sum(x * 2.0).backward();
    sum(x * 3.0).backward();
    PT_COMPARE_CLOSE(x.grad(), tensor({5.0, 5.0}), 0, 1e-6);
  }

  void broadcastGradientIsSummedBack() {
    Tensor x = ones({2, 3}).requires_grad_();
    Tensor b = tensor({1.0, 2.0, 3.0}).requires_grad_();
    sum(x * b).backward();
    PT_COMPARE_CLOSE(b.grad(), tensor({2.0, 2.0, 2.0}), 0, 1e-6);
    PT_COMPARE_CLOSE(x.grad(), expand(tensor({{1.0, 2.0, 3.0}}), {2, 3}), 0, 1e-6);
  }

  void secondBackwardWithoutRetainGraphFails() {
    Tensor x = tensor({1.0, 2.0}).requires_grad_();
    Tensor z = sum(x * x);
    z.backward();
    PT_VERIFY_THROWS(RuntimeError, z.backward(), "Trying to backward through the graph a second time");
  }

  void retainGraphAllowsSecondBackward() {
    Tensor x = tensor({1.0, 2.0}).requires_grad_();
    Tensor z = sum(x * x);
    z.backward(Tensor(), /*retain_graph=*/true);
    z.backward();
    PT_COMPARE_CLOSE(x.grad(), tensor({4.0, 8.0}), 0, 1e-6);
  }

  void inplaceModificationOfSavedTensorIsDetected() {
    Tensor x = tensor({1.0, 2.0}).requires_grad_();
    Tensor y = x * 2.0;
    Tensor z = y * y;
    y.add_(1.0);
    PT_VERIFY_THROWS(RuntimeError, sum(z).backward(),
                     "one of the variables needed for gradient computation has been modified by an inplace "
                     "operation: [torch.FloatTensor [2]], which is output 0 of AddBackward0, is at version 1; "
                     "expected version 0 instead.");
  }

  void inplaceOnLeafRequiringGradIsRejected() {
    Tensor x = tensor({1.0}).requires_grad_();
    PT_VERIFY_THROWS(RuntimeError, x.add_(1.0), "a leaf Variable that requires grad is being used in an in-place operation.");
  }

  void inplaceOnNonLeafKeepsHistory() {
    Tensor x = tensor({1.0, 2.0}).requires_grad_();
    Tensor y = x * 3.0;
    y.mul_(x);  // y = 3x * x
    sum(y).backward();
    PT_COMPARE_CLOSE(x.grad(), tensor({6.0, 12.0}), 0, 1e-6);
  }

  void noGradGuardStopsRecording() {
    Tensor x = tensor({1.0}).requires_grad_();
    Tensor y;
    {
      NoGradGuard g;
      y = x * 2.0;
    }
    QVERIFY(!y.requires_grad());
    QVERIFY(y.grad_fn() == nullptr);
  }

  void gradReturnsWithoutAccumulating() {
    Tensor x = tensor({1.0, 2.0}).requires_grad_();
    Tensor z = sum(x * x);
    auto g = autograd::grad({z}, {x});
    PT_COMPARE_CLOSE(g[0], tensor({2.0, 4.0}), 0, 1e-6);
    QVERIFY(!x.grad().defined());
  }

  // y feeds out both directly and through z; the search meets y before z, so
  // deciding which nodes lead to x must not follow discovery order.
  void gradThroughNodeReachedTwice() {
    Tensor x = tensor({1.0, 2.0}).requires_grad_();
    Tensor y = x * 2.0;
    Tensor z = y * 3.0;
    auto g = autograd::grad({sum(z + y)}, {x});
    PT_COMPARE_CLOSE(g[0], tensor({8.0, 8.0}), 0, 1e-6);
  }

  void createGraphGivesSecondDerivative() {
    Tensor x = tensor({3.0}).requires_grad_();
    Tensor y = sum(x * x * x);
    auto g = autograd::grad({y}, {x}, {}, false, /*create_graph=*/true);
    auto gg = autograd::grad({sum(g[0])}, {x});
    PT_COMPARE_CLOSE(gg[0], tensor({18.0}), 0, 1e-4);
  }

  void gradFnNamesFollowPyTorch() {
    Tensor x = tensor({1.0}).requires_grad_();
    QCOMPARE(QString::fromStdString((x * 2.0).grad_fn()->name()), QStringLiteral("MulBackward0"));
    QCOMPARE(QString::fromStdString((x + x).grad_fn()->name()), QStringLiteral("AddBackward0"));
  }

  void nonScalarBackwardNeedsGradient() {
    Tensor x = tensor({1.0, 2.0}).requires_grad_();
    PT_VERIFY_THROWS(RuntimeError, (x * 2.0).backward(), "grad can be implicitly created only for scalar outputs");
  }

  void retainGradKeepsNonLeafGradient() {
    Tensor x = tensor({1.0, 2.0}).requires_grad_();
    Tensor y = x * 2.0;
    y.retain_grad();
    sum(y * y).backward();
    PT_COMPARE_CLOSE(y.grad(), tensor({4.0, 8.0}), 0, 1e-6);
  }
};

QTEST_GUILESS_MAIN(TestAutogradEngine)
#include "tst_autograd_engine.moc"
