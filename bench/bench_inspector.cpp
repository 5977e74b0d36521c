// Inspector responsiveness (issue 8): the time from a traced graph to an
// interactive, painted trace-graph view, stage by stage as the app runs
// them: layout (display graph + Graphviz, on a worker thread in the app),
// the QGraphicsScene build, and the first frame of the view at the zoom the
// app opens with. Scopes are collapsed as the app collapses them
// (initialCollapseDepth). Targets: the default example shown within 1 s, a
// ~1,000-op trace and a 10,000-op unrolled recurrence within 3 s.
// README and docs/inspector.md have the table.
//   QT_QPA_PLATFORM=offscreen build/release/bench/bench_inspector --benchmark_counters_tabular=true
#include <benchmark/benchmark.h>

#include <QApplication>
#include <QElapsedTimer>
#include <QPixmap>
#include <algorithm>

#include "graph_scene.h"
#include "graph_view.h"
#include "graphview_layouter.h"
#include "model_file_loader.h"
#include "paratrace/jit/tracer.h"
#include "paratrace/nn/containers.h"
#include "paratrace/nn/linear.h"
#include "paratrace/tensor/factories.h"
#include "plugin_manager.h"

using namespace paratrace;
using namespace paratrace::inspector;

namespace {

constexpr std::int64_t kOpsPerStep = 5;  // select, ih linear, hh linear, add, tanh

// An Elman RNN step as in bench_graphview: each step is its own module, so
// each is a scope.
class Step : public nn::Cloneable<Step> {
 public:
  explicit Step(std::int64_t size) {
    register_module("ih", std::make_shared<nn::Linear>(size, size));
    register_module("hh", std::make_shared<nn::Linear>(size, size, false));
  }
  std::string class_name() const override { return "Step"; }
  IValue forward_stack(const Stack& in) override {
    const Tensor ih = child("ih")->call({in[0]}).to_tensor();
    const Tensor hh = child("hh")->call({in[1]}).to_tensor();
    return IValue((ih + hh).tanh());
  }
};

class Unrolled : public nn::Cloneable<Unrolled> {
 public:
  explicit Unrolled(std::int64_t steps) {
    auto list = std::make_shared<nn::ModuleList>();
    for (std::int64_t t = 0; t < steps; ++t) list->append(std::make_shared<Step>(4));
    register_module("steps", list);
  }
  std::string class_name() const override { return "Unrolled"; }
  IValue forward_stack(const Stack& in) override {
    const Tensor x = in[0].to_tensor();
    Tensor h = in[1].to_tensor();
    std::int64_t t = 0;
    for (const nn::ModulePtr& step : child_as<nn::ModuleList>("steps")->items()) {
      h = step->call({x.select(0, t++), h}).to_tensor();
    }
    return IValue(h);
  }
};

LayoutInput unrolledInput(std::int64_t ops) {
  const std::int64_t steps = ops / kOpsPerStep;
  LayoutInput input;
  input.traced = jit::trace(std::make_shared<Unrolled>(steps), {randn({steps, 1, 4}), zeros({1, 4})});
  input.graph = input.traced->inlined_graph();
  return input;
}

// A bundled example, loaded and traced as File ▸ Examples does.
LayoutInput exampleInput(const QString& name) {
  pluginhost::PluginManager plugins;
  plugins.load_directories({QStringLiteral(PARATRACE_BUILTIN_PLUGIN_DIR)});
  const LoadedModel model = ModelFileLoader::load(QStringLiteral(":/models/%1.paratrace.json").arg(name), plugins);
  LayoutInput input;
  input.traced = model.traced;
  input.graph = model.traced->inlined_graph();
  return input;
}

double msSince(const QElapsedTimer& timer) { return static_cast<double>(timer.nsecsElapsed()) / 1e6; }

// One iteration: what GraphPanel does from showGraph to the first frame;
// `expanded` shows every op, as after the user expands all scopes.
void BM_OpenGraph(benchmark::State& state, LayoutInput input, bool expanded) {
  if (input.graph && !expanded) input.collapseDepth = initialCollapseDepth(*input.graph);
  const GraphviewLayouter layouter;
  double layoutMs = 0, sceneMs = 0, paintMs = 0;
  std::size_t nodes = 0;
  for (auto _ : state) {
    GraphScene scene;
    GraphView view;
    view.resize(1280, 800);
    view.setScene(&scene);
    QElapsedTimer timer;
    timer.start();
    GraphPicture picture = layouter.layout(input);
    layoutMs = msSince(timer);
    nodes = picture.nodes.size();
    timer.restart();
    scene.setPicture(std::move(picture), false);
    sceneMs = msSince(timer);
    timer.restart();
    view.fitGraph();
    const QPixmap frame = view.grab();
    benchmark::DoNotOptimize(frame.cacheKey());
    paintMs = msSince(timer);
  }
  state.counters["ir_nodes"] = static_cast<double>(input.graph->nodes().size());
  state.counters["drawn_nodes"] = static_cast<double>(nodes);
  state.counters["collapse"] = input.collapseDepth ? *input.collapseDepth : -1;
  state.counters["layout_ms"] = layoutMs;
  state.counters["scene_ms"] = sceneMs;
  state.counters["paint_ms"] = paintMs;
}

}  // namespace

int main(int argc, char** argv) {
  if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
  QApplication app(argc, argv);
  benchmark::Initialize(&argc, argv);
  auto add = [](const char* name, LayoutInput input, int iterations, bool expanded = false) {
    // A shared VM's speed varies run to run: the table takes the fastest repetition.
    benchmark::RegisterBenchmark(name, BM_OpenGraph, std::move(input), expanded)
        ->Iterations(iterations)
        ->Repetitions(3)
        ->ComputeStatistics("min", [](const std::vector<double>& v) { return *std::min_element(v.begin(), v.end()); })
        ->ReportAggregatesOnly(true)
        ->UseRealTime()
        ->Unit(benchmark::kMillisecond);
  };
  // MainWindow opens skew_cayley when started without a file.
  add("OpenGraph/default_example", exampleInput(QStringLiteral("skew_cayley")), 5);
  add("OpenGraph/unrolled_rnn_example", exampleInput(QStringLiteral("unrolled_rnn")), 1);
  add("OpenGraph/trace_1000_ops", unrolledInput(1000), 1);
  add("OpenGraph/trace_1000_ops_expanded", unrolledInput(1000), 1, true);
  add("OpenGraph/unrolled_10000_ops", unrolledInput(10000), 1);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
