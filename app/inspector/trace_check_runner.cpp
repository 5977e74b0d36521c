#include "trace_check_runner.h"

#include "paratrace/tensor/factories.h"
#include "paratrace/tensor/generator.h"

namespace paratrace::inspector {

Stack randomInputsLike(const Stack& example) {
  Stack inputs;
  for (const IValue& v : example) {
    if (v.is_tensor() && v.to_tensor().defined() && v.to_tensor().is_floating_point())
      inputs.push_back(randn_like(v.to_tensor()));
    else
      inputs.push_back(v);
  }
  return inputs;
}

namespace {

void append(std::vector<std::string>& into, const std::vector<std::string>& from) {
  for (const auto& item : from)
    if (std::find(into.begin(), into.end(), item) == into.end()) into.push_back(item);
}

}  // namespace

TraceCheckResult runTraceCheck(const TraceCheckRun& run, const std::function<bool(int)>& progress) {
  TraceCheckResult result;
  for (const auto& warning : run.traced->warnings()) result.tracerWarnings << QString::fromStdString(warning.message);
  manual_seed(run.seed);
  jit::TraceCheckReport& merged = result.report;
  for (int i = 0; i < run.checkInputs; ++i) {
    jit::TraceCheckOptions options;
    options.check_inputs = {randomInputsLike(run.exampleInputs)};
    options.rtol = run.tolerance;
    const jit::TraceCheckReport report = jit::check_trace(run.module, *run.traced, run.exampleInputs, options);
    if (report.graphs_differ && !merged.graphs_differ) {
      merged.graphs_differ = true;
      merged.graph_diff = report.graph_diff;
    }
    append(merged.constant_mismatches, report.constant_mismatches);
    append(merged.output_mismatches, report.output_mismatches);
    append(merged.nondeterministic_nodes, report.nondeterministic_nodes);
    if (merged.exception.empty()) merged.exception = report.exception;
    ++result.inputsChecked;
    if (progress && !progress(result.inputsChecked) && result.inputsChecked < run.checkInputs) {
      result.cancelled = true;
      break;
    }
  }
  return result;
}

}  // namespace paratrace::inspector
