// The built-in orthogonal plugin loaded from its file as a host loads it:
// metadata, options and their validation, applicability reasons, PyTorch's
// values and gradients for all three maps, orthogonality through training,
// assignment through right_inverse, and state_dict round trips; Cayley as
// the second step after Skew, as in PyTorch's parametrize tests.
#include <QTest>

#include "paratrace/nn/linear.h"
#include "paratrace/nn/parametrizations/orthogonal.h"
#include "paratrace/optim/sgd.h"
#include "paratrace/tensor/generator.h"
#include "parametrization_fixture.h"
#include "plugin_manager.h"

using namespace paratrace;
using paratrace::plugin::OptionSpec;
using paratrace::plugin::TensorSpec;

namespace {

const QString kBuiltinDir = QStringLiteral(PARATRACE_BUILTIN_PLUGIN_DIR);
const char* const kMaps[] = {"matrix_exp", "cayley", "householder"};

// max |Q^T Q - I| for tall Q, max |Q Q^T - I| for wide Q.
double orthonormality_error(const Tensor& Q) {
  const bool tall = Q.size(-2) >= Q.size(-1);
  const Tensor gram = tall ? matmul(Q.mT(), Q) : matmul(Q, Q.mT());
  return (gram - eye(gram.size(-1))).abs().max().item<double>();
}

Tensor random_orthogonal(std::int64_t rows, std::int64_t cols) {
  if (rows < cols) return random_orthogonal(cols, rows).mT().contiguous();
  return std::get<0>(linalg_qr(randn({rows, cols})));
}

}  // namespace

class TestPluginOrthogonal : public QObject {
  Q_OBJECT

  pluginhost::PluginManager manager_;

  QString check(const char* type, const Shape& shape, ScalarType dtype = ScalarType::Float32) const {
    return manager_.type(QLatin1String(type))->check(TensorSpec{shape, dtype}).value_or(QString());
  }
  std::shared_ptr<nn::Parametrization> orthogonal(const QString& map, bool trivialization = true) const {
    return manager_.create(QStringLiteral("Orthogonal"),
                           {{QStringLiteral("orthogonal_map"), map}, {QStringLiteral("use_trivialization"), trivialization}});
  }
  // The OptionError message of creating `type` with `options`.
  QString option_error(const char* type, const QVariantMap& options, QString* option) const {
    try {
      manager_.create(QLatin1String(type), options);
    } catch (const plugin::OptionError& e) {
      *option = e.option();
      return QString::fromUtf8(e.what());
    }
    return {};
  }

 private slots:
  void initTestCase() {
    // The whole directory: Cayley is tested after Skew of the symmetric plugin.
    manager_.load_directories({kBuiltinDir});
    for (const auto& error : manager_.errors()) QFAIL(qPrintable(error.file + QStringLiteral(": ") + error.reason));
  }
  void init() { manual_seed(0); }

  void metadata() {
    const QString file = kBuiltinDir + QStringLiteral("/libparatrace_orthogonal.so");
    QCOMPARE(manager_.provider(QStringLiteral("Orthogonal")), file);
    QCOMPARE(manager_.provider(QStringLiteral("Cayley")), file);
    for (const auto& loaded : manager_.plugins()) {
      if (loaded.file != file) continue;
      QCOMPARE(loaded.metadata.name, QStringLiteral("orthogonal"));
      QCOMPARE(loaded.metadata.version, QStringLiteral("0.1.0"));
      QCOMPARE(loaded.metadata.parametrizations, (QStringList{"Orthogonal", "Cayley"}));
      return;
    }
    QFAIL("the orthogonal plugin is not among the loaded ones");
  }

  void options_schema() {
    const auto options = manager_.type(QStringLiteral("Orthogonal"))->options();
    QCOMPARE(options.size(), 2);
    QCOMPARE(options[0].name, QStringLiteral("orthogonal_map"));
    QVERIFY(options[0].type == OptionSpec::Type::Choice);
    QCOMPARE(options[0].choices, (QStringList{"auto", "matrix_exp", "cayley", "householder"}));
    QCOMPARE(options[0].default_value.toString(), QStringLiteral("auto"));
    QCOMPARE(options[1].name, QStringLiteral("use_trivialization"));
    QVERIFY(options[1].type == OptionSpec::Type::Bool);
    QCOMPARE(options[1].default_value.toBool(), true);
    QVERIFY(manager_.type(QStringLiteral("Cayley"))->options().isEmpty());
  }

  void rejects_bad_options() {
    QString option;
    QCOMPARE(option_error("Orthogonal", {{QStringLiteral("orthogonal_map"), QStringLiteral("qr")}}, &option),
             QStringLiteral("option 'orthogonal_map': expected one of auto, matrix_exp, cayley, householder, got \"qr\""));
    QCOMPARE(option, QStringLiteral("orthogonal_map"));
    QCOMPARE(option_error("Orthogonal", {{QStringLiteral("use_trivialization"), 3}}, &option),
             QStringLiteral("option 'use_trivialization': expected true or false, got 3"));
    QCOMPARE(option, QStringLiteral("use_trivialization"));
    QCOMPARE(option_error("Cayley", {{QStringLiteral("orthogonal_map"), QStringLiteral("cayley")}}, &option),
             QStringLiteral("option 'orthogonal_map': there is no such option (this parametrization has none)"));
  }

