// nn::Module and the containers: registration rules and messages, dotted
// names and de-duplication, train/eval, hooks, deep copy, state_dict and
// load_state_dict with PyTorch 1.13's keys and error texts, and repr.
#include "paratrace/autograd/grad_mode.h"
#include "paratrace/nn/containers.h"
#include "paratrace/nn/module.h"
#include "test_util.h"

using namespace paratrace;
using namespace paratrace::nn;

namespace {

// y = x W^T + b, written as a user module would be.
class Affine : public Cloneable<Affine> {
 public:
  Affine(std::int64_t in, std::int64_t out) : in_(in), out_(out) {
    register_parameter("weight", test::seq({out, in}, 0.1, -0.2));
    register_parameter("bias", zeros({out}));
  }
  std::string extra_repr() const override {
    return "in=" + std::to_string(in_) + ", out=" + std::to_string(out_);
  }
  Tensor forward(const Tensor& x) override { return matmul(x, attr("weight").t()) + attr("bias"); }

 private:
  std::int64_t in_, out_;
};

class Net : public Cloneable<Net> {
 public:
  Net() {
    register_module("fc", std::make_shared<Affine>(3, 2));
    register_buffer("steps", zeros({}, ScalarType::Int64));
    register_buffer("scratch", ones({2}), /*persistent=*/false);
  }
  Tensor forward(const Tensor& x) override { return (*child("fc"))(x).relu(); }
};

}  // namespace

class TestNnModule : public QObject {
  Q_OBJECT
 private slots:
  void registrationKeepsOrderAndIdentity() {
    Affine m(3, 2);
    QCOMPARE(m.local_parameters().keys(), (std::vector<std::string>{"weight", "bias"}));
    const Tensor w = m.param("weight");
    QVERIFY(w.requires_grad());
    QVERIFY(m.attr("weight").is_same(w));
    // Replacing keeps the position; delete and re-add as a buffer moves it.
    m.register_parameter("weight", ones({2, 3}));
    QCOMPARE(m.local_parameters().keys(), (std::vector<std::string>{"weight", "bias"}));
    m.delete_attr("bias");
    m.register_buffer("bias", zeros({2}));
    QVERIFY(!m.has_parameter("bias"));
    QVERIFY(m.has_buffer("bias"));
    QCOMPARE(m.parameters().size(), std::size_t{1});
    // A None parameter is registered but not listed.
    m.register_parameter("extra", Tensor());
    QVERIFY(m.has_parameter("extra"));
    QVERIFY(!m.attr("extra").defined());
    QCOMPARE(m.named_parameters().size(), std::size_t{1});
  }

  void registrationErrorsMatchPyTorch() {
    Affine m(3, 2);
    PT_VERIFY_THROWS(KeyError, m.register_parameter("a.b", Tensor()), "parameter name can't contain \".\"");
    PT_VERIFY_THROWS(KeyError, m.register_parameter("", Tensor()), "parameter name can't be empty string \"\"");
    PT_VERIFY_THROWS(KeyError, m.register_buffer("weight", Tensor()), "attribute 'weight' already exists");
    PT_VERIFY_THROWS(KeyError, m.register_module("weight", std::make_shared<Affine>(1, 1)),
                     "attribute 'weight' already exists");
    PT_VERIFY_THROWS(KeyError, m.register_module("a.b", std::make_shared<Affine>(1, 1)),
                     "module name can't contain \".\", got: a.b");
    PT_VERIFY_THROWS(KeyError, m.register_buffer("a.b", Tensor()), "buffer name can't contain \".\"");
    PT_VERIFY_THROWS(AttributeError, m.attr("foo"), "'Affine' object has no attribute 'foo'");
    PT_VERIFY_THROWS(AttributeError, m.delete_attr("nope"), "'Affine' object has no attribute 'nope'");
    const Tensor leaf = ones({2}).requires_grad_();
    PT_VERIFY_THROWS(ValueError, m.register_parameter("x", leaf * 2),
                     "Cannot assign non-leaf Tensor to parameter 'x'. Model parameters must be created explicitly. "
                     "To express 'x' as a function of another Tensor, compute the value in the forward() method.");
    Module bare;
    PT_VERIFY_THROWS(NotImplementedError, bare(ones({1})), "Module [Module] is missing the required \"forward\" function");
  }

