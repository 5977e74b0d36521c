// The display graph built from traced IR: roles, labels, module clusters,
// collapse_depth, constant folding, compact list/tuple nodes, hub ghosts and
// the stable ids a GUI maps back to IR nodes.
#include <QTest>
#include <algorithm>
#include <set>

#include "../core/test_util.h"
#include "graph_test_models.h"
#include "graphview/collapse.h"
#include "graphview/graph_model.h"
#include "graphview/node_labels.h"
#include "paratrace/jit/ir_parser.h"

using namespace paratrace;
using namespace paratrace::graphview;

namespace {

const std::string kChain = "2/2.0/2.0.parametrizations.weight/2.0.parametrizations.weight.0";

std::vector<const DisplayNode*> with_role(const DisplayGraph& g, NodeRole role) {
  std::vector<const DisplayNode*> out;
  for (const DisplayNode& n : g.nodes) {
    if (n.role == role) out.push_back(&n);
  }
  return out;
}

std::vector<const DisplayNode*> with_kind(const DisplayGraph& g, const std::string& kind) {
  std::vector<const DisplayNode*> out;
  for (const DisplayNode& n : g.nodes) {
    if (n.kind == kind) out.push_back(&n);
  }
  return out;
}

const DisplayNode& only(const std::vector<const DisplayNode*>& nodes) {
  if (nodes.size() != 1) throw std::runtime_error("expected one node, got " + std::to_string(nodes.size()));
  return *nodes.front();
}

const DisplayNode* node_with_title(const DisplayGraph& g, const std::string& title) {
  for (const DisplayNode& n : g.nodes) {
    if (!n.label.empty() && n.label.front() == title) return &n;
  }
  return nullptr;
}

// "value:name"; appended, as GCC 12 misreports `"..." + std::string` (-Wrestrict).
std::string value_id(const jit::Value* v) {
  std::string id = "value:";
  id += v->debug_name();
  return id;
}

bool has_line(const DisplayNode& n, const std::string& line) {
  return std::find(n.label.begin(), n.label.end(), line) != n.label.end();
}

const DisplayEdge* edge(const DisplayGraph& g, const std::string& from, const std::string& to) {
  for (const DisplayEdge& e : g.edges) {
    if (e.from == from && e.to == to) return &e;
  }
  return nullptr;
}

std::set<std::string> cluster_ids(const DisplayGraph& g) {
  std::set<std::string> ids;
  for (const DisplayCluster& c : g.clusters) ids.insert(c.id);
  return ids;
}

}  // namespace

class TestGraphModel : public QObject {
  Q_OBJECT
 private slots:
  void sequentialHasOneNodePerOpAndStyledRoles() {
    auto traced = test::traced_parametrized_sequential();
    const DisplayGraph g = build_display_graph(*traced);
    QCOMPARE(with_role(g, NodeRole::Op).size(), std::size_t(8));  // linear relu triu mT triu add linear tanh
    QCOMPARE(with_kind(g, "aten::linear").size(), std::size_t(2));
    QCOMPARE(with_kind(g, "aten::triu").size(), std::size_t(2));
    // %self is a module, not an input; module GetAttrs are hidden.
    QCOMPARE(with_role(g, NodeRole::Input).size(), std::size_t(1));
    QCOMPARE(only(with_role(g, NodeRole::Input)).label, (std::vector<std::string>{"input", "Float(2, 3)"}));
    QCOMPARE(with_role(g, NodeRole::Parameter).size(), std::size_t(4));
    for (const DisplayNode* p : with_role(g, NodeRole::Parameter)) QCOMPARE(p->kind, std::string("prim::GetAttr"));
    QCOMPARE(with_role(g, NodeRole::Output).size(), std::size_t(1));
    QVERIFY(with_role(g, NodeRole::Constant).empty());
    QVERIFY(with_role(g, NodeRole::Module).empty());
    // Ops show their kind and output shape; parameters their path and, read
    // from the module, their shape.
    const DisplayNode& relu = only(with_kind(g, "aten::relu"));
    QCOMPARE(relu.label, (std::vector<std::string>{"aten::relu", "Float(2, 4)"}));
    QVERIFY(node_with_title(g, "0.weight"));
    QCOMPARE(node_with_title(g, "0.weight")->label.back(), std::string("Float(4, 3)"));
    QVERIFY(node_with_title(g, "2.0.parametrizations.weight.original"));
    QCOMPARE(node_with_title(g, "2.0.bias")->label.back(), std::string("Float(4)"));
    // From the bare graph the IR's "Tensor" is all there is.
    QCOMPARE(node_with_title(build_display_graph(*traced->inlined_graph()), "0.weight")->label.back(), std::string("Tensor"));
  }

