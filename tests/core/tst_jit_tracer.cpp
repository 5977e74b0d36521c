// The tracer, ported from PyTorch's test/jit/test_tracer.py where a C++ API
// applies: recorded node kinds, constants, nested and dict inputs, repeated
// inputs and outputs, shared parameters, in-place ops, slicing, casts,
// warnings, names, several methods, scopes, and PyTorch's errors. Every
// traced graph is replayed and compared with eager execution, gradients too.
#include <algorithm>

#include "paratrace/jit/tracer.h"
#include "paratrace/nn/activation.h"
#include "paratrace/nn/containers.h"
#include "paratrace/nn/linear.h"
#include "paratrace/tensor/indexing.h"
#include "test_util.h"

using namespace paratrace;
using namespace paratrace::jit;

namespace {

std::vector<std::string> kinds(const Graph& g) {
  std::vector<std::string> out;
  for (const Node* n : g.nodes()) out.push_back(n->kind());
  return out;
}

bool has_kind(const Graph& g, const std::string& kind) {
  const auto k = kinds(g);
  return std::find(k.begin(), k.end(), kind) != k.end();
}

std::size_t count_kind(const Graph& g, const std::string& kind) {
  const auto k = kinds(g);
  return static_cast<std::size_t>(std::count(k.begin(), k.end(), kind));
}

const Node* first_of(const Graph& g, const std::string& kind) {
  for (const Node* n : g.nodes()) {
    if (n->kind() == kind) return n;
  }
  return nullptr;
}

// A module with the same parameter under two names.
class Shared : public nn::Cloneable<Shared> {
 public:
  Shared() {
    register_parameter("a", test::seq({2, 2}, 0.5, 0.1));
    register_parameter("b", param("a"));
  }
  Tensor forward(const Tensor& x) override { return x * attr("a") + attr("b"); }
};

// forward plus a second traceable method, as trace_module's several methods.
class TwoMethods : public nn::Cloneable<TwoMethods> {
 public:
  TwoMethods() { register_parameter("w", test::seq({3}, 0.25, 1)); }
  Tensor forward(const Tensor& x) override { return x * attr("w"); }
  IValue call_method(const std::string& name, const Stack& inputs) override {
    if (name == "weighted_sum") return (inputs[0].to_tensor() * attr("w")).sum();
    return Module::call_method(name, inputs);
  }
};

// A child called twice, and a child that changes its input in place.
class Bump : public nn::Cloneable<Bump> {
 public:
  Tensor forward(const Tensor& x) override {
    Tensor y = x;
    y.add_(1);
    return y * 2;
  }
};

class CallsTwice : public nn::Cloneable<CallsTwice> {
 public:
  CallsTwice() {
    act_ = register_module("act", std::make_shared<nn::ReLU>());
    bump_ = register_module("bump", std::make_shared<Bump>());
  }
  Tensor forward(const Tensor& x) override {
    const Tensor a = (*act_)(x);
    const Tensor y = x.clone();
    const Tensor b = (*bump_)(y);
    return (*act_)(a + b) + y;  // y was changed in place by bump
  }

 private:
  std::shared_ptr<nn::ReLU> act_;
  std::shared_ptr<Bump> bump_;
};

class CallsStranger : public nn::Cloneable<CallsStranger> {
 public:
  Tensor forward(const Tensor& x) override { return stranger_(x); }

 private:
  nn::ReLU stranger_;
};

}  // namespace

class TestJitTracer : public QObject {
  Q_OBJECT
 private slots:
  void simpleFunctionReplaysWithGradients() {
    auto fn = [](const Stack& in) {
      const Tensor x = in[0].to_tensor(), y = in[1].to_tensor();
      return IValue((x * (x + y)).tanh().sigmoid());
    };
    const Tensor x = test::seq({2, 3}, 0.1, -0.3), y = test::seq({2, 3}, -0.2, 0.5);
    auto traced = trace(fn, {x, y}, {{"x", "y"}});
    const Graph& g = *traced->inlined_graph();
    QCOMPARE(kinds(g), (std::vector<std::string>{"prim::Constant", "aten::add", "aten::mul", "aten::tanh",
                                                 "aten::sigmoid"}));
    QCOMPARE(g.inputs()[0]->debug_name(), std::string("x"));
    QCOMPARE(g.inputs()[1]->debug_name(), std::string("y"));
    // Another shape: the graph is replayed, not the recorded values.
    const Tensor a = test::seq({4, 2}, 0.3, -1).requires_grad_(), b = test::seq({4, 2}, 0.1, 0.2).requires_grad_();
    const Tensor out = (*traced).forward({a, b}).to_tensor();
    PT_COMPARE_CLOSE(out, fn({a, b}).to_tensor(), 1e-6, 1e-6);
    out.sum().backward();
    const Tensor a2 = a.detach().requires_grad_(), b2 = b.detach().requires_grad_();
    fn({a2, b2}).to_tensor().sum().backward();
    PT_COMPARE_CLOSE(a.grad(), a2.grad(), 1e-6, 1e-6);
    PT_COMPARE_CLOSE(b.grad(), b2.grad(), 1e-6, 1e-6);
  }