  void dottedNamesAndDeduplication() {
    auto shared = std::make_shared<Affine>(2, 2);
    Sequential seq{std::make_shared<Affine>(3, 2), shared, shared};
    std::vector<std::string> names;
    for (const auto& [name, p] : seq.named_parameters()) names.push_back(name);
    // The shared module is reported once, under its first name.
    QCOMPARE(names, (std::vector<std::string>{"0.weight", "0.bias", "1.weight", "1.bias"}));
    QCOMPARE(seq.named_modules().size(), std::size_t{3});
    QCOMPARE(seq.named_modules("", /*remove_duplicate=*/false).size(), std::size_t{4});
    QCOMPARE(seq.named_children().size(), std::size_t{2});
    // One parameter under two names counts once.
    Affine m(2, 2);
    m.register_parameter("alias", m.param("weight"));
    QCOMPARE(m.parameters().size(), std::size_t{2});
    // ... but state_dict lists both names, as PyTorch does.
    QCOMPARE(m.state_dict().size(), std::size_t{3});
    QVERIFY(seq.get_parameter("1.weight").is_same(shared->param("weight")));
    QVERIFY(seq.get_submodule("2").get() == shared.get());
    PT_VERIFY_THROWS(AttributeError, seq.get_submodule("0.x"), "Affine has no attribute `x`");
    PT_VERIFY_THROWS(AttributeError, seq.get_parameter("0.nope"), "Affine has no attribute `nope`");
  }

  void trainEvalAndRequiresGrad() {
    Sequential seq{std::make_shared<Net>(), std::make_shared<Affine>(2, 2)};
    QVERIFY(seq.is_training());
    seq.eval();
    for (const auto& m : seq.modules()) QVERIFY(!m->is_training());
    seq.train();
    for (const auto& m : seq.modules()) QVERIFY(m->is_training());
    seq.requires_grad_(false);
    for (const auto& p : seq.parameters()) QVERIFY(!p.requires_grad());
  }

  void hooksRunAndCanBeRemoved() {
    Affine m(2, 2);
    int pre_calls = 0;
    auto pre = m.register_forward_pre_hook([&](Module&, const Stack& args) -> std::optional<Stack> {
      ++pre_calls;
      return Stack{args[0].to_tensor() * 0};
    });
    auto post = m.register_forward_hook([](Module&, const Stack&, const IValue& out) -> std::optional<IValue> {
      return IValue(out.to_tensor() + 1);
    });
    const Tensor y = m(ones({1, 2}));
    QCOMPARE(pre_calls, 1);
    PT_COMPARE_CLOSE(y, ones({1, 2}), 0, 0);  // zero input, zero bias, plus one
    pre.remove();
    post.remove();
    pre.remove();  // removing twice is harmless
    const Tensor z = m(ones({1, 2}));
    QCOMPARE(pre_calls, 1);
    PT_COMPARE_CLOSE(z, m.forward(ones({1, 2})), 0, 0);
  }

  void cloneIsDeepAndKeepsSharing() {
    auto shared = std::make_shared<Affine>(2, 2);
    Sequential seq{shared, shared};
    seq.eval();
    auto copy = std::dynamic_pointer_cast<Sequential>(seq.clone());
    QVERIFY(copy);
    QCOMPARE(copy->repr(), seq.repr());
    QVERIFY(!copy->is_training());
    QVERIFY(copy->at(0).get() != shared.get());
    QVERIFY(copy->at(0).get() == copy->at(1).get());  // sharing preserved inside the copy
    const Tensor w = copy->at(0)->param("weight");
    QVERIFY(!w.is_same(shared->param("weight")));
    QVERIFY(w.requires_grad());
    PT_COMPARE_CLOSE(w, shared->param("weight"), 0, 0);
    w.detach().fill_(5.0);
    PT_COMPARE_CLOSE(shared->param("weight"), test::seq({2, 2}, 0.1, -0.2), 0, 0);  // original untouched
    // Forward works on the copy: it is an Affine, not a bare Module. Both
    // layers are the one shared copy: [1, 1] -> [10, 10] -> [100, 100].
    PT_COMPARE_CLOSE((*copy)(ones({1, 2})), full({1, 2}, 100.0), 0, 0);
    Module bare;
    PT_VERIFY_THROWS(TypeError, bare.clone(), "derive it from paratrace::nn::Cloneable<Module>");
  }