  void clustersFollowTheScopePath() {
    const auto traced = test::traced_parametrized_sequential();  // the display graph points into it
    const DisplayGraph g = build_display_graph(*traced);
    QCOMPARE(cluster_ids(g), (std::set<std::string>{"0", "1", "2", "2/2.0", "2/2.0/2.0.parametrizations.weight", kChain,
                                                    "2/2.1"}));
    const DisplayCluster* chain = g.find_cluster(kChain);
    QVERIFY(chain);
    QCOMPARE(chain->label, std::string("2.0.parametrizations.weight.0"));
    QCOMPARE(chain->depth, 4);
    QCOMPARE(chain->parent, std::string("2/2.0/2.0.parametrizations.weight"));
    QCOMPARE(g.find_cluster("2/2.0")->label, std::string("2.0"));
    QCOMPARE(g.find_cluster("2/2.0")->parent, std::string("2"));
    QCOMPARE(g.find_cluster("2")->parent, std::string());
    // Parents are listed before their children.
    for (std::size_t i = 0; i < g.clusters.size(); ++i) {
      if (g.clusters[i].parent.empty()) continue;
      const auto parent = std::find_if(g.clusters.begin(), g.clusters.begin() + i,
                                       [&](const DisplayCluster& c) { return c.id == g.clusters[i].parent; });
      QVERIFY(parent != g.clusters.begin() + i);
    }
    // The chain's ops sit in the nested cluster, the Linear that reads it one level up.
    for (const char* kind : {"aten::triu", "aten::mT", "aten::add"}) {
      for (const DisplayNode* n : with_kind(g, kind)) QCOMPARE(n->cluster, kChain);
    }
    QCOMPARE(only(with_kind(g, "aten::tanh")).cluster, std::string("2/2.1"));
    // Parameters go to their owner's cluster; inputs and outputs stay outside.
    QCOMPARE(node_with_title(g, "0.weight")->cluster, std::string("0"));
    QCOMPARE(node_with_title(g, "2.0.bias")->cluster, std::string("2/2.0"));
    QCOMPARE(node_with_title(g, "2.0.parametrizations.weight.original")->cluster,
             std::string("2/2.0/2.0.parametrizations.weight"));
    QCOMPARE(only(with_role(g, NodeRole::Input)).cluster, std::string());
    QCOMPARE(only(with_role(g, NodeRole::Output)).cluster, std::string());
  }

  void edgesFollowTheDataflow() {
    const auto traced = test::traced_parametrized_sequential();  // the display graph points into it
    const DisplayGraph g = build_display_graph(*traced);
    QCOMPARE(g.edges.size(), std::size_t(14));
    const DisplayNode& input = only(with_role(g, NodeRole::Input));
    const auto linears = with_kind(g, "aten::linear");
    const DisplayNode& add = only(with_kind(g, "aten::add"));
    QVERIFY(edge(g, input.id, linears[0]->id));
    QVERIFY(edge(g, node_with_title(g, "0.weight")->id, linears[0]->id));
    // The parametrized weight reaches the Linear from the chain's last op.
    QVERIFY(edge(g, add.id, linears[1]->id));
    QVERIFY(edge(g, only(with_kind(g, "aten::tanh")).id, "output:0"));
    for (const DisplayNode* triu : with_kind(g, "aten::triu")) {
      QVERIFY(edge(g, node_with_title(g, "2.0.parametrizations.weight.original")->id, triu->id));
    }
    // Every producer here shows its shape in its label: no edge labels.
    for (const DisplayEdge& e : g.edges) QVERIFY2(e.label.empty(), e.label.c_str());
    for (const DisplayEdge& e : g.edges) QVERIFY(g.find_node(e.from) && g.find_node(e.to));
  }

