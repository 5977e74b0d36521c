// parse_ir: PyTorch 1.13's printed graphs (tests/fixtures/ir, written by
// generate_ir_fixtures.py) parse and print back to the same text; our own
// printer's output round-trips; malformed text fails with line and column.
#include <QDir>
#include <QFile>
#include <limits>
#include <set>

#include "paratrace/jit/ir_parser.h"
#include "test_util.h"

using namespace paratrace;
using namespace paratrace::jit;

namespace {

QString fixture_dir() { return QStringLiteral(PARATRACE_TEST_DATA_DIR "/ir"); }

std::string read_fixture(const QString& name) {
  QFile f(fixture_dir() + "/" + name);
  if (!f.open(QIODevice::ReadOnly)) qFatal("missing fixture %s", qPrintable(name));
  return f.readAll().toStdString();
}

const Node* find_kind(const Graph& g, const std::string& kind, std::size_t nth = 0) {
  for (const Node* n : g.nodes()) {
    if (n->kind() == kind && nth-- == 0) return n;
  }
  qFatal("no %s node", kind.c_str());
}

// The node defining %name.
const Node* defining(const Graph& g, const std::string& name) {
  for (const Node* n : g.nodes()) {
    for (const Value* v : n->outputs()) {
      if (v->debug_name() == name) return n;
    }
  }
  qFatal("no value %%%s", name.c_str());
}

#define PT_COMPARE_TEXT(actual, expected) QCOMPARE(QString::fromStdString(actual), QString::fromStdString(expected))

}  // namespace

class TestJitIrParser : public QObject {
  Q_OBJECT
 private slots:
  void fixturesRoundTrip_data() {
    QTest::addColumn<QString>("file");
    const QStringList files = QDir(fixture_dir()).entryList({"*.txt"}, QDir::Files, QDir::Name);
    QVERIFY(files.size() >= 24);
    for (const QString& f : files) QTest::newRow(qPrintable(f)) << f;
  }
  void fixturesRoundTrip() {
    QFETCH(QString, file);
    const std::string text = read_fixture(file);
    std::shared_ptr<Graph> g;
    try {
      g = parse_ir(text);
    } catch (const IrParseError& e) {
      QFAIL(e.what());
    }
    QCOMPARE(QString::fromStdString(g->str()), QString::fromStdString(text));
    QCOMPARE(QString::fromStdString(g->copy()->str()), QString::fromStdString(text));
  }

  void netStructure() {
    auto g = parse_ir(read_fixture("net.inlined.txt"));
    QCOMPARE(g->inputs().size(), std::size_t{2});
    QCOMPARE(g->inputs()[0]->debug_name(), std::string("self.1"));
    QCOMPARE(g->inputs()[0]->type()->kind(), Type::Kind::Class);
    QCOMPARE(g->inputs()[0]->type()->class_name(), std::string("__torch__.Net"));
    QVERIFY(!g->inputs()[0]->type()->class_type_ptr());  // known by name only
    const TypePtr& x = g->inputs()[1]->type();
    QCOMPARE(*x->dtype(), ScalarType::Float32);
    QCOMPARE(*x->sizes(), (Shape{3, 5}));
    QCOMPARE(*x->strides(), (Shape{5, 1}));
    QCOMPARE(*x->requires_grad(), false);

    std::vector<std::string> kinds;
    for (const Node* n : g->nodes()) kinds.push_back(n->kind());
    QCOMPARE(kinds, (std::vector<std::string>{"prim::GetAttr", "prim::GetAttr", "prim::GetAttr", "prim::GetAttr",
                                              "prim::GetAttr", "prim::GetAttr", "aten::linear", "aten::relu",
                                              "prim::GetAttr", "prim::GetAttr", "aten::linear", "aten::mul",
                                              "prim::Constant", "prim::Constant", "aten::add"}));
    const Node* lin = find_kind(*g, "aten::linear");
    QCOMPARE(lin->scope(), std::string("__module.inner/__module.inner.lin"));
    QCOMPARE(lin->source_range(), std::string("/usr/lib/python3/dist-packages/torch/nn/modules/linear.py:114:0"));
    QCOMPARE(lin->output()->unique(), std::size_t{14});
    QCOMPARE(lin->input(1)->debug_name(), std::string("weight.1"));
    QCOMPARE(lin->input(1)->node()->s("name"), std::string("weight"));
    QCOMPARE(find_kind(*g, "aten::relu")->scope(), std::string("__module.inner"));
    QVERIFY(find_kind(*g, "aten::mul")->scope().empty());

    const Node* half = find_kind(*g, "prim::Constant");
    QCOMPARE(half->kind_of("value"), AttributeKind::Tensor);
    QCOMPARE(half->t("value").dtype(), ScalarType::Float64);
    QCOMPARE(half->t("value").dim(), std::int64_t{0});
    QCOMPARE(half->t("value").item<double>(), 1.5);
    const Node* one = find_kind(*g, "prim::Constant", 1);
    QCOMPARE(one->kind_of("value"), AttributeKind::Int);
    QCOMPARE(one->constant_value().to_int(), std::int64_t{1});
    QCOMPARE(g->outputs()[0]->node()->kind(), std::string("aten::add"));
  }

