// The Re-trace dialog: a method's example inputs shown and replaced (shape,
// seed, zeros/ones, a safetensors file), the method re-traced with them and
// the graph redrawn; bad shapes and core's tracing errors stay in the dialog
// and keep the previous trace.
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QtTest>

#include "graph_panel.h"
#include "graph_scene.h"
#include "main_actions.h"
#include "main_window.h"
#include "model_document.h"
#include "paratrace/io/safetensors.h"
#include "paratrace/jit/ir.h"
#include "paratrace/paratrace.h"
#include "retrace_dialog.h"

using namespace paratrace;
using namespace paratrace::inspector;

namespace {

Shape outputShape(const ModelDocument& document) {
  const auto& type = document.graph()->outputs().front()->type();
  return type->sizes().value_or(Shape{});
}

Shape inputShape(const ModelDocument& document, const QString& method) {
  return document.exampleInputs(method).front().to_tensor().sizes();
}

// Chooses `source` for the selected tensor and types `shape`, as a user does.
void edit(RetraceDialog& dialog, int tensor, InputSource source, const QString& shape = {}) {
  dialog.selectTensor(tensor);
  auto* sourceBox = dialog.findChild<QComboBox*>(QStringLiteral("sourceBox"));
  sourceBox->setCurrentIndex(sourceBox->findData(int(source)));
  if (!shape.isNull()) {
    auto* shapeEdit = dialog.findChild<QLineEdit*>(QStringLiteral("shapeEdit"));
    shapeEdit->clear();
    QTest::keyClicks(shapeEdit, shape);
  }
}

void clickRetrace(RetraceDialog& dialog) {
  dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok)->click();
}

}  // namespace

class TstRetraceDialog : public QObject {
  Q_OBJECT

 private slots:
  void listsTheInputsWithShapeAndDtype() {
    MainWindow window;
    QVERIFY(window.openExample(QStringLiteral("conv_net")));
    RetraceDialog dialog(*window.document());
    QCOMPARE(dialog.methods(), QStringList({QStringLiteral("forward"), QStringLiteral("features")}));
    QCOMPARE(dialog.method(), QStringLiteral("forward"));
    QCOMPARE(dialog.tensorCount(), 1);
    auto* tree = dialog.findChild<QTreeWidget*>(QStringLiteral("inputTree"));
    QCOMPARE(tree->topLevelItemCount(), 1);
    QCOMPARE(tree->topLevelItem(0)->text(1), QStringLiteral("[2, 1, 8, 8]"));
    QCOMPARE(tree->topLevelItem(0)->text(2), QStringLiteral("float32"));
    // Choosing random normal starts from the current shape.
    edit(dialog, 0, InputSource::RandomNormal);
    QCOMPARE(dialog.findChild<QLineEdit*>(QStringLiteral("shapeEdit"))->text(), QStringLiteral("2, 1, 8, 8"));
  }

  void newBatchSizeRetracesAndRedrawsTheGraph() {
    MainWindow window;
    QVERIFY(window.openExample(QStringLiteral("conv_net")));
    QVERIFY(window.graphPanel()->waitForLayout());
    QCOMPARE(outputShape(*window.document()), Shape({2, 10}));
    RetraceDialog dialog(*window.document());
    edit(dialog, 0, InputSource::RandomNormal, QStringLiteral("5, 1, 8, 8"));
    dialog.findChild<QSpinBox*>(QStringLiteral("seedBox"))->setValue(11);
    QSignalSpy traced(window.document(), &ModelDocument::traceChanged);
    clickRetrace(dialog);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(traced.count(), 1);
    QCOMPARE(outputShape(*window.document()), Shape({5, 10}));
    // The new inputs are the method's example inputs now, seeded as asked.
    const Tensor input = window.document()->exampleInputs(QStringLiteral("forward")).front().to_tensor();
    QCOMPARE(input.sizes(), Shape({5, 1, 8, 8}));
    manual_seed(11);
    QVERIFY(input.allclose(randn({5, 1, 8, 8})));
    // The graph view shows the new output type.
    QVERIFY(window.graphPanel()->waitForLayout());
    bool shown = false;
    for (const PictureNode& node : window.graphPanel()->scene()->picture().nodes)
      if (node.role == PictureRole::Output) shown = node.label.contains(QStringLiteral("Float(5, 10)"));
    QVERIFY(shown);
    // The quick re-trace keeps using them.
    window.actions()->retraceSame->trigger();
    QCOMPARE(traced.count(), 2);
    QCOMPARE(outputShape(*window.document()), Shape({5, 10}));
  }