  void idsAreStableAndMapBackToTheIr() {
    auto traced = test::traced_parametrized_sequential();
    const DisplayGraph expanded = build_display_graph(*traced);
    GraphModelOptions options;
    options.collapse_depth = 1;
    options.show_constants = true;
    const DisplayGraph collapsed = build_display_graph(*traced, options);
    for (const DisplayNode* op : with_role(expanded, NodeRole::Op)) {
      QCOMPARE(op->ir_nodes.size(), std::size_t(1));
      QCOMPARE(op->id, value_id(op->ir_nodes[0]->output()));
      QCOMPARE(op->ir_nodes[0]->kind(), op->kind);
      // Nodes outside the collapsed scopes keep their ids under other options.
      if (op->cluster == "0" || op->cluster == "1") QVERIFY(collapsed.find_node(op->id));
    }
    const DisplayNode& weight = *node_with_title(expanded, "0.weight");
    QCOMPARE(weight.value->debug_name(), std::string("weight"));
    QCOMPARE(weight.ir_nodes.front()->s("name"), std::string("weight"));
    QCOMPARE(build_display_graph(*traced).nodes.size(), expanded.nodes.size());
    for (std::size_t i = 0; i < expanded.nodes.size(); ++i) {
      QCOMPARE(build_display_graph(*traced).nodes[i].id, expanded.nodes[i].id);
    }
  }

  void collapseDepthZeroTurnsTopLevelModulesIntoNodes() {
    GraphModelOptions options;
    options.collapse_depth = 0;
    const auto traced = test::traced_parametrized_sequential();  // the display graph points into it
    const DisplayGraph g = build_display_graph(*traced, options);
    QVERIFY(g.clusters.empty());
    QCOMPARE(g.nodes.size(), std::size_t(5));  // input, 0, 1, 2, output
    const DisplayNode* m2 = g.find_node("module:2");
    QVERIFY(m2);
    QCOMPARE(m2->role, NodeRole::Module);
    QCOMPARE(m2->label, (std::vector<std::string>{"2", "6 ops"}));
    QCOMPARE(g.find_node("module:0")->label, (std::vector<std::string>{"0", "1 op"}));
    // Everything inside maps back, parameters included.
    QCOMPARE(m2->ir_nodes.size(), std::size_t(8));
    QVERIFY(std::any_of(m2->ir_nodes.begin(), m2->ir_nodes.end(), [](const jit::Node* n) { return n->kind() == "aten::triu"; }));
    // Rerouted edges, labelled with the shapes the module nodes hide.
    QCOMPARE(g.edges.size(), std::size_t(4));
    QVERIFY(edge(g, only(with_role(g, NodeRole::Input)).id, "module:0"));
    QCOMPARE(edge(g, "module:0", "module:1")->label, std::string("Float(2, 4)"));
    QCOMPARE(edge(g, "module:1", "module:2")->label, std::string("Float(2, 4)"));
    QCOMPARE(edge(g, "module:2", "output:0")->label, std::string("Float(2, 4)"));
  }

