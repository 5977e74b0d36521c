// TracedModule::save / load: one file, loaded without the C++ model class,
// gives the same outputs (parametrized chains included), keeps buffers,
// training flags and warnings, and supports autograd; bad files get errors
// naming the file.
#include <QFile>
#include <QTemporaryDir>

#include "paratrace/io/safetensors.h"
#include "paratrace/jit/tracer.h"
#include "paratrace/nn/containers.h"
#include "paratrace/nn/linear.h"
#include "paratrace/nn/normalization.h"
#include "paratrace/nn/parametrize.h"
#include "test_util.h"

using namespace paratrace;
using namespace paratrace::nn;

namespace {
class Symmetric : public Cloneable<Symmetric, Parametrization> {
 public:
  Tensor forward(const Tensor& x) override { return x.triu() + x.triu(1).mT(); }
};
}  // namespace

class TestJitSaveLoad : public QObject {
  Q_OBJECT
 private slots:
  // aten::size, prim::NumToTensor and aten::Int survive the file and replay.
  void tracedSizesRoundTrip() {
    auto traced = jit::trace(
        [](const Stack& in) {
          const Tensor x = in[0].to_tensor();
          return IValue(x.reshape({x.sym_size(0), -1}).sum(IntList{1}));
        },
        {randn({2, 3, 2})});
    QTemporaryDir dir;
    const std::string path = dir.filePath("sizes.safetensors").toStdString();
    traced->save(path);
    auto loaded = jit::TracedModule::load(path);
    const Tensor x = test::seq({4, 3, 2}, 0.5, -1);
    PT_COMPARE_CLOSE(loaded->forward({x}).to_tensor(), x.reshape({4, 6}).sum(IntList{1}), 1e-6, 1e-6);
  }

  void roundTripWithoutTheModelClass() {
    auto model = std::make_shared<Sequential>(std::vector<ModulePtr>{
        std::make_shared<Linear>(4, 4), std::make_shared<BatchNorm1d>(4), std::make_shared<Linear>(4, 2)});
    parametrize::register_parametrization(*model->at(0), "weight", std::make_shared<Symmetric>());
    model->eval();
    auto traced = jit::trace(model, {randn({3, 4})});
    QTemporaryDir dir;
    const std::string path = dir.filePath("model.pt.safetensors").toStdString();
    traced->save(path);
    auto loaded = jit::TracedModule::load(path);
    const Tensor x = test::seq({5, 4}, 0.3, -1);
    PT_COMPARE_CLOSE((*loaded)(x), (*model)(x), 1e-6, 1e-6);
    QCOMPARE(loaded->inlined_graph()->str(), traced->inlined_graph()->str());
    // The file keeps the flat form: a loaded module's graph() is that form.
    QVERIFY(traced->graph()->str().find("prim::CallMethod") != std::string::npos);
    QCOMPARE(loaded->graph()->str(), loaded->inlined_graph()->str());
    QCOMPARE(loaded->module().type_name(), std::string("Sequential"));
    QVERIFY(!loaded->module().is_training());
    QCOMPARE(loaded->module().state_dict().keys(), model->state_dict().keys());
    // The loaded module's tensors are its own, and trainable.
    const Tensor original = loaded->module().get_parameter("0.parametrizations.weight.original");
    QVERIFY(original.requires_grad());
    (*loaded)(x).sum().backward();
    QVERIFY(original.grad().defined());
    QVERIFY(!model->get_parameter("0.parametrizations.weight.original").grad().defined());
  }

  void badFilesNameTheFile() {
    QTemporaryDir dir;
    const std::string plain = dir.filePath("plain.safetensors").toStdString();
    io::save_safetensors(plain, {{"w", ones({2})}});
    PT_VERIFY_THROWS(io::SafetensorsError, jit::TracedModule::load(plain),
                     "traced module '" + plain + "': the metadata has no 'paratrace.format'");
    const std::string wrong = dir.filePath("wrong.safetensors").toStdString();
    io::save_safetensors(wrong, {}, {{"paratrace.format", "traced-module"}, {"paratrace.format_version", "7"}});
    PT_VERIFY_THROWS(io::SafetensorsError, jit::TracedModule::load(wrong), "format version 7 is not supported");
    const std::string broken_ir = dir.filePath("ir.safetensors").toStdString();
    io::save_safetensors(broken_ir, {}, {{"paratrace.format", "traced-module"}, {"paratrace.format_version", "1"},
                                          {"paratrace.modules", R"([{"path": "", "class": "M", "parameters": [], "buffers": []}])"},
                                          {"paratrace.method.forward", "graph(%x : Tensor):\n  return (%y)\n"}});
    PT_VERIFY_THROWS(io::SafetensorsError, jit::TracedModule::load(broken_ir), "method 'forward': ");
  }
};

QTEST_GUILESS_MAIN(TestJitSaveLoad)
#include "tst_jit_save_load.moc"
