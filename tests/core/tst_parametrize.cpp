// parametrize: PyTorch's test_nn_parametrization.py (the part in
// /work/shared/reference/pytorch-tests/test_nn_parametrization.partial.py)
// ported scenario by scenario, with the same assertions; Python's `id(a) ==
// id(b)` is Tensor::is_same, `model.__class__` is type_name(), deepcopy is
// clone(). The error scenarios are in tst_parametrize_errors.cpp.
//
// Not ported, because the C++ API has no counterpart:
// - the @swap([True, False]) variants: torch.__future__'s swap_tensors path
//   does not exist; originals are always updated in place (set_data);
// - torch.save(model) raising in test_serialization_parametrization: modules
//   are not pickled, only state dicts are saved (which is tested);
// - test_transfer_parametrizations_and_params's target torch.ao.nn.qat.Linear:
//   there is no QAT module, so the target is another Linear (the test only
//   needs a module with weight and bias);
// - deepcopy through a custom __deepcopy__: C++ has copy constructors
//   instead, so ActualModel defines its own and the test checks clone() used it.
#include <QTemporaryDir>

#include "paratrace/autograd/grad_mode.h"
#include "paratrace/io/safetensors.h"
#include "paratrace/ops/trace_hook.h"
#include "paratrace/optim/sgd.h"
#include "paratrace/tensor/generator.h"
#include "parametrize_test_modules.h"

using namespace paratrace;
using namespace paratrace::nn;
using namespace paratrace::test;
namespace P = paratrace::nn::parametrize;

namespace {

double item_at(const Tensor& t, std::int64_t i) { return t.select(0, i).item<double>(); }
std::int64_t rank(const Tensor& t) { return linalg_matrix_rank(t).item<std::int64_t>(); }
bool changed(const Tensor& now, const Tensor& before) { return !allclose(now, before, kRtol, kAtol); }

// The state test_serialization_parametrization keeps in its parametrization:
// a constant identity and a random orthogonal B, both buffers.
class BufferedOrthogonal : public Cloneable<BufferedOrthogonal, Parametrization> {
 public:
  explicit BufferedOrthogonal(std::int64_t n) {
    register_buffer("id", eye(n));
    register_buffer("B", std::get<0>(linalg_qr(randn({n, n}))));  // init.orthogonal_
  }
  Tensor forward(const Tensor& X) override {
    Tensor A = X.triu(1);
    A = A - A.T();
    return matmul(attr("B"), linalg_solve(attr("id") + A, attr("id") - A));
  }
};

class ReLU : public Cloneable<ReLU> {
 public:
  Tensor forward(const Tensor& x) override { return x.relu(); }
};

// test_initialization_parametrization's own Skew and Orthogonal: right_inverse
// refuses inputs outside the image, and Orthogonal's right_inverse stores its
// input in B (a map where right_inverse is not quite the inverse of forward).
namespace initialization {

class Skew : public Cloneable<Skew, Parametrization> {
 public:
  Tensor forward(const Tensor& X) override {
    const Tensor A = X.triu(1);
    return A - A.T();
  }
  RightInverseResult right_inverse(const Tensor& X) override {
    PT_CHECK(allclose(X, -X.T(), 1e-5, 1e-6), ValueError, "The matrix is not skew-symmetric.");
    return X.triu(1);
  }
};

class Orthogonal : public Cloneable<Orthogonal, Parametrization> {
 public:
  explicit Orthogonal(std::int64_t n) { register_buffer("B", eye(n)); }
  Tensor forward(const Tensor& X) override {
    const Tensor Id = eye(X.size(0));
    return matmul(attr("B"), linalg_solve(Id + X, Id - X));
  }
  RightInverseResult right_inverse(const Tensor& X) override {
    PT_CHECK(allclose(matmul(X.T(), X), eye(X.size(0)), 1e-5, 1e-4), ValueError, "The input is not orthogonal.");
    // cayley(0) == Id, so B @ cayley(0) == B
    set_attr("B", X);
    return zeros_like(X);
  }
};

}  // namespace initialization

// Counts forward calls, to see what the cache saves. Returns a copy, so
// that every evaluation is a new tensor object.
class CountingCopy : public Cloneable<CountingCopy, Parametrization> {
 public:
  int calls = 0;
  Tensor forward(const Tensor& x) override {
    ++calls;
    return x.clone();
  }
};

// test_deepcopy_after_parametrization's models: tensors plus a plain member.
class ModelWithoutDeepcopy : public Cloneable<ModelWithoutDeepcopy> {
 public:
  ModelWithoutDeepcopy() {
    register_parameter("weight", paratrace::tensor({1.0, 1.0, 1.0, 1.0}));
    register_parameter("bias", paratrace::tensor({0.0, 0.0, 0.0, 0.0}));
  }
  std::vector<double> attr{1.0, 2.0, 3.0, 4.0};
};

// Copies itself with its own copy constructor, as ActualModel's __deepcopy__.
class ActualModel : public Cloneable<ActualModel, ModelWithoutDeepcopy> {
 public:
  ActualModel() = default;
  ActualModel(const ActualModel& other) : Cloneable(other), copied_by_own_constructor(true) {}
  bool copied_by_own_constructor = false;
};

// A tracer that records nothing: enough to be "tracing".
class NullTraceHook : public TraceHook {
 public:
  void record_op(const OpDef&, const Stack&, const Stack&) override {}
};

}  // namespace

