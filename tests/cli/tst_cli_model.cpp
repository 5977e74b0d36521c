// paratrace-cli info, run, weights, trace and check, run as a user runs
// them: outputs against PyTorch's, files written, exit codes 0/1/2 and the
// messages on stderr.
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include "cli_process.h"
#include "paratrace/io/safetensors.h"
#include "paratrace/tensor/factories.h"
#include "paratrace/tensor/ops.h"

using namespace paratrace;

namespace {

const QDir kModels(QStringLiteral(PARATRACE_MODELS_DIR));
const QDir kFixtures(QStringLiteral(PARATRACE_MODEL_FIXTURES_DIR));

QString model(const char* name) { return kModels.filePath(QLatin1String(name) + QStringLiteral(".paratrace.json")); }
QString fixture(const QString& stem, const char* kind) { return kFixtures.filePath(stem + QLatin1Char('.') + QLatin1String(kind) + QStringLiteral(".safetensors")); }

io::NamedTensors read(const QString& path) { return io::load_safetensors(path.toStdString()).tensors; }

}  // namespace

class TestCliModel : public QObject {
  Q_OBJECT

  QTemporaryDir dir_;

  CliRun run(const QStringList& arguments) {
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("PARATRACE_PLUGIN_PATH"));
    env.insert(QStringLiteral("XDG_DATA_HOME"), dir_.path());
    return run_cli(arguments, env);
  }

  QString temp(const QString& name) const { return dir_.filePath(name); }

  QString write(const QString& name, const QByteArray& text) {
    QFile file(temp(name));
    if (!file.open(QIODevice::WriteOnly)) return {};
    file.write(text);
    return file.fileName();
  }

 private slots:
  void initTestCase() { QVERIFY(dir_.isValid()); }

  void help_lists_the_commands() {
    const CliRun r = run({QStringLiteral("--help")});
    QCOMPARE(r.exit_code, 0);
    for (const char* command : {"info MODEL", "run MODEL --input", "weights MODEL --output", "trace MODEL", "check MODEL"})
      QVERIFY2(r.out.contains(QLatin1String(command)), command);
  }

  void each_command_has_help_data() {
    QTest::addColumn<QString>("command");
    QTest::addColumn<QString>("option");
    QTest::newRow("info") << "info" << "MODEL";
    QTest::newRow("run") << "run" << "--input <IN.safetensors>";
    QTest::newRow("weights") << "weights" << "--output <W.safetensors>";
    QTest::newRow("trace") << "trace" << "--save <TRACED>";
    QTest::newRow("check") << "check" << "--check-inputs <N>";
  }
  void each_command_has_help() {
    QFETCH(QString, command);
    QFETCH(QString, option);
    const CliRun r = run({command, QStringLiteral("--help")});
    QCOMPARE(r.exit_code, 0);
    QVERIFY2(r.out.startsWith(QStringLiteral("Usage: paratrace-cli %1 [options] MODEL\n").arg(command)), qPrintable(r.out));
    QVERIFY2(r.out.contains(option), qPrintable(r.out));
    QVERIFY(r.err.isEmpty());
  }

  void info_shows_tree_tensors_and_chains() {
    const CliRun r = run({QStringLiteral("info"), model("unrolled_rnn")});
    QCOMPARE(r.exit_code, 0);
    QVERIFY2(r.out.startsWith(QStringLiteral("Model: An RNNCell unrolled over 250 steps")), qPrintable(r.out));
    QVERIFY(r.out.contains(QStringLiteral("(saved before parametrizing)")));
    QVERIFY(r.out.contains(QStringLiteral("(cell): ParametrizedRNNCell(")));
    QVERIFY(r.out.contains(QStringLiteral("  cell.parametrizations.weight_hh.original  [8, 8] torch.float32\n")));
    QVERIFY(r.out.contains(QStringLiteral("  cell.weight_hh: original [8, 8] -> Symmetric [8, 8]\n")));
    QVERIFY(r.out.contains(QStringLiteral("  forward(Tensor[250, 2, 4] torch.float32)\n")));
  }

  void run_matches_pytorch_data() {
    QTest::addColumn<QString>("example");
    QTest::addColumn<QString>("method");
    QTest::newRow("symmetric_linear") << "symmetric_linear" << "forward";
    QTest::newRow("conv_net") << "conv_net" << "forward";
    QTest::newRow("conv_net features") << "conv_net" << "features";
    QTest::newRow("unrolled_rnn") << "unrolled_rnn" << "forward";
  }
  void run_matches_pytorch() {
    QFETCH(QString, example);
    QFETCH(QString, method);
    const QString stem = example + QLatin1Char('.') + method;
    const QString out = temp(stem + QStringLiteral(".out.safetensors"));
    const CliRun r = run({QStringLiteral("run"), kModels.filePath(example + QStringLiteral(".paratrace.json")), QStringLiteral("--input"),
                       fixture(stem, "inputs"), QStringLiteral("--output"), out, QStringLiteral("--method"), method});
    QCOMPARE(r.exit_code, 0);
    QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
    const auto got = read(out);
    const auto expected = read(fixture(stem, "outputs"));
    QCOMPARE(got.size(), expected.size());
    QCOMPARE(got[0].first, std::string("output0"));
    QVERIFY(got[0].second.allclose(expected[0].second, 1e-4, 1e-5));
  }

  void run_takes_several_inputs_and_flattens_outputs() {
    // Bilinear takes two inputs, read by number whatever the file's order;
    // LSTMCell returns (h', c'), written as output0 and output1.
    const QString file = write(QStringLiteral("bilinear.paratrace.json"), R"({"format": "paratrace-model", "version": 1,
        "name": "bilinear", "seed": 5, "module": {"type": "Bilinear", "in1_features": 2, "in2_features": 3, "out_features": 4}})");
    const QString in = temp(QStringLiteral("two.safetensors"));
    io::save_safetensors(in.toStdString(), {{"input1", ones({1, 3})}, {"input0", ones({1, 2})}});
    const QString out = temp(QStringLiteral("two.out.safetensors"));
    const CliRun r = run({QStringLiteral("run"), file, QStringLiteral("--input"), in, QStringLiteral("--output"), out});
    QCOMPARE(r.exit_code, 0);
    QCOMPARE(read(out)[0].second.sizes(), (Shape{1, 4}));

    const QString cell = write(QStringLiteral("cell.paratrace.json"), R"({"format": "paratrace-model", "version": 1,
        "name": "cell", "module": {"type": "LSTMCell", "input_size": 2, "hidden_size": 3}})");
    io::save_safetensors(in.toStdString(), {{"input0", ones({4, 2})}});
    const CliRun c = run({QStringLiteral("run"), cell, QStringLiteral("--input"), in, QStringLiteral("--output"), out});
    QCOMPARE(c.exit_code, 0);
    const auto outputs = read(out);
    QCOMPARE(outputs.size(), std::size_t(2));  // (h', c') flattened
    QCOMPARE(outputs[1].first, std::string("output1"));
    QCOMPARE(outputs[1].second.sizes(), (Shape{4, 3}));

    io::save_safetensors(in.toStdString(), {{"input0", ones({1, 2})}, {"input2", ones({1, 3})}});
    const CliRun gap = run({QStringLiteral("run"), file, QStringLiteral("--input"), in, QStringLiteral("--output"), out});
    QCOMPARE(gap.exit_code, 2);
    QVERIFY2(gap.err.contains(QStringLiteral("input1 is missing (found input2)")), qPrintable(gap.err));
  }

  void trace_save_then_run_the_traced_file() {
    const QString traced = temp(QStringLiteral("conv.traced"));
    const QString ir = temp(QStringLiteral("conv.ir"));
    const CliRun t = run({QStringLiteral("trace"), model("conv_net"), QStringLiteral("--method"), QStringLiteral("features"),
                       QStringLiteral("--inlined"), QStringLiteral("--output"), ir, QStringLiteral("--save"), traced});
    QCOMPARE(t.exit_code, 0);
    QVERIFY(t.out.isEmpty());  // the IR went to the file
    QFile file(ir);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(file.readAll());
    QVERIFY2(text.startsWith(QStringLiteral("graph(%self.1 : __torch__.Sequential,")), qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("aten::_convolution")) || text.contains(QStringLiteral("aten::conv2d")));
    QVERIFY(text.contains(QStringLiteral("aten::max_pool2d")));
    QVERIFY(!text.contains(QStringLiteral("aten::linear")));  // features only

    const QString out = temp(QStringLiteral("traced.out.safetensors"));
    const CliRun r = run({QStringLiteral("run"), traced, QStringLiteral("--method"), QStringLiteral("features"), QStringLiteral("--input"),
                       fixture(QStringLiteral("conv_net.features"), "inputs"), QStringLiteral("--output"), out});
    QCOMPARE(r.exit_code, 0);
    QVERIFY(read(out)[0].second.allclose(read(fixture(QStringLiteral("conv_net.features"), "outputs"))[0].second, 1e-4, 1e-5));
    // The traced file prints the same graph.
    const CliRun again = run({QStringLiteral("trace"), traced, QStringLiteral("--method"), QStringLiteral("features"),
                           QStringLiteral("--inlined")});
    QCOMPARE(again.exit_code, 0);
    QVERIFY(again.out.contains(QStringLiteral("aten::max_pool2d")));
  }

  void trace_prints_the_ir() {
    // PyTorch's traced.graph: the parametrization is a submodule call.
    const CliRun r = run({QStringLiteral("trace"), model("symmetric_linear")});
    QCOMPARE(r.exit_code, 0);
    QVERIFY2(r.out.contains(QStringLiteral("prim::CallMethod[name=\"forward\"](%weight)")), qPrintable(r.out));
    QVERIFY(!r.out.contains(QStringLiteral("aten::triu")));
    QVERIFY(r.out.contains(QStringLiteral("= aten::linear(%input, ")));
    // traced.inlined_graph: the chain's ops in place, under the parametrization's scope.
    const CliRun flat = run({QStringLiteral("trace"), model("symmetric_linear"), QStringLiteral("--inlined")});
    QCOMPARE(flat.exit_code, 0);
    QVERIFY(!flat.out.contains(QStringLiteral("prim::CallMethod")));
    QVERIFY(flat.out.contains(QStringLiteral("scope: __module.parametrizations.weight/__module.parametrizations.weight.0")));
    QVERIFY(flat.out.contains(QStringLiteral("aten::triu")));
  }

  void weights_has_effective_values_and_originals() {
    const QString out = temp(QStringLiteral("w.safetensors"));
    const CliRun r = run({QStringLiteral("weights"), model("symmetric_linear"), QStringLiteral("--output"), out});
    QCOMPARE(r.exit_code, 0);
    const auto tensors = read(out);
    QCOMPARE(tensors.size(), std::size_t(3));
    QCOMPARE(tensors[0].first, std::string("bias"));
    QCOMPARE(tensors[1].first, std::string("parametrizations.weight.original"));
    QCOMPARE(tensors[2].first, std::string("weight"));
    const Tensor& original = tensors[1].second;
    QVERIFY(tensors[2].second.allclose(original.triu() + original.triu(1).mT()));
    // The file's weight was saved before parametrizing: the original is its upper triangle.
    const Tensor saved = io::load_safetensors(kModels.filePath(QStringLiteral("symmetric_linear.safetensors")).toStdString()).tensors[0].second;
    QVERIFY(original.equal(saved.triu()));
  }

  void check_passes() {
    const CliRun r = run({QStringLiteral("check"), model("conv_net"), QStringLiteral("--check-inputs"), QStringLiteral("2")});
    QCOMPARE(r.exit_code, 0);
    QCOMPARE(r.out, QStringLiteral("forward: passed\nfeatures: passed\n"));
  }

  void check_fails_with_exit_code_1() {
    // Dropout in training mode: eager and traced outputs differ.
    const QString file = write(QStringLiteral("dropout.paratrace.json"), R"({"format": "paratrace-model", "version": 1,
        "name": "dropout", "training": true, "module": {"type": "Dropout", "p": 0.5},
        "example_inputs": {"forward": [{"shape": [64, 64], "init": "ones"}]}})");
    const CliRun r = run({QStringLiteral("check"), file, QStringLiteral("--tolerance"), QStringLiteral("1e-6")});
    QCOMPARE(r.exit_code, 1);
    QVERIFY2(r.out.startsWith(QStringLiteral("forward: FAILED\n")), qPrintable(r.out));
    QVERIFY(r.out.contains(QStringLiteral("Output nr 1. of the traced function does not match")));
    QVERIFY(r.out.contains(QStringLiteral("Trace had nondeterministic nodes")));
  }

  void bad_input_exits_with_2_data() {
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    const QString bad = write(QStringLiteral("bad.paratrace.json"), R"({"format": "paratrace-model", "version": 1, "name": "b",
        "module": {"type": "Sequential", "children": {"0": {"type": "Linear", "in_features": 5, "out_features": "5"}}}})");
    const QString missing = temp(QStringLiteral("missing.paratrace.json"));
    QTest::newRow("schema error") << QStringList{"info", bad}
                                  << QStringLiteral("paratrace-cli info: %1: $.module.children.0.out_features: expected a number, got a string\n").arg(bad);
    QTest::newRow("missing model") << QStringList{"trace", missing}
                                   << QStringLiteral("paratrace-cli trace: %1: $: no such file\n").arg(missing);
    QTest::newRow("missing --input") << QStringList{"run", model("symmetric_linear"), "--output", temp("o.safetensors")}
                                     << QStringLiteral("Missing option: --input\nTry 'paratrace-cli run --help'.\n");
    QTest::newRow("missing MODEL") << QStringList{"info"} << QStringLiteral("Missing argument: MODEL\n");
    QTest::newRow("extra argument") << QStringList{"info", "a", "b"} << QStringLiteral("Too many arguments: b\n");
    QTest::newRow("unknown option") << QStringList{"trace", model("symmetric_linear"), "--frob"} << QStringLiteral("Unknown option 'frob'.\n");
    QTest::newRow("input names") << QStringList{"run", model("symmetric_linear"), "--input",
                                                fixture(QStringLiteral("symmetric_linear.forward"), "outputs"), "--output", temp("o.safetensors")}
                                 << QStringLiteral("unexpected tensor 'output0' (inputs are named input0, input1, ...)\n");
    QTest::newRow("unknown method") << QStringList{"trace", model("symmetric_linear"), "--method", "score"}
                                    << QStringLiteral("paratrace-cli trace: no traced method 'score' (traced: forward)\n");
    QTest::newRow("bad count") << QStringList{"check", model("symmetric_linear"), "--check-inputs", "many"}
                               << QStringLiteral("--check-inputs needs a non-negative integer, got 'many'\n");
    const QString unknown = write(QStringLiteral("unknown.paratrace.json"), R"({"format": "paratrace-model", "version": 1,
        "name": "u", "module": {"type": "Linear", "in_features": 2, "out_features": 2},
        "parametrizations": [{"tensor": "weight", "type": "Hyperbolic"}]})");
    QTest::newRow("plugin missing") << QStringList{"info", unknown}
                                    << QStringLiteral("$.parametrizations[0].type: no loaded plugin provides the parametrization \"Hyperbolic\"");
  }
  void bad_input_exits_with_2() {
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const CliRun r = run(arguments);
    QCOMPARE(r.exit_code, 2);
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
    QVERIFY(r.out.isEmpty());
  }
};

QTEST_GUILESS_MAIN(TestCliModel)
#include "tst_cli_model.moc"