  void collapseDepthOneKeepsTopLevelClusters() {
    GraphModelOptions options;
    options.collapse_depth = 1;
    const auto traced = test::traced_parametrized_sequential();  // the display graph points into it
    const DisplayGraph g = build_display_graph(*traced, options);
    QCOMPARE(cluster_ids(g), (std::set<std::string>{"0", "1", "2"}));
    const DisplayNode* inner_linear = g.find_node("module:2/2.0");
    QVERIFY(inner_linear);
    QCOMPARE(inner_linear->cluster, std::string("2"));
    QCOMPARE(inner_linear->label, (std::vector<std::string>{"2.0", "5 ops"}));
    QCOMPARE(g.find_node("module:2/2.1")->label, (std::vector<std::string>{"2.1", "1 op"}));
    QCOMPARE(edge(g, "module:2/2.0", "module:2/2.1")->label, std::string("Float(2, 4)"));
    QVERIFY(edge(g, only(with_kind(g, "aten::relu")).id, "module:2/2.0"));
    // The parameters of the first Linear stay, those inside 2.0 are absorbed.
    QCOMPARE(with_role(g, NodeRole::Parameter).size(), std::size_t(2));
    QVERIFY(!node_with_title(g, "2.0.bias"));
    // Deeper than the graph: nothing changes.
    options.collapse_depth = 4;
    QCOMPARE(build_display_graph(*traced, options).nodes.size(), build_display_graph(*traced).nodes.size());
  }

  void collapsedEdgesAreDeduplicated() {
    // The Linear's output is used three times inside Square (x * x + x):
    // collapsed, that is one edge into module:1 for that value.
    class Square : public nn::Cloneable<Square> {
     public:
      std::string class_name() const override { return "Square"; }
      IValue forward_stack(const Stack& in) override {
        const Tensor x = in[0].to_tensor();
        return IValue(x * x + x);
      }
    };
    const auto traced = jit::trace(
        std::make_shared<nn::Sequential>(std::initializer_list<nn::ModulePtr>{std::make_shared<nn::Linear>(3, 3),
                                                                              std::make_shared<Square>()}),
        {randn({2, 3})});
    const DisplayGraph expanded = build_display_graph(*traced);
    std::size_t uses = 0;
    for (const DisplayEdge& e : expanded.edges) uses += e.from == only(with_kind(expanded, "aten::linear")).id;
    QCOMPARE(uses, std::size_t(3));  // mul twice (one edge per use), add
    GraphModelOptions options;
    options.collapse_depth = 0;
    const DisplayGraph g = build_display_graph(*traced, options);
    QCOMPARE(g.nodes.size(), std::size_t(4));  // input, 0, 1, output
    std::size_t between = 0;
    for (const DisplayEdge& e : g.edges) between += e.from == "module:0" && e.to == "module:1";
    QCOMPARE(between, std::size_t(1));
    QCOMPARE(g.edges.size(), std::size_t(3));
    for (const DisplayEdge& e : g.edges) QVERIFY(e.from != e.to);  // no self-edges from the internal ones
  }

  void valuesIntoACollapsedModuleShareOneEdge() {
    // unbind's two values both go into one Linear: once collapsed, one edge
    // from the unpack node to module:cell, counted.
    class Both : public nn::Cloneable<Both> {
     public:
      Both() { register_module("cell", std::make_shared<nn::Bilinear>(3, 3, 3)); }
      std::string class_name() const override { return "Both"; }
      IValue forward_stack(const Stack& in) override {
        const auto parts = in[0].to_tensor().unbind(0);
        return IValue(child("cell")->call({parts[0], parts[1]}).to_tensor().exp());
      }
    };
    const auto traced = jit::trace(std::make_shared<Both>(), {randn({2, 3})});
    GraphModelOptions options;
    options.collapse_depth = 0;
    const DisplayGraph g = build_display_graph(*traced, options);
    const DisplayNode& unpack = only(with_kind(g, "prim::ListUnpack"));
    std::vector<const DisplayEdge*> into_cell;
    for (const DisplayEdge& e : g.edges) {
      if (e.to == "module:cell") into_cell.push_back(&e);
    }
    QCOMPARE(into_cell.size(), std::size_t(1));
    QCOMPARE(into_cell.front()->from, unpack.id);
    QCOMPARE(into_cell.front()->label, std::string("Float(3) ×2"));
  }