class TestParametrize : public QObject {
  Q_OBJECT

  // After remove_parametrizations(leave_parametrized=False) of model.weight:
  // the original object and value are back and so is the class.
  static void check_weight_restored(Module& model, const Tensor& initial_weight, Module& initial_model) {
    QVERIFY(!model.has_child("parametrizations"));
    PT_COMPARE_CLOSE(model.attr("weight"), initial_model.attr("weight"), kRtol, kAtol);
    QVERIFY(model.attr("weight").is_same(initial_weight));
    QCOMPARE(model.type_name(), std::string("Linear"));
  }

  // What test_register_and_remove_parametrization checks after registering on weight.
  static void check_weight_parametrized(Module& model) {
    QVERIFY(model.has_child("parametrizations"));
    QVERIFY(P::is_parametrized(model));
    QVERIFY(P::is_parametrized(model, "weight"));
    QVERIFY(!P::is_parametrized(model, "bias"));
    QVERIFY(!model.has_parameter("weight"));
  }

  // One SGD step on (W^T b).sum(): the optimizer's tensors are what the
  // module reads, so both weight and bias must move.
  static void check_step_moves_weight_and_bias(Module& model, optim::SGD& sgd) {
    const Tensor weight_copy = model.attr("weight").detach().clone();
    const Tensor bias_copy = model.attr("bias").detach().clone();
    sgd.zero_grad();
    matmul(model.attr("weight").T(), model.attr("bias")).sum().backward();
    sgd.step();
    QVERIFY(changed(model.attr("weight"), weight_copy));
    QVERIFY(changed(model.attr("bias"), bias_copy));
  }

 private slots:
  void initTestCase() { manual_seed(20221213); }