  void constantsAndRequiresGradConstantError() {
    const Tensor captured = test::seq({2}, 1, 1);
    auto traced = trace([&](const Stack& in) { return IValue(in[0].to_tensor() + captured); }, {ones({2})});
    const Node* c = first_of(*traced->inlined_graph(), "prim::Constant");
    QVERIFY(c && c->kind_of("value") == AttributeKind::Tensor);
    PT_COMPARE_CLOSE(c->t("value"), captured, 0, 0);
    PT_COMPARE_CLOSE(traced->forward({zeros({2})}).to_tensor(), captured, 0, 0);

    const Tensor weight = ones({2}).requires_grad_();
    PT_VERIFY_THROWS(RuntimeError, trace([&](const Stack& in) { return IValue(in[0].to_tensor() * weight); }, {ones({2})}),
                     "Cannot insert a Tensor that requires grad as a constant. Consider making it a parameter or "
                     "input, or detaching the gradient\nTensor:\ntensor([1., 1.], requires_grad=True)");
  }

  void nestedTupleInputsAndOutputs() {
    auto fn = [](const Stack& in) {
      const auto& outer = in[0].tuple_elements();
      const Tensor a = outer[0].to_tensor();
      const auto& inner = outer[1].tuple_elements();
      const Tensor b = inner[0].to_tensor(), c = inner[1].to_tensor();
      return IValue::tuple({a + b, IValue::tuple({b * c})});
    };
    const IValue example = IValue::tuple({ones({2}), IValue::tuple({full({2}, 2.0), full({2}, 3.0)})});
    auto traced = trace(fn, {example});
    QCOMPARE(count_kind(*traced->inlined_graph(), "prim::TupleUnpack"), std::size_t{2});
    QCOMPARE(count_kind(*traced->inlined_graph(), "prim::TupleConstruct"), std::size_t{2});
    QCOMPARE(traced->inlined_graph()->inputs()[0]->type()->str().substr(0, 2), std::string("(F"));
    const IValue other = IValue::tuple({full({3}, 5.0), IValue::tuple({full({3}, 7.0), full({3}, -1.0)})});
    const IValue out = traced->forward({other});
    PT_COMPARE_CLOSE(out.tuple_elements()[0].to_tensor(), full({3}, 12.0), 0, 0);
    PT_COMPARE_CLOSE(out.tuple_elements()[1].tuple_elements()[0].to_tensor(), full({3}, -7.0), 0, 0);
  }

  void dictInputsRememberKeysInOrder() {
    auto fn = [](const Stack& in) {
      const auto& items = in[0].dict_items();
      return IValue(items[0].second.to_tensor() - items[1].second.to_tensor());
    };
    auto traced = trace(fn, {IValue::dict({{"y", full({2}, 3.0)}, {"x", ones({2})}})});
    std::vector<std::string> keys;
    for (const Node* n : traced->inlined_graph()->nodes()) {
      if (n->kind() == "aten::__getitem__") keys.push_back(n->input(1)->node()->s("value"));
    }
    QCOMPARE(keys, (std::vector<std::string>{"y", "x"}));
    QCOMPARE(traced->inlined_graph()->inputs()[0]->type()->str(), std::string("Dict(str, Tensor)"));
    const Tensor out = traced->forward({IValue::dict({{"y", full({2}, 10.0)}, {"x", full({2}, 4.0)}})}).to_tensor();
    PT_COMPARE_CLOSE(out, full({2}, 6.0), 0, 0);
    PT_VERIFY_THROWS(RuntimeError, trace(fn, {IValue::tuple({ones({1}), IValue(std::int64_t{3})})}),
                     "cannot be traced. Only Tensors and (possibly nested) Lists, Dicts, and Tuples of Tensors can be "
                     "traced");
  }