  void eachCallOfAModuleIsItsOwnCluster() {
    // The tracer's scopes are the same for both calls of `cell`; the
    // hierarchical graph tells them apart: two clusters, two module nodes.
    class Twice : public nn::Cloneable<Twice> {
     public:
      Twice() { register_module("cell", std::make_shared<nn::Linear>(3, 3)); }
      std::string class_name() const override { return "Twice"; }
      IValue forward_stack(const Stack& in) override {
        const auto parts = in[0].to_tensor().unbind(0);
        return IValue(child("cell")->call({parts[0]}).to_tensor() + child("cell")->call({parts[1]}).to_tensor());
      }
    };
    const auto traced = jit::trace(std::make_shared<Twice>(), {randn({2, 3})});
    const DisplayGraph open = build_display_graph(*traced);
    QCOMPARE(cluster_ids(open), (std::set<std::string>{"cell", "cell#2"}));
    QCOMPARE(open.find_cluster("cell")->label, std::string("cell (call 1)"));
    QCOMPARE(open.find_cluster("cell#2")->label, std::string("cell (call 2)"));
    const auto linears = with_kind(open, "aten::linear");
    QCOMPARE(linears.size(), std::size_t(2));
    QCOMPARE(linears[0]->cluster, std::string("cell"));
    QCOMPARE(linears[1]->cluster, std::string("cell#2"));
    // The graph alone (no hierarchy) cannot tell the calls apart.
    QCOMPARE(cluster_ids(build_display_graph(*traced->inlined_graph())), std::set<std::string>{"cell"});

    GraphModelOptions options;
    options.collapse_depth = 0;
    const DisplayGraph g = build_display_graph(*traced, options);
    const DisplayNode& unpack = only(with_kind(g, "prim::ListUnpack"));
    const DisplayNode& add = only(with_kind(g, "aten::add"));
    for (const char* id : {"module:cell", "module:cell#2"}) {
      QVERIFY(g.find_node(id));
      QCOMPARE(edge(g, unpack.id, id)->label, std::string("Float(3)"));
      QCOMPARE(edge(g, id, add.id)->label, std::string("Float(3)"));
    }
    QCOMPARE(g.find_node("module:cell#2")->label,
             (std::vector<std::string>{"cell (call 2)", "1 op"}));
  }

  void negativeCollapseDepthIsRejected() {
    GraphModelOptions options;
    options.collapse_depth = -1;
    PT_VERIFY_THROWS(std::invalid_argument, build_display_graph(*test::traced_parametrized_sequential(), options),
                     "collapse_depth must be 0 or more, got -1");
  }

  void constantsAreFoldedIntoTheirConsumers() {
    auto traced = test::traced_function_with_constants();
    const DisplayGraph g = build_display_graph(*traced->inlined_graph());
    QVERIFY(with_role(g, NodeRole::Constant).empty());
    QVERIFY(with_kind(g, "prim::Constant").empty());
    QVERIFY(with_kind(g, "prim::ListConstruct").empty());
    const DisplayNode& softmax = only(with_kind(g, "aten::softmax"));
    QCOMPARE(softmax.label, (std::vector<std::string>{"aten::softmax", "dim=0", "Float(2, 2)"}));  // dtype=None left out
    QVERIFY(has_line(only(with_kind(g, "aten::chunk")), "chunks=2"));
    QVERIFY(has_line(only(with_kind(g, "aten::chunk")), "dim=1"));
    QVERIFY(has_line(only(with_kind(g, "aten::mul")), "other=tensor(2)"));
    QVERIFY(has_line(only(with_kind(g, "aten::add")), "alpha=1"));
    // The int list of the reshape is folded as a whole.
    QVERIFY(has_line(only(with_kind(g, "aten::reshape")), "shape=[4]"));
  }

  void constantsFromPyTorchIrTextAreReadable() {
    // A string with control characters, and a tensor constant PyTorch
    // printed as "<Tensor>" (read back without values).
    const auto graph = jit::parse_ir(
        "graph(%x : Float(2, strides=[1], requires_grad=0, device=cpu),\n"
        "      %d : Dict(str, Tensor)):\n"
        "  %2 : str = prim::Constant[value=\"a\\tb\\001\"]()\n"
        "  %3 : Tensor = aten::__getitem__(%d, %2)\n"
        "  %4 : Float(2, strides=[1], requires_grad=0, device=cpu) = prim::Constant[value=<Tensor>]()\n"
        "  %5 : Float(2, strides=[1], requires_grad=0, device=cpu) = aten::mul(%3, %4)\n"
        "  return (%5)\n");
    const DisplayGraph g = build_display_graph(*graph);
    const DisplayNode& getitem = only(with_kind(g, "aten::__getitem__"));
    QVERIFY2(has_line(getitem, "#1=\"a\\tb\\x01\""), getitem.label.at(1).c_str());
    QVERIFY(has_line(only(with_kind(g, "aten::mul")), "other=Float(2)"));
  }

