// parametrizations::orthogonal / Orthogonal (_Orthogonal of PyTorch 1.13):
// orthogonality through training for every map, shape and trivialization,
// assignment through right_inverse, state_dict, errors, and PyTorch
// conformance cases from tests/fixtures/parametrizations/.
#include "paratrace/nn/parametrizations/orthogonal.h"
#include "paratrace/optim/sgd.h"
#include "paratrace/tensor/generator.h"
#include "parametrization_fixture.h"

using namespace paratrace;
using namespace paratrace::nn;
using namespace paratrace::nn::parametrizations;

namespace {

// A module holding one tensor `weight` of any shape (a batch of matrices).
class Holder : public Cloneable<Holder> {
 public:
  explicit Holder(const Shape& shape) { register_parameter("weight", randn(shape)); }
  Tensor forward(const Tensor& x) override { return matmul(x, attr("weight")); }
};

// max |Q^T Q - I| for tall Q, max |Q Q^T - I| for wide Q.
double orthonormality_error(const Tensor& Q) {
  const bool tall = Q.size(-2) >= Q.size(-1);
  const Tensor gram = tall ? matmul(Q.mT(), Q) : matmul(Q, Q.mT());
  return (gram - eye(gram.size(-1))).abs().max().item<double>();
}

std::shared_ptr<Orthogonal> step_of(const Module& m) {
  return std::dynamic_pointer_cast<Orthogonal>(parametrize::parametrization_list(m, "weight")->step(0));
}

// Q with orthonormal columns (or rows, for a wide shape).
Tensor random_orthogonal(std::int64_t rows, std::int64_t cols) {
  if (rows < cols) return random_orthogonal(cols, rows).mT().contiguous();
  return std::get<0>(linalg_qr(randn({rows, cols})));
}

const char* const kMaps[] = {"matrix_exp", "cayley", "householder"};

}  // namespace

class TestParametrizationsOrthogonal : public QObject {
  Q_OBJECT
 private slots:
  void init() { manual_seed(0); }