  void repeatedInputsAndOutputs() {
    const Tensor x = test::seq({2, 2}, 1, 0);
    auto traced = trace([](const Stack& in) { return IValue(in[0].to_tensor() + in[1].to_tensor()); }, {x, x});
    QCOMPARE(traced->inlined_graph()->inputs().size(), std::size_t{2});
    PT_COMPARE_CLOSE(traced->forward({x, x}).to_tensor(), x * 2, 0, 0);

    auto twice = trace(
        [](const Stack& in) {
          const Tensor z = in[0].to_tensor() + in[1].to_tensor();
          return IValue::tuple({z, z});
        },
        {x, ones({2, 2})});
    const Node* tuple = first_of(*twice->inlined_graph(), "prim::TupleConstruct");
    QVERIFY(tuple->input(0) == tuple->input(1));
  }

  void sharedParameterEntersOnce() {
    auto m = std::make_shared<Shared>();
    auto traced = trace(m, {ones({2, 2})});
    QCOMPARE(count_kind(*traced->inlined_graph(), "prim::GetAttr"), std::size_t{1});
    QCOMPARE(first_of(*traced->inlined_graph(), "prim::GetAttr")->s("name"), std::string("a"));
    const Tensor x = test::seq({2, 2}, 1, -1);
    PT_COMPARE_CLOSE((*traced)(x), (*m)(x), 0, 0);
    // The traced module shares the eager module's tensors.
    m->param("a").detach().fill_(2.0);
    PT_COMPARE_CLOSE((*traced)(x), x * 2 + 2, 0, 0);
  }

  void inplaceSlicingAndCasts() {
    auto fn = [](const Stack& in) {
      const Tensor x = in[0].to_tensor();
      Tensor y = x.clone();
      y.add_(1);
      const Tensor s = y.index({Slice(1, None), 0});
      return IValue(s.to(ScalarType::Float64));
    };
    const Tensor x = test::seq({3, 4}, 1, 0);
    auto traced = trace(fn, {x});
    const Graph& g = *traced->inlined_graph();
    QVERIFY(has_kind(g, "aten::add_"));
    QVERIFY(has_kind(g, "aten::slice"));
    QVERIFY(has_kind(g, "aten::select"));
    QVERIFY(has_kind(g, "aten::to"));
    QCOMPARE(g.outputs()[0]->type()->str(), std::string("Double(2, strides=[1], requires_grad=0, device=cpu)"));
    const Tensor other = test::seq({5, 4}, -1, 3);
    PT_COMPARE_CLOSE(traced->forward({other}).to_tensor(), fn({other}).to_tensor(), 0, 0);
  }

  void warningsAreCollected() {
    auto traced = trace(
        [](const Stack& in) {
          const Tensor x = in[0].to_tensor();
          const double scale = x.sum().item<double>();
          return IValue(x * scale);
        },
        {ones({2})});
    QCOMPARE(traced->warnings().size(), std::size_t{1});
    QCOMPARE(traced->warnings()[0].message,
             std::string("Converting a tensor to a Python number might cause the trace to be incorrect. We can't "
                         "record the data flow of Python values, so this value will be treated as a constant in the "
                         "future. This means that the trace might not generalize to other inputs!"));
    auto listed = trace([](const Stack& in) { return IValue(TensorList{in[0].to_tensor() * 2}); }, {ones({2})});
    QCOMPARE(listed->warnings().size(), std::size_t{1});
    QVERIFY(listed->warnings()[0].message.starts_with("Encountering a list at the output of the tracer might cause"));
  }

  void recordsNames() {
    auto traced = trace(
        [](const Stack& in) {
          const Tensor quick_brown_fox = name_value(in[0].to_tensor() * 2, "quick_brown_fox");
          return IValue(quick_brown_fox + 1);
        },
        {ones({2})}, {{"first_arg"}});
    const std::string text = traced->inlined_graph()->str();
    QVERIFY(text.find("%first_arg : Float(2") != std::string::npos);
    QVERIFY(text.find("%quick_brown_fox : Float(2") != std::string::npos);
    // Outside a trace, naming is a no-op returning the tensor.
    const Tensor t = ones({1});
    QVERIFY(name_value(t, "x").is_same(t));
    QVERIFY(!is_tracing());
  }

