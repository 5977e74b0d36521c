// The Trace check dock: core's checker on N random inputs, run off the GUI
// thread with progress and Cancel, and Re-trace from the window.
#include <QSpinBox>
#include <QtTest>

#include "demo_model.h"
#include "main_window.h"
#include "message_bar.h"
#include "model_document.h"
#include "trace_check_panel.h"
#include "trace_check_runner.h"

using namespace paratrace;
using namespace paratrace::inspector;

namespace {

// Data-dependent control flow: the trace records only the branch taken, so
// random inputs of either sign make the graphs differ.
class SignBranch : public nn::Cloneable<SignBranch> {
 public:
  Tensor forward(const Tensor& x) override { return x.sum().item<double>() > 0 ? x.relu() : x.neg(); }
};

}  // namespace

class TstTraceCheck : public QObject {
  Q_OBJECT

 private slots:
  void demoModelPassesOnRandomInputs() {
    const LoadedModel demo = testing::demoModel();
    TraceCheckPanel panel;
    panel.setTarget(demo.module, demo.traced, demo.example_inputs[0].second);
    panel.inputCount()->setValue(4);
    QSignalSpy finished(&panel, &TraceCheckPanel::finished);
    panel.start();
    QVERIFY(panel.waitForResult());
    QCOMPARE(finished.count(), 1);
    QVERIFY(finished.first().first().toBool());
    QCOMPARE(panel.result().inputsChecked, 4);
    QVERIFY(panel.reportText().contains(QStringLiteral("4")));
  }

  void controlFlowMakesGraphsDiffer() {
    auto module = std::make_shared<SignBranch>();
    const Stack example{ones({3})};
    TraceCheckRun run;
    run.module = module;
    run.traced = jit::trace(module, example);
    run.exampleInputs = example;
    run.checkInputs = 20;
    const TraceCheckResult result = runTraceCheck(run);
    QVERIFY(!result.report.passed());
    QVERIFY(result.report.graphs_differ);
    QVERIFY(QString::fromStdString(result.report.graph_diff).contains(QStringLiteral("aten::")));
  }

  void progressCallbackStopsTheRun() {
    const LoadedModel demo = testing::demoModel();
    TraceCheckRun run{demo.module, demo.traced, demo.example_inputs[0].second, 50, 1e-5, 0};
    int calls = 0;
    const TraceCheckResult result = runTraceCheck(run, [&calls](int done) {
      ++calls;
      return done < 2;
    });
    QVERIFY(result.cancelled);
    QCOMPARE(result.inputsChecked, 2);
    QCOMPARE(calls, 2);
  }

  void cancelStopsAWorkerRun() {
    const LoadedModel demo = testing::demoModel();
    TraceCheckPanel panel;
    panel.setTarget(demo.module, demo.traced, demo.example_inputs[0].second);
    panel.inputCount()->setValue(1000);
    panel.start();
    QVERIFY(panel.isRunning());
    panel.cancel();
    panel.waitForResult();
    QVERIFY(!panel.isRunning());
    QVERIFY(panel.result().inputsChecked < 1000);
  }

  void randomInputsKeepShapesAndNonTensors() {
    const Stack example{ones({2, 3}), IValue(std::int64_t(4))};
    const Stack random = randomInputsLike(example);
    QCOMPARE(random[0].to_tensor().sizes(), example[0].to_tensor().sizes());
    QVERIFY(!random[0].to_tensor().allclose(example[0].to_tensor()));
    QCOMPARE(random[1].to_int(), std::int64_t(4));
  }

  void retraceReplacesTheGraph() {
    MainWindow window;
    window.setModel(testing::demoModel());
    const auto before = window.document()->graph();
    QSignalSpy spy(window.document(), &ModelDocument::traceChanged);
    QVERIFY(window.retrace());
    QCOMPARE(spy.count(), 1);
    QVERIFY(window.document()->graph() != before);
    QCOMPARE(window.document()->graph()->str(false), before->str(false));
  }
};

QTEST_MAIN(TstTraceCheck)
#include "tst_trace_check.moc"