  void callMethodsAndNumbers() {
    auto g = parse_ir(read_fixture("net.graph.txt"));
    const Node* call = find_kind(*g, "prim::CallMethod");
    QCOMPARE(call->s("name"), std::string("forward"));
    QCOMPARE(call->input(0)->type()->class_name(), std::string("__torch__.Inner"));
    QCOMPARE(find_kind(*g, "prim::GetAttr", 1)->output()->type()->str(),
             std::string("__torch__.torch.nn.modules.linear.___torch_mangle_0.Linear"));
    QCOMPARE(call->output()->unique(), std::size_t{39});
    // Values made after parsing are numbered above every number in the text.
    Node* neg = g->create("aten::neg", {g->outputs()[0]});
    g->insert_node(neg);
    QVERIFY(neg->output()->unique() > 40);
    std::set<std::size_t> numbers;
    for (const Value* v : g->inputs()) numbers.insert(v->unique());
    for (const Node* n : g->nodes()) numbers.insert(n->output()->unique());
    QCOMPARE(numbers.size(), g->inputs().size() + g->nodes().size());
  }

  void constantSpellings() {
    auto g = parse_ir(read_fixture("constants.graph.txt"));
    QCOMPARE(defining(*g, "2")->s("value"), std::string("q'\"\\\t\x01\xc3\xa9"));
    QCOMPARE(defining(*g, "2")->output()->type()->str(), std::string("str"));
    QCOMPARE(defining(*g, "24")->f("value"), 1e-12);
    QCOMPARE(defining(*g, "27")->kind_of("value"), AttributeKind::Float);  // printed "-10000000000"
    QCOMPARE(defining(*g, "27")->f("value"), -1e10);
    QCOMPARE(defining(*g, "12")->t("value").item<double>(), 3.14159);  // PyTorch printed 6 digits only
    QCOMPARE(defining(*g, "4")->t("value").dtype(), ScalarType::Float64);
    QCOMPARE(defining(*g, "4")->t("value").item<double>(), 2.0);
    QCOMPARE(defining(*g, "25")->constant_value().to_bool(), true);
    QVERIFY(defining(*g, "22")->constant_value().is_none());

    auto f = parse_ir(read_fixture("function.graph.txt"));
    const Tensor two = defining(*f, "2")->t("value");
    QCOMPARE(two.dtype(), ScalarType::Int64);  // Python's 2 in x * 2
    QCOMPARE(two.item<std::int64_t>(), std::int64_t{2});
  }

  void tensorConstantsByValue() {
    auto g = parse_ir(read_fixture("tensor_constants.graph.txt"));
    auto value = [&](const char* name) { return defining(*g, name)->t("value"); };
    PT_COMPARE_CLOSE(value("1"), tensor({{1.0, 2.5}, {3.0, 4.0}}), 0, 0);
    // Leading dimensions count fastest first in the text: (1,1) (2,1) (1,2) (2,2).
    PT_COMPARE_CLOSE(value("4"), arange(8.0).reshape({2, 2, 1, 2}), 0, 0);
    PT_COMPARE_CLOSE(value("10"), tensor({1e-5, 2e-5}, ScalarType::Float32), 1e-6, 0);
    // Split into "Columns 1 to 6" and "Columns 7 to 10".
    PT_COMPARE_CLOSE(value("22"), mul(arange(1.0, 11.0), 1e10).reshape({1, 10}), 1e-6, 0);
    QCOMPARE(value("28").dtype(), ScalarType::UInt8);
    QCOMPARE(value("28").to_vector<std::uint8_t>(), (std::vector<std::uint8_t>{255, 20}));
    QCOMPARE(value("25").dtype(), ScalarType::Bool);
    QCOMPARE(value("46").sizes(), (Shape{0}));
    QVERIFY(!value("49").defined());  // 11 elements: "<Tensor>"
  }