  void matchesPyTorch_data() {
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
  void matchesPyTorch() {
    QFETCH(QString, name);
    const auto c = test::load_parametrization_case(name.toStdString());
    auto m = test::build_case_module(c);
    std::optional<std::string> map;
    if (c.options.contains("orthogonal_map")) map = c.options.at("orthogonal_map").get<std::string>();
    orthogonal(*m, "weight", map, c.options.value("use_trivialization", true));
    PT_CHECK_PARAMETRIZATION_CASE(*m, c, 1e-4, 1e-5);
  }

  void staysOrthogonalThroughTraining_data() {
    QTest::addColumn<QString>("map");
    QTest::addColumn<int>("in");
    QTest::addColumn<int>("out");
    QTest::addColumn<bool>("trivialization");
    for (const char* map : kMaps) {
      for (const auto& [shape, in, out] : {std::tuple{"tall", 3, 6}, std::tuple{"wide", 6, 3}, std::tuple{"square", 4, 4}}) {
        for (const bool triv : {true, false}) {
          QTest::addRow("%s_%s_%s", map, shape, triv ? "triv" : "no_triv") << QString(map) << in << out << triv;
        }
      }
    }
  }
  void staysOrthogonalThroughTraining() {
    QFETCH(QString, map);
    QFETCH(int, in);
    QFETCH(int, out);
    QFETCH(bool, trivialization);
    Linear m(in, out);
    orthogonal(m, "weight", map.toStdString(), trivialization);
    QVERIFY(orthonormality_error(m.attr("weight")) < 1e-5);
    optim::SGD sgd(m.parameters(), {.lr = 0.1});
    const Tensor x = randn({8, in});
    const Tensor target = randn({8, out});
    const Tensor first_weight = m.attr("weight").detach();
    for (int i = 0; i < 10; ++i) {
      sgd.zero_grad();
      mse_loss(m(x), target).backward();
      sgd.step();
      const double error = orthonormality_error(m.attr("weight"));
      QVERIFY2(error < 1e-5, qPrintable(QStringLiteral("step %1: %2").arg(i).arg(error)));
    }
    // Training moved the weight (the constraint did not freeze it).
    QVERIFY((m.attr("weight") - first_weight).abs().max().item<double>() > 1e-3);
  }

  void batchesOfMatrices() {
    for (const char* map : kMaps) {
      Holder m({2, 5, 3});
      orthogonal(m, "weight", std::string(map));
      const Tensor Q = m.attr("weight");
      QCOMPARE(Q.sizes(), (Shape{2, 5, 3}));
      QVERIFY2(orthonormality_error(Q) < 1e-5, map);
    }
    Holder wide({3, 2, 4});
    orthogonal(wide, "weight", std::nullopt, false);
    QVERIFY(orthonormality_error(wide.attr("weight")) < 1e-5);
  }

  void defaultMapIsMatrixExpForSquareAndHouseholderOtherwise() {
    Linear square(4, 4), tall(3, 5), wide(5, 3);
    orthogonal(square);
    orthogonal(tall);
    orthogonal(wide);
    QVERIFY(step_of(square)->orthogonal_map() == OrthogonalMap::matrix_exp);
    QVERIFY(step_of(tall)->orthogonal_map() == OrthogonalMap::householder);
    QVERIFY(step_of(wide)->orthogonal_map() == OrthogonalMap::householder);
    QCOMPARE(*step_of(tall)->shape(), (Shape{5, 3}));
    QCOMPARE(step_of(square)->class_name(), std::string("_Orthogonal"));
  }

  // With trivialization an orthogonal weight is kept exactly: it becomes
  // `base` and the original is -I.
  void registrationKeepsAnOrthogonalWeight() {
    for (const char* map : kMaps) {
      for (const auto& [rows, cols] : {std::pair{5, 3}, std::pair{3, 5}, std::pair{4, 4}}) {
        Holder m({rows, cols});
        const Tensor Q = random_orthogonal(rows, cols);
        m.set_attr("weight", Q.clone());  // the parameter becomes that tensor, which registration rewrites
        orthogonal(m, "weight", std::string(map));
        PT_COMPARE_CLOSE(m.attr("weight"), Q, 1e-5, 1e-6);
        const Tensor original = m.get_parameter("parametrizations.weight.original");
        PT_COMPARE_CLOSE(original, -eye(rows, cols), 0, 0);
        QVERIFY(orthonormality_error(m.get_buffer("parametrizations.weight.0.base")) < 1e-5);
      }
    }
  }

  // A non-orthogonal weight is replaced by the Q of its QR decomposition
  // with a non-negative R diagonal (for a wide one, of its transpose).
  void registrationOrthogonalizesThroughQR() {
    for (const bool triv : {true, false}) {
      Holder m({5, 3});
      const Tensor W = m.attr("weight").detach().clone();
      orthogonal(m, "weight", std::string("householder"), triv);
      const Tensor Q = m.attr("weight");
      QVERIFY(orthonormality_error(Q) < 1e-5);
      const Tensor R = matmul(Q.mT(), W);
      PT_COMPARE_CLOSE(R.tril(-1), zeros({3, 3}), 0, 1e-5);
      QVERIFY(R.diagonal().min().item<double>() > 0);
    }
  }

  void assignmentRunsRightInverse_data() {
    QTest::addColumn<QString>("map");
    QTest::addColumn<bool>("trivialization");
    for (const char* map : kMaps) QTest::addRow("%s_triv", map) << QString(map) << true;
    QTest::newRow("householder_no_triv") << QStringLiteral("householder") << false;
  }
  void assignmentRunsRightInverse() {
    QFETCH(QString, map);
    QFETCH(bool, trivialization);
    for (const auto& [rows, cols] : {std::pair{5, 3}, std::pair{3, 5}, std::pair{4, 4}}) {
      Holder m({rows, cols});
      orthogonal(m, "weight", map.toStdString(), trivialization);
      const Tensor Q = random_orthogonal(rows, cols);
      m.set_attr("weight", Q);
      PT_COMPARE_CLOSE(m.attr("weight"), Q, 1e-5, 1e-5);
    }
  }

  void assignmentWithoutTrivializationNeedsHouseholder() {
    for (const char* map : {"matrix_exp", "cayley"}) {
      Linear m(3, 3);
      orthogonal(m, "weight", std::string(map), false);
      // Registration swallowed the NotImplementedError: the original is the raw weight.
      QVERIFY(m.has_parameter("weight") == false);
      const Tensor before = m.get_parameter("parametrizations.weight.original").detach().clone();
      PT_VERIFY_THROWS(NotImplementedError, m.set_attr("weight", eye(3)),
                       "It is not possible to assign to the matrix exponential or the Cayley parametrizations when "
                       "use_trivialization=False.");
      PT_COMPARE_CLOSE(m.get_parameter("parametrizations.weight.original"), before, 0, 0);
    }
  }

  void assigningTheWrongShapeIsAValueError() {
    Linear m(3, 5);
    orthogonal(m);
    PT_VERIFY_THROWS(ValueError, m.set_attr("weight", eye(3, 5)),
                     "Expected a matrix or batch of matrices of shape torch.Size([5, 3]). Got a tensor of shape "
                     "torch.Size([3, 5]).");
  }

  void gradientNeverReachesTheHouseholderSigns() {
    Linear m(3, 5);
    orthogonal(m, "weight", std::string("householder"), false);
    m(randn({4, 3})).sum().backward();
    const Tensor grad = m.get_parameter("parametrizations.weight.original").grad();
    PT_COMPARE_CLOSE(grad.diagonal(), zeros({3}), 0, 0);
    QVERIFY(grad.abs().sum().item<double>() > 0);
  }

  void stateDictKeysAndRoundTrip() {
    Linear triv(3, 5), plain(3, 5);
    orthogonal(triv);
    orthogonal(plain, "weight", std::nullopt, false);
    const auto keys = [](const Module& m) {
      std::vector<std::string> out;
      for (const auto& [k, v] : m.state_dict()) out.push_back(k);
      return out;
    };
    QCOMPARE(keys(triv), (std::vector<std::string>{"bias", "parametrizations.weight.original",
                                                   "parametrizations.weight.0.base"}));
    QCOMPARE(keys(plain), (std::vector<std::string>{"bias", "parametrizations.weight.original"}));

    Linear other(3, 5);
    orthogonal(other);
    other.load_state_dict(triv.state_dict());
    PT_COMPARE_CLOSE(other.attr("weight"), triv.attr("weight"), 0, 0);
    const auto copy = triv.clone();
    PT_COMPARE_CLOSE(copy->attr("weight"), triv.attr("weight"), 0, 0);
    QVERIFY(!copy->get_buffer("parametrizations.weight.0.base").is_same(triv.get_buffer("parametrizations.weight.0.base")));
  }

  void errorsAsPyTorch() {
    Linear m(3, 4);
    PT_VERIFY_THROWS(ValueError, orthogonal(m, "bias"), "Expected a matrix or batch of matrices. Got a tensor of 1 dimensions.");
    PT_VERIFY_THROWS(ValueError, orthogonal(m, "weight", std::string("qr")),
                     "orthogonal_map has to be one of \"matrix_exp\", \"cayley\", \"householder\". Got: qr");
    PT_VERIFY_THROWS(ValueError, orthogonal(m, "foo"),
                     "Module 'Linear(in_features=3, out_features=4, bias=True)' has no parameter or buffer with name 'foo'");
    Linear no_bias(3, 4, false);
    PT_VERIFY_THROWS(ValueError, orthogonal(no_bias, "bias"), "has no parameter or buffer with name 'bias'");
    QVERIFY(!parametrize::is_parametrized(m));
  }

  // Built without the tensor (as plugins build it), Orthogonal takes its
  // shape and default map at registration and then behaves as orthogonal()'s,
  // drawing the same random completion.
  void builtWithoutTheTensorMatchesOrthogonal() {
    for (const auto& [rows, cols] : {std::pair{5, 3}, std::pair{4, 4}}) {
      Linear a(cols, rows);
      Linear b(cols, rows);
      b.load_state_dict(a.state_dict());
      manual_seed(7);
      orthogonal(a);
      manual_seed(7);
      auto deferred = std::make_shared<Orthogonal>();
      QVERIFY(!deferred->is_prepared());
      parametrize::register_parametrization(b, "weight", deferred, /*unsafe=*/true);
      QVERIFY(deferred->is_prepared());
      QCOMPARE(*deferred->shape(), (Shape{rows, cols}));
      QVERIFY(deferred->orthogonal_map() == step_of(a)->orthogonal_map());
      PT_COMPARE_CLOSE(b.attr("weight"), a.attr("weight"), 0, 0);
    }
    Linear m(3, 4);
    PT_VERIFY_THROWS(ValueError, parametrize::register_parametrization(m, "bias", std::make_shared<Orthogonal>()),
                     "Expected a matrix or batch of matrices. Got a tensor of 1 dimensions.");
    QVERIFY(!parametrize::is_parametrized(m));
  }
};

QTEST_GUILESS_MAIN(TestParametrizationsOrthogonal)
#include "tst_parametrizations_orthogonal.moc"
