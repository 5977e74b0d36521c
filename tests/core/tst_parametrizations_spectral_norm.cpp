// parametrizations::spectral_norm / SpectralNorm (_SpectralNorm of PyTorch
// 1.13): sigma_max near 1 after power iterations, iterating only in
// training, conv weights, vectors, state_dict, errors, and PyTorch
// conformance cases with PyTorch's _u, _v loaded through load_state_dict.
#include "paratrace/nn/parametrizations/spectral_norm.h"
#include "paratrace/optim/sgd.h"
#include "paratrace/tensor/generator.h"
#include "parametrization_fixture.h"

using namespace paratrace;
using namespace paratrace::nn;
using namespace paratrace::nn::parametrizations;

namespace {

double sigma_max(const Tensor& W) { return linalg_matrix_norm(W.flatten(1), 2).item<double>(); }

std::shared_ptr<SpectralNorm> step_of(const Module& m) {
  return std::dynamic_pointer_cast<SpectralNorm>(parametrize::parametrization_list(m, "weight")->step(0));
}

// Only its class name matters: spectral_norm picks dim 1 for transposed convolutions.
class FakeConvTranspose2d : public Cloneable<FakeConvTranspose2d> {
 public:
  FakeConvTranspose2d() { register_parameter("weight", randn({3, 5, 2, 2})); }
  std::string class_name() const override { return "ConvTranspose2d"; }
};

std::vector<std::string> keys(const Module& m) {
  std::vector<std::string> out;
  for (const auto& [k, v] : m.state_dict()) out.push_back(k);
  return out;
}

}  // namespace

class TestParametrizationsSpectralNorm : public QObject {
  Q_OBJECT
 private slots:
  void init() { manual_seed(0); }

  void matchesPyTorch_data() {
    QTest::addColumn<QString>("name");
    for (const char* name : {"spectral_norm_linear_train", "spectral_norm_linear_eval", "spectral_norm_conv2d_train",
                             "spectral_norm_conv2d_eval", "spectral_norm_conv2d_dim1_3_iterations_train"}) {
      QTest::newRow(name) << QString(name);
    }
  }
  void matchesPyTorch() {
    QFETCH(QString, name);
    const auto c = test::load_parametrization_case(name.toStdString());
    auto m = test::build_case_module(c);
    std::optional<std::int64_t> dim;
    if (c.options.contains("dim")) dim = c.options.at("dim").get<std::int64_t>();
    spectral_norm(*m, "weight", c.options.value("n_power_iterations", std::int64_t{1}), c.options.value("eps", 1e-12),
                  dim);
    PT_CHECK_PARAMETRIZATION_CASE(*m, c, 1e-4, 1e-5);
  }

  // Registration runs 15 iterations (and the safe registration's check one
  // more); every training read runs another.
  void sigmaMaxIsOneThroughTraining() {
    Linear m(8, 6);
    spectral_norm(m);
    QVERIFY(std::abs(sigma_max(m.attr("weight")) - 1.0) < 1e-2);
    optim::SGD sgd(m.parameters(), {.lr = 0.05});
    const Tensor x = randn({16, 8}), target = randn({16, 6});
    for (int i = 0; i < 10; ++i) {
      sgd.zero_grad();
      mse_loss(m(x), target).backward();
      sgd.step();
    }
    for (int i = 0; i < 30; ++i) m.attr("weight");
    QVERIFY2(std::abs(sigma_max(m.attr("weight")) - 1.0) < 1e-3, qPrintable(QString::number(sigma_max(m.attr("weight")))));
  }

  void convWeightsAreNormalizedAsMatrices() {
    Conv2d conv(3, 4, 3);
    spectral_norm(conv, "weight", 5);
    for (int i = 0; i < 10; ++i) conv.attr("weight");
    QCOMPARE(conv.attr("weight").sizes(), (Shape{4, 3, 3, 3}));
    QVERIFY(std::abs(sigma_max(conv.attr("weight")) - 1.0) < 1e-3);
    QCOMPARE(conv.get_buffer("parametrizations.weight.0._u").sizes(), (Shape{4}));
    QCOMPARE(conv.get_buffer("parametrizations.weight.0._v").sizes(), (Shape{27}));
  }

  void iteratesInTrainingOnlyAndInPlace() {
    Linear m(5, 4);
    spectral_norm(m);
    const Tensor u = m.get_buffer("parametrizations.weight.0._u");
    const Tensor v = m.get_buffer("parametrizations.weight.0._v");
    m.eval();
    const Tensor u_eval = u.clone();
    const Tensor w1 = m.attr("weight");
    const Tensor w2 = m.attr("weight");
    PT_COMPARE_CLOSE(u, u_eval, 0, 0);
    PT_COMPARE_CLOSE(w1, w2, 0, 0);
    // In eval mode the weight is W / (u^T W v) with the stored vectors.
    const Tensor W = m.get_parameter("parametrizations.weight.original");
    PT_COMPARE_CLOSE(w1, W / dot(u, mv(W, v)), 1e-6, 1e-7);

    m.train();
    const std::uint32_t version = u.version();
    m.attr("weight");
    QVERIFY(u.version() > version);  // updated in place: the buffer keeps its identity
    QVERIFY(m.get_buffer("parametrizations.weight.0._u").is_same(u));
  }

