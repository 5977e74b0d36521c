// The inspector's view of parametrized tensors: chain description, step by
// step values, and that looking does not disturb the cache or autograd.
#include "paratrace/autograd/grad_mode.h"
#include "paratrace/nn/parametrize.h"
#include "paratrace/nn/parametrize_inspect.h"
#include "test_util.h"

using namespace paratrace;
using namespace paratrace::nn;

namespace {

class Affine : public Cloneable<Affine> {
 public:
  Affine() {
    register_parameter("weight", test::seq({3, 3}, 0.1, -0.4));
    register_parameter("bias", zeros({3}));
  }
  Tensor forward(const Tensor& x) override { return linear(x, attr("weight"), attr("bias")); }
};

class Skew : public Cloneable<Skew, Parametrization> {
 public:
  Tensor forward(const Tensor& x) override {
    const Tensor l = x.tril(-1);
    return l - l.t();
  }
};

// Cayley map: orthogonal for a skew-symmetric input.
class Cayley : public Cloneable<Cayley, Parametrization> {
 public:
  Tensor forward(const Tensor& x) override {
    const Tensor id = eye(x.size(0));
    return linalg_solve(id + x, id - x);
  }
};

class Scale : public Cloneable<Scale, Parametrization> {
 public:
  Scale() { register_buffer("factor", full({}, 2.0)); }
  Tensor forward(const Tensor& x) override { return x * attr("factor"); }
};

// u v^T from two originals.
class RankOne : public Cloneable<RankOne, Parametrization> {
 public:
  IValue forward_stack(const Stack& in) override {
    return outer(in.at(0).to_tensor(), in.at(1).to_tensor());
  }
  RightInverseResult right_inverse(const Tensor& x) override {
    return TensorList{x.select(1, 0).clone(), x.select(0, 0).clone()};
  }
};

}  // namespace

class TestParametrizeInspect : public QObject {
  Q_OBJECT
 private slots:
  void describesTheChain() {
    Affine m;
    parametrize::register_parametrization(m, "weight", std::make_shared<Skew>());
    parametrize::register_parametrization(m, "weight", std::make_shared<Cayley>());
    parametrize::register_parametrization(m, "bias", std::make_shared<Scale>());
    const auto info = parametrize::describe(m, "weight");
    QCOMPARE(info.tensor_name, std::string("weight"));
    QCOMPARE(info.originals.size(), std::size_t{1});
    QCOMPARE(info.originals[0].name, std::string("original"));
    QVERIFY(info.originals[0].is_parameter);
    QVERIFY(info.originals[0].requires_grad);
    QCOMPARE(info.steps.size(), std::size_t{2});
    QCOMPARE(info.steps[0].type_name, std::string("Skew"));
    QCOMPARE(info.steps[1].type_name, std::string("Cayley"));
    QCOMPARE(info.steps[1].output_shape, (Shape{3, 3}));
    QVERIFY(!info.nested);
    const auto bias = parametrize::describe(m, "bias");
    QCOMPARE(bias.steps[0].tensors.size(), std::size_t{1});
    QCOMPARE(bias.steps[0].tensors[0].name, std::string("factor"));
    QVERIFY(!bias.steps[0].tensors[0].is_parameter);
    PT_VERIFY_THROWS(ValueError, parametrize::describe(m, "nope"), "does not have a parametrization on nope");
  }

  void stepsGiveEveryIntermediateValue() {
    Affine m;
    parametrize::register_parametrization(m, "weight", std::make_shared<Skew>());
    parametrize::register_parametrization(m, "weight", std::make_shared<Cayley>());
    const auto values = parametrize::evaluate_steps(m, "weight");
    const Tensor original = m.get_parameter("parametrizations.weight.original");
    PT_COMPARE_CLOSE(values.originals[0], original, 0, 0);
    const Tensor skew = values.steps[0];
    PT_COMPARE_CLOSE(skew, -skew.t(), 0, 0);
    PT_COMPARE_CLOSE(values.steps[1], m.attr("weight"), 1e-6, 1e-6);
    PT_COMPARE_CLOSE(matmul(values.steps[1].t(), values.steps[1]), eye(3), 1e-5, 1e-5);
    // Nothing recorded for autograd.
    for (const Tensor& t : values.steps) QVERIFY(!t.requires_grad());
  }

  void lookingDoesNotTouchTheCache() {
    Affine m;
    parametrize::register_parametrization(m, "weight", std::make_shared<Skew>());
    auto scope = parametrize::cached();
    const Tensor cached = m.attr("weight");
    const auto values = parametrize::evaluate_steps(m, "weight");
    QVERIFY(!values.steps[0].is_same(cached));
    QVERIFY(m.attr("weight").is_same(cached));
  }

  void multipleOriginalsAndNestedChains() {
    Affine m;
    parametrize::register_parametrization(m, "weight", std::make_shared<RankOne>());
    auto info = parametrize::describe(m, "weight");
    QCOMPARE(info.originals.size(), std::size_t{2});
    QCOMPARE(info.originals[1].name, std::string("original1"));
    const auto values = parametrize::evaluate_steps(m, "weight");
    PT_COMPARE_CLOSE(values.steps[0], outer(values.originals[0], values.originals[1]), 0, 0);

    Affine n;
    parametrize::register_parametrization(n, "weight", std::make_shared<Skew>());
    auto list = parametrize::parametrization_list(n, "weight");
    parametrize::register_parametrization(*list, "original", std::make_shared<Skew>());
    QVERIFY(parametrize::describe(n, "weight").nested);
  }

  void describeAllFindsSubmodules() {
    auto outer_module = std::make_shared<Affine>();
    auto inner = std::make_shared<Affine>();
    outer_module->register_module("inner", inner);
    parametrize::register_parametrization(*inner, "weight", std::make_shared<Skew>());
    parametrize::register_parametrization(*outer_module, "bias", std::make_shared<Scale>());
    const auto all = parametrize::describe_all(*outer_module);
    QCOMPARE(all.size(), std::size_t{2});
    QCOMPARE(all[0].module_path, std::string(""));
    QCOMPARE(all[0].tensor_name, std::string("bias"));
    QCOMPARE(all[1].module_path, std::string("inner"));
    QCOMPARE(all[1].tensor_name, std::string("weight"));
  }
};

QTEST_GUILESS_MAIN(TestParametrizeInspect)
#include "tst_parametrize_inspect.moc"
