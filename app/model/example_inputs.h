#pragma once
// A model file's "example_inputs": per method, the argument list to trace
// it with. Each argument is a tensor spec, a tensor from a safetensors file,
// or a nested tuple (a JSON array, or {"tuple": [...]}), {"list": [...]} or
// {"dict": {...}} of them (docs/model-format.md).
#include <QDir>
#include <string>
#include <utility>
#include <vector>

#include "json_reader.h"
#include "paratrace/io/safetensors.h"
#include "paratrace/ops/ivalue.h"

namespace paratrace::model {

using MethodInputs = std::vector<std::pair<std::string, Stack>>;

// `base` resolves relative file names. Throws ModelFileSchemaError (bad
// spec) or ModelFileReadError (a file that cannot be read or lacks the name).
MethodInputs read_example_inputs(const JsonNode& node, const QDir& base);

// One argument (exposed for the tests of nested values).
IValue read_example_value(const JsonNode& node, const QDir& base);

// The JSON that reads back as `inputs`: every tensor as {"file": file_name,
// "name": "<method>.<i>[.<j>...]"} (dict entries by key), tuples as arrays,
// lists and dicts as {"list"}/{"dict"}; the tensors, under those names, are
// appended to `tensors` for the caller to write to `file_name`. Throws
// ModelFileSchemaError naming `json_path` at $.example_inputs.<method> for a
// value a model file cannot hold (a number or a string).
QJsonObject write_example_inputs(const MethodInputs& inputs, const QString& json_path, const QString& file_name,
                                 io::NamedTensors& tensors);

}  // namespace paratrace::model