  void multipleMethods() {
    auto m = std::make_shared<TwoMethods>();
    auto traced = trace_module(m, {{"forward", {ones({3})}}, {"weighted_sum", {ones({3})}}});
    QCOMPARE(traced->method_names(), (std::vector<std::string>{"forward", "weighted_sum"}));
    QVERIFY(has_kind(*traced->inlined_graph("weighted_sum"), "aten::sum"));
    QVERIFY(!has_kind(*traced->inlined_graph("forward"), "aten::sum"));
    const Tensor x = test::seq({3}, 1, 1);
    PT_COMPARE_CLOSE(traced->run_method("weighted_sum", {x}).to_tensor(), (x * m->param("w")).sum(), 0, 0);
    PT_VERIFY_THROWS(AttributeError, traced->inlined_graph("nope"), "has no attribute 'nope'");
    PT_VERIFY_THROWS(AttributeError, trace_module(m, {{"nope", {x}}}), "'TwoMethods' object has no attribute 'nope'");
  }

  void hierarchyGivesScopes() {
    auto inner = std::make_shared<nn::Sequential>(std::vector<nn::ModulePtr>{std::make_shared<nn::Linear>(3, 3),
                                                                             std::make_shared<nn::ReLU>()});
    auto model = std::make_shared<nn::Sequential>(std::vector<nn::ModulePtr>{std::make_shared<nn::Linear>(4, 3), inner});
    auto traced = trace(model, {ones({2, 4})});
    std::vector<std::string> scopes;
    for (const Node* n : traced->inlined_graph()->nodes()) {
      if (n->kind().starts_with("aten::")) scopes.push_back(n->scope());
    }
    QCOMPARE(scopes, (std::vector<std::string>{"__module.0", "__module.1/__module.1.0", "__module.1/__module.1.1"}));
    // Parameters are read through GetAttr chains from %self; child "0" is named %_0 as in PyTorch.
    const std::string text = traced->inlined_graph()->str();
    QVERIFY(text.find("%_0 : __torch__.Linear = prim::GetAttr[name=\"0\"](%self.1)") != std::string::npos);
    QVERIFY(text.find("prim::GetAttr[name=\"weight\"](%_0.1)") != std::string::npos);
    const Tensor x = test::seq({5, 4}, 0.1, -1);
    PT_COMPARE_CLOSE((*traced)(x), (*model)(x), 1e-6, 1e-6);
  }

  void hierarchicalGraphCallsSubmodules() {
    auto m = std::make_shared<CallsTwice>();
    auto traced = trace(m, {test::seq({2, 2}, 1, -2)});
    const Graph& g = *traced->graph();
    std::vector<std::string> calls;
    for (const Node* n : g.nodes()) {
      if (n->kind() == "prim::CallMethod") calls.push_back(n->input(0)->debug_name() + "." + n->s("name"));
    }
    // The second call of act is its own method, as the two calls may differ.
    QCOMPARE(calls, (std::vector<std::string>{"act.forward", "bump.forward", "act.forward1"}));
    QVERIFY(!has_kind(g, "aten::relu"));
    // bump returns its result and the input it changed in place.
    const Node* unpack = first_of(g, "prim::TupleUnpack");
    QVERIFY(unpack && unpack->input()->node()->kind() == "prim::CallMethod");
    QCOMPARE(unpack->outputs().size(), std::size_t{2});
    const Graph& bump = *traced->submodule_graph("bump");
    QVERIFY(has_kind(bump, "aten::add_"));
    QCOMPARE(bump.outputs()[0]->node()->kind(), std::string("prim::TupleConstruct"));
    TracedModule hierarchical(m, std::map<std::string, std::shared_ptr<Graph>>{{"forward", traced->graph()}}, {});
    const Tensor x = test::seq({3, 2}, 0.5, -1);
    PT_COMPARE_CLOSE(hierarchical(x), (*m)(x), 0, 0);
    PT_COMPARE_CLOSE((*traced)(x), (*m)(x), 0, 0);
    // graph() is built on first use from the recorded calls, which refer to
    // the flat graph as recorded.
    auto changed = trace(m, {x});
    changed->inlined_graph()->insert_constant(IValue(std::int64_t{1}));
    PT_VERIFY_THROWS(RuntimeError, changed->graph(), "its inlined graph was changed after tracing");
  }