  void partialTypesAndMultipleOutputs() {
    auto view = parse_ir(read_fixture("view.graph.txt"));
    const TypePtr& long_type = defining(*view, "6")->output()->type();  // Long(device=cpu)
    QCOMPARE(*long_type->dtype(), ScalarType::Int64);
    QVERIFY(!long_type->sizes());
    QVERIFY(!long_type->requires_grad());
    QCOMPARE(*long_type->tensor_device(), std::string("cpu"));

    auto lstm = parse_ir(read_fixture("lstm_cell.graph.txt"));
    QCOMPARE(lstm->inputs()[2]->type()->kind(), Type::Kind::Tuple);
    QCOMPARE(lstm->inputs()[2]->type()->contained().size(), std::size_t{2});
    const Node* unpack = find_kind(*lstm, "prim::TupleUnpack");
    QCOMPARE(unpack->outputs().size(), std::size_t{2});
    QCOMPARE(find_kind(*lstm, "prim::ListUnpack")->outputs().size(), std::size_t{4});
    QCOMPARE(find_kind(*lstm, "aten::unsafe_chunk")->output()->type()->str(), std::string("Tensor[]"));

    auto dropout = parse_ir(read_fixture("dropout_train.graph.txt"));
    QVERIFY(find_kind(*dropout, "aten::dropout")->is_nondeterministic());
  }

  void blocksAndNodesWithoutOutputs() {
    auto g = parse_ir(read_fixture("script_control_flow.graph.txt"));
    QCOMPARE(g->inputs()[2]->type()->kind(), Type::Kind::Optional);
    QCOMPARE(g->inputs()[2]->type()->str(), std::string("Tensor?"));
    QCOMPARE(g->inputs()[5]->type()->str(), std::string("Dict(str, int[])"));
    const Node* loop = find_kind(*g, "prim::Loop");
    QCOMPARE(loop->blocks().size(), std::size_t{1});
    const Block* body = loop->blocks()[0];
    QCOMPARE(body->inputs().size(), std::size_t{2});
    QCOMPARE(body->inputs()[0]->type()->str(), std::string("int"));
    QCOMPARE(body->outputs().size(), std::size_t{2});
    const Node* branch = body->nodes()[1];
    QCOMPARE(branch->kind(), std::string("prim::If"));
    QCOMPARE(branch->blocks().size(), std::size_t{2});
    QCOMPARE(branch->blocks()[1]->nodes()[0]->kind(), std::string("aten::mul"));
    QCOMPARE(branch->blocks()[1]->outputs()[0]->debug_name(), std::string("x.11"));
    QCOMPARE(branch->owning_block(), body);

    auto counter = parse_ir(read_fixture("script_counter.graph.txt"));
    const Node* set = find_kind(*counter, "prim::SetAttr");
    QVERIFY(set->outputs().empty());
    QCOMPARE(set->inputs().size(), std::size_t{2});
    const std::string& where = find_kind(*counter, "prim::Print")->source_range();
    QVERIFY2(where.starts_with("tests/fixtures/generate_ir_fixtures.py:") && where.ends_with(":8"), where.c_str());
  }

