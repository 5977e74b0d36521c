// Save and Save As: a bundled example edited through the dialog's code path,
// saved and opened again in a fresh window gives the same tree, chains and
// tensors; the modified state follows the undo stack's clean state; unsaved
// changes are offered for saving; a failed save keeps the model.
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>

#include "add_parametrization_dialog.h"
#include "demo_model.h"
#include "main_actions.h"
#include "main_window.h"
#include "message_bar.h"
#include "model_document.h"
#include "model_file_loader.h"
#include "modules_panel.h"
#include "paratrace/nn/parametrize_inspect.h"

using namespace paratrace;
using namespace paratrace::inspector;

namespace {

// Answers the unsaved-changes question and the Save As dialog without
// showing them, and counts how often each was asked.
class TestWindow : public MainWindow {
 public:
  QMessageBox::StandardButton answer = QMessageBox::Cancel;
  QString savePath;
  int asked = 0;
  int askedPath = 0;
  QString suggested;

 protected:
  QMessageBox::StandardButton askToSaveChanges() override {
    ++asked;
    return answer;
  }
  QString askSavePath(const QString& suggestion, const QString&) override {
    ++askedPath;
    suggested = suggestion;
    return savePath;
  }
};

// Every chain as "module.tensor: Step, Step", in named_modules order.
QStringList chains(nn::Module& root) {
  QStringList out;
  for (const auto& info : nn::parametrize::describe_all(root)) {
    QStringList steps;
    for (const auto& step : info.steps) steps << QString::fromStdString(step.type_name);
    out << QString::fromStdString(info.module_path + "." + info.tensor_name) + QStringLiteral(": ") +
               steps.join(QStringLiteral(", "));
  }
  return out;
}

// Every state_dict entry of `b` is in `a` with the same value; with
// `sameKeys`, `a` has no others. Key order may differ: leave_parametrized
// registers the plain tensor anew after the module's others, as PyTorch does.
bool sameState(const nn::Module& a, const nn::Module& b, bool sameKeys = true) {
  const nn::StateDict sa = a.state_dict(), sb = b.state_dict();
  if (sameKeys && sa.size() != sb.size()) return false;
  for (const auto& [key, value] : sb) {
    const Tensor* other = sa.find(key);
    if (!other || !value.equal(*other)) return false;
  }
  return true;
}

bool addThroughDialog(MainWindow& window, const QString& tensor, const QString& type) {
  if (!window.modulesPanel()->selectPath(tensor)) return false;
  auto dialog = window.makeAddParametrizationDialog();
  return dialog && dialog->selectType(type) && dialog->tryApply();
}

QJsonObject readJson(const QString& path) {
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly)) return {};
  return QJsonDocument::fromJson(file.readAll()).object();
}

}  // namespace

