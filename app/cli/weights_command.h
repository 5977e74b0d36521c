#pragma once
// `paratrace-cli weights MODEL --output W.safetensors`: every tensor of the
// model's state_dict under its PyTorch name (so parametrized tensors appear
// as their originals, "0.parametrizations.weight.original"), plus the
// effective value of each parametrized tensor under its plain name ("0.weight").
#include <QStringList>

namespace paratrace::cli {

int run_weights_command(const QStringList& arguments);

}  // namespace paratrace::cli