  void registerAndRemoveParametrization() {
    Linear model(8, 8);
    const Tensor initial_weight = model.param("weight");
    const Tensor initial_bias = model.param("bias");
    const ModulePtr initial_model = model.clone();

    // Test unsafe flag: a shape change is refused by default...
    const ModuleSnapshot before(model);
    PT_VERIFY_THROWS(ValueError, P::register_parametrization(model, "weight", make<Resize>()),
                     "Registering a parametrization may not change the shape of the tensor");
    PT_VERIFY_UNCHANGED(before, model);

    // ... and allowed with unsafe=true.
    P::register_parametrization(model, "weight", make<Resize>(), /*unsafe=*/true);
    PT_CALL(check_weight_parametrized(model));
    QCOMPARE(model.attr("weight").size(0), 1);
    P::remove_parametrizations(model, "weight", /*leave_parametrized=*/false);
    PT_CALL(check_weight_restored(model, initial_weight, *initial_model));

    // Two parametrizations, the first unsafe: unsafe sticks to the chain.
    P::register_parametrization(model, "weight", make<Resize>(), true);
    P::register_parametrization(model, "weight", make<NoResize>(), false);
    PT_CALL(check_weight_parametrized(model));
    QCOMPARE(model.attr("weight").size(0), 1);
    P::remove_parametrizations(model, "weight", false);
    PT_CALL(check_weight_restored(model, initial_weight, *initial_model));

    // The unsafe flag does not change the expected behaviour.
    P::register_parametrization(model, "weight", make<Skew>(), true);
    PT_CALL(check_weight_parametrized(model));
    Tensor A = model.attr("weight");
    PT_COMPARE_CLOSE(A, -A.T(), kRtol, kAtol);
    P::remove_parametrizations(model, "weight", false);
    PT_CALL(check_weight_restored(model, initial_weight, *initial_model));

    // One parametrization.
    P::register_parametrization(model, "weight", make<Skew>());
    PT_CALL(check_weight_parametrized(model));
    A = model.attr("weight");
    PT_COMPARE_CLOSE(A, -A.T(), kRtol, kAtol);
    P::remove_parametrizations(model, "weight", false);
    PT_CALL(check_weight_restored(model, initial_weight, *initial_model));

    // Two parametrizations at the same time: the result is orthogonal.
    P::register_parametrization(model, "weight", make<Skew>());
    P::register_parametrization(model, "weight", make<Orthogonal>());
    const Tensor X = model.attr("weight");
    PT_COMPARE_CLOSE(matmul(X.T(), X), eye(X.size(0)), kRtol, kAtol);
    PT_CALL(check_weight_parametrized(model));
    QVERIFY(model.child_as<ModuleDict>("parametrizations")->contains("weight"));
    P::remove_parametrizations(model, "weight", false);
    PT_CALL(check_weight_restored(model, initial_weight, *initial_model));

    // Add everything.
    P::register_parametrization(model, "weight", make<Skew>());
    P::register_parametrization(model, "weight", make<Orthogonal>());
    P::register_parametrization(model, "bias", make<FirstZero>());
    P::register_parametrization(model, "bias", make<LastZero>());
    QVERIFY(P::is_parametrized(model));
    QVERIFY(P::is_parametrized(model, "weight"));
    QVERIFY(P::is_parametrized(model, "bias"));
    QCOMPARE(item_at(model.attr("bias"), 0), 0.0);
    QCOMPARE(item_at(model.attr("bias"), -1), 0.0);
    QCOMPARE(model.parameters().size(), std::size_t{2});  // nothing weird has happened

    // The optimizer holds the originals; gradients reach them through both chains.
    optim::SGD sgd(model.parameters(), {.lr = 0.01});
    PT_CALL(check_step_moves_weight_and_bias(model, sgd));

    // Removing the weight's chain leaves the bias parametrized.
    P::remove_parametrizations(model, "weight", false);
    QVERIFY(P::is_parametrized(model));
    QVERIFY(!P::is_parametrized(model, "weight"));
    QVERIFY(P::is_parametrized(model, "bias"));
    QCOMPARE(item_at(model.attr("bias"), 0), 0.0);
    QCOMPARE(item_at(model.attr("bias"), -1), 0.0);
    QVERIFY(changed(model.attr("weight"), initial_model->attr("weight")));  // updated by the step
    QVERIFY(model.attr("weight").is_same(initial_weight));                     // the same object
    QCOMPARE(model.parameters().size(), std::size_t{2});
    PT_CALL(check_step_moves_weight_and_bias(model, sgd));

    // Removing the bias's chain: the module is not parametrized any more.
    P::remove_parametrizations(model, "bias", false);
    QVERIFY(!P::is_parametrized(model));
    QVERIFY(changed(model.attr("bias"), initial_model->attr("bias")));
    QVERIFY(item_at(model.attr("bias"), 0) != 0.0);
    QVERIFY(item_at(model.attr("bias"), -1) != 0.0);
    QVERIFY(model.attr("bias").is_same(initial_bias));
    QVERIFY(!model.has_child("parametrizations"));
    QCOMPARE(model.type_name(), std::string("Linear"));  // restores the previous class
    QCOMPARE(model.parameters().size(), std::size_t{2});
    PT_CALL(check_step_moves_weight_and_bias(model, sgd));

    // leave_parametrized=true writes the value into the same object.
    for (int i = 0; i < 2; ++i) {
      P::register_parametrization(model, "weight", make<Skew>());
      P::register_parametrization(model, "weight", make<Orthogonal>());
      P::remove_parametrizations(model, "weight", true);
      QVERIFY(model.attr("weight").is_same(initial_weight));
      QVERIFY(model.attr("bias").is_same(initial_bias));
      PT_CALL(check_step_moves_weight_and_bias(model, sgd));
    }
  }

  void registerAndRemoveNestedParametrization() {
    Linear model(8, 8);
    P::register_parametrization(model, "weight", make<Skew>());
    PT_CALL(check_weight_parametrized(model));
    Tensor A = model.attr("weight");
    PT_COMPARE_CLOSE(A, -A.T(), kRtol, kAtol);

    // The ParametrizationList's own original can be parametrized in turn.
    const auto param_mod = P::parametrization_list(model, "weight");
    QVERIFY(!param_mod->has_child("parametrizations"));
    QVERIFY(!P::is_parametrized(*param_mod));
    QVERIFY(!P::is_parametrized(*param_mod, "original"));

    P::register_parametrization(*param_mod, "original", make<Skew>());
    QVERIFY(param_mod->has_child("parametrizations"));
    QVERIFY(P::is_parametrized(*param_mod));
    QVERIFY(P::is_parametrized(*param_mod, "original"));
    QVERIFY(!param_mod->has_parameter("original"));
    A = param_mod->attr("original");
    PT_COMPARE_CLOSE(A, -A.T(), kRtol, kAtol);
    // PyTorch 1.13's repr and keys for the nested chain.
    QCOMPARE(model.repr(), std::string("ParametrizedLinear(\n"
                                       "  in_features=8, out_features=8, bias=True\n"
                                       "  (parametrizations): ModuleDict(\n"
                                       "    (weight): ParametrizedParametrizationList(\n"
                                       "      (0): Skew()\n"
                                       "      (parametrizations): ModuleDict(\n"
                                       "        (original): ParametrizationList(\n"
                                       "          (0): Skew()\n"
                                       "        )\n"
                                       "      )\n"
                                       "    )\n"
                                       "  )\n"
                                       ")"));
    QCOMPARE(model.state_dict().keys(),
             (std::vector<std::string>{"bias", "parametrizations.weight.parametrizations.original.original"}));

    P::remove_parametrizations(*param_mod, "original", false);
    QVERIFY(!param_mod->has_child("parametrizations"));
    QCOMPARE(param_mod->type_name(), std::string("ParametrizationList"));

    P::remove_parametrizations(model, "weight", false);
    QVERIFY(!model.has_child("parametrizations"));
    QCOMPARE(model.type_name(), std::string("Linear"));
  }