  void applicability() {
    QCOMPARE(check("Orthogonal", {5, 3}), QString());
    QCOMPARE(check("Orthogonal", {2, 3, 5}, ScalarType::Float64), QString());
    QCOMPARE(check("Orthogonal", {8}), QStringLiteral("Orthogonal needs a matrix, got shape [8]"));
    QCOMPARE(check("Orthogonal", {4, 4}, ScalarType::Int64),
             QStringLiteral("Orthogonal needs a floating-point tensor, got torch.int64"));
    QCOMPARE(check("Cayley", {3, 3}), QString());
    QCOMPARE(check("Cayley", {3, 4}), QStringLiteral("Cayley needs a square matrix (or a batch of them), got shape [3, 4]"));
  }

  // What check() reports is also refused at registration, with PyTorch's
  // message, and the module is left as it was.
  void registration_on_a_vector_fails_cleanly() {
    nn::Linear layer(3, 4);
    QString why;
    QVERIFY2(test::throws_with<ValueError>(
                 [&] { nn::parametrize::register_parametrization(layer, "bias", orthogonal(QStringLiteral("auto"))); },
                 "Expected a matrix or batch of matrices. Got a tensor of 1 dimensions.", &why),
             qPrintable(why));
    QVERIFY(!nn::parametrize::is_parametrized(layer));
  }

  void auto_map_follows_pytorch() {
    nn::Linear square(4, 4), tall(3, 5);
    nn::parametrize::register_parametrization(square, "weight", orthogonal(QStringLiteral("auto")));
    nn::parametrize::register_parametrization(tall, "weight", orthogonal(QStringLiteral("auto")));
    const auto step = [](const nn::Module& m) {
      return std::dynamic_pointer_cast<nn::parametrizations::Orthogonal>(
          nn::parametrize::parametrization_list(m, "weight")->step(0));
    };
    QVERIFY(step(square)->orthogonal_map() == nn::parametrizations::OrthogonalMap::matrix_exp);
    QVERIFY(step(tall)->orthogonal_map() == nn::parametrizations::OrthogonalMap::householder);
  }

  // Values, gradients and buffers of PyTorch 1.13 (tests/fixtures/parametrizations/).
  void matches_pytorch_data() {
    QTest::addColumn<QString>("name");
    for (const char* map : kMaps) {
      for (const char* shape : {"tall", "wide"}) {
        for (const char* triv : {"triv", "no_triv"}) {
          const QString name = QStringLiteral("orthogonal_%1_%2_%3").arg(map, shape, triv);
          QTest::newRow(qPrintable(name)) << name;
        }
      }
    }
    QTest::newRow("orthogonal_default_square") << QStringLiteral("orthogonal_default_square");
  }
  void matches_pytorch() {
    QFETCH(QString, name);
    const auto c = test::load_parametrization_case(name.toStdString());
    auto m = test::build_case_module(c);
    const QString map = QString::fromStdString(c.options.value("orthogonal_map", std::string("auto")));
    nn::parametrize::register_parametrization(*m, "weight", orthogonal(map, c.options.value("use_trivialization", true)));
    PT_CHECK_PARAMETRIZATION_CASE(*m, c, 1e-4, 1e-5);
  }

  void stays_orthogonal_through_training_data() {
    QTest::addColumn<QString>("map");
    QTest::addColumn<int>("in");
    QTest::addColumn<int>("out");
    QTest::addColumn<bool>("trivialization");
    for (const char* map : kMaps) {
      for (const auto& [shape, in, out] : {std::tuple{"tall", 3, 6}, std::tuple{"wide", 6, 3}, std::tuple{"square", 4, 4}}) {
        for (const bool triv : {true, false})
          QTest::addRow("%s_%s_%s", map, shape, triv ? "triv" : "no_triv") << QString(map) << in << out << triv;
      }
    }
  }
  void stays_orthogonal_through_training() {
    QFETCH(QString, map);
    QFETCH(int, in);
    QFETCH(int, out);
    QFETCH(bool, trivialization);
    nn::Linear m(in, out);
    nn::parametrize::register_parametrization(m, "weight", orthogonal(map, trivialization));
    optim::SGD sgd(m.parameters(), {.lr = 0.1});
    const Tensor x = randn({8, in});
    const Tensor target = randn({8, out});
    const Tensor first = m.attr("weight").detach();
    for (int i = 0; i < 5; ++i) {
      sgd.zero_grad();
      mse_loss(m(x), target).backward();
      sgd.step();
      const double error = orthonormality_error(m.attr("weight"));
      QVERIFY2(error < 1e-5, qPrintable(QStringLiteral("step %1: %2").arg(i).arg(error)));
    }
    QVERIFY((m.attr("weight") - first).abs().max().item<double>() > 1e-3);
  }