  void zerosAndOnesTakeTheDtype() {
    MainWindow window;
    QVERIFY(window.openExample(QStringLiteral("conv_net")));
    RetraceDialog dialog(*window.document());
    edit(dialog, 0, InputSource::Ones, QStringLiteral("(3, 1, 8, 8)"));
    dialog.findChild<QComboBox*>(QStringLiteral("dtypeBox"))->setCurrentText(QStringLiteral("float64"));
    QVERIFY2(!dialog.retrace(), "a float64 input meets float32 weights");
    QVERIFY2(dialog.errorText().contains(QStringLiteral("expected scalar type Double but found Float")),
             qPrintable(dialog.errorText()));
    dialog.findChild<QComboBox*>(QStringLiteral("dtypeBox"))->setCurrentText(QStringLiteral("float32"));
    QVERIFY2(dialog.retrace(), qPrintable(dialog.errorText()));
    const Tensor input = window.document()->exampleInputs(QStringLiteral("forward")).front().to_tensor();
    QVERIFY(input.equal(ones({3, 1, 8, 8})));
  }

  void invalidShapeIsReportedAndChangesNothing_data() {
    QTest::addColumn<QString>("shape");
    QTest::addColumn<QString>("reason");
    QTest::newRow("negative") << QStringLiteral("2, -1, 8, 8") << QStringLiteral("must not be negative, got -1");
    QTest::newRow("fraction") << QStringLiteral("2, 1.5, 8, 8") << QStringLiteral("expected an integer, got 1.5");
    QTest::newRow("word") << QStringLiteral("2, one, 8, 8") << QStringLiteral("sizes separated by commas");
  }

  void invalidShapeIsReportedAndChangesNothing() {
    QFETCH(QString, shape);
    QFETCH(QString, reason);
    MainWindow window;
    QVERIFY(window.openExample(QStringLiteral("conv_net")));
    const auto graph = window.document()->graph();
    RetraceDialog dialog(*window.document());
    edit(dialog, 0, InputSource::RandomNormal, shape);
    QSignalSpy traced(window.document(), &ModelDocument::traceChanged);
    clickRetrace(dialog);
    QVERIFY(dialog.result() != QDialog::Accepted);
    QVERIFY2(dialog.errorText().contains(reason), qPrintable(dialog.errorText()));
    QVERIFY(dialog.errorText().startsWith(dialog.tensorPath(0)));
    QCOMPARE(traced.count(), 0);
    QCOMPARE(window.document()->graph(), graph);
    QCOMPARE(inputShape(*window.document(), QStringLiteral("forward")), Shape({2, 1, 8, 8}));
  }

  void coreErrorStaysInTheDialogAndKeepsTheTrace() {
    MainWindow window;
    QVERIFY(window.openExample(QStringLiteral("conv_net")));
    const auto graph = window.document()->graph();
    RetraceDialog dialog(*window.document());
    // 6×6 images pool to 4×3×3 = 36 features; the classifier wants 64.
    edit(dialog, 0, InputSource::Zeros, QStringLiteral("2, 1, 6, 6"));
    clickRetrace(dialog);
    QVERIFY(dialog.result() != QDialog::Accepted);
    QVERIFY2(dialog.errorText().contains(QStringLiteral("mat1 and mat2 shapes cannot be multiplied (2x36 and 64x10)")),
             qPrintable(dialog.errorText()));
    QCOMPARE(window.document()->graph(), graph);
    QCOMPARE(inputShape(*window.document(), QStringLiteral("forward")), Shape({2, 1, 8, 8}));
    QCOMPARE(outputShape(*window.document()), Shape({2, 10}));
  }

