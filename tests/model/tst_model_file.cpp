// Model files (docs/model-format.md): every layer type with PyTorch's
// keywords, children order, weights saved before and after parametrizing,
// parametrizations through plugins with their options checked, example
// inputs, saving, and every error naming the file, the JSON path and the reason.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include "model_error.h"
#include "model_file.h"
#include "model_saver.h"
#include "model_test_util.h"
#include "module_factory.h"
#include "paratrace/autograd/grad_mode.h"
#include "paratrace/io/safetensors.h"
#include "paratrace/nn/parametrize.h"
#include "paratrace/nn/parametrize_inspect.h"
#include "paratrace/tensor/factories.h"
#include "paratrace/tensor/ops.h"
#include "tracing.h"

using namespace paratrace;
using paratrace::model::ModelFile;

namespace {

QByteArray model_json(const QByteArray& module, const QByteArray& extra = {}) {
  return "{\"format\": \"paratrace-model\", \"version\": 1, \"name\": \"t\", \"module\": " + module +
         (extra.isEmpty() ? QByteArray() : ", " + extra) + "}";
}

// "weight[2, 3] bias[2]": the state_dict's keys and shapes, in order.
QString state_text(const nn::Module& module) {
  QStringList parts;
  for (const auto& [key, value] : module.state_dict()) {
    QStringList sizes;
    for (const auto size : value.sizes()) sizes << QString::number(size);
    parts << QString::fromStdString(key) + QLatin1Char('[') + sizes.join(QLatin1String(", ")) + QLatin1Char(']');
  }
  return parts.join(QLatin1Char(' '));
}

Tensor sym(const Tensor& x) { return x.triu() + x.triu(1).mT(); }

}  // namespace

class TestModelFile : public QObject {
  Q_OBJECT

  QTemporaryDir dir_;
  pluginhost::PluginManager plugins_;
  QList<QByteArray> layer_rows_;  // every module JSON every_layer_type ran

  ModelFile load(const QByteArray& text, const QString& name = QStringLiteral("m.paratrace.json")) {
    return model::load_model(model_test::write_file(dir_, name, text), plugins_);
  }

 private slots:
  void initTestCase() {
    QVERIFY(dir_.isValid());
    QVERIFY2(model_test::load_builtin_plugins(plugins_), "the built-in symmetric plugin did not load");
    QVERIFY(model_test::load_shift_plugin(plugins_));
    io::save_safetensors(dir_.filePath(QStringLiteral("linear3.safetensors")).toStdString(),
                         {{"weight", arange(9).reshape({3, 3}).to(ScalarType::Float32)}, {"bias", ones({3})}});
    io::save_safetensors(dir_.filePath(QStringLiteral("wrong_shape.safetensors")).toStdString(),
                         {{"weight", zeros({2, 2})}, {"bias", ones({3})}});
    io::save_safetensors(dir_.filePath(QStringLiteral("missing_key.safetensors")).toStdString(), {{"weight", zeros({3, 3})}});
    io::save_safetensors(dir_.filePath(QStringLiteral("inputs.safetensors")).toStdString(),
                         {{"x", arange(6).reshape({2, 3}).to(ScalarType::Float32)}});
  }