  void stateDictKeysAndValues() {
    Sequential seq{std::make_shared<Net>(), std::make_shared<Affine>(2, 1)};
    // Own parameters, own persistent buffers, then children, as PyTorch orders them.
    const StateDict sd = seq.state_dict();
    QCOMPARE(sd.keys(), (std::vector<std::string>{"0.steps", "0.fc.weight", "0.fc.bias", "1.weight", "1.bias"}));
    // Detached unless keep_vars, and aliasing the module's storage.
    QVERIFY(!sd.find("1.weight")->requires_grad());
    QVERIFY(seq.state_dict("", true).find("1.weight")->requires_grad());
    QCOMPARE(sd.find("1.weight")->raw_data(), seq.get_parameter("1.weight").raw_data());
    QCOMPARE(seq.state_dict("model.").keys().front(), std::string("model.0.steps"));
  }

  void loadStateDictCopiesInPlace() {
    Affine a(3, 2), b(3, 2);
    b.param("weight").detach().fill_(0.5);
    const Tensor w = a.param("weight");
    const auto keys = a.load_state_dict(b.state_dict());
    QVERIFY(keys.missing_keys.empty() && keys.unexpected_keys.empty());
    QVERIFY(a.param("weight").is_same(w));
    PT_COMPARE_CLOSE(w, full({2, 3}, 0.5), 0, 0);
    QVERIFY(w.requires_grad());
    // A float64 checkpoint converts into the float32 parameter, as copy_ does.
    StateDict sd = b.state_dict();
    sd.set("weight", full({2, 3}, 0.25, ScalarType::Float64));
    a.load_state_dict(sd);
    QCOMPARE(a.param("weight").dtype(), ScalarType::Float32);
    PT_COMPARE_CLOSE(a.param("weight"), full({2, 3}, 0.25), 0, 0);
  }

  void loadStateDictErrorsMatchPyTorch() {
    // Expected text produced by torch 1.13 for the same Sequential(Linear(3,2), ReLU()) situation.
    Sequential seq{std::make_shared<Affine>(3, 2), std::make_shared<Net>()};
    StateDict bad;
    bad.set("0.weight", zeros({3, 3}));
    bad.set("foo", zeros({1}));
    bad.set("0.foo", zeros({1}));
    const std::string expected =
        "Error(s) in loading state_dict for Sequential:\n"
        "\tMissing key(s) in state_dict: \"0.bias\", \"1.steps\", \"1.fc.weight\", \"1.fc.bias\". \n"
        "\tUnexpected key(s) in state_dict: \"foo\", \"0.foo\". \n"
        "\tsize mismatch for 0.weight: copying a param with shape torch.Size([3, 3]) from checkpoint, the shape in "
        "current model is torch.Size([2, 3]).";
    try {
      seq.load_state_dict(bad);
      QFAIL("no exception");
    } catch (const RuntimeError& e) {
      QCOMPARE(QString::fromStdString(e.what()), QString::fromStdString(expected));
    }
    // Non-strict: keys are reported, size mismatches still fail.
    bad.set("0.weight", zeros({2, 3}));
    const auto keys = seq.load_state_dict(bad, /*strict=*/false);
    QCOMPARE(keys.missing_keys.size(), std::size_t{4});
    QCOMPARE(keys.unexpected_keys, (std::vector<std::string>{"foo", "0.foo"}));
    bad.set("0.weight", zeros({1}));
    PT_VERIFY_THROWS(RuntimeError, seq.load_state_dict(bad, false), "size mismatch for 0.weight");
    // The non-persistent buffer is neither saved nor expected.
    Net net;
    QVERIFY(!net.state_dict().contains("scratch"));
    net.load_state_dict(Net().state_dict());
  }

