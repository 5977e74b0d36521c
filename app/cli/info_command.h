#pragma once
// `paratrace-cli info MODEL`: the model's name and files, its module tree,
// every parameter and buffer, the parametrization chains and the traced
// methods with their example inputs.
#include <QStringList>

namespace paratrace::cli {

int run_info_command(const QStringList& arguments);

}  // namespace paratrace::cli