  void constantsCanBeShown() {
    auto traced = test::traced_function_with_constants();
    GraphModelOptions options;
    options.show_constants = true;
    const DisplayGraph g = build_display_graph(*traced->inlined_graph(), options);
    std::size_t used_constants = 0;
    for (const jit::Node* n : traced->inlined_graph()->nodes()) used_constants += n->kind() == "prim::Constant" && n->output()->has_uses();
    QCOMPARE(with_role(g, NodeRole::Constant).size(), used_constants);
    const DisplayNode& softmax = only(with_kind(g, "aten::softmax"));
    QCOMPARE(softmax.label, (std::vector<std::string>{"aten::softmax", "Float(2, 2)"}));
    std::size_t constant_edges_into_softmax = 0;
    for (const DisplayEdge& e : g.edges) {
      constant_edges_into_softmax += e.to == softmax.id && g.find_node(e.from)->role == NodeRole::Constant;
    }
    QCOMPARE(constant_edges_into_softmax, std::size_t(2));  // dim and dtype
    // The reshape's int list is a compact list node fed by its constants.
    const DisplayNode& list = only(with_kind(g, "prim::ListConstruct"));
    QCOMPARE(list.role, NodeRole::Pack);
    QCOMPARE(list.label, std::vector<std::string>{"list"});
  }

  void listUnpackIsCompactWithShapesOnItsEdges() {
    auto traced = test::traced_function_with_constants();
    const DisplayGraph g = build_display_graph(*traced->inlined_graph());
    const DisplayNode& unpack = only(with_kind(g, "prim::ListUnpack"));
    QCOMPARE(unpack.role, NodeRole::Pack);
    QCOMPARE(unpack.label, std::vector<std::string>{"unpack"});
    std::size_t out_edges = 0;
    for (const DisplayEdge& e : g.edges) {
      if (e.from != unpack.id) continue;
      ++out_edges;
      QCOMPARE(e.label, std::string("Float(2, 2)"));
    }
    QCOMPARE(out_edges, std::size_t(2));
    // Both values come from one node: the id of its first output.
    QCOMPARE(unpack.id, value_id(unpack.ir_nodes[0]->output(0)));
  }

  void tupleOutputsAreCompact() {
    auto traced = jit::trace([](const Stack& s) -> IValue { return IValue::tuple({s[0].to_tensor().relu(), s[0].to_tensor().exp()}); },
                             {randn({3})});
    const DisplayGraph g = build_display_graph(*traced->inlined_graph());
    const DisplayNode& tuple = only(with_kind(g, "prim::TupleConstruct"));
    QCOMPARE(tuple.role, NodeRole::Pack);
    QCOMPARE(tuple.label, std::vector<std::string>{"tuple"});
    QVERIFY(edge(g, tuple.id, "output:0"));
    QVERIFY(edge(g, only(with_kind(g, "aten::relu")).id, tuple.id));
  }