  void ownPrinterRoundTrips() {
    Graph g;
    auto cls = std::make_shared<ClassType>("__torch__.M");
    Value* self = g.add_input("self")->set_type(Type::class_type(cls));
    Value* x = g.add_input("x")->set_type(Type::complete_tensor(ones({2, 3})));
    Value* flag = g.add_input()->set_type(Type::of_bool());
    g.insert_constant(IValue(std::string("tab\there \"quoted\" back\\slash \x7f")));
    g.insert_constant(IValue(std::vector<double>{1.0, -0.5, 1e-300}));
    g.insert_constant(IValue(std::vector<std::int64_t>{}));
    g.insert_constant(IValue(std::numeric_limits<double>::infinity()));
    g.insert_constant(IValue(-0.0));
    g.insert_constant(IValue(1e10));
    g.insert_constant(IValue(scalar_tensor(true)));
    g.insert_constant(IValue(scalar_tensor(0.1, ScalarType::Float32)));
    g.insert_constant(IValue(full({1, 1}, -3, ScalarType::Int64)));
    g.insert_constant(IValue(ones({11})));  // printed as <Tensor>
    g.insert_constant(IValue(tensor({{0.5, -2.0}, {1e-3, 4.0}})));
    Node* strings = g.insert_node(g.create("prim::Constant"));
    strings->set_attribute("value", std::vector<std::string>{"a", "b,c"});
    strings->output()->set_type(Type::list(Type::of_string()));
    Node* branch = g.insert_node(g.create("prim::If", {flag}));
    branch->output()->set_type(Type::optional(Type::tensor()));
    Block* yes = branch->add_block();
    Node* neg = g.create("aten::neg", {x});
    neg->output()->set_type(Type::tensor());
    yes->append_node(neg)->set_scope("__module.a");
    yes->register_output(neg->output());
    Block* no = branch->add_block();
    Node* none = g.create("prim::Constant");
    none->output()->set_type(Type::none());
    no->append_node(none);
    no->register_output(none->output());
    Node* set = g.insert_node(g.create("prim::SetAttr", {self, x}, 0));
    set->set_attribute("name", std::string("w"))->set_source_range("m.py:1:2");
    Node* pack = g.insert_node(g.create("prim::TupleConstruct", {x, branch->output()}));
    pack->output()->set_type(Type::tuple({Type::tensor(), Type::optional(Type::tensor())}));
    g.register_output(pack->output());
    g.register_output(x);

    const std::string text = g.str();
    QVERIFY(text.find("value=<Tensor>") != std::string::npos);
    QVERIFY(text.find("value={0.1}") != std::string::npos);
    QVERIFY(text.find("value= 0.5000 -2.0000  0.0010  4.0000 [ CPUFloatType{2,2} ]]") != std::string::npos);
    QVERIFY(text.find("value=10000000000]") != std::string::npos);
    QVERIFY(text.find("value=\"tab\\there \\\"quoted\\\" back\\\\slash \\177\"") != std::string::npos);
    auto parsed = parse_ir(text);
    PT_COMPARE_TEXT(parsed->str(), text);
    PT_COMPARE_TEXT(parsed->str(false), g.str(false));
    const Node* undefined = defining(*parsed, std::to_string(g.nodes()[9]->output()->unique()));
    QVERIFY(!undefined->t("value").defined());  // the documented loss
  }

  void types_data() {
    QTest::addColumn<QString>("text");
    for (const char* t : {"Tensor", "int", "float", "bool", "str", "NoneType", "Device", "Any", "int[]", "Tensor[]",
                          "Tensor?", "int[]?", "(int, str)", "()", "((Tensor, int), float[])", "Dict(str, Tensor)",
                          "Dict(str, int[])", "Double(requires_grad=0, device=cpu)", "Long(device=cpu)", "Float",
                          "Tensor(requires_grad=1)", "Float(*, 4, requires_grad=0, device=cpu)",
                          "Byte(2, 3, strides=[3, 1], requires_grad=0, device=cpu)",
                          "Bool(1, strides=[1], requires_grad=1, device=cuda:0)",
                          "__torch__.torch.nn.modules.linear.___torch_mangle_20.Linear"}) {
      QTest::newRow(t) << QString(t);
    }
  }
  void types() {
    QFETCH(QString, text);
    QCOMPARE(QString::fromStdString(parse_ir_type(text.toStdString())->str()), text);
  }