  void reprMatchesPyTorch() {
    Sequential seq{std::make_shared<Affine>(3, 2),
                   std::make_shared<Sequential>(std::vector<ModulePtr>{std::make_shared<Net>()}),
                   std::make_shared<ModuleList>(), std::make_shared<ModuleDict>()};
    const std::string expected =
        "Sequential(\n"
        "  (0): Affine(in=3, out=2)\n"
        "  (1): Sequential(\n"
        "    (0): Net(\n"
        "      (fc): Affine(in=3, out=2)\n"
        "    )\n"
        "  )\n"
        "  (2): ModuleList()\n"
        "  (3): ModuleDict()\n"
        ")";
    QCOMPARE(seq.repr(), expected);
    seq.set_injected_type_name("ParametrizedSequential");
    QCOMPARE(seq.type_name(), std::string("ParametrizedSequential"));
    QCOMPARE(seq.class_name(), std::string("Sequential"));
  }

  void containers() {
    ModuleList list{std::make_shared<Affine>(1, 1), std::make_shared<Affine>(2, 2)};
    list.insert(0, std::make_shared<Affine>(3, 3));
    QCOMPARE(list.local_children().keys(), (std::vector<std::string>{"0", "1", "2"}));
    QCOMPARE(list[0]->param("weight").size(0), 3);
    QCOMPARE(list[-1]->param("weight").size(0), 2);
    list.erase(0);
    QCOMPARE(list.size(), std::size_t{2});
    QCOMPARE(list[0]->param("weight").size(0), 1);
    PT_VERIFY_THROWS(IndexError, list.at(2), "index 2 is out of range");
    QCOMPARE(list.named_parameters().back().first, std::string("1.bias"));

    ModuleDict dict{{"a", std::make_shared<Affine>(1, 1)}};
    dict.insert("b", std::make_shared<Affine>(2, 2));
    QCOMPARE(dict.keys(), (std::vector<std::string>{"a", "b"}));
    QVERIFY(dict.contains("b"));
    dict.erase("a");
    PT_VERIFY_THROWS(KeyError, dict.at("a"), "'a'");
    QCOMPARE(dict.state_dict().keys().front(), std::string("b.weight"));

    Sequential seq{std::make_shared<Affine>(2, 3), std::make_shared<Affine>(3, 1)};
    const Tensor x = test::seq({4, 2}, 0.5, -1);
    PT_COMPARE_CLOSE(seq(x), (*seq[1])((*seq[0])(x)), 0, 0);
  }

  void toDtypeKeepsIdentity() {
    Net net;
    const Tensor w = net.get_parameter("fc.weight");
    net.to(ScalarType::Float64);
    QVERIFY(net.get_parameter("fc.weight").is_same(w));
    QCOMPARE(w.dtype(), ScalarType::Float64);
    QVERIFY(w.requires_grad());
    QCOMPARE(net.buffer("steps").dtype(), ScalarType::Int64);  // integer buffers stay
    QCOMPARE(net.buffer("scratch").dtype(), ScalarType::Float64);
  }

  void zeroGrad() {
    Affine m(2, 2);
    m(ones({1, 2})).sum().backward();
    QVERIFY(m.param("weight").grad().defined());
    m.zero_grad();
    PT_COMPARE_CLOSE(m.param("weight").grad(), zeros({2, 2}), 0, 0);
    m.zero_grad(/*set_to_none=*/true);
    QVERIFY(!m.param("weight").grad().defined());
  }
};

QTEST_GUILESS_MAIN(TestNnModule)
#include "tst_nn_module.moc"