  void anotherMethodIsRetracedAndShown() {
    MainWindow window;
    QVERIFY(window.openExample(QStringLiteral("conv_net")));
    RetraceDialog dialog(*window.document());
    dialog.setMethod(QStringLiteral("features"));
    QCOMPARE(dialog.tensorCount(), 1);
    auto* tree = dialog.findChild<QTreeWidget*>(QStringLiteral("inputTree"));
    QCOMPARE(tree->topLevelItem(0)->text(1), QStringLiteral("[1, 1, 8, 8]"));
    edit(dialog, 0, InputSource::RandomNormal, QStringLiteral("3, 1, 8, 8"));
    QVERIFY2(dialog.retrace(), qPrintable(dialog.errorText()));
    QCOMPARE(window.document()->currentMethod(), QStringLiteral("features"));
    // features is the conv stack alone: [3, 4, 4, 4] after the pooling.
    QCOMPARE(outputShape(*window.document()), Shape({3, 4, 4, 4}));
    QCOMPARE(inputShape(*window.document(), QStringLiteral("features")), Shape({3, 1, 8, 8}));
    QCOMPARE(inputShape(*window.document(), QStringLiteral("forward")), Shape({2, 1, 8, 8}));
  }

  void inputFromASafetensorsFile() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("inputs.safetensors"));
    manual_seed(3);
    const Tensor x = randn({4, 1, 8, 8});
    io::save_safetensors(path.toStdString(), {{"images", x}});
    MainWindow window;
    QVERIFY(window.openExample(QStringLiteral("conv_net")));
    RetraceDialog dialog(*window.document());
    edit(dialog, 0, InputSource::File);
    auto* file = dialog.findChild<QLineEdit*>(QStringLiteral("fileEdit"));
    QTest::keyClicks(file, path);
    emit file->editingFinished();
    auto* names = dialog.findChild<QComboBox*>(QStringLiteral("tensorNameBox"));
    QCOMPARE(names->count(), 1);
    QCOMPARE(names->currentText(), QStringLiteral("images"));
    QVERIFY2(dialog.retrace(), qPrintable(dialog.errorText()));
    QVERIFY(window.document()->exampleInputs(QStringLiteral("forward")).front().to_tensor().equal(x));
    QCOMPARE(outputShape(*window.document()), Shape({4, 10}));
    // A name the file lacks is named in the error.
    RetraceDialog again(*window.document());
    again.selectTensor(0);
    edit(again, 0, InputSource::File);
    auto* file2 = again.findChild<QLineEdit*>(QStringLiteral("fileEdit"));
    QTest::keyClicks(file2, path);
    again.findChild<QComboBox*>(QStringLiteral("tensorNameBox"))->setCurrentText(QStringLiteral("labels"));
    QVERIFY(!again.retrace());
    QVERIFY2(again.errorText().contains(QStringLiteral("no tensor named \"labels\"")), qPrintable(again.errorText()));
  }

  void nestedInputsAreListedAndRebuiltInOrder() {
    const Stack inputs{IValue::tuple({ones({2}), IValue(std::int64_t(3)),
                                      IValue::dict({{"a", zeros({1})}, {"b", IValue::list({ones({4})})}})}),
                       zeros({5})};
    const std::vector<InputRow> rows = RetraceInputs::rows(inputs, {QStringLiteral("pair")});
    QStringList paths;
    QList<int> depths, tensors;
    for (const InputRow& row : rows) {
      paths << row.path;
      depths << row.depth;
      tensors << row.tensor;
    }
    QCOMPARE(paths, QStringList({"pair", "pair[0]", "pair[1]", "pair[2]", "pair[2][\"a\"]", "pair[2][\"b\"]",
                                 "pair[2][\"b\"][0]", "argument 1"}));
    QCOMPARE(depths, QList<int>({0, 1, 1, 1, 2, 2, 3, 0}));
    QCOMPARE(tensors, QList<int>({-1, 0, -1, -1, 1, -1, 2, 3}));
    const Stack rebuilt =
        RetraceInputs::withTensors(inputs, {full({7}, 7.0), full({8}, 8.0), full({9}, 9.0), full({6}, 6.0)});
    const std::vector<Tensor> now = RetraceInputs::tensorsOf(rebuilt);
    QCOMPARE(now.size(), std::size_t(4));
    QCOMPARE(now[0].sizes(), Shape({7}));
    QCOMPARE(now[2].sizes(), Shape({9}));
    QCOMPARE(now[3].sizes(), Shape({6}));
    QCOMPARE(rebuilt[0].tuple_elements()[1].to_int(), std::int64_t(3));
    QCOMPARE(rebuilt[0].tuple_elements()[2].dict_items()[1].first, std::string("b"));
  }
};

QTEST_MAIN(TstRetraceDialog)
#include "tst_retrace_dialog.moc"
