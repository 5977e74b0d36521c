#pragma once
// `paratrace-cli check MODEL [--check-inputs N] [--tolerance T]`: traces a
// model file and checks the trace as torch.jit.trace(check_trace=True) does,
// for every method; exit code 1 when a check fails.
#include <QStringList>

namespace paratrace::cli {

int run_check_command(const QStringList& arguments);

}  // namespace paratrace::cli
