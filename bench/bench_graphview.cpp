// Graph export cost (issue target: an unrolled recurrence of 10,000 ops
// exports with scopes collapsed in under 10 s, and fully expanded without
// running out of memory): the display graph from the IR, then layout + SVG
// through libgvc in this process, against Graphviz's own `dot -Tsvg` on the
// same DOT text in the same run. Time is wall time (the machine may be
// shared); CPU time and peak memory are reported too (dot's CPU as
// dot_cpu_s, the benchmark's CPU column being this process's).
// docs/graph-rendering.md has the table.
//   build/release/bench/bench_graphview --benchmark_counters_tabular=true
#include <benchmark/benchmark.h>
#include <malloc.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>

#include "graphview/graph_model.h"
#include "graphview/graphviz_renderer.h"
#include "unrolled_recurrence.h"

using namespace paratrace;
using namespace paratrace::graphview;

namespace {

// Tracing is not what is measured: the graph of the current size is kept
// (one only, so a child's memory holds no other size's graph).
const jit::TracedModule& unrolled(std::int64_t ops) {
  static std::int64_t cached_ops = 0;
  static std::shared_ptr<jit::TracedModule> traced;
  if (cached_ops != ops) {
    traced.reset();
    traced = bench::trace_unrolled(ops);
    cached_ops = ops;
  }
  return *traced;
}

GraphModelOptions model_options(bool collapsed) {
  GraphModelOptions options;
  if (collapsed) options.collapse_depth = 0;
  return options;
}

// This process's memory from /proc/self/status, in MB: "VmRSS" now or
// "VmHWM", the peak since the last reset_peak_memory().
double status_mb(const std::string& field) {
  std::ifstream status("/proc/self/status");
  for (std::string line; std::getline(status, line);) {
    if (line.starts_with(field + ":")) return std::stod(line.substr(field.size() + 1)) / 1024.0;
  }
  return 0;
}

// Linux resets VmHWM to the current VmRSS on writing 5 to clear_refs.
void reset_peak_memory() { std::ofstream("/proc/self/clear_refs") << "5"; }

// The display graph from the traced IR (no Graphviz involved).
void BM_BuildDisplayGraph(benchmark::State& state, std::int64_t ops, bool collapsed) {
  const jit::TracedModule& traced = unrolled(ops);
  std::size_t nodes = 0, clusters = 0;
  for (auto _ : state) {
    const DisplayGraph graph = build_display_graph(traced, model_options(collapsed));
    nodes = graph.nodes.size();
    clusters = graph.clusters.size();
  }
  state.counters["nodes"] = static_cast<double>(nodes);
  state.counters["clusters"] = static_cast<double>(clusters);
}

// Layout + SVG of that display graph through libgvc, in this process.
void BM_LayoutSvg(benchmark::State& state, std::int64_t ops, bool collapsed, Engine engine) {
  const DisplayGraph graph = build_display_graph(unrolled(ops), model_options(collapsed));
  RenderOptions options;
  options.engine = engine;
  // Hand freed heap back first, so the peak below is this export's.
  malloc_trim(0);
  const double before = status_mb("VmRSS");
  reset_peak_memory();
  std::size_t svg_bytes = 0;
  for (auto _ : state) svg_bytes = layout(graph, options).render(Format::Svg).size();
  state.counters["svg_MB"] = static_cast<double>(svg_bytes) / 1e6;
  // Memory the export needed on top of the traced and display graphs.
  state.counters["peak_MB"] = status_mb("VmHWM") - before;
}

// `dot -Tsvg` on the DOT text of the same display graph (same attributes),
// run under GNU time for its peak memory: measured on a forked child it
// would include this process's pages.
void BM_DotSubprocess(benchmark::State& state, std::int64_t ops, bool collapsed) {
  const DisplayGraph graph = build_display_graph(unrolled(ops), model_options(collapsed));
  const auto dir = std::filesystem::temp_directory_path();
  const std::string stem = "bench_graphview_" + std::to_string(getpid());
  const std::string dot_file = (dir / (stem + ".gv")).string(), peak_file = (dir / (stem + ".kb")).string();
  std::ofstream(dot_file) << to_dot(graph);
  double cpu_s = 0;
  for (auto _ : state) {
    const auto start = std::chrono::steady_clock::now();
    const pid_t pid = fork();
    if (pid == 0) {
      const char* argv[] = {"time", "-f", "%M", "-o", peak_file.c_str(), "dot", "-Tsvg", dot_file.c_str(), "-o", "/dev/null", nullptr};
      execvp("/usr/bin/time", const_cast<char**>(argv));
      _exit(127);
    }
    int status = 0;
    rusage usage{};
    wait4(pid, &status, 0, &usage);
    state.SetIterationTime(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    if (pid < 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
      state.SkipWithError("dot failed, or dot or /usr/bin/time is not installed");
      break;
    }
    auto seconds = [](const timeval& t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) * 1e-6; };
    cpu_s = seconds(usage.ru_utime) + seconds(usage.ru_stime);
  }
  double peak_kb = 0;
  std::ifstream(peak_file) >> peak_kb;
  std::filesystem::remove(dot_file);
  std::filesystem::remove(peak_file);
  // The process's whole peak: it parses the DOT text where we hold the IR.
  state.counters["peak_MB"] = peak_kb / 1024.0;
  state.counters["dot_cpu_s"] = cpu_s;
}

}  // namespace

// The machine's speed varies from run to run by up to 2x (a shared VM), so
// every benchmark is repeated and the table takes the fastest repetition.
benchmark::internal::Benchmark* repeated(benchmark::internal::Benchmark* b, int iterations) {
  return b->Iterations(iterations)
      ->Repetitions(3)
      ->ComputeStatistics("min", [](const std::vector<double>& v) { return *std::min_element(v.begin(), v.end()); })
      ->ReportAggregatesOnly(true)
      ->Unit(benchmark::kMillisecond);
}

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  // Few iterations for the large sizes: one expanded 10,000-op layout takes half a minute.
  const std::map<std::int64_t, int> iterations{{100, 20}, {1000, 3}, {5000, 1}, {10000, 1}};
  for (const bool collapsed : {true, false}) {
    for (const auto& [ops, n] : iterations) {
      const std::string suffix = std::to_string(ops) + (collapsed ? "/collapsed" : "/expanded");
      benchmark::RegisterBenchmark(("BuildDisplayGraph/" + suffix).c_str(), BM_BuildDisplayGraph, ops, collapsed)
          ->Unit(benchmark::kMillisecond);
      repeated(benchmark::RegisterBenchmark(("LayoutSvg/" + suffix).c_str(), BM_LayoutSvg, ops, collapsed, Engine::Dot),
               n)
          ->UseRealTime();
      repeated(benchmark::RegisterBenchmark(("DotSubprocess/" + suffix).c_str(), BM_DotSubprocess, ops, collapsed), n)
          ->UseManualTime();
      // The flat alternative for graphs too big for clusters.
      if (!collapsed) {
        repeated(benchmark::RegisterBenchmark(("LayoutSvgSfdp/" + suffix).c_str(), BM_LayoutSvg, ops, collapsed,
                                              Engine::Sfdp),
                 n)
            ->UseRealTime();
      }
    }
  }
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
