#pragma once
// The trace checker, as torch.jit.trace(check_trace=True, check_inputs=...):
// re-trace with each check input and compare graphs, compare the traced
// module's outputs with eager execution, and list nondeterministic nodes.
// The result is a structured report (PyTorch raises and warns instead).
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "paratrace/jit/tracer.h"

namespace paratrace::jit {

struct TraceCheckReport {
  // "Graphs differed across invocations!" with a line diff of the two
  // canonical graphs (shapes erased, no source locations).
  bool graphs_differ = false;
  std::string graph_diff;
  // Tensor-valued constants that differ between the traces.
  std::vector<std::string> constant_mismatches;
  // "Output nr 1. of the traced function does not match the corresponding
  // output of the C++ function. Detailed error:\n..."
  std::vector<std::string> output_mismatches;
  // The printed nondeterministic nodes (dropout in training, random ops).
  std::vector<std::string> nondeterministic_nodes;
  // An exception thrown while re-tracing or running, with where it happened.
  std::string exception;

  // No graph or constant difference and no exception: PyTorch's checker
  // raises only for these; output mismatches are warnings there.
  bool passed() const { return !graphs_differ && constant_mismatches.empty() && exception.empty(); }
  // PyTorch's texts: the TracingCheckError message and the warnings.
  std::string str() const;
};

struct TraceCheckOptions {
  std::vector<Stack> check_inputs;  // empty: the example inputs again
  double rtol = 1e-5;               // check_tolerance
  TraceOptions trace_options;
};

TraceCheckReport check_trace(const std::shared_ptr<nn::Module>& module, const TracedModule& traced,
                             const Stack& example_inputs, const TraceCheckOptions& options = {});
TraceCheckReport check_trace(const TraceFunction& fn, const TracedModule& traced, const Stack& example_inputs,
                             const TraceCheckOptions& options = {});

}  // namespace paratrace::jit