  void hubsAreDrawnOncePerUser() {
    // x feeds ten ops: above the default of eight uses, it becomes ghosts.
    auto traced = jit::trace(
        [](const Stack& s) -> IValue {
          const Tensor x = s[0].to_tensor();
          Tensor sum = x.exp();
          for (int i = 0; i < 9; ++i) sum = sum + x;
          return IValue(sum);
        },
        {randn({3})});
    const DisplayGraph g = build_display_graph(*traced->inlined_graph());
    const auto inputs = with_role(g, NodeRole::Input);
    QCOMPARE(inputs.size(), std::size_t(10));
    for (const DisplayNode* ghost : inputs) {
      QVERIFY(ghost->ghost);
      QVERIFY(ghost->id.starts_with("value:input@"));
      QCOMPARE(ghost->label.front(), std::string("input"));
      std::size_t out = 0;
      for (const DisplayEdge& e : g.edges) out += e.from == ghost->id;
      QCOMPARE(out, std::size_t(1));
    }
    QVERIFY(!g.find_node("value:input"));
    GraphModelOptions never;
    never.hub_max_uses = 0;
    const DisplayGraph whole = build_display_graph(*traced->inlined_graph(), never);
    QCOMPARE(with_role(whole, NodeRole::Input).size(), std::size_t(1));
    QVERIFY(!with_role(whole, NodeRole::Input).front()->ghost);
  }

  void enumCodesShowTheirNames() {
    // PyTorch passes dtype, layout and memory_format as c10 enum codes.
    const auto graph = jit::parse_ir(
        "graph(%x : Float(2, 2, strides=[2, 1], requires_grad=0, device=cpu)):\n"
        "  %1 : int[] = prim::Constant[value=[2, 2]]()\n"
        "  %2 : int = prim::Constant[value=6]()\n"
        "  %3 : int = prim::Constant[value=0]()\n"
        "  %4 : Float(2, 2, strides=[2, 1], requires_grad=0, device=cpu) = aten::zeros(%1, %2, %3)\n"
        "  %5 : int = prim::Constant[value=2]()\n"
        "  %6 : Float(2, 2, strides=[2, 1], requires_grad=0, device=cpu) = aten::contiguous(%x, %5)\n"
        "  %7 : Float(2, 2, strides=[2, 1], requires_grad=0, device=cpu) = aten::add(%4, %6, %5)\n"
        "  return (%7)\n");
    const DisplayGraph g = build_display_graph(*graph);
    const DisplayNode& zeros = only(with_kind(g, "aten::zeros"));
    QVERIFY2(has_line(zeros, "dtype=torch.float32"), zeros.label.at(1).c_str());
    QVERIFY(has_line(zeros, "layout=torch.strided"));
    QVERIFY(has_line(only(with_kind(g, "aten::contiguous")), "memory_format=torch.channels_last"));
    // An int argument that is no enum keeps its number.
    QVERIFY(has_line(only(with_kind(g, "aten::add")), "alpha=2"));
    const jit::Node* zeros_ir = zeros.ir_nodes.front();
    QCOMPARE(enum_argument_text(*zeros_ir, 1), std::string("torch.float32"));
    QCOMPARE(enum_argument_text(*zeros_ir, 0), std::string());  // size: not an enum
  }

