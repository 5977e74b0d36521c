#pragma once
// torch.optim's constructor checks, worded as PyTorch words them: the
// offending value is formatted as Python formats a float ("-1.0", "1e-05").
#include <string>

namespace paratrace::optim::detail {

// Python's str(float): the shortest text that reads back as v, in exponent
// form below 1e-4 and from 1e16 on.
std::string python_float(double v);

// Throws ValueError("Invalid <what>: <value>") unless ok.
void check_option(bool ok, const char* what, double value);

}  // namespace paratrace::optim::detail
