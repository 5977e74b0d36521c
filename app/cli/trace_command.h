#pragma once
// `paratrace-cli trace MODEL|TRACED [--method NAME] [--inlined] [--output
// FILE.ir] [--save TRACED]`: prints a method's graph in PyTorch's IR text.
#include <QStringList>

namespace paratrace::cli {

int run_trace_command(const QStringList& arguments);

}  // namespace paratrace::cli