class TstSaveModel : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() {
    qputenv("PARATRACE_PLUGIN_PATH", PARATRACE_BUILTIN_PLUGIN_DIR);
    QStandardPaths::setTestModeEnabled(true);
  }

  void editedExampleSavesAndReopensTheSame() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    TestWindow window;
    QVERIFY(window.openExample(QStringLiteral("model_under_test")));
    QVERIFY(!window.isWindowModified());
    QVERIFY(addThroughDialog(window, QStringLiteral("seq.0.weight"), QStringLiteral("Symmetric")));
    QVERIFY(addThroughDialog(window, QStringLiteral("seq.1.weight"), QStringLiteral("SpectralNorm")));
    QVERIFY(window.modulesPanel()->selectPath(QStringLiteral("linear.weight")));
    QVERIFY(window.removeParametrizations(true));
    // A mask built from the current weight, kept outside the state_dict.
    QVERIFY(addThroughDialog(window, QStringLiteral("linear.weight"), QStringLiteral("FakeSparsity")));
    QVERIFY(window.isWindowModified());
    QCOMPARE(window.document()->parametrizations().size(), std::size_t(5));

    // A bundled example has no file to write back to: Save asks for a name.
    window.savePath = dir.filePath(QStringLiteral("edited"));
    QVERIFY(window.save());
    QCOMPARE(window.askedPath, 1);
    QCOMPARE(window.suggested, QStringLiteral("model_under_test.paratrace.json"));
    const QString saved = dir.filePath(QStringLiteral("edited.paratrace.json"));
    QCOMPARE(window.document()->model().path, saved);
    QVERIFY(window.windowTitle().startsWith(QStringLiteral("edited[*]")));
    QVERIFY(!window.isWindowModified());
    QVERIFY(QFile::exists(dir.filePath(QStringLiteral("edited.safetensors"))));

    const QJsonObject json = readJson(saved);
    QCOMPARE(json.value(QStringLiteral("weights")).toString(), QStringLiteral("edited.safetensors"));
    const QJsonArray list = json.value(QStringLiteral("parametrizations")).toArray();
    QCOMPARE(list.size(), 5);
    QCOMPARE(list[0].toObject().value(QStringLiteral("module")).toString(), QStringLiteral("seq.0"));
    QCOMPARE(list[2].toObject().value(QStringLiteral("type")).toString(), QStringLiteral("Symmetric"));
    QCOMPARE(list[3].toObject().value(QStringLiteral("type")).toString(), QStringLiteral("SpectralNorm"));
    QCOMPARE(list[4].toObject().value(QStringLiteral("options")).toObject().value(QStringLiteral("mask")).toString(),
             QStringLiteral("unstructured"));
    QCOMPARE(json.value(QStringLiteral("buffers")).toString(), QStringLiteral("edited.buffers.safetensors"));

    TestWindow again;
    QVERIFY(again.openFile(saved));
    QVERIFY(again.messageBar()->isHidden());  // opened and traced without a warning
    nn::Module& before = *window.document()->module();
    nn::Module& after = *again.document()->module();
    QCOMPARE(chains(after), chains(before));
    QVERIFY(chains(after).contains(QStringLiteral("seq.0.weight: FakeSparsity, Symmetric")));
    QVERIFY(chains(after).contains(QStringLiteral("linear.weight: FakeSparsity")));
    QVERIFY(sameState(after, before));
    for (const char* path : {"linear", "seq.0", "seq.1"})
      QVERIFY(after.get_submodule(path)->attr("weight").equal(before.get_submodule(path)->attr("weight")));
    const Stack& inputs = again.document()->model().example_inputs.front().second;
    QVERIFY(again.document()->model().traced->forward(inputs).to_tensor().allclose(before.call(inputs).to_tensor()));

    // Saved once: Save now writes back in place without asking.
    QVERIFY(addThroughDialog(window, QStringLiteral("linear.weight"), QStringLiteral("Skew")));
    QVERIFY(window.save());
    QCOMPARE(window.askedPath, 1);
    QCOMPARE(readJson(saved).value(QStringLiteral("parametrizations")).toArray().size(), 6);
  }

  // Inputs chosen in the Re-trace dialog are what the saved file traces with.
  void retracedInputsAreSaved() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    TestWindow window;
    QVERIFY(window.openExample(QStringLiteral("skew_cayley")));
    Stack inputs = window.document()->exampleInputs(QStringLiteral("forward"));
    QCOMPARE(inputs.size(), std::size_t(1));
    const Tensor wider = randn({7, inputs[0].to_tensor().size(1)});
    window.document()->retrace(QStringLiteral("forward"), Stack{IValue(wider)});
    window.savePath = dir.filePath(QStringLiteral("wider"));
    QVERIFY(window.save());
    QVERIFY(QFile::exists(dir.filePath(QStringLiteral("wider.inputs.safetensors"))));

    TestWindow again;
    QVERIFY(again.openFile(dir.filePath(QStringLiteral("wider.paratrace.json"))));
    QVERIFY(again.document()->exampleInputs(QStringLiteral("forward"))[0].to_tensor().equal(wider));
    QVERIFY(!again.document()->model().example_inputs_edited);
  }

  void undoAndRedoRestoreModuleAndListTogether() {
    TestWindow window;
    QVERIFY(window.openExample(QStringLiteral("model_under_test")));
    QVERIFY(window.modulesPanel()->selectPath(QStringLiteral("seq.1.weight")));
    QVERIFY(window.removeParametrizations(false));
    QCOMPARE(window.document()->parametrizations().size(), std::size_t(2));
    window.undoStack()->undo();
    QCOMPARE(window.document()->parametrizations().size(), std::size_t(3));
    QCOMPARE(window.document()->parametrizations().back().module, QStringLiteral("seq.1"));
    window.undoStack()->redo();
    QCOMPARE(window.document()->parametrizations().size(), std::size_t(2));
  }

  void undoPastTheSavePointMarksModified() {
    QTemporaryDir dir;
    TestWindow window;
    QVERIFY(window.openExample(QStringLiteral("symmetric_linear")));
    QVERIFY(window.modulesPanel()->selectPath(QStringLiteral("weight")));
    QVERIFY(window.removeParametrizations(true));
    QVERIFY(window.saveAs(dir.filePath(QStringLiteral("plain.paratrace.json"))));
    QVERIFY(!window.isWindowModified());
    window.undoStack()->undo();
    QVERIFY(window.isWindowModified());
    QVERIFY(window.isModified());
    window.undoStack()->redo();
    QVERIFY(!window.isWindowModified());
    // No chain left: plain keys, no parametrizations, and it opens again.
    const QJsonObject json = readJson(dir.filePath(QStringLiteral("plain.paratrace.json")));
    QVERIFY(!json.contains(QStringLiteral("parametrizations")));
    TestWindow again;
    QVERIFY(again.openFile(dir.filePath(QStringLiteral("plain.paratrace.json"))));
    QVERIFY(sameState(*again.document()->module(), *window.document()->module()));
  }

  void unwritablePlaceKeepsTheModel() {
    QTemporaryDir dir;
    // A directory below a regular file cannot be made, whoever runs the test.
    QFile blocker(dir.filePath(QStringLiteral("file")));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    TestWindow window;
    QVERIFY(window.openExample(QStringLiteral("symmetric_linear")));
    QVERIFY(window.modulesPanel()->selectPath(QStringLiteral("weight")));
    QVERIFY(window.removeParametrizations(true));
    const QString target = dir.filePath(QStringLiteral("file/out.paratrace.json"));
    QVERIFY(!window.saveAs(target));
    QCOMPARE(window.messageBar()->level(), MessageBar::Level::Error);
    QVERIFY(window.messageBar()->text().contains(target));
    QVERIFY(window.isWindowModified());
    QVERIFY(window.document()->model().path.startsWith(QLatin1Char(':')));
    QVERIFY(!nn::parametrize::is_parametrized(*window.document()->module(), "weight"));
    QCOMPARE(window.undoStack()->count(), 1);
  }

  void unsavedChangesAreOffered() {
    QTemporaryDir dir;
    TestWindow window;
    window.show();
    QVERIFY(window.openExample(QStringLiteral("symmetric_linear")));
    QVERIFY(window.openExample(QStringLiteral("rank_one")));  // nothing to ask
    QCOMPARE(window.asked, 0);
    QVERIFY(window.modulesPanel()->selectPath(QStringLiteral("weight")));
    QVERIFY(window.removeParametrizations(true));

    window.answer = QMessageBox::Cancel;
    QVERIFY(!window.openExample(QStringLiteral("conv_net")));
    QVERIFY(!window.close());
    QCOMPARE(window.asked, 2);
    QCOMPARE(window.document()->model().name, QStringLiteral("rank_one"));
    QVERIFY(window.isVisible());

    // Save from the question: a bundled example asks for a name; cancelling
    // that cancels the open.
    window.answer = QMessageBox::Save;
    window.savePath.clear();
    QVERIFY(!window.openExample(QStringLiteral("conv_net")));
    QCOMPARE(window.askedPath, 1);
    window.savePath = dir.filePath(QStringLiteral("rank.paratrace.json"));
    QVERIFY(window.openExample(QStringLiteral("conv_net")));
    QVERIFY(QFile::exists(window.savePath));
    QCOMPARE(window.document()->model().name, QStringLiteral("conv_net"));

    QVERIFY(addThroughDialog(window, QStringLiteral("classifier.weight"), QStringLiteral("FakeSparsity")));
    window.answer = QMessageBox::Discard;
    QVERIFY(window.close());
    QCOMPARE(window.asked, 5);
  }

  void tracedModelsAndIrTextSaveInTheirOwnFormat() {
    QTemporaryDir dir;
    TestWindow window;
    window.setModel(testing::demoModel());
    QVERIFY(window.actions()->save->isEnabled());
    QVERIFY(addThroughDialog(window, QStringLiteral("2.weight"), QStringLiteral("FakeSparsity")));
    // Built in memory: traced again after the edit, saved as a traced module.
    window.savePath = dir.filePath(QStringLiteral("demo"));
    QVERIFY(window.save());
    const QString traced = dir.filePath(QStringLiteral("demo.safetensors"));
    QCOMPARE(window.document()->model().path, traced);

    TestWindow reopened;
    QVERIFY(reopened.openFile(traced));
    // A traced-module file's generic tree keeps FakeSparsity's mask, which the
    // parametrization itself leaves out of its state_dict.
    QVERIFY(sameState(*reopened.document()->module(), *window.document()->module(), false));
    const Stack& inputs = window.document()->model().example_inputs.front().second;
    QVERIFY(reopened.document()->model().traced->forward(inputs).to_tensor().allclose(
        window.document()->module()->call(inputs).to_tensor()));

    // Without example inputs an edit cannot be traced again: Save is off and
    // says why, until the edit is undone. (conv_net: a tree without chains,
    // and two traced methods.)
    LoadedModel conv = ModelFileLoader::load(QStringLiteral(":/models/conv_net.paratrace.json"), window.plugins());
    conv.document = {};
    conv.path.clear();
    window.setModel(std::move(conv));
    QVERIFY(window.saveAs(dir.filePath(QStringLiteral("conv.safetensors"))));
    TestWindow tracedFile;
    QVERIFY(tracedFile.openFile(dir.filePath(QStringLiteral("conv.safetensors"))));
    QCOMPARE(tracedFile.document()->methods().size(), qsizetype(2));
    QVERIFY(addThroughDialog(tracedFile, QStringLiteral("classifier.weight"), QStringLiteral("FakeSparsity")));
    QVERIFY(!tracedFile.actions()->save->isEnabled());
    QVERIFY(tracedFile.actions()->saveAs->toolTip().contains(QStringLiteral("example inputs")));
    QVERIFY(!tracedFile.saveAs(dir.filePath(QStringLiteral("stale.safetensors"))));
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("stale.safetensors"))));
    tracedFile.undoStack()->undo();
    QVERIFY(tracedFile.actions()->saveAs->isEnabled());
    QVERIFY(tracedFile.save());
    TestWindow copy;
    QVERIFY(copy.openFile(dir.filePath(QStringLiteral("conv.safetensors"))));
    QVERIFY(sameState(*copy.document()->module(), *window.document()->module()));

    // IR text: Save As writes the graph's text.
    QVERIFY(window.exportIrText(dir.filePath(QStringLiteral("graph.ir"))));
    TestWindow ir;
    QVERIFY(ir.openFile(dir.filePath(QStringLiteral("graph.ir"))));
    QVERIFY(ir.saveAs(dir.filePath(QStringLiteral("again"))));
    QFile text(dir.filePath(QStringLiteral("again.ir")));
    QVERIFY(text.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(text.readAll()), QString::fromStdString(ir.document()->graph()->str()));
  }
};

QTEST_MAIN(TstSaveModel)
#include "tst_save_model.moc"