  // Removing the outer chain while its original is parametrized in turn: the
  // original is a computed tensor, so PyTorch 1.13 registers the result as a
  // buffer (not a parameter), keeping the values, for both leave_parametrized.
  void removeOuterOfNestedParametrization_data() {
    QTest::addColumn<bool>("leave");
    QTest::newRow("leave_parametrized") << true;
    QTest::newRow("not leave_parametrized") << false;
  }
  void removeOuterOfNestedParametrization() {
    QFETCH(bool, leave);
    Linear model(4, 4);
    P::register_parametrization(model, "weight", make<Skew>());
    const auto list = P::parametrization_list(model, "weight");
    P::register_parametrization(*list, "original", make<Skew>());
    const Tensor expected = (leave ? model.attr("weight") : list->attr("original")).detach().clone();

    P::remove_parametrizations(model, "weight", leave);
    QVERIFY(!P::is_parametrized(model));
    QVERIFY(model.has_buffer("weight"));
    QVERIFY(!model.has_parameter("weight"));
    QVERIFY(model.has_parameter("bias"));
    PT_COMPARE_CLOSE(model.attr("weight"), expected, kRtol, kAtol);
  }

  // A "parametrizations" attribute that is not a ModuleDict (a module tree
  // rebuilt from a traced-module file) is replaced, as PyTorch's assignment
  // `module.parametrizations = ModuleDict()` does.
  void registerOverPlainParametrizationsChild() {
    Linear model(4, 4);
    model.register_module("parametrizations", std::make_shared<Module>());
    QVERIFY(!P::is_parametrized(model));
    P::register_parametrization(model, "weight", make<Skew>());
    QVERIFY(P::is_parametrized(model, "weight"));
    const Tensor A = model.attr("weight");
    PT_COMPARE_CLOSE(A, -A.T(), kRtol, kAtol);
  }

  void registerAndRemoveBufferParametrization() {
    Linear model(8, 8);
    model.delete_attr("bias");
    model.register_buffer("bias", ones({8}));
    P::register_parametrization(model, "bias", make<FirstZero>());
    P::register_parametrization(model, "bias", make<LastZero>());
    QVERIFY(P::is_parametrized(model));
    QVERIFY(P::is_parametrized(model, "bias"));
    QCOMPARE(item_at(model.attr("bias"), 0), 0.0);
    QCOMPARE(item_at(model.attr("bias"), -1), 0.0);
    QVERIFY(equal(model.attr("bias").slice(0, 1, -1), ones({6})));
    QCOMPARE(model.parameters().size(), std::size_t{1});
    // A buffer's original stays a buffer.
    QVERIFY(P::parametrization_list(model, "bias")->has_buffer("original"));

    P::remove_parametrizations(model, "bias", true);
    QVERIFY(!P::is_parametrized(model));
    QVERIFY(!P::is_parametrized(model, "bias"));
    QCOMPARE(item_at(model.attr("bias"), 0), 0.0);
    QCOMPARE(item_at(model.attr("bias"), -1), 0.0);
    QVERIFY(equal(model.attr("bias").slice(0, 1, -1), ones({6})));
    QCOMPARE(model.parameters().size(), std::size_t{1});
    QVERIFY(model.has_buffer("bias"));
  }

