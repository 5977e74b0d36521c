#pragma once
// `paratrace-cli run MODEL|TRACED --input IN --output OUT [--method NAME]`:
// runs a method on the tensors input0, input1, ... of IN and writes the
// results, flattened, as output0, output1, ... to OUT.
#include <QStringList>

namespace paratrace::cli {

int run_run_command(const QStringList& arguments);

}  // namespace paratrace::cli
