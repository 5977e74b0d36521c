// state_dict <-> safetensors: a parametrized model saved by PyTorch loads here
// and computes PyTorch's output; ours round-trips with keys, values and
// metadata; errors name the file.
#include <QFile>
#include <QTemporaryDir>

#include "paratrace/io/state_dict_io.h"
#include "paratrace/nn/containers.h"
#include "paratrace/nn/parametrize.h"
#include "test_util.h"

using namespace paratrace;
using namespace paratrace::nn;

namespace {

class Affine : public Cloneable<Affine> {
 public:
  Affine(std::int64_t in, std::int64_t out) {
    register_parameter("weight", randn({out, in}));
    register_parameter("bias", randn({out}));
  }
  Tensor forward(const Tensor& x) override { return linear(x, attr("weight"), attr("bias")); }
};

class Relu : public Cloneable<Relu> {
 public:
  Tensor forward(const Tensor& x) override { return x.relu(); }
};

class Symmetric : public Cloneable<Symmetric, Parametrization> {
 public:
  Tensor forward(const Tensor& x) override { return x.triu() + x.triu(1).t(); }
};

// The model of tests/fixtures/generate_state_dict_fixtures.py.
std::shared_ptr<Sequential> symmetric_mlp() {
  auto mlp = std::make_shared<Sequential>(
      std::vector<ModulePtr>{std::make_shared<Affine>(4, 3), std::make_shared<Relu>(), std::make_shared<Affine>(3, 3)});
  parametrize::register_parametrization(*mlp->at(2), "weight", std::make_shared<Symmetric>());
  return mlp;
}

std::string fixture(const char* name) { return std::string(PARATRACE_TEST_DATA_DIR "/state_dicts/") + name; }

}  // namespace

class TestStateDictIo : public QObject {
  Q_OBJECT
 private slots:
  void loadsAStateDictSavedByPyTorch() {
    auto mlp = symmetric_mlp();
    const auto keys = io::load_state_dict(*mlp, fixture("mlp_symmetric.safetensors"));
    QVERIFY(keys.missing_keys.empty() && keys.unexpected_keys.empty());
    const auto io_tensors = io::read_state_dict(fixture("mlp_symmetric_io.safetensors"));
    PT_COMPARE_CLOSE((*mlp)(*io_tensors.find("input")), *io_tensors.find("output"), 1e-6, 1e-6);
  }

  void roundTripKeepsKeysValuesAndMetadata() {
    QTemporaryDir dir;
    const std::string path = dir.filePath("model.safetensors").toStdString();
    auto saved = symmetric_mlp();
    io::save_state_dict(*saved, path, {{"format", "pt"}, {"note", "paratrace"}});
    QVERIFY(!QFile::exists(dir.filePath("model.safetensors.tmp")));
    QCOMPARE(io::load_safetensors(path).metadata.at("note"), std::string("paratrace"));
    const StateDict read = io::read_state_dict(path);
    QCOMPARE(read.keys(), saved->state_dict().keys());
    auto loaded = symmetric_mlp();
    io::load_state_dict(*loaded, path);
    const Tensor x = test::seq({5, 4}, 0.25, -2);
    PT_COMPARE_CLOSE((*loaded)(x), (*saved)(x), 0, 0);
  }

  void mismatchesUseModuleMessages() {
    QTemporaryDir dir;
    const std::string path = dir.filePath("plain.safetensors").toStdString();
    Sequential plain{std::make_shared<Affine>(4, 3), std::make_shared<Relu>(), std::make_shared<Affine>(3, 3)};
    io::save_state_dict(plain, path);
    auto parametrized = symmetric_mlp();
    // As in PyTorch: a plain checkpoint does not load into a parametrized model.
    PT_VERIFY_THROWS(RuntimeError, io::load_state_dict(*parametrized, path),
                     "Missing key(s) in state_dict: \"2.parametrizations.weight.original\". \n"
                     "\tUnexpected key(s) in state_dict: \"2.weight\". ");
    const auto keys = io::load_state_dict(*parametrized, path, /*strict=*/false);
    QCOMPARE(keys.unexpected_keys, std::vector<std::string>{"2.weight"});
  }

  void fileErrorsNameTheFile() {
    QTemporaryDir dir;
    const QString path = dir.filePath("broken.safetensors");
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("\x10\x00\x00\x00\x00\x00\x00\x00{not json", 17);
    f.close();
    auto mlp = symmetric_mlp();
    PT_VERIFY_THROWS(io::SafetensorsError, io::load_state_dict(*mlp, path.toStdString()), path.toStdString());
    PT_VERIFY_THROWS(io::SafetensorsError, io::load_state_dict(*mlp, dir.filePath("absent").toStdString()),
                     "absent");
  }
};

QTEST_GUILESS_MAIN(TestStateDictIo)
#include "tst_state_dict_io.moc"
