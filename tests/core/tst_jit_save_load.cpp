// TracedModule::save / load: one file, loaded without the C++ model class,
// gives the same outputs (parametrized chains included), keeps buffers,
// training flags and warnings, and supports autograd; bad files get errors
// naming the file.
#include <QFile>
#include <QTemporaryDir>

#include "paratrace/io/safetensors.h"
#include "paratrace/jit/tracer.h"
#include "paratrace/nn/activation.h"
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

  // Both forms are saved: graph() and the submodules' graphs come back as
  // traced, and the hierarchical form replays on the loaded module tree.
  void hierarchicalGraphsRoundTrip() {
    auto inner = std::make_shared<Sequential>(
        std::vector<ModulePtr>{std::make_shared<Linear>(4, 4), std::make_shared<ReLU>()});
    auto model = std::make_shared<Sequential>(std::vector<ModulePtr>{inner, std::make_shared<Linear>(4, 2)});
    parametrize::register_parametrization(*inner->at(0), "weight", std::make_shared<Symmetric>());
    auto traced = jit::trace(model, {randn({3, 4})});
    QTemporaryDir dir;
    const std::string path = dir.filePath("hierarchy.pt.safetensors").toStdString();
    traced->save(path);
    auto loaded = jit::TracedModule::load(path);
    QVERIFY(traced->graph()->str().find("prim::CallMethod") != std::string::npos);
    QCOMPARE(loaded->graph()->str(), traced->graph()->str());
    for (const std::string sub : {"0", "0.0", "0.1", "1", "0.0.parametrizations.weight.0"}) {
      QCOMPARE(loaded->submodule_graph(sub)->str(), traced->submodule_graph(sub)->str());
    }
    PT_VERIFY_THROWS(AttributeError, loaded->submodule_graph("2"), "has no attribute '2'");

    const Tensor x = test::seq({5, 4}, 0.3, -1);
    jit::TracedModule hierarchical(loaded->module_ptr(), {{"forward", loaded->graph()}}, {});
    PT_COMPARE_CLOSE(hierarchical(x), (*model)(x), 1e-6, 1e-6);
    PT_COMPARE_CLOSE((*loaded)(x), (*model)(x), 1e-6, 1e-6);
  }

  // A file written before the hierarchical form was saved (by paratrace-cli
  // at commit 0bb2d8e: `trace resources/models/conv_net.paratrace.json
  // --save`) loads with its flat graphs, and graph() is that form.
  void filesWithTheFlatFormOnlyStillLoad() {
    auto loaded = jit::TracedModule::load(PARATRACE_TEST_DATA_DIR "/traced/conv_net_flat_only.safetensors");
    QCOMPARE(loaded->method_names(), (std::vector<std::string>{"features", "forward"}));
    QCOMPARE(loaded->graph()->str(), loaded->inlined_graph()->str());
    QVERIFY(loaded->graph()->str().find("prim::CallMethod") == std::string::npos);
    PT_VERIFY_THROWS(AttributeError, loaded->submodule_graph("features"), "has no attribute 'features'");
    // Sequential(features: Conv2d(1, 4, 3, padding=1), ReLU, MaxPool2d(2); Flatten; Linear(64, 10)).
    Module& m = loaded->module();
    const Tensor x = test::seq({2, 1, 8, 8}, 0.05, -1);
    const Tensor features = max_pool2d(
        relu(conv2d(x, m.get_parameter("features.0.weight"), m.get_parameter("features.0.bias"), {1, 1}, {1, 1})), {2, 2});
    const Tensor expected = linear(features.flatten(1), m.get_parameter("classifier.weight"), m.get_parameter("classifier.bias"));
    PT_COMPARE_CLOSE((*loaded)(x), expected, 1e-5, 1e-6);
    PT_COMPARE_CLOSE(loaded->run_method("features", {x}).to_tensor(), features, 1e-5, 1e-6);
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
    const std::string broken_classes = dir.filePath("classes.safetensors").toStdString();
    io::save_safetensors(broken_classes, {},
                         {{"paratrace.format", "traced-module"}, {"paratrace.format_version", "1"},
                          {"paratrace.modules", R"([{"path": "", "class": "M", "parameters": [], "buffers": []}])"},
                          {"paratrace.method.forward", "graph(%x : Tensor):\n  return (%x)\n"},
                          {"paratrace.graph.forward", "graph(%x : Tensor):\n  return (%x)\n"},
                          {"paratrace.submodules.forward", R"({"inner": {"methods": {}}})"}});
    PT_VERIFY_THROWS(io::SafetensorsError, jit::TracedModule::load(broken_classes),
                     "traced module '" + broken_classes + "': method 'forward': the submodule graphs are malformed");
  }
};

QTEST_GUILESS_MAIN(TestJitSaveLoad)
#include "tst_jit_save_load.moc"