  void serializationParametrization() {
    auto get_model = [] {
      auto model = std::make_shared<Sequential>(std::initializer_list<ModulePtr>{
          std::make_shared<Linear>(5, 5), make<ReLU>(), std::make_shared<Linear>(5, 1)});
      P::register_parametrization(*model->at(0), "weight", std::make_shared<BufferedOrthogonal>(5));
      return model;
    };
    const auto model = get_model();
    const Tensor prev_weight = model->at(0)->attr("weight");
    const Tensor prev_B = P::parametrization_list(*model->at(0), "weight")->step(0)->attr("B");

    // PyTorch 1.13's keys for the same model: the original and the
    // parametrization's buffers live under parametrizations.weight.
    const StateDict state = model->state_dict();
    QCOMPARE(state.keys(),
             (std::vector<std::string>{"0.bias", "0.parametrizations.weight.original", "0.parametrizations.weight.0.id",
                                       "0.parametrizations.weight.0.B", "2.weight", "2.bias"}));

    // torch.save(state_dict) / torch.load through a checkpoint file.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string path = dir.filePath("model.safetensors").toStdString();
    io::NamedTensors named;
    for (const auto& [key, value] : state) named.emplace_back(key, value);
    io::save_safetensors(path, named);
    StateDict loaded;
    for (const auto& [key, value] : io::load_safetensors(path).tensors) loaded.set(key, value);

    const auto new_model = get_model();
    new_model->load_state_dict(loaded);
    QVERIFY(P::is_parametrized(*new_model->at(0), "weight"));
    PT_COMPARE_CLOSE(prev_weight, new_model->at(0)->attr("weight"), kRtol, kAtol);
    PT_COMPARE_CLOSE(prev_B, P::parametrization_list(*new_model->at(0), "weight")->step(0)->attr("B"), kRtol,
                     kAtol);

    // A plain Linear's state dict does not fit the parametrized one, nor the
    // reverse (texts from PyTorch 1.13).
    Linear plain(5, 5);
    PT_VERIFY_THROWS_EXACTLY(RuntimeError, new_model->at(0)->load_state_dict(plain.state_dict()),
                             "Error(s) in loading state_dict for ParametrizedLinear:\n\tMissing key(s) in state_dict: "
                             "\"parametrizations.weight.original\", \"parametrizations.weight.0.id\", "
                             "\"parametrizations.weight.0.B\". \n\tUnexpected key(s) in state_dict: \"weight\". ");
    PT_VERIFY_THROWS_EXACTLY(RuntimeError, plain.load_state_dict(new_model->at(0)->state_dict()),
                             "Error(s) in loading state_dict for Linear:\n\tMissing key(s) in state_dict: \"weight\". "
                             "\n\tUnexpected key(s) in state_dict: \"parametrizations.weight.original\", "
                             "\"parametrizations.weight.0.id\", \"parametrizations.weight.0.B\". ");
  }

  void initializationParametrization() {
    const std::int64_t N = 5;
    Linear model(N, N);
    const auto skew = make<initialization::Skew>();
    {
      // Make the weight skew-symmetric before registering the parametrization.
      autograd::NoGradGuard no_grad;
      model.param("weight").set_data((*skew)(model.param("weight")));
    }
    P::register_parametrization(model, "weight", skew);
    const Tensor original = P::parametrization_list(model, "weight")->attr("original");

    // X is not skew-symmetric: right_inverse refuses it and nothing is written.
    Tensor X = rand({N, N});
    const Tensor original_before = original.detach().clone();
    PT_VERIFY_THROWS_EXACTLY(ValueError, model.set_attr("weight", X), "The matrix is not skew-symmetric.");
    PT_COMPARE_CLOSE(original, original_before, 0, 0);
    X = X - X.T();
    model.set_attr("weight", X);
    PT_COMPARE_CLOSE(P::parametrization_list(model, "weight")->attr("original"), X.triu(1), kRtol, kAtol);
    PT_COMPARE_CLOSE(model.attr("weight"), X, kRtol, kAtol);

    // Several parametrizations: right_inverse runs last to first.
    P::register_parametrization(model, "weight", std::make_shared<initialization::Orthogonal>(N));
    X = rand({N, N});
    PT_VERIFY_THROWS_EXACTLY(ValueError, model.set_attr("weight", X), "The input is not orthogonal.");
    X = std::get<0>(linalg_qr(X));  // init.orthogonal_(X)
    model.set_attr("weight", X);
    PT_COMPARE_CLOSE(model.attr("weight"), X, kRtol, kAtol);
    PT_COMPARE_CLOSE(P::parametrization_list(model, "weight")->attr("original"), zeros_like(X), kRtol, kAtol);
  }