  // test_tracer's dynamic-shape cases: sizes read with sym_size are
  // recorded as aten::size, so the trace follows the input's shape.
  void sizesReadWithSymSizeStayDynamic() {
    auto flatten = [](const Stack& in) {
      const Tensor x = in[0].to_tensor();
      return IValue(x.view({x.sym_size(0), -1}) * 2);
    };
    auto traced = trace(flatten, {test::seq({2, 3, 4}, 1, 0)}, {{"x"}});
    const Graph& g = *traced->inlined_graph();
    const Node* size = first_of(g, "aten::size");
    QVERIFY(size && size->input(0) == g.inputs()[0]);
    QCOMPARE(size->input(1)->node()->i("value"), std::int64_t{0});
    const Node* list = first_of(g, "prim::ListConstruct");
    QCOMPARE(list->input(0)->node()->kind(), std::string("aten::Int"));
    QCOMPARE(list->input(0)->node()->input()->node()->kind(), std::string("prim::NumToTensor"));
    QCOMPARE(list->input(0)->node()->input()->type()->str(), std::string("Long(device=cpu)"));
    QCOMPARE(list->input(1)->node()->i("value"), std::int64_t{-1});
    const Tensor other = test::seq({5, 3, 4}, 0.5, 1);
    const Tensor out = traced->forward({other}).to_tensor();
    QCOMPARE(out.sizes(), (Shape{5, 12}));
    PT_COMPARE_CLOSE(out, flatten({other}).to_tensor(), 0, 0);
    // The same through reshape and sym_sizes, with a plain size mixed in.
    auto reshaped = trace(
        [](const Stack& in) {
          const Tensor x = in[0].to_tensor();
          const auto s = x.sym_sizes();
          return IValue(x.reshape({s[1], s[0], 4}));
        },
        {test::seq({2, 3, 4}, 1, 0)});
    PT_COMPARE_CLOSE(reshaped->forward({test::seq({3, 5, 4}, 1, 0)}).to_tensor(), test::seq({5, 3, 4}, 1, 0), 0, 0);

    // A plain size() is an integer: it is recorded as a constant, and the
    // trace is specialised to the example's shape.
    auto fixed = trace(
        [](const Stack& in) {
          const Tensor x = in[0].to_tensor();
          return IValue(x.view({x.size(0), -1}));
        },
        {test::seq({2, 3, 4}, 1, 0)});
    QVERIFY(!has_kind(*fixed->inlined_graph(), "aten::size"));
    QCOMPARE(fixed->forward({other}).to_tensor().sizes(), (Shape{2, 30}));
    // Outside a trace, sym_size is size.
    QCOMPARE(other.sym_size(0).traced(), std::uint64_t{0});
    QCOMPARE(std::int64_t(other.sym_size(-1)), std::int64_t{4});
  }

  // +, -, * and floordiv on traced sizes are recorded on the sizes as 0-dim
  // Long tensors (PyTorch's nodes for Python arithmetic on x.size(d)), with
  // the plain operand on either side; the trace replays on other shapes.
  void arithmeticOnSymIntsIsTraced() {
    auto f = [](const Stack& in) {
      const Tensor x = in[0].to_tensor();
      const SymInt n = x.sym_size(0), m = x.sym_size(1);
      return IValue(x.view({14 - n * m, 1 + n - 1, floordiv(m * 2, 4), -1}));
    };
    auto traced = trace(f, {randn({2, 6})}, {{"x"}});
    const Graph& g = *traced->inlined_graph();
    for (const char* kind : {"aten::mul", "aten::rsub", "aten::add", "aten::sub", "aten::floor_divide"}) {
      const Node* n = first_of(g, kind);
      QVERIFY2(n, kind);
      QCOMPARE(n->output()->type()->str(), std::string("Long(requires_grad=0, device=cpu)"));
    }
    // aten::Int right after the value it converts, as PyTorch places it.
    const Node* list = first_of(g, "prim::ListConstruct");
    for (std::size_t i = 0; i < 3; ++i) {
      const Node* to_int = list->input(i)->node();
      QCOMPARE(to_int->kind(), std::string("aten::Int"));
      const auto& nodes = g.nodes();
      const auto at = std::find(nodes.begin(), nodes.end(), to_int);
      QVERIFY(at != nodes.begin() && *(at - 1) == to_int->input()->node());
    }
    // Traced on (2, 6) as (2, 2, 3, 1); constants would give (2, 2, 3, 1) again.
    const Tensor other = randn({3, 4});
    QCOMPARE(traced->forward({other}).to_tensor().sizes(), (Shape{2, 3, 2, 1}));
    PT_COMPARE_CLOSE(traced->forward({other}).to_tensor(), f({other}).to_tensor(), 0, 0);
    // Values and errors outside a trace: Python's // rounds toward -inf.
    QCOMPARE(std::int64_t(floordiv(SymInt(-7), 2)), std::int64_t{-4});
    QCOMPARE(std::int64_t(SymInt(3) * 4 - 5 + 1), std::int64_t{8});
    QCOMPARE((SymInt(3) * 4).traced(), std::uint64_t{0});
    PT_VERIFY_THROWS(RuntimeError, floordiv(SymInt(1), 0), "ZeroDivisionError");
  }

