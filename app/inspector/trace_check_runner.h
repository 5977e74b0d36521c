#pragma once
// Runs core's trace checker on N random check inputs shaped like the example
// inputs, one input at a time so that a worker thread can report progress
// and stop between them. Merges the N reports into one.
#include <QString>
#include <QStringList>
#include <functional>
#include <memory>

#include "paratrace/jit/trace_check.h"

namespace paratrace::inspector {

struct TraceCheckRun {
  std::shared_ptr<nn::Module> module;
  std::shared_ptr<jit::TracedModule> traced;
  Stack exampleInputs;  // of forward
  int checkInputs = 3;
  double tolerance = 1e-5;
  std::uint64_t seed = 0;
};

struct TraceCheckResult {
  jit::TraceCheckReport report;  // merged over every check input
  int inputsChecked = 0;
  bool cancelled = false;
  QStringList tracerWarnings;
};

// `progress(i)` is called after each input; returning false stops the run.
TraceCheckResult runTraceCheck(const TraceCheckRun& run, const std::function<bool(int)>& progress = {});

// Random inputs like `example`: randn for floating tensors, the same values
// for everything else (integer indices, flags).
Stack randomInputsLike(const Stack& example);

}  // namespace paratrace::inspector