  void multipleInputsParametrization() {
    Linear model(3, 3);
    P::register_parametrization(model, "weight", make<RankOne>());
    QVERIFY(model.has_child("parametrizations"));
    QVERIFY(P::is_parametrized(model));
    QVERIFY(P::is_parametrized(model, "weight"));
    auto list = P::parametrization_list(model, "weight");
    QVERIFY(list->has_attr("original0"));
    QVERIFY(list->has_parameter("original0"));
    QVERIFY(list->has_attr("original1"));
    QVERIFY(list->has_parameter("original1"));
    QVERIFY(!P::is_parametrized(model, "bias"));
    QVERIFY(!model.has_parameter("weight"));
    QCOMPARE(rank(model.attr("weight")), 1);

    // Cannot leave unparametrized a tensor made of several originals.
    PT_VERIFY_THROWS(ValueError, P::remove_parametrizations(model, "weight", false), "leave_parametrized=False");
    P::remove_parametrizations(model, "weight", true);
    QVERIFY(!model.has_child("parametrizations"));
    QCOMPARE(model.type_name(), std::string("Linear"));
    QVERIFY(!P::is_parametrized(model));
    QCOMPARE(rank(model.attr("weight")), 1);
    QVERIFY(model.has_parameter("weight"));

    // One-input parametrizations stack on top of a multi-input one.
    const Tensor init_weight = model.attr("weight").detach().clone();
    P::register_parametrization(model, "weight", make<RankOne>());
    // Projecting a rank-one matrix onto the rank-one matrices changes nothing.
    PT_COMPARE_CLOSE(init_weight, model.attr("weight"), kRtol, kAtol);
    P::register_parametrization(model, "weight", make<Double>());
    PT_COMPARE_CLOSE(2.0 * init_weight, model.attr("weight"), kRtol, kAtol);
    QCOMPARE(rank(model.attr("weight")), 1);
    QCOMPARE(model.parameters().size(), std::size_t{3});  // original0, original1, bias
    list = P::parametrization_list(model, "weight");

    // Backward reaches both originals: every step moves the weight.
    optim::SGD sgd(model.parameters(), {.lr = 0.1});
    for (int i = 0; i < 2; ++i) {
      const Tensor before = model.attr("weight").detach().clone();
      sgd.zero_grad();
      matmul(model.attr("weight").T(), model.attr("bias")).sum().backward();
      QVERIFY(list->attr("original0").grad().defined());
      QVERIFY(list->attr("original1").grad().defined());
      sgd.step();
      QVERIFY(changed(model.attr("weight"), before));
    }

    PT_VERIFY_THROWS(ValueError, P::remove_parametrizations(model, "weight", false), "leave_parametrized=False");
    P::remove_parametrizations(model, "weight", true);
    QVERIFY(!model.has_child("parametrizations"));
    QCOMPARE(model.type_name(), std::string("Linear"));
    QVERIFY(!P::is_parametrized(model));
    QCOMPARE(rank(model.attr("weight")), 1);
    QVERIFY(model.has_parameter("weight"));
    QCOMPARE(model.parameters().size(), std::size_t{2});

    // The weight is a new parameter: a new optimizer trains it.
    optim::SGD sgd2(model.parameters(), {.lr = 0.1});
    for (int i = 0; i < 2; ++i) {
      const Tensor before = model.attr("weight").detach().clone();
      sgd2.zero_grad();
      matmul(model.attr("weight").T(), model.attr("bias")).sum().backward();
      sgd2.step();
      QVERIFY(changed(model.attr("weight"), before));
    }
  }

  void cachingParametrization() {
    Linear model(5, 5);
    P::register_parametrization(model, "weight", make<Skew>());
    P::register_parametrization(model, "weight", make<Orthogonal>());
    {
      const auto cache = P::cached();
      const Tensor X = model.attr("weight");
      const Tensor Y = model.attr("weight");
      QVERIFY(X.is_same(Y));
    }

    // What the cache saves: forward calls, counted. Registration evaluates once.
    Linear counted(3, 3);
    const auto counter = make<CountingCopy>();
    P::register_parametrization(counted, "weight", counter);
    QCOMPARE(counter->calls, 1);
    const Tensor a = counted.attr("weight");
    const Tensor b = counted.attr("weight");
    QCOMPARE(counter->calls, 3);
    QVERIFY(!a.is_same(b));
    Tensor cached_value;
    {
      const auto outer = P::cached();
      {
        const auto inner = P::cached();
        cached_value = counted.attr("weight");
        QVERIFY(counted.attr("weight").is_same(cached_value));
      }
      // Leaving a nested scope keeps the values; the outermost one frees them.
      QVERIFY(counted.attr("weight").is_same(cached_value));
      QCOMPARE(counter->calls, 4);
    }
    QVERIFY(!counted.attr("weight").is_same(cached_value));
    QCOMPARE(counter->calls, 5);

    // A tracer cannot record a cached (stale) value.
    NullTraceHook hook;
    TraceHook* previous = set_trace_hook(&hook);
    {
      const auto cache = P::cached();
      PT_VERIFY_THROWS_EXACTLY(RuntimeError, model.attr("weight"),
                               "Cannot trace a model while caching parametrizations.");
    }
    set_trace_hook(previous);
  }

