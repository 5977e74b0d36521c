#pragma once
// The safetensors files `run` reads and `run`/`weights` write.
#include <QString>
#include <vector>

#include "paratrace/io/safetensors.h"
#include "paratrace/ops/ivalue.h"

namespace paratrace::cli {

// The tensors input0, input1, ... of `path`, in that order. ValueError for a
// file with none, a gap in the numbering, or a tensor with another name.
Stack read_inputs(const QString& path);

// The tensors of a (nested) result in order: tuples and lists element by
// element, dicts value by value. TypeError for a value that is not a tensor.
std::vector<Tensor> flatten_outputs(const IValue& value);

}  // namespace paratrace::cli
