// The IR data structure: building, naming, use lists, constants, printing in
// PyTorch's format, copying and node removal.
#include "paratrace/jit/ir.h"
#include "test_util.h"

using namespace paratrace;
using namespace paratrace::jit;

class TestJitIr : public QObject {
  Q_OBJECT
 private slots:
  void buildsAndPrintsLikePyTorch() {
    Graph g;
    auto net = std::make_shared<ClassType>("__torch__.Net");
    Value* self = g.add_input("self.1")->set_type(Type::class_type(net));
    Value* x = g.add_input("x")->set_type(Type::complete_tensor(ScalarType::Float32, {3, 5}, {5, 1}, false));
    Node* get = g.insert_node(g.create("prim::GetAttr", {self}));
    get->set_attribute("name", std::string("scale"));
    get->output()->set_debug_name("scale")->set_type(Type::tensor());
    Node* mul = g.insert_node(g.create("aten::mul", {x, get->output()}));
    mul->output()->set_type(Type::complete_tensor(ScalarType::Float32, {3, 5}, {5, 1}, true));
    mul->set_scope("__module.inner")->set_source_range("work/t1.py:17:0");
    Value* c = g.insert_constant(IValue(std::int64_t{1}));
    Value* half = g.insert_constant(IValue(1.5));
    Value* t = g.insert_constant(IValue(scalar_tensor(1.5, ScalarType::Float64)));
    Node* add = g.insert_node(g.create("aten::add", {mul->output(), t, c}));
    add->output()->set_type(Type::tensor());
    g.register_output(add->output());
    (void)half;
    const std::string expected =
        "graph(%self.1 : __torch__.Net,\n"
        "      %x : Float(3, 5, strides=[5, 1], requires_grad=0, device=cpu)):\n"
        "  %scale : Tensor = prim::GetAttr[name=\"scale\"](%self.1)\n"
        "  %3 : Float(3, 5, strides=[5, 1], requires_grad=1, device=cpu) = aten::mul(%x, %scale), scope: "
        "__module.inner # work/t1.py:17:0\n"
        "  %4 : int = prim::Constant[value=1]()\n"
        "  %5 : float = prim::Constant[value=1.5]()\n"
        "  %6 : Double(requires_grad=0, device=cpu) = prim::Constant[value={1.5}]()\n"
        "  %7 : Tensor = aten::add(%3, %6, %4)\n"
        "  return (%7)\n";
    QCOMPARE(QString::fromStdString(g.str()), QString::fromStdString(expected));
    QCOMPARE(QString::fromStdString(g.copy()->str()), QString::fromStdString(expected));
    QVERIFY(g.str(false).find("#") == std::string::npos);
  }

  void namesAreMadeUnique() {
    Graph g;
    Value* a = g.add_input("weight");
    Value* b = g.add_input("weight");
    Value* c = g.add_input("weight.1");
    QCOMPARE(a->debug_name(), std::string("weight"));
    QCOMPARE(b->debug_name(), std::string("weight.1"));
    QCOMPARE(c->debug_name(), std::string("weight.2"));
    a->set_debug_name("");
    QCOMPARE(a->debug_name(), std::to_string(a->unique()));
    QCOMPARE(g.add_input("weight")->debug_name(), std::string("weight"));
  }

  void usesAndDestroy() {
    Graph g;
    Value* x = g.add_input("x");
    Node* neg = g.insert_node(g.create("aten::neg", {x}));
    Node* relu = g.insert_node(g.create("aten::relu", {neg->output()}));
    g.register_output(relu->output());
    QCOMPARE(x->uses().size(), std::size_t{1});
    QCOMPARE(x->uses()[0].user, neg);
    PT_VERIFY_THROWS(RuntimeError, neg->destroy(), "still has uses");
    relu->replace_input(0, x);
    neg->destroy();
    QCOMPARE(g.nodes().size(), std::size_t{1});
    QCOMPARE(x->uses().size(), std::size_t{1});
    QCOMPARE(x->uses()[0].user, relu);
  }

  void constantsAndNondeterminism() {
    Graph g;
    Value* x = g.add_input("x");
    const Value* t = g.insert_constant(IValue(true));
    const Value* p = g.insert_constant(IValue(0.5));
    Node* drop = g.insert_node(g.create("aten::dropout", {x, const_cast<Value*>(p), const_cast<Value*>(t)}));
    QCOMPARE(t->type()->str(), std::string("bool"));
    QVERIFY(t->node()->constant_value().to_bool());
    QVERIFY(drop->is_nondeterministic());
    Node* drop_eval = g.insert_node(g.create("aten::dropout", {x, const_cast<Value*>(p), g.insert_constant(IValue(false))}));
    QVERIFY(!drop_eval->is_nondeterministic());
    QVERIFY(!g.insert_node(g.create("aten::relu", {x}))->is_nondeterministic());
    QCOMPARE(g.insert_constant(IValue())->type()->str(), std::string("NoneType"));
    QCOMPARE(g.insert_constant(IValue(std::vector<std::int64_t>{1, 2}))->type()->str(), std::string("int[]"));
  }

  void typesPrintLikePyTorch() {
    QCOMPARE(Type::tuple({Type::tensor(), Type::list(Type::tensor())})->str(), std::string("(Tensor, Tensor[])"));
    QCOMPARE(Type::dict(Type::of_string(), Type::tensor())->str(), std::string("Dict(str, Tensor)"));
    QCOMPARE(Type::complete_tensor(zeros({}, ScalarType::Int64))->str(), std::string("Long(requires_grad=0, device=cpu)"));
    QCOMPARE(Type::complete_tensor(ones({2, 3}).t())->without_shape()->str(), std::string("Tensor"));
    QCOMPARE(Type::complete_tensor(ones({2, 3}).t())->str(),
             std::string("Float(3, 2, strides=[1, 3], requires_grad=0, device=cpu)"));
  }
};

QTEST_GUILESS_MAIN(TestJitIr)
#include "tst_jit_ir.moc"