  void cachingParametrizationWithTransferParametrizationsAndParams() {
    Linear model(5, 5);
    P::register_parametrization(model, "weight", make<Skew>());
    P::register_parametrization(model, "weight", make<Orthogonal>());
    Linear to_model(5, 5);
    P::transfer_parametrizations_and_params(model, to_model);

    const auto cache = P::cached();
    const Tensor X = model.attr("weight");
    const Tensor Y = model.attr("weight");
    QVERIFY(X.is_same(Y));
    const Tensor A = to_model.attr("weight");
    const Tensor B = to_model.attr("weight");
    QVERIFY(A.is_same(B));
    // One cached value per module, even though they share the originals.
    QVERIFY(!A.is_same(X));
  }

  void parametrizationSameTrainingMode() {
    Linear module(4, 4);
    module.eval();
    P::register_parametrization(module, "weight", make<Identity>());
    QVERIFY(!P::parametrization_list(module, "weight")->step(0)->is_training());
    module.train();
    const auto evaluating = make<Identity>();
    evaluating->eval();
    P::register_parametrization(module, "weight", evaluating);
    QVERIFY(P::parametrization_list(module, "weight")->step(0)->is_training());
    QVERIFY(P::parametrization_list(module, "weight")->step(1)->is_training());
  }

  void typeBeforeParametrizations() {
    Linear model(5, 5);
    const std::string original_type = model.type_name();
    QCOMPARE(P::type_before_parametrizations(model), original_type);
    P::register_parametrization(model, "weight", make<Identity>());
    QCOMPARE(P::type_before_parametrizations(model), original_type);
    QCOMPARE(model.type_name(), std::string("ParametrizedLinear"));
  }

  void deepcopyAfterParametrization() {
    auto check_deepcopy = [](Module& m1, Module& m2) {
      auto original_of = [](Module& m, const std::string& name) {
        return P::is_parametrized(m, name) ? P::parametrization_list(m, name)->attr("original") : m.attr(name);
      };
      const Tensor w1 = original_of(m1, "weight"), w2 = original_of(m2, "weight");
      const Tensor b1 = original_of(m1, "bias"), b2 = original_of(m2, "bias");
      // Same attributes (Python's __dict__ keys) and class, different objects.
      QCOMPARE(m2.local_parameters().keys(), m1.local_parameters().keys());
      QCOMPARE(m2.local_buffers().keys(), m1.local_buffers().keys());
      QCOMPARE(m2.local_children().keys(), m1.local_children().keys());
      QCOMPARE(m2.type_name(), m1.type_name());
      QVERIFY(&m1 != &m2);
      PT_COMPARE_CLOSE(w1, w2, 0, 0);
      QVERIFY(!w1.is_same(w2));
      PT_COMPARE_CLOSE(b1, b2, 0, 0);
      QVERIFY(!b1.is_same(b2));
      const auto& attr1 = dynamic_cast<ModelWithoutDeepcopy&>(m1).attr;
      const auto& attr2 = dynamic_cast<ModelWithoutDeepcopy&>(m2).attr;
      QCOMPARE(attr1, attr2);
      QVERIFY(&attr1 != &attr2);
      // The copy's chain is its own: its parametrizations are new objects.
      QVERIFY(P::parametrization_list(m1, "weight")->step(0) != P::parametrization_list(m2, "weight")->step(0));
    };
    const std::vector<std::shared_ptr<ModelWithoutDeepcopy>> models{make<ModelWithoutDeepcopy>(), make<ActualModel>()};
    for (const auto& model : models) {
      P::register_parametrization(*model, "weight", make<AddOne>());
      PT_CALL(check_deepcopy(*model, *model->clone()));
      // Several parametrized tensors.
      P::register_parametrization(*model, "bias", make<AddOne>());
      PT_CALL(check_deepcopy(*model, *model->clone()));
      // A tensor with more than one parametrization.
      P::register_parametrization(*model, "weight", make<AddOne>());
      const ModulePtr copy = model->clone();
      PT_CALL(check_deepcopy(*model, *copy));
      PT_COMPARE_CLOSE(copy->attr("weight"), full({4}, 3.0), 0, 0);
    }
    QVERIFY(std::dynamic_pointer_cast<ActualModel>(models[1]->clone())->copied_by_own_constructor);
  }

