// check_trace, from test_jit_tracer.py's checker tests: control flow that
// depends on the data (graphs differ), dropout in training (outputs differ,
// nondeterministic nodes listed) and in eval (passes), clean models passing
// with check inputs of other shapes.
#include "paratrace/jit/trace_check.h"
#include "paratrace/nn/containers.h"
#include "paratrace/nn/dropout.h"
#include "paratrace/nn/linear.h"
#include "test_util.h"

using namespace paratrace;
using namespace paratrace::jit;

class TestJitTraceCheck : public QObject {
  Q_OBJECT
 private slots:
  void controlFlowMakesGraphsDiffer() {
    auto fn = [](const Stack& in) {
      const Tensor x = in[0].to_tensor();
      return IValue(x.sum().item<double>() > 0 ? x * 2 : x - 3);
    };
    const Stack example{ones({2})};
    auto traced = trace(fn, example);
    TraceCheckOptions options;
    options.check_inputs = {{full({2}, -1.0)}};
    const TraceCheckReport report = check_trace(fn, *traced, example, options);
    QVERIFY(!report.passed());
    QVERIFY(report.graphs_differ);
    QVERIFY(report.graph_diff.find("- ") != std::string::npos);
    QVERIFY(report.graph_diff.find("+ ") != std::string::npos);
    QVERIFY(report.graph_diff.find("aten::sub") != std::string::npos);
    QCOMPARE(report.output_mismatches.size(), std::size_t{1});
    QVERIFY(report.output_mismatches[0].starts_with(
        "Output nr 1. of the traced function does not match the corresponding output of the C++ function."));
    const std::string text = report.str();
    QVERIFY(text.find("Tracing failed sanity checks!\nERROR: Graphs differed across invocations!\n\tGraph diff:\n") !=
            std::string::npos);
  }

  void dropoutInTrainingIsNondeterministic() {
    auto model = std::make_shared<nn::Sequential>(
        std::vector<nn::ModulePtr>{std::make_shared<nn::Linear>(8, 8), std::make_shared<nn::Dropout>(0.5)});
    const Stack example{ones({16, 8})};
    auto traced = trace(model, example);
    const TraceCheckReport report = check_trace(model, *traced, example);
    QCOMPARE(report.nondeterministic_nodes.size(), std::size_t{1});
    QVERIFY(report.nondeterministic_nodes[0].find("aten::dropout") != std::string::npos);
    QVERIFY(!report.output_mismatches.empty());
    QVERIFY(report.str().starts_with("Trace had nondeterministic nodes. Did you forget call .eval() on your model? Nodes:\n\t"));
    QVERIFY(report.passed());  // as in PyTorch, differing outputs are warnings

    model->eval();
    auto traced_eval = trace(model, example);
    const TraceCheckReport eval_report = check_trace(model, *traced_eval, example);
    QVERIFY(eval_report.nondeterministic_nodes.empty());
    QVERIFY(eval_report.output_mismatches.empty());
    QVERIFY(eval_report.passed());
    QVERIFY(eval_report.str().empty());
  }

  void cleanModelPassesOnOtherShapes() {
    auto model = std::make_shared<nn::Linear>(3, 2);
    const Stack example{ones({4, 3})};
    auto traced = trace(model, example);
    TraceCheckOptions options;
    options.check_inputs = {{test::seq({7, 3}, 0.1, -1)}, {test::seq({1, 3}, 2, 0)}};
    const TraceCheckReport report = check_trace(model, *traced, example, options);
    QVERIFY2(report.passed(), report.str().c_str());
    QVERIFY(report.output_mismatches.empty());
  }

  void exceptionsAreReported() {
    auto model = std::make_shared<nn::Linear>(3, 2);
    const Stack example{ones({4, 3})};
    auto traced = trace(model, example);
    TraceCheckOptions options;
    options.check_inputs = {{ones({4, 5})}};
    const TraceCheckReport report = check_trace(model, *traced, example, options);
    QVERIFY(!report.passed());
    QVERIFY(report.exception.starts_with("encountered an exception while running the repeated trace with test inputs."));
  }
};

QTEST_GUILESS_MAIN(TestJitTraceCheck)
#include "tst_jit_trace_check.moc"