  void every_layer_type_data() {
    QTest::addColumn<QByteArray>("module");
    QTest::addColumn<QString>("repr");
    QTest::addColumn<QString>("state");
    QTest::newRow("Identity") << QByteArray(R"({"type": "Identity"})") << "Identity()" << "";
    QTest::newRow("Linear") << QByteArray(R"({"type": "Linear", "in_features": 3, "out_features": 2})")
                            << "Linear(in_features=3, out_features=2, bias=True)" << "weight[2, 3] bias[2]";
    QTest::newRow("Linear no bias") << QByteArray(R"({"type": "Linear", "in_features": 3, "out_features": 2, "bias": false})")
                                    << "bias=False" << "weight[2, 3]";
    QTest::newRow("Bilinear") << QByteArray(R"({"type": "Bilinear", "in1_features": 2, "in2_features": 3, "out_features": 4})")
                              << "Bilinear(in1_features=2, in2_features=3, out_features=4, bias=True)"
                              << "weight[4, 2, 3] bias[4]";
    QTest::newRow("Conv2d") << QByteArray(R"({"type": "Conv2d", "in_channels": 2, "out_channels": 4, "kernel_size": [3, 1],
                                             "stride": 2, "padding": [1, 0], "dilation": 1, "groups": 2, "bias": false,
                                             "padding_mode": "zeros"})")
                            << "Conv2d(2, 4, kernel_size=(3, 1), stride=(2, 2), padding=(1, 0), groups=2, bias=False)"
                            << "weight[4, 1, 3, 1]";
    QTest::newRow("ReLU") << QByteArray(R"({"type": "ReLU", "inplace": false})") << "ReLU()" << "";
    QTest::newRow("LeakyReLU") << QByteArray(R"({"type": "LeakyReLU", "negative_slope": 0.2})") << "negative_slope=0.2" << "";
    QTest::newRow("ReLU6") << QByteArray(R"({"type": "ReLU6"})") << "ReLU6()" << "";
    QTest::newRow("Hardtanh") << QByteArray(R"({"type": "Hardtanh", "min_val": -2, "max_val": 3})")
                              << "Hardtanh(min_val=-2.0, max_val=3.0)" << "";
    QTest::newRow("GELU") << QByteArray(R"({"type": "GELU", "approximate": "tanh"})") << "GELU(approximate='tanh')" << "";
    QTest::newRow("Sigmoid") << QByteArray(R"({"type": "Sigmoid"})") << "Sigmoid()" << "";
    QTest::newRow("Tanh") << QByteArray(R"({"type": "Tanh"})") << "Tanh()" << "";
    QTest::newRow("Softmax") << QByteArray(R"({"type": "Softmax", "dim": 1})") << "Softmax(dim=1)" << "";
    QTest::newRow("Dropout") << QByteArray(R"({"type": "Dropout", "p": 0.25})") << "Dropout(p=0.25" << "";
    QTest::newRow("Flatten") << QByteArray(R"({"type": "Flatten", "start_dim": 0, "end_dim": 1})")
                             << "Flatten(start_dim=0, end_dim=1)" << "";
    QTest::newRow("LayerNorm") << QByteArray(R"({"type": "LayerNorm", "normalized_shape": [2, 3], "eps": 1e-6})")
                               << "LayerNorm((2, 3), eps=1e-06, elementwise_affine=True)" << "weight[2, 3] bias[2, 3]";
    QTest::newRow("LayerNorm int") << QByteArray(R"({"type": "LayerNorm", "normalized_shape": 4, "elementwise_affine": false})")
                                   << "LayerNorm((4,)" << "";
    QTest::newRow("GroupNorm") << QByteArray(R"({"type": "GroupNorm", "num_groups": 2, "num_channels": 4, "affine": true})")
                               << "GroupNorm(2, 4, eps=1e-05, affine=True)" << "weight[4] bias[4]";
    QTest::newRow("BatchNorm1d") << QByteArray(R"({"type": "BatchNorm1d", "num_features": 3, "momentum": null})")
                                 << "BatchNorm1d(3, eps=1e-05, momentum=None, affine=True, track_running_stats=True)"
                                 << "weight[3] bias[3] running_mean[3] running_var[3] num_batches_tracked[]";
    QTest::newRow("BatchNorm2d") << QByteArray(R"({"type": "BatchNorm2d", "num_features": 2, "affine": false,
                                                  "track_running_stats": false, "eps": 0.001})")
                                 << "BatchNorm2d(2, eps=0.001, momentum=0.1, affine=False, track_running_stats=False)" << "";
    QTest::newRow("MaxPool2d") << QByteArray(R"({"type": "MaxPool2d", "kernel_size": 2, "stride": 1, "padding": 1,
                                                "dilation": 1, "ceil_mode": true, "return_indices": false})")
                               << "MaxPool2d(kernel_size=2, stride=1, padding=1, dilation=1, ceil_mode=True)" << "";
    QTest::newRow("AvgPool2d") << QByteArray(R"({"type": "AvgPool2d", "kernel_size": [2, 2], "stride": null,
                                                "count_include_pad": false, "divisor_override": null})")
                               << "AvgPool2d(kernel_size=(2, 2), stride=(2, 2), padding=0)" << "";
    QTest::newRow("RNNCell") << QByteArray(R"({"type": "RNNCell", "input_size": 3, "hidden_size": 4, "nonlinearity": "relu"})")
                             << "RNNCell(3, 4, nonlinearity=relu)" << "weight_ih[4, 3] weight_hh[4, 4] bias_ih[4] bias_hh[4]";
    QTest::newRow("GRUCell") << QByteArray(R"({"type": "GRUCell", "input_size": 3, "hidden_size": 4, "bias": false})")
                             << "GRUCell(3, 4, bias=False)" << "weight_ih[12, 3] weight_hh[12, 4]";
    QTest::newRow("LSTMCell") << QByteArray(R"({"type": "LSTMCell", "input_size": 3, "hidden_size": 4})") << "LSTMCell(3, 4)"
                              << "weight_ih[16, 3] weight_hh[16, 4] bias_ih[16] bias_hh[16]";
    QTest::newRow("Embedding") << QByteArray(R"({"type": "Embedding", "num_embeddings": 10, "embedding_dim": 3, "padding_idx": -1})")
                               << "Embedding(10, 3, padding_idx=9)" << "weight[10, 3]";
    QTest::newRow("Sequential") << QByteArray(R"({"type": "Sequential", "children": [{"type": "Linear", "in_features": 2,
                                                 "out_features": 2}, {"type": "ReLU"}]})")
                                << "(1): ReLU()" << "0.weight[2, 2] 0.bias[2]";
    QTest::newRow("ModuleList") << QByteArray(R"({"type": "ModuleList", "children": {"0": {"type": "Linear", "in_features": 1,
                                                 "out_features": 1}}})")
                                << "ModuleList(" << "0.weight[1, 1] 0.bias[1]";
    QTest::newRow("ModuleDict") << QByteArray(R"({"type": "ModuleDict", "children": {"b": {"type": "Linear", "in_features": 1,
                                                 "out_features": 1}, "a": {"type": "Identity"}}})")
                                << "(b): Linear" << "b.weight[1, 1] b.bias[1]";
    QTest::newRow("Recurrence") << QByteArray(R"({"type": "Recurrence", "seq_len": 4, "cell": {"type": "GRUCell",
                                                 "input_size": 2, "hidden_size": 3}})")
                                << "Recurrence(\n  seq_len=4" << "cell.weight_ih[9, 2] cell.weight_hh[9, 3] cell.bias_ih[9] cell.bias_hh[9]";
  }
  void every_layer_type() {
    QFETCH(QByteArray, module);
    layer_rows_ << module;
    QFETCH(QString, repr);
    QFETCH(QString, state);
    const ModelFile m = load(model_json(module));
    const QString text = QString::fromStdString(m.module->repr());
    QVERIFY2(text.contains(repr), qPrintable(text));
    QCOMPARE(state_text(*m.module), state);
    QVERIFY(!m.module->is_training());  // eval unless the file says otherwise
  }

  void every_type_is_tested() {
    // A type added to the factory without a row in every_layer_type fails here.
    QSet<QString> tested;
    for (int i = 0; i < layer_rows_.size(); ++i)
      tested.insert(QJsonDocument::fromJson(layer_rows_[i]).object().value(QStringLiteral("type")).toString());
    const QStringList names = model::module_type_names();
    QCOMPARE(tested, QSet<QString>(names.begin(), names.end()));
  }

  void recurrence_runs_the_cell_over_the_sequence_data() {
    QTest::addColumn<QString>("cell");
    QTest::newRow("RNNCell") << "RNNCell";
    QTest::newRow("GRUCell") << "GRUCell";
    QTest::newRow("LSTMCell") << "LSTMCell";
  }
  void recurrence_runs_the_cell_over_the_sequence() {
    QFETCH(QString, cell);
    const ModelFile m = load(model_json(QStringLiteral(R"({"type": "Recurrence", "seq_len": 3, "cell": {"type": "%1",
                                                          "input_size": 2, "hidden_size": 4}})").arg(cell).toUtf8()));
    const Tensor x = randn({3, 5, 2});
    const Tensor y = (*m.module)(x);
    QCOMPARE(y.sizes(), (Shape{3, 5, 4}));
    // The same loop by hand: each step's state is the previous step's output.
    nn::Module& c = *m.module->child("cell");
    IValue state = c.call({x.select(0, 0)});
    for (std::int64_t t = 1; t < 3; ++t) state = c.call({x.select(0, t), state});
    const Tensor last = state.is_tuple() ? state.tuple_elements()[0].to_tensor() : state.to_tensor();
    QVERIFY(y.select(0, 2).allclose(last));
    try {
      (*m.module)(randn({4, 5, 2}));
      QFAIL("no error");
    } catch (const ValueError& e) {
      QVERIFY2(QString::fromUtf8(e.what()).contains(QStringLiteral("seq_len=3")), e.what());
    }
  }

  void dtype_float64_casts_parameters() {
    const ModelFile m = load(model_json(R"({"type": "Linear", "in_features": 2, "out_features": 2, "dtype": "float64"})"));
    QCOMPARE(m.module->attr("weight").dtype(), ScalarType::Float64);
    QCOMPARE(m.module->attr("bias").dtype(), ScalarType::Float64);
  }

  void named_children_keep_the_file_order() {
    const ModelFile m = load(model_json(R"({"type": "Sequential", "children": {
        "z": {"type": "Linear", "in_features": 2, "out_features": 3},
        "a": {"type": "Linear", "in_features": 3, "out_features": 1}}})"));
    const auto children = m.module->named_children();
    QCOMPARE(children.size(), std::size_t(2));
    QCOMPARE(children[0].first, std::string("z"));
    QCOMPARE(children[1].first, std::string("a"));
    QCOMPARE((*m.module)(ones({4, 2})).sizes(), (Shape{4, 1}));
  }

  void seed_fixes_the_default_initialisation() {
    const QByteArray linear = R"({"type": "Linear", "in_features": 4, "out_features": 4})";
    const Tensor a = load(model_json(linear, R"("seed": 7)")).module->attr("weight");
    const Tensor b = load(model_json(linear, R"("seed": 7)")).module->attr("weight");
    const Tensor c = load(model_json(linear, R"("seed": 8)")).module->attr("weight");
    QVERIFY(a.equal(b));
    QVERIFY(!a.equal(c));
  }

  void training_flag() {
    const QByteArray linear = R"({"type": "Dropout"})";
    QVERIFY(!load(model_json(linear)).module->is_training());
    QVERIFY(load(model_json(linear, R"("training": true)")).module->is_training());
  }

  void weights_saved_before_parametrizing_run_right_inverse() {
    const ModelFile m = load(model_json(R"({"type": "Linear", "in_features": 3, "out_features": 3})",
                                        R"("weights": "linear3.safetensors",
                                           "parametrizations": [{"module": "", "tensor": "weight", "type": "Symmetric"}])"));
    QCOMPARE(m.weights_kind, model::WeightsKind::BeforeParametrizing);
    const Tensor w = arange(9).reshape({3, 3}).to(ScalarType::Float32);
    QVERIFY(m.module->attr("weight").equal(sym(w)));
    // Symmetric's right_inverse (triu) ran on the loaded weight, as in PyTorch.
    QVERIFY(nn::parametrize::parametrization_list(*m.module, "weight")->originals()[0].equal(w.triu()));
    QVERIFY(m.module->attr("bias").equal(ones({3})));
  }

  void weights_saved_after_parametrizing_load_into_the_originals() {
    const Tensor original = arange(9).reshape({3, 3}).to(ScalarType::Float32) - 4.0;
    io::save_safetensors(dir_.filePath(QStringLiteral("after.safetensors")).toStdString(),
                         {{"bias", zeros({3})}, {"parametrizations.weight.original", original}});
    const ModelFile m = load(model_json(R"({"type": "Linear", "in_features": 3, "out_features": 3})",
                                        R"("weights": "after.safetensors",
                                           "parametrizations": [{"module": "", "tensor": "weight", "type": "Symmetric"}])"));
    QCOMPARE(m.weights_kind, model::WeightsKind::AfterParametrizing);
    QVERIFY(nn::parametrize::parametrization_list(*m.module, "weight")->originals()[0].equal(original));
    QVERIFY(m.module->attr("weight").equal(sym(original)));
  }

  void chains_and_options_through_plugins() {
    const ModelFile m = load(model_json(R"({"type": "Sequential", "children": {"0": {"type": "Linear", "in_features": 3,
                                          "out_features": 3}}})",
                                        R"("parametrizations": [
                                             {"module": "0", "tensor": "weight", "type": "Symmetric"},
                                             {"module": "0", "tensor": "weight", "type": "Shift", "options": {"offset": "2.5"}},
                                             {"module": "0", "tensor": "bias", "type": "Shift", "unsafe": true}])"));
    nn::Module& linear = *m.module->child("0");
    const auto weight_chain = nn::parametrize::parametrization_list(linear, "weight");
    QCOMPARE(weight_chain->size(), std::size_t(2));
    QVERIFY(linear.attr("weight").allclose(sym(weight_chain->originals()[0]) + 2.5));
    const auto bias_chain = nn::parametrize::parametrization_list(linear, "bias");
    QVERIFY(bias_chain->unsafe());
    QVERIFY(linear.attr("bias").allclose(bias_chain->originals()[0] + 1.0));  // the option's default
    // Options are kept as the schema types them: "2.5" became a double.
    QCOMPARE(m.parametrizations.size(), std::size_t(3));
    QCOMPARE(m.parametrizations[1].options.value(QStringLiteral("offset")).typeId(), QMetaType::Double);
    QCOMPARE(m.parametrizations[1].options.value(QStringLiteral("offset")).toDouble(), 2.5);
  }

  void nested_registration_on_an_original() {
    const ModelFile m = load(model_json(R"({"type": "Linear", "in_features": 3, "out_features": 3})",
                                        R"("parametrizations": [
                                             {"module": "", "tensor": "weight", "type": "Shift", "options": {"offset": 1}},
                                             {"module": "parametrizations.weight", "tensor": "original", "type": "Symmetric"}])"));
    const auto info = nn::parametrize::describe_all(*m.module);
    QCOMPARE(info.size(), std::size_t(2));
    const Tensor inner = nn::parametrize::parametrization_list(*m.module->get_submodule("parametrizations.weight"), "original")
                             ->originals()[0];
    QVERIFY(m.module->attr("weight").allclose(sym(inner) + 1.0));
  }

  void example_inputs_nested_named_and_from_files() {
    const ModelFile m = load(model_json(R"({"type": "Identity"})", R"("example_inputs": {"forward": [
        [{"shape": [2], "init": "zeros"}, {"shape": [1, 2], "init": "ones", "dtype": "float64"}],
        {"dict": {"b": {"shape": [3], "init": "rand", "seed": 4}, "a": {"file": "inputs.safetensors", "name": "x"}}},
        {"list": [{"shape": [2, 2], "dtype": "int64", "init": "zeros"}]}]})"));
    QCOMPARE(m.example_inputs.size(), std::size_t(1));
    const Stack& args = m.example_inputs[0].second;
    QCOMPARE(args.size(), std::size_t(3));
    QVERIFY(args[0].is_tuple());
    QVERIFY(args[0].tuple_elements()[0].to_tensor().equal(zeros({2})));
    QCOMPARE(args[0].tuple_elements()[1].to_tensor().dtype(), ScalarType::Float64);
    QVERIFY(args[1].is_dict());
    QCOMPARE(args[1].dict_items()[0].first, std::string("b"));  // the file's order
    QVERIFY(args[1].dict_items()[1].second.to_tensor().equal(arange(6).reshape({2, 3}).to(ScalarType::Float32)));
    QVERIFY(args[2].is_list());
    QCOMPARE(args[2].list_elements()[0].to_tensor().dtype(), ScalarType::Int64);
  }

  void seeded_example_inputs_repeat() {
    const QByteArray extra = R"("example_inputs": {"forward": [{"shape": [4], "seed": 11}]})";
    const Tensor a = load(model_json(R"({"type": "Identity"})", extra)).example_inputs[0].second[0].to_tensor();
    const Tensor b = load(model_json(R"({"type": "Identity"})", extra)).example_inputs[0].second[0].to_tensor();
    QVERIFY(a.equal(b));
  }

  void methods_run_a_submodule() {
    const ModelFile m = load(model_json(R"({"type": "Sequential", "children": [{"type": "Linear", "in_features": 2,
                                           "out_features": 3}, {"type": "ReLU"}]})",
                                        R"("methods": {"first": "0"},
                                           "example_inputs": {"first": [{"shape": [1, 2]}], "forward": [{"shape": [1, 2]}]})"));
    const Tensor x = ones({1, 2});
    QVERIFY(m.module->call_method("first", {x}).to_tensor().equal((*m.module->child("0"))(x)));
    QCOMPARE(m.example_inputs[0].first, std::string("forward"));  // forward first
    const auto traced = model::trace_model(m);
    QCOMPARE(traced->method_names().size(), std::size_t(2));
    QVERIFY(traced->run_method("first", {x}).to_tensor().allclose(m.module->call_method("first", {x}).to_tensor()));
  }

  void save_and_load_again() {
    const ModelFile m = load(model_json(R"({"type": "Sequential", "children": {
        "z": {"type": "Linear", "in_features": 3, "out_features": 3},
        "a": {"type": "ReLU"}}})",
                                        R"("seed": 3, "training": true,
                                           "parametrizations": [{"module": "z", "tensor": "weight", "type": "Symmetric"}],
                                           "example_inputs": {"forward": [{"file": "inputs.safetensors", "name": "x"}]})"));
    QTemporaryDir other;
    QVERIFY(other.isValid());
    QVERIFY(QDir(other.path()).mkpath(QStringLiteral("sub")));
    const QString saved = QDir(other.path()).filePath(QStringLiteral("sub/copy.paratrace.json"));
    model::save_model(m, saved);
    QVERIFY(QFileInfo::exists(QDir(other.path()).filePath(QStringLiteral("sub/copy.safetensors"))));
    const ModelFile back = model::load_model(saved, plugins_);
    QCOMPARE(back.weights_kind, model::WeightsKind::AfterParametrizing);
    QVERIFY(back.module->is_training());
    QCOMPARE(back.module->named_children()[0].first, std::string("z"));
    const Tensor x = back.example_inputs[0].second[0].to_tensor();  // the input file, found from the new place
    QVERIFY(x.equal(arange(6).reshape({2, 3}).to(ScalarType::Float32)));
    QVERIFY((*back.module)(x).equal((*m.module)(x)));
    QCOMPARE(state_text(*back.module), state_text(*m.module));
  }

  // Inputs the app traced with (other than the file's) are saved beside the
  // model and read back with the same nesting and values.
  void save_writes_edited_example_inputs() {
    ModelFile m = load(model_json(R"({"type": "Linear", "in_features": 3, "out_features": 2})",
                                  R"("example_inputs": {"forward": [{"shape": [1, 3]}]})"));
    const Tensor x = randn({4, 3});
    const IValue nested = IValue::tuple({IValue(ones({2})), IValue::list({IValue(zeros({1, 2}))}),
                                         IValue::dict({{"k", IValue(full({3}, 2.5))}})});
    m.example_inputs = {{"forward", Stack{IValue(x)}}, {"other", Stack{nested}}};
    m.example_inputs_edited = true;
    const QString saved = QDir(dir_.path()).filePath(QStringLiteral("inputs_edited.paratrace.json"));
    const QJsonObject json = model::save_model(m, saved);
    QCOMPARE(json.value(QStringLiteral("example_inputs")).toObject().value(QStringLiteral("forward")).toArray()[0]
                 .toObject().value(QStringLiteral("file")).toString(),
             QStringLiteral("inputs_edited.inputs.safetensors"));
    QDir base(dir_.path());
    const model::MethodInputs back = model::read_example_inputs(
        model::JsonNode(saved, QStringLiteral("$.example_inputs"), json.value(QStringLiteral("example_inputs"))), base);
    QCOMPARE(back.size(), std::size_t(2));
    QVERIFY(back[0].second[0].to_tensor().equal(x));
    const IValue& got = back[1].second[0];
    QVERIFY(got.is_tuple());
    QVERIFY(got.tuple_elements()[0].to_tensor().equal(ones({2})));
    QVERIFY(got.tuple_elements()[1].list_elements()[0].to_tensor().equal(zeros({1, 2})));
    QCOMPARE(got.tuple_elements()[2].dict_items()[0].first, std::string("k"));
    QVERIFY(got.tuple_elements()[2].dict_items()[0].second.to_tensor().equal(full({3}, 2.5)));

    m.example_inputs = {{"forward", Stack{IValue(std::int64_t(3))}}};
    try {
      model::save_model(m, saved);
      QFAIL("no error");
    } catch (const model::ModelFileSchemaError& e) {
      QCOMPARE(e.json_path(), QStringLiteral("$.example_inputs.forward"));
      QVERIFY2(e.reason().contains(QStringLiteral("not int")), qPrintable(e.reason()));
    }
  }

  void save_writes_the_parametrizations_of_the_edited_module() {
    ModelFile m = load(model_json(R"({"type": "Sequential", "children": {
        "a": {"type": "Linear", "in_features": 3, "out_features": 3},
        "b": {"type": "Linear", "in_features": 3, "out_features": 3}}})",
                                  R"("parametrizations": [{"module": "a", "tensor": "weight", "type": "Symmetric"}])"));
    // Edited as the app does: a chain removed (its value kept), two added,
    // one of them nested on an original, the list kept in step.
    nn::parametrize::remove_parametrizations(*m.module->child("a"), "weight", /*leave_parametrized=*/true);
    nn::parametrize::register_parametrization(*m.module->child("b"), "weight", plugins_.create(QStringLiteral("Shift"), {{QStringLiteral("offset"), 2.5}}));
    nn::parametrize::register_parametrization(*m.module->get_submodule("b.parametrizations.weight"), "original",
                                              plugins_.create(QStringLiteral("Symmetric")), /*unsafe=*/true);
    m.parametrizations = {{QStringLiteral("b"), QStringLiteral("weight"), QStringLiteral("Shift"), {{QStringLiteral("offset"), 2.5}}, false},
                          {QStringLiteral("b.parametrizations.weight"), QStringLiteral("original"), QStringLiteral("Symmetric"), {}, true}};
    const QString saved = dir_.filePath(QStringLiteral("edited.paratrace.json"));
    const QJsonObject written = model::save_model(m, saved);

    QFile file(saved);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject json = QJsonDocument::fromJson(file.readAll()).object();
    QCOMPARE(json, written);
    const QJsonArray expected = QJsonDocument::fromJson(R"([
        {"module": "b", "tensor": "weight", "type": "Shift", "options": {"offset": 2.5}},
        {"module": "b.parametrizations.weight", "tensor": "original", "type": "Symmetric", "unsafe": true}])").array();
    QCOMPARE(json.value(QStringLiteral("parametrizations")).toArray(), expected);

    const ModelFile back = model::load_model(saved, plugins_);
    QCOMPARE(back.weights_kind, model::WeightsKind::AfterParametrizing);
    QVERIFY(!nn::parametrize::is_parametrized(*back.module->child("a"), "weight"));
    QCOMPARE(nn::parametrize::describe_all(*back.module).size(), std::size_t(2));
    // The same entries; a.weight, registered anew by the removal, now comes
    // after a.bias in the edited module, as in PyTorch.
    const nn::StateDict edited = m.module->state_dict(), reloaded = back.module->state_dict();
    QCOMPARE(reloaded.size(), edited.size());
    for (const auto& [key, value] : edited) QVERIFY2(reloaded.find(key) && reloaded.find(key)->equal(value), key.c_str());
    for (const char* path : {"a", "b"})
      QVERIFY(back.module->child(path)->attr("weight").equal(m.module->child(path)->attr("weight")));

    // With no chain left the list goes, and the plain weights load as such.
    nn::parametrize::remove_parametrizations(*m.module->get_submodule("b.parametrizations.weight"), "original", true);
    nn::parametrize::remove_parametrizations(*m.module->child("b"), "weight", /*leave_parametrized=*/true);
    m.parametrizations.clear();
    QVERIFY(!model::save_model(m, saved).contains(QStringLiteral("parametrizations")));
    QCOMPARE(model::load_model(saved, plugins_).weights_kind, model::WeightsKind::BeforeParametrizing);
  }

  void save_keeps_buffers_the_state_dict_leaves_out() {
    // FakeSparsity's mask is built from the weight when registered and left
    // out of the state_dict; reopening registers it on the seeded default
    // weight, so without the saved mask it would differ.
    ModelFile m = load(model_json(R"({"type": "Linear", "in_features": 4, "out_features": 4})", R"("seed": 1)"));
    {
      autograd::NoGradGuard no_grad;
      m.module->attr("weight").copy_(arange(16).reshape({4, 4}).to(ScalarType::Float32));
    }
    nn::parametrize::register_parametrization(*m.module, "weight", plugins_.create(QStringLiteral("FakeSparsity")));
    m.parametrizations = {{QString(), QStringLiteral("weight"), QStringLiteral("FakeSparsity"), {}, false}};
    const QString saved = dir_.filePath(QStringLiteral("masked.paratrace.json"));
    const QJsonObject json = model::save_model(m, saved);
    QCOMPARE(json.value(QStringLiteral("buffers")).toString(), QStringLiteral("masked.buffers.safetensors"));
    const ModelFile back = model::load_model(saved, plugins_);
    const Tensor mask = m.module->get_buffer("parametrizations.weight.0.mask");
    QCOMPARE(sum(mask).item<double>(), 8.0);  // the 8 largest of 0..15 kept
    QVERIFY(back.module->get_buffer("parametrizations.weight.0.mask").equal(mask));
    QVERIFY(back.module->attr("weight").equal(m.module->attr("weight")));
  }

  void save_that_cannot_write_the_json_leaves_the_weights_alone() {
    const ModelFile m = load(model_json(R"({"type": "Linear", "in_features": 2, "out_features": 2})", ""));
    QVERIFY(QDir(dir_.path()).mkpath(QStringLiteral("blocked.paratrace.json")));  // a directory: no file there
    const QString json = dir_.filePath(QStringLiteral("blocked.paratrace.json"));
    try {
      model::save_model(m, json);
      QFAIL("no error");
    } catch (const model::ModelFileReadError& e) {
      QVERIFY(QString::fromStdString(e.what()).contains(json));
    }
    QVERIFY(!QFileInfo::exists(dir_.filePath(QStringLiteral("blocked.safetensors"))));
  }

  void load_for_tracing_reads_model_and_traced_files() {
    const QString path = model_test::write_file(
        dir_, QStringLiteral("traceable.paratrace.json"),
        model_json(R"({"type": "Linear", "in_features": 3, "out_features": 2})", R"("example_inputs": {"forward": [{"shape": [1, 3]}]})"));
    const auto traced = model::load_for_tracing(path, plugins_);
    QVERIFY(QString::fromStdString(traced->graph()->str()).contains(QStringLiteral("aten::linear")));
    const QString traced_path = dir_.filePath(QStringLiteral("traced.safetensors"));
    traced->save(traced_path.toStdString());
    const auto again = model::load_for_tracing(traced_path, plugins_);
    const Tensor x = ones({1, 3});
    QVERIFY(again->forward({x}).to_tensor().allclose(traced->forward({x}).to_tensor()));
  }

  void a_safetensors_header_length_ending_in_a_brace_is_no_json() {
    // 123 = '{': the first byte of this safetensors file looks like JSON.
    QByteArray header = R"({"__metadata__":{"paratrace.format":"other"}})";
    header.append(QByteArray(123 - header.size(), ' '));
    QByteArray bytes(8, '\0');
    bytes[0] = char(123);
    const QString path = model_test::write_file(dir_, QStringLiteral("brace.safetensors"), bytes + header);
    QVERIFY(!model::is_model_file(path));
    QVERIFY(model::is_model_file(model_test::write_file(dir_, QStringLiteral("j.json"), " \n{\"format\": 1}")));
    try {
      model::load_for_tracing(path, plugins_);
      QFAIL("no error");
    } catch (const model::ModelFileReadError& e) {
      QVERIFY2(!e.reason().contains(QStringLiteral("JSON")), qPrintable(e.reason()));
    }
  }

  void errors_data() {
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("reason");
    const QByteArray linear3 = R"({"type": "Linear", "in_features": 3, "out_features": 3})";
    const QByteArray linear32 = R"({"type": "Linear", "in_features": 3, "out_features": 2})";
    QTest::newRow("invalid JSON") << QByteArray("{\"format\": ") << "ModelFileReadError" << "$" << "invalid JSON at offset";
    QTest::newRow("not an object") << QByteArray("[1]") << "ModelFileSchemaError" << "$" << "expected a JSON object";
    QTest::newRow("wrong format") << QByteArray(R"({"format": "onnx", "version": 1, "name": "x", "module": {}})")
                                  << "ModelFileSchemaError" << "$.format" << "expected \"paratrace-model\", got \"onnx\"";
    QTest::newRow("wrong version") << QByteArray(R"({"format": "paratrace-model", "version": 2, "name": "x", "module": {}})")
                                   << "ModelFileSchemaError" << "$.version" << "unsupported version 2";
    QTest::newRow("no module") << QByteArray(R"({"format": "paratrace-model", "version": 1, "name": "x"})")
                               << "ModelFileSchemaError" << "$" << "missing required key \"module\"";
    QTest::newRow("unknown top-level key") << model_json(linear3, R"("wieghts": "w.safetensors")") << "ModelFileSchemaError"
                                           << "$.wieghts" << "unknown key \"wieghts\"";
    QTest::newRow("unknown type") << model_json(R"({"type": "Linaer"})") << "ModelFileSchemaError" << "$.module.type"
                                  << "unknown module type \"Linaer\" (known: AvgPool2d, ";
    QTest::newRow("unknown keyword") << model_json(R"({"type": "Sequential", "children": {"0": {"type": "Linear",
                                                      "in_features": 3, "out_featurs": 2}}})")
                                     << "ModelFileSchemaError" << "$.module.children.0" << "missing required key \"out_features\"";
    QTest::newRow("misspelt optional keyword") << model_json(R"({"type": "Sequential", "children": {"0": {"type": "Linear",
                                                                "in_features": 3, "out_features": 2, "biass": false}}})")
                                               << "ModelFileSchemaError" << "$.module.children.0.biass"
                                               << "unknown key \"biass\" (accepted here: bias, dtype, in_features, name, "
                                                  "out_features, type)";
    QTest::newRow("wrong value type") << model_json(R"({"type": "Sequential", "children": [{"type": "Linear",
                                                       "in_features": "3", "out_features": 2}]})")
                                      << "ModelFileSchemaError" << "$.module.children[0].in_features" << "expected a number, got a string";
    QTest::newRow("not an integer") << model_json(R"({"type": "Linear", "in_features": 2.5, "out_features": 2})")
                                    << "ModelFileSchemaError" << "$.module.in_features" << "expected an integer, got 2.5";
    QTest::newRow("constructor rejects") << model_json(R"({"type": "Conv2d", "in_channels": 4, "out_channels": 4,
                                                          "kernel_size": 3, "groups": 3})")
                                         << "ModelFileSchemaError" << "$.module" << "in_channels must be divisible by groups";
    QTest::newRow("bad dtype") << model_json(R"({"type": "Linear", "in_features": 2, "out_features": 2, "dtype": "int64"})")
                               << "ModelFileSchemaError" << "$.module.dtype" << "expected a floating-point dtype";
    QTest::newRow("inplace") << model_json(R"({"type": "ReLU", "inplace": true})") << "ModelFileSchemaError"
                             << "$.module.inplace" << "inplace=true is not supported";
    QTest::newRow("padding string") << model_json(R"({"type": "Conv2d", "in_channels": 1, "out_channels": 1,
                                                     "kernel_size": 3, "padding": "same"})")
                                    << "ModelFileSchemaError" << "$.module.padding" << "'same' and 'valid' are not supported";
    QTest::newRow("bad pair") << model_json(R"({"type": "MaxPool2d", "kernel_size": [1, 2, 3]})") << "ModelFileSchemaError"
                              << "$.module.kernel_size" << "a list of 2 integers, got 3 values";
    QTest::newRow("ModuleList names") << model_json(R"({"type": "ModuleList", "children": {"x": {"type": "ReLU"}}})")
                                      << "ModelFileSchemaError" << "$.module" << "numbered 0, 1, ...; got \"x\"";
    QTest::newRow("Hardtanh limits") << model_json(R"({"type": "Hardtanh", "min_val": 1, "max_val": 0})")
                                     << "ModelFileSchemaError" << "$.module" << "max_val (0) must be greater than min_val (1)";
    QTest::newRow("Recurrence cell") << model_json(R"({"type": "Recurrence", "seq_len": 3, "cell": {"type": "ReLU"}})")
                                     << "ModelFileSchemaError" << "$.module.cell" << "must be an RNNCell, GRUCell or LSTMCell, got ReLU";
    QTest::newRow("weights missing") << model_json(linear3, R"("weights": "nowhere.safetensors")") << "ModelFileReadError"
                                     << "$.weights" << "nowhere.safetensors";
    QTest::newRow("weights shape") << model_json(linear3, R"("weights": "wrong_shape.safetensors")") << "ModelFileWeightsError"
                                   << "$.weights" << "size mismatch for weight: copying a param with shape torch.Size([2, 2]) from checkpoint";
    QTest::newRow("buffers name") << model_json(linear3, R"("buffers": "missing_key.safetensors")") << "ModelFileWeightsError"
                                  << "$.buffers" << "`weight` is not a buffer";
    QTest::newRow("weights key") << model_json(linear3, R"("weights": "missing_key.safetensors")") << "ModelFileWeightsError"
                                 << "$.weights" << "Missing key(s) in state_dict: \"bias\"";
    // The available types follow; which ones depends on the built-in plugins.
    QTest::newRow("plugin missing") << model_json(linear3, R"("parametrizations": [{"tensor": "weight", "type": "Hyperbolic"}])")
                                    << "ModelFilePluginError" << "$.parametrizations[0].type"
                                    << "no loaded plugin provides the parametrization \"Hyperbolic\" (available: ";
    QTest::newRow("option out of range") << model_json(linear3, R"("parametrizations": [{"tensor": "weight", "type": "Shift",
                                                                   "options": {"offset": 20}}])")
                                         << "ModelFilePluginError" << "$.parametrizations[0].options.offset" << "option 'offset': ";
    QTest::newRow("unknown option") << model_json(linear3, R"("parametrizations": [{"tensor": "weight", "type": "Shift",
                                                              "options": {"ofset": 1}}])")
                                    << "ModelFilePluginError" << "$.parametrizations[0].options.ofset" << "option 'ofset': ";
    QTest::newRow("not applicable") << model_json(linear32, R"("parametrizations": [{"tensor": "weight", "type": "Symmetric"}])")
                                    << "ModelFilePluginError" << "$.parametrizations[0].tensor"
                                    << "Symmetric needs a square matrix (or a batch of them), got shape [2, 3]";
    QTest::newRow("options do not fit") << model_json(linear32, R"("parametrizations": [{"tensor": "weight", "type": "LowRank",
                                                                  "options": {"rank": 5}}])")
                                        << "ModelFilePluginError" << "$.parametrizations[0].tensor"
                                        << "LowRank: rank 5 is larger than min(n, m) = 2 for shape [2, 3]";
    QTest::newRow("unknown module path") << model_json(linear3, R"("parametrizations": [{"module": "fc9", "tensor": "weight",
                                                                   "type": "Symmetric"}])")
                                         << "ModelFileSchemaError" << "$.parametrizations[0].module" << "fc9";
    QTest::newRow("unknown tensor") << model_json(linear3, R"("parametrizations": [{"tensor": "wieght", "type": "Symmetric"}])")
                                    << "ModelFileSchemaError" << "$.parametrizations[0].tensor"
                                    << "Linear has no parameter or buffer \"wieght\"";
    QTest::newRow("spec key") << model_json(linear3, R"("parametrizations": [{"tensor": "weight", "type": "Symmetric", "unsfe": true}])")
                              << "ModelFileSchemaError" << "$.parametrizations[0].unsfe" << "unknown key \"unsfe\"";
    QTest::newRow("input dtype") << model_json(linear3, R"("example_inputs": {"forward": [{"shape": [1, 3], "dtype": "half"}]})")
                                 << "ModelFileSchemaError" << "$.example_inputs.forward[0].dtype" << "unknown dtype \"half\"";
    QTest::newRow("input init") << model_json(linear3, R"("example_inputs": {"forward": [{"shape": [1, 3], "init": "eye"}]})")
                                << "ModelFileSchemaError" << "$.example_inputs.forward[0].init" << "unknown init \"eye\"";
    QTest::newRow("input shape") << model_json(linear3, R"("example_inputs": {"forward": [{"shape": [1, -3]}]})")
                                 << "ModelFileSchemaError" << "$.example_inputs.forward[0].shape[1]" << "must not be negative";
    QTest::newRow("input file") << model_json(linear3, R"("example_inputs": {"forward": [{"file": "none.safetensors", "name": "x"}]})")
                                << "ModelFileReadError" << "$.example_inputs.forward[0].file" << "none.safetensors";
    QTest::newRow("input name") << model_json(linear3, R"("example_inputs": {"forward": [{"file": "inputs.safetensors", "name": "y"}]})")
                                << "ModelFileReadError" << "$.example_inputs.forward[0].name" << "holds no tensor named \"y\"";
    QTest::newRow("input kind") << model_json(linear3, R"("example_inputs": {"forward": [{"tensor": 1}]})")
                                << "ModelFileSchemaError" << "$.example_inputs.forward[0]" << "expected a tensor";
    QTest::newRow("unknown method") << model_json(linear3, R"("example_inputs": {"score": [{"shape": [1, 3]}]})")
                                    << "ModelFileSchemaError" << "$.example_inputs.score" << "the model has no method \"score\"";
    QTest::newRow("methods root") << model_json(linear3, R"("methods": {"f": ""})") << "ModelFileSchemaError" << "$.methods"
                                  << "methods need a Sequential root module, got Linear";
    QTest::newRow("method target") << model_json(R"({"type": "Sequential", "children": [{"type": "ReLU"}]})",
                                                 R"("methods": {"f": "7"})")
                                   << "ModelFileSchemaError" << "$.methods.f" << "7";
  }
  void errors() {
    QFETCH(QByteArray, text);
    QFETCH(QString, type);
    QFETCH(QString, path);
    QFETCH(QString, reason);
    const QString file = model_test::write_file(dir_, QStringLiteral("bad.paratrace.json"), text);
    try {
      model::load_model(file, plugins_);
      QFAIL("no error");
    } catch (const model::ModelFileError& e) {
      QCOMPARE(QString::fromLatin1(e.python_type()), type);
      QCOMPARE(e.file(), file);
      QCOMPARE(e.json_path(), path);
      QVERIFY2(e.reason().contains(reason), qPrintable(e.reason()));
      QVERIFY(QString::fromUtf8(e.what()).startsWith(file + QStringLiteral(": ") + path + QStringLiteral(": ")));
    }
  }

  void missing_file() {
    try {
      model::load_model(dir_.filePath(QStringLiteral("absent.paratrace.json")), plugins_);
      QFAIL("no error");
    } catch (const model::ModelFileReadError& e) {
      QCOMPARE(e.json_path(), QStringLiteral("$"));
      QVERIFY2(e.reason().startsWith(QStringLiteral("cannot open the file")), qPrintable(e.reason()));
    }
  }

  void tracing_without_example_inputs() {
    const ModelFile m = load(model_json(R"({"type": "ReLU"})"));
    try {
      model::trace_model(m);
      QFAIL("no error");
    } catch (const model::ModelFileSchemaError& e) {
      QCOMPARE(e.json_path(), QStringLiteral("$.example_inputs"));
    }
  }

  void tracing_error_names_the_method() {
    const ModelFile m = load(model_json(R"({"type": "Linear", "in_features": 3, "out_features": 2})",
                                        R"("example_inputs": {"forward": [{"shape": [1, 4]}]})"));
    try {
      model::trace_model(m);
      QFAIL("no error");
    } catch (const model::ModelFileSchemaError& e) {
      QCOMPARE(e.json_path(), QStringLiteral("$.example_inputs.forward"));
      QVERIFY2(e.reason().startsWith(QStringLiteral("tracing forward failed: ")), qPrintable(e.reason()));
    }
  }
};

QTEST_GUILESS_MAIN(TestModelFile)
#include "tst_model_file.moc"