  void transferParametrizationsAndParams() {
    Linear model(5, 5);
    P::register_parametrization(model, "weight", make<AddOne>());
    P::register_parametrization(model, "weight", make<Double>());
    P::register_parametrization(model, "weight", make<MinusOne>());
    const Tensor hold_weight = model.attr("weight");

    Linear to_model(5, 5);
    P::transfer_parametrizations_and_params(model, to_model);

    // Final and original values are the same and to_model is parametrized.
    QVERIFY(P::is_parametrized(to_model, "weight"));
    PT_COMPARE_CLOSE(model.attr("weight"), to_model.attr("weight"), kRtol, kAtol);
    const auto from_list = P::parametrization_list(model, "weight");
    const auto to_list = P::parametrization_list(to_model, "weight");
    PT_COMPARE_CLOSE(from_list->attr("original"), to_list->attr("original"), kRtol, kAtol);
    // As in PyTorch 1.13, the very objects are shared: originals and parametrizations.
    QVERIFY(from_list->attr("original").is_same(to_list->attr("original")));
    for (std::size_t i = 0; i < 3; ++i) QVERIFY(from_list->step(i) == to_list->step(i));
    QCOMPARE(to_model.type_name(), std::string("ParametrizedLinear"));

    // The transfer did not change the source's value.
    PT_COMPARE_CLOSE(hold_weight, model.attr("weight"), kRtol, kAtol);

    // Removing from one module leaves the other parametrized. Its shared
    // original now holds to_model's weight (set in place), so model's value
    // moves, as in PyTorch 1.13.
    P::remove_parametrizations(to_model, "weight");
    QVERIFY(!P::is_parametrized(to_model, "weight"));
    QVERIFY(P::is_parametrized(model, "weight"));
    QVERIFY(to_model.attr("weight").is_same(from_list->attr("original")));
    QVERIFY(changed(model.attr("weight"), hold_weight));

    // A parameter missing from to_model is created there.
    model.register_parameter("test_param", randn({5, 5}));
    QVERIFY(!to_model.has_attr("test_param"));
    P::register_parametrization(model, "test_param", make<Double>());
    const Tensor hold_test_param = model.attr("test_param");
    P::transfer_parametrizations_and_params(model, to_model, "test_param");
    PT_COMPARE_CLOSE(model.attr("test_param"), to_model.attr("test_param"), kRtol, kAtol);
    PT_COMPARE_CLOSE(P::parametrization_list(model, "test_param")->attr("original"),
                     P::parametrization_list(to_model, "test_param")->attr("original"), kRtol, kAtol);
    PT_COMPARE_CLOSE(hold_test_param, model.attr("test_param"), kRtol, kAtol);
  }

  void transferParametrizationsAndParamsRightInverse() {
    Linear model(5, 5);
    P::register_parametrization(model, "weight", make<Double>());
    const Tensor hold_weight = model.attr("weight");

    // Registering on to_model halves its own weight first; the transfer then
    // replaces that original by model's.
    Linear to_model(5, 5);
    P::transfer_parametrizations_and_params(model, to_model);
    PT_COMPARE_CLOSE(model.attr("weight"), to_model.attr("weight"), kRtol, kAtol);
    PT_COMPARE_CLOSE(P::parametrization_list(model, "weight")->attr("original"),
                     P::parametrization_list(to_model, "weight")->attr("original"), kRtol, kAtol);
    PT_COMPARE_CLOSE(hold_weight, model.attr("weight"), kRtol, kAtol);
  }

  // Not in PyTorch's tests: transfer's loop over original0, original1, ...
  void transferParametrizationsAndParamsMultipleOriginals() {
    Linear model(3, 3);
    P::register_parametrization(model, "weight", make<RankOne>());
    Linear to_model(3, 3);
    P::transfer_parametrizations_and_params(model, to_model);
    PT_COMPARE_CLOSE(model.attr("weight"), to_model.attr("weight"), kRtol, kAtol);
    std::vector<std::string> names;
    for (const auto& [name, p] : to_model.named_parameters()) names.push_back(name);
    QCOMPARE(names, (std::vector<std::string>{"bias", "parametrizations.weight.original0",
                                              "parametrizations.weight.original1"}));
    for (const char* name : {"parametrizations.weight.original0", "parametrizations.weight.original1"}) {
      QVERIFY(to_model.get_parameter(name).is_same(model.get_parameter(name)));
    }
  }

  void transferParametrizationsAndParamsSingleParam() {
    Linear model(5, 5, /*bias=*/true);
    for (const char* name : {"weight", "bias"}) {
      P::register_parametrization(model, name, make<AddOne>());
      P::register_parametrization(model, name, make<Double>());
      P::register_parametrization(model, name, make<MinusOne>());
    }
    Linear to_model(5, 5, true);
    P::transfer_parametrizations_and_params(model, to_model, "weight");
    // Weight, and only weight, was transferred.
    PT_COMPARE_CLOSE(model.attr("weight"), to_model.attr("weight"), kRtol, kAtol);
    PT_COMPARE_CLOSE(P::parametrization_list(model, "weight")->attr("original"),
                     P::parametrization_list(to_model, "weight")->attr("original"), kRtol, kAtol);
    QVERIFY(!to_model.child_as<ModuleDict>("parametrizations")->contains("bias"));
    QVERIFY(to_model.has_parameter("bias"));
  }
};

QTEST_GUILESS_MAIN(TestParametrize)
#include "tst_parametrize.moc"