  void sourceScopesLocateNodes() {
    int line = 0;
    auto traced = trace(
        [&](const Stack& in) {
          const Tensor x = in[0].to_tensor();
          const Tensor y = x + 1;  // before the scope: no location
          line = __LINE__ + 1;
          SourceScope here;
          return IValue(y * 2);
        },
        {ones({2})});
    const Graph& g = *traced->inlined_graph();
    QCOMPARE(first_of(g, "aten::add")->source_range(), std::string());
    const std::string range = first_of(g, "aten::mul")->source_range();
    QVERIFY2(range.find("tst_jit_tracer.cpp:" + std::to_string(line) + ":") != std::string::npos, range.c_str());
    QVERIFY(g.str().find("aten::mul(%") != std::string::npos);
    QVERIFY(g.str().find("# " + range) != std::string::npos);
    QVERIFY(!is_tracing());
  }

  void outputErrors() {
    PT_VERIFY_THROWS(RuntimeError,
                     trace([](const Stack& in) { return IValue::dict({{"a", in[0]}}); }, {ones({1})}),
                     "Encountering a dict at the output of the tracer might cause the trace to be incorrect");
    TraceOptions lax;
    lax.strict = false;
    auto dict_out = trace([](const Stack& in) { return IValue::dict({{"a", in[0]}}); }, {ones({1})}, lax);
    QCOMPARE(dict_out->forward({full({1}, 3.0)}).dict_items()[0].first, std::string("a"));
    PT_VERIFY_THROWS(RuntimeError, trace([](const Stack&) { return IValue(); }, {ones({1})}),
                     "The traced function didn't return any values! Side-effects are not captured in traces, so it "
                     "would be a no-op.");
    PT_VERIFY_THROWS(RuntimeError, trace([](const Stack&) { return IValue(std::int64_t{1}); }, {ones({1})}),
                     "Only tensors, lists, tuples of tensors, or dictionary of tensors can be output from traced "
                     "functions");
    const Tensor captured = zeros({1});
    PT_VERIFY_THROWS(RuntimeError, trace([&](const Stack&) { return IValue(captured); }, {ones({1})}),
                     "did not have observable data dependence with trace inputs");
  }

  void unregisteredModulesAndNesting() {
    PT_VERIFY_THROWS(RuntimeError, trace(std::make_shared<CallsStranger>(), {ones({1})}),
                     "Tried to trace <__torch__.ReLU> but it is not part of the active trace. Modules that are called "
                     "during a trace must be registered as submodules of the thing being traced.");
    PT_VERIFY_THROWS(RuntimeError,
                     trace(
                         [](const Stack& in) {
                           trace([](const Stack& inner) { return inner[0]; }, in);
                           return in[0];
                         },
                         {ones({1})}),
                     "Tracing can't be nested");
    QVERIFY(!is_tracing());  // the failed trace uninstalled itself
  }

  void tensorListResultsAreUnpacked() {
    auto traced = trace(
        [](const Stack& in) {
          const auto parts = in[0].to_tensor().chunk(2);
          return IValue(parts[1] - parts[0]);
        },
        {test::seq({4}, 1, 0)});
    QVERIFY(has_kind(*traced->inlined_graph(), "aten::chunk"));
    QVERIFY(has_kind(*traced->inlined_graph(), "prim::ListUnpack"));
    PT_COMPARE_CLOSE(traced->forward({test::seq({6}, 2, 0)}).to_tensor(), full({3}, 6.0), 0, 0);
  }
};

QTEST_GUILESS_MAIN(TestJitTracer)
#include "tst_jit_tracer.moc"