  // The clones of _u and _v keep a first evaluation's graph valid after a
  // second one moved the buffers (the GAN pattern D(real) - D(fake)).
  void backpropagatesThroughTwoEvaluations() {
    Linear m(4, 3);
    spectral_norm(m);
    const Tensor loss = m(randn({2, 4})).sum() - m(randn({2, 4})).sum();
    loss.backward();
    QVERIFY(m.get_parameter("parametrizations.weight.original").grad().defined());
  }

  void vectorsAreNormalizedExactly() {
    Linear m(3, 5);
    spectral_norm(m, "bias");
    PT_COMPARE_CLOSE(m.attr("bias").norm(), scalar_tensor(1.0), 1e-6, 1e-6);
    QVERIFY(!m.get_submodule("parametrizations.bias.0")->has_buffer("_u"));
    QCOMPARE(keys(m), (std::vector<std::string>{"weight", "parametrizations.bias.original"}));
  }

  void dimDefaultsAndNormalization() {
    Linear linear(3, 4);
    spectral_norm(linear, "weight", 1, 1e-12, -1);
    QCOMPARE(*step_of(linear)->dim(), std::int64_t{1});
    QCOMPARE(linear.get_buffer("parametrizations.weight.0._u").sizes(), (Shape{3}));
    Linear plain(3, 4);
    spectral_norm(plain);
    QCOMPARE(*step_of(plain)->dim(), std::int64_t{0});
    FakeConvTranspose2d transposed;
    spectral_norm(transposed);
    QCOMPARE(*step_of(transposed)->dim(), std::int64_t{1});
    QCOMPARE(step_of(plain)->class_name(), std::string("_SpectralNorm"));
  }

  void rightInverseStoresTheValue() {
    Linear m(4, 3);
    spectral_norm(m);
    m.eval();
    const Tensor W = randn({3, 4});
    m.set_attr("weight", W);
    PT_COMPARE_CLOSE(m.get_parameter("parametrizations.weight.original"), W, 0, 0);
    const Tensor u = m.get_buffer("parametrizations.weight.0._u");
    const Tensor v = m.get_buffer("parametrizations.weight.0._v");
    PT_COMPARE_CLOSE(m.attr("weight"), W / dot(u, mv(W, v)), 1e-6, 1e-7);
  }

  void stateDictKeysAndRoundTrip() {
    Linear m(4, 3);
    spectral_norm(m);
    QCOMPARE(keys(m), (std::vector<std::string>{"bias", "parametrizations.weight.original",
                                                "parametrizations.weight.0._u", "parametrizations.weight.0._v"}));
    Linear other(4, 3);
    spectral_norm(other);
    other.load_state_dict(m.state_dict());
    m.eval();
    other.eval();
    PT_COMPARE_CLOSE(other.attr("weight"), m.attr("weight"), 0, 0);
  }

  void errorsAsPyTorch() {
    Linear m(3, 4);
    PT_VERIFY_THROWS(IndexError, spectral_norm(m, "weight", 1, 1e-12, 2),
                     "Dimension out of range (expected to be in range of [-2, 1] but got 2)");
    PT_VERIFY_THROWS(ValueError, spectral_norm(m, "weight", 0),
                     "Expected n_power_iterations to be positive, but got n_power_iterations=0");
    PT_VERIFY_THROWS(ValueError, spectral_norm(m, "foo"),
                     "Module 'Linear(in_features=3, out_features=4, bias=True)' has no parameter or buffer with name 'foo'");
    QVERIFY(!parametrize::is_parametrized(m));
  }

  // Built from options alone (as plugins build it), SpectralNorm resolves
  // dim and draws its buffers at registration, as spectral_norm() does.
  void builtWithoutTheTensorMatchesSpectralNorm() {
    Linear a(5, 4);
    Linear b(5, 4);
    b.load_state_dict(a.state_dict());
    manual_seed(3);
    spectral_norm(a, "weight", 2, 1e-10);
    manual_seed(3);
    auto deferred = std::make_shared<SpectralNorm>(SpectralNorm::Options{.n_power_iterations = 2, .eps = 1e-10});
    QVERIFY(!deferred->is_prepared());
    QVERIFY(!deferred->dim());
    parametrize::register_parametrization(b, "weight", deferred);
    QCOMPARE(*deferred->dim(), std::int64_t{0});
    PT_COMPARE_CLOSE(b.get_buffer("parametrizations.weight.0._u"), a.get_buffer("parametrizations.weight.0._u"), 0, 0);
    PT_COMPARE_CLOSE(b.attr("weight"), a.attr("weight"), 0, 0);
    FakeConvTranspose2d transposed;
    parametrize::register_parametrization(transposed, "weight", std::make_shared<SpectralNorm>(SpectralNorm::Options{}));
    QCOMPARE(*step_of(transposed)->dim(), std::int64_t{1});
    PT_VERIFY_THROWS(ValueError, SpectralNorm(SpectralNorm::Options{.n_power_iterations = 0}),
                     "Expected n_power_iterations to be positive, but got n_power_iterations=0");
    Linear m(3, 4);
    PT_VERIFY_THROWS(IndexError,
                     parametrize::register_parametrization(m, "weight", std::make_shared<SpectralNorm>(SpectralNorm::Options{.dim = -3})),
                     "Dimension out of range (expected to be in range of [-2, 1] but got -3)");
    QVERIFY(!parametrize::is_parametrized(m));
  }
};

QTEST_GUILESS_MAIN(TestParametrizationsSpectralNorm)
#include "tst_parametrizations_spectral_norm.moc"