  void malformedText_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("message");
    const QString head = "graph(%x : Tensor):\n";
    QTest::newRow("header") << "graf(%x : Tensor):\n" << 1 << 1 << "expected 'graph(' but found 'graf(%x : Tensor):'";
    QTest::newRow("undefined value") << head + "  %1 : Tensor = aten::relu(%y)\n  return (%1)\n" << 2 << 28
                                     << "value %y is not defined here";
    QTest::newRow("own output") << head + "  %1 : Tensor = aten::relu(%1)\n  return (%1)\n" << 2 << 28
                                << "value %1 is not defined here";
    QTest::newRow("no type") << head + "  %1 = aten::relu(%x)\n  return (%1)\n" << 2 << 5
                             << "expected ' : ' and a type but found ' = aten::relu(%x)'";
    QTest::newRow("unknown type") << head + "  %1 : Tnsor = aten::relu(%x)\n" << 2 << 8
                                  << "expected a type but found 'Tnsor = aten::relu(%x)'";
    QTest::newRow("other dtype") << "graph(%x : Int(2, strides=[1], requires_grad=0, device=cpu)):\n" << 1 << 12
                                 << "tensor dtype 'Int' is not supported";
    QTest::newRow("bad tensor part") << "graph(%x : Float(2, size=3)):\n" << 1 << 21
                                     << "expected a size, 'strides=', 'requires_grad=' or 'device='";
    QTest::newRow("kind") << head + "  %1 : Tensor = relu(%x)\n" << 2 << 17 << "expected a node kind such as 'aten::add'";
    QTest::newRow("string") << head + "  %1 : str = prim::Constant[value=\"abc]()\n" << 2 << 42
                            << "expected '\"' closing the string but found the end of the line";
    QTest::newRow("escape") << head + "  %1 : str = prim::Constant[value=\"a\\q\"]()\n" << 2 << 37
                            << "invalid escape sequence in a string";
    QTest::newRow("attribute") << head + "  %1 : int = prim::Constant[value=]()\n" << 2 << 35
                               << "expected an attribute value but found ']()'";
    const QString vector = head + "  %1 : Float(2, strides=[1], requires_grad=0, device=cpu) = prim::Constant[value=";
    QTest::newRow("legacy tensor values") << vector + " 0 [ CPUFloatType{2} ]]()\n" << 2 << 82
                                          << "in this tensor constant, expected a number but found the end of its values";
    QTest::newRow("legacy tensor type") << vector + " 0  1 [ CPUIntType{2} ]]()\n" << 2 << 93
                                        << "tensor type 'CPUIntType' is not supported";
    QTest::newRow("legacy tensor columns") << vector + "Columns 2 to 2 0 [ CPUFloatType{1,2} ]]()\n" << 2 << 82
                                           << "expected the next column range but found";
    QTest::newRow("scalar tensor shape") << head + "  %1 : Float(2, strides=[1], requires_grad=0, device=cpu) = "
                                                   "prim::Constant[value={1}]()\n"
                                         << 2 << 83 << "a {value} tensor constant needs a one-element type";
    QTest::newRow("twice") << head + "  %1 : int = prim::Constant[value=1]()\n  %1 : int = prim::Constant[value=2]()\n"
                           << 3 << 3 << "value %1 is defined twice";
    QTest::newRow("no return") << head + "  %1 : int = prim::Constant[value=1]()\n" << 3 << 1
                               << "expected 'return' but found the end of the text";
    QTest::newRow("after return") << head + "  return (%x)\nextra\n" << 3 << 1
                                  << "expected the end of the text after 'return' but found 'extra'";
    QTest::newRow("trailing text") << head + "  %1 : Tensor = aten::relu(%x) junk\n" << 2 << 32
                                   << "expected the end of the line but found 'junk'";
    QTest::newRow("block scope") << head + "  %c : bool = prim::Constant[value=1]()\n  %1 : Tensor = prim::If(%c)\n"
                                           "    block0():\n      %2 : Tensor = aten::neg(%x)\n      -> (%2)\n"
                                           "    block1():\n      -> (%x)\n  return (%2)\n"
                                 << 9 << 11 << "value %2 is not defined here";
    QTest::newRow("unclosed block") << head + "  %1 : Tensor = prim::If(%x)\n    block0():\n      -> (%x\n" << 4 << 13
                                    << "expected ',' or ')' but found the end of the line";
  }
  void malformedText() {
    QFETCH(QString, text);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, message);
    try {
      parse_ir(text.toStdString());
      QFAIL("no error");
    } catch (const IrParseError& e) {
      QVERIFY2(QString::fromStdString(e.message()).contains(message), e.what());
      QCOMPARE(int(e.line()), line);
      QCOMPARE(int(e.column()), column);
      QVERIFY(std::string(e.what()).starts_with("IR text line " + std::to_string(line) + ", column " +
                                                std::to_string(column) + ": "));
    }
    // A RuntimeError for callers that do not know the parser.
    PT_VERIFY_THROWS(RuntimeError, parse_ir(text.toStdString()), message.toStdString());
  }
};

QTEST_GUILESS_MAIN(TestJitIrParser)
#include "tst_jit_ir_parser.moc"