  // Assigning an orthogonal matrix keeps it: as the trivialization's base,
  // or through householder's inverse without one.
  void right_inverse_round_trips_data() {
    QTest::addColumn<QString>("map");
    QTest::addColumn<bool>("trivialization");
    for (const char* map : kMaps) QTest::addRow("%s_triv", map) << QString(map) << true;
    QTest::addRow("householder_no_triv") << QStringLiteral("householder") << false;
  }
  void right_inverse_round_trips() {
    QFETCH(QString, map);
    QFETCH(bool, trivialization);
    for (const auto& [rows, cols] : {std::pair{5, 3}, std::pair{3, 5}}) {
      nn::Linear m(cols, rows);
      nn::parametrize::register_parametrization(m, "weight", orthogonal(map, trivialization));
      const Tensor Q = random_orthogonal(rows, cols);
      m.set_attr("weight", Q);
      QString why;
      QVERIFY2(test::tensors_close(m.attr("weight"), Q, 1e-5, 1e-5, &why), qPrintable(why));
    }
  }

  void state_dict_round_trips() {
    for (const bool trivialization : {true, false}) {
      nn::Linear a(3, 5), b(3, 5);
      nn::parametrize::register_parametrization(a, "weight", orthogonal(QStringLiteral("householder"), trivialization));
      nn::parametrize::register_parametrization(b, "weight", orthogonal(QStringLiteral("householder"), trivialization));
      const nn::StateDict state = a.state_dict();
      std::vector<std::string> expected{"bias", "parametrizations.weight.original"};
      if (trivialization) expected.push_back("parametrizations.weight.0.base");
      QCOMPARE(test::keys_of(state), expected);
      b.load_state_dict(state);
      QVERIFY(equal(b.attr("weight"), a.attr("weight")));
    }
  }

  // The Skew -> Orthogonal (Cayley map) chain of PyTorch's parametrize tests
  // (tests/fixtures/parametrize/skew_orthogonal.safetensors), built from the
  // two plugins: PyTorch's state_dict loads under its keys, and the weight,
  // the output and the gradients are PyTorch's. (The repr differs: PyTorch's
  // test class is named Orthogonal.)
  void skew_then_cayley_matches_pytorch_chain() {
    const auto contents = io::load_safetensors(PARATRACE_TEST_DATA_DIR "/parametrize/skew_orthogonal.safetensors");
    nn::StateDict state, grads;
    std::map<std::string, Tensor> tensors;
    for (const auto& [key, value] : contents.tensors) {
      if (key.starts_with("state.")) state.set(key.substr(6), value);
      else if (key.starts_with("grad.")) grads.set(key.substr(5), value);
      else tensors[key] = value;
    }
    nn::Linear m(5, 5);
    nn::parametrize::register_parametrization(m, "weight", manager_.create(QStringLiteral("Skew")));
    nn::parametrize::register_parametrization(m, "weight", manager_.create(QStringLiteral("Cayley")));
    const auto keys = m.load_state_dict(state);
    QVERIFY(keys.missing_keys.empty() && keys.unexpected_keys.empty());
    QString why;
    QVERIFY2(test::tensors_close(m.attr("weight"), tensors.at("weight"), 1e-4, 1e-5, &why), qPrintable(why));
    const Tensor output = m(tensors.at("input"));
    QVERIFY2(test::tensors_close(output, tensors.at("output"), 1e-4, 1e-5, &why), qPrintable(why));
    (output * tensors.at("grad_output")).sum().backward();
    QCOMPARE(test::keys_of(grads), (std::vector<std::string>{"bias", "parametrizations.weight.original"}));
    for (const auto& [key, expected] : grads)
      QVERIFY2(test::tensors_close(m.get_parameter(key).grad(), expected, 1e-4, 1e-5, &why), qPrintable(why));
  }

  void cayley_after_skew_stays_orthogonal() {
    nn::Linear m(4, 4);
    nn::parametrize::register_parametrization(m, "weight", manager_.create(QStringLiteral("Skew")));
    nn::parametrize::register_parametrization(m, "weight", manager_.create(QStringLiteral("Cayley")));
    QCOMPARE(nn::parametrize::parametrization_list(m, "weight")->step(1)->class_name(), std::string("Cayley"));
    optim::SGD sgd(m.parameters(), {.lr = 0.1});
    const Tensor x = randn({8, 4});
    const Tensor target = randn({8, 4});
    for (int i = 0; i < 5; ++i) {
      sgd.zero_grad();
      mse_loss(m(x), target).backward();
      sgd.step();
      QVERIFY(orthonormality_error(m.attr("weight")) < 1e-5);
    }
    // Assignment runs Cayley's inverse (itself) and then Skew's. Q is a
    // rotation near I: the Cayley map reaches no matrix with eigenvalue -1.
    const Tensor B = randn({4, 4}) * 0.3;
    const Tensor Q = matrix_exp(B - B.mT());
    m.set_attr("weight", Q);
    QString why;
    QVERIFY2(test::tensors_close(m.attr("weight"), Q, 1e-4, 1e-5, &why), qPrintable(why));
  }
};

QTEST_GUILESS_MAIN(TestPluginOrthogonal)
#include "tst_plugin_orthogonal.moc"