  void wideFansAreDrawnNextToEachNeighbour() {
    // unbind over 20 steps: the ListUnpack sends 20 values, above the
    // default of 16, so each user gets its own "unpack[t]" copy; the list
    // stacked at the end receives 20, so each producer gets a "list[t]".
    auto traced = jit::trace(
        [](const Stack& s) -> IValue {
          const auto steps = s[0].to_tensor().unbind(0);
          std::vector<Tensor> hs{steps[0].tanh()};
          for (std::size_t t = 1; t < steps.size(); ++t) hs.push_back((hs.back() + steps[t]).tanh());
          return IValue(stack(hs));
        },
        {randn({20, 3})});
    const DisplayGraph g = build_display_graph(*traced->inlined_graph());
    const DisplayNode& unpack = *std::find_if(g.nodes.begin(), g.nodes.end(), [](const DisplayNode& n) {
      return n.kind == "prim::ListUnpack" && !n.ghost;
    });
    std::vector<const DisplayNode*> ghosts;
    for (const DisplayNode& n : g.nodes) {
      if (n.kind == "prim::ListUnpack" && n.ghost) ghosts.push_back(&n);
    }
    QCOMPARE(ghosts.size(), std::size_t(20));
    for (const DisplayEdge& e : g.edges) QVERIFY(e.from != unpack.id);  // no fan of 20 edges
    QVERIFY(edge(g, only(with_kind(g, "aten::unbind")).id, unpack.id));
    // Each copy names the output it stands for and feeds only its user.
    const DisplayNode* first_tanh = nullptr;
    for (const DisplayNode& n : g.nodes) {
      if (n.kind == "aten::tanh" && !first_tanh) first_tanh = &n;
    }
    const std::string first = unpack.id + "@" + first_tanh->id;
    QVERIFY(g.find_node(first));
    QCOMPARE(g.find_node(first)->label, std::vector<std::string>{"unpack[0]"});
    QVERIFY(edge(g, first, first_tanh->id));
    // The list the 20 steps are stacked from: a copy next to each producer.
    const DisplayNode& list = *std::find_if(g.nodes.begin(), g.nodes.end(), [](const DisplayNode& n) {
      return n.kind == "prim::ListConstruct" && !n.ghost;
    });
    QVERIFY(edge(g, list.id, only(with_kind(g, "aten::stack")).id));
    const std::string into_list = list.id + "@from:" + first_tanh->id;
    QVERIFY(g.find_node(into_list));
    QCOMPARE(g.find_node(into_list)->label, std::vector<std::string>{"list[0]"});
    QVERIFY(edge(g, first_tanh->id, into_list));
    // Only the last step keeps its edge into the list.
    std::size_t into = 0;
    for (const DisplayEdge& e : g.edges) into += e.to == list.id;
    QCOMPARE(into, std::size_t(1));
    QVERIFY(!g.find_node(list.id + "@from:" + with_kind(g, "aten::tanh").back()->id));
    GraphModelOptions never;
    never.fan_max_values = 0;
    const DisplayGraph whole = build_display_graph(*traced->inlined_graph(), never);
    QCOMPARE(with_kind(whole, "prim::ListUnpack").size(), std::size_t(1));
    QCOMPARE(with_kind(whole, "prim::ListConstruct").size(), std::size_t(1));
  }

  void collapseClustersClosesChosenScopes() {
    // Chosen by id: only scope 2 (with everything nested in it) closes.
    auto traced = test::traced_parametrized_sequential();
    DisplayGraph g = build_display_graph(*traced);
    const std::size_t clusters_before = g.clusters.size();
    collapse_clusters(g, {"2"}, true);
    QVERIFY(g.find_node("module:2"));
    QVERIFY(!g.find_cluster("2"));
    QVERIFY(!g.find_cluster(kChain));
    QVERIFY(g.find_cluster("0"));
    QCOMPARE(g.clusters.size(), clusters_before - 5);  // 2, 2/2.0 with its two chain levels, 2/2.1
    for (const DisplayNode& n : g.nodes) QVERIFY(!n.cluster.starts_with("2/"));
    // collapse_scopes(depth) is the same with the ids at depth + 1.
    DisplayGraph by_depth = build_display_graph(*traced);
    collapse_scopes(by_depth, 0, true);
    std::set<std::string> top;
    DisplayGraph by_ids = build_display_graph(*traced);
    for (const DisplayCluster& c : by_ids.clusters) {
      if (c.depth == 1) top.insert(c.id);
    }
    collapse_clusters(by_ids, top, true);
    QCOMPARE(by_ids.nodes.size(), by_depth.nodes.size());
    QCOMPARE(by_ids.edges.size(), by_depth.edges.size());
    for (std::size_t i = 0; i < by_ids.nodes.size(); ++i) {
      QCOMPARE(by_ids.nodes[i].id, by_depth.nodes[i].id);
      QCOMPARE(by_ids.nodes[i].label, by_depth.nodes[i].label);
    }
    // An id nested in a closed scope adds nothing.
    DisplayGraph nested = build_display_graph(*traced);
    collapse_clusters(nested, {"2", "2/2.0"}, true);
    QVERIFY(nested.find_node("module:2"));
    QVERIFY(!nested.find_node("module:2/2.0"));
  }
};

QTEST_GUILESS_MAIN(TestGraphModel)
#include "tst_graph_model.moc"
