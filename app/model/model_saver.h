#pragma once
// Writes a loaded model back as a model file plus a safetensors file of its
// current state_dict (keys after parametrizing), e.g. for the app's Save As.
#include <QJsonArray>
#include <QString>
#include <vector>

#include "model_file.h"

namespace paratrace::model {

// Writes `json_path` and, beside it, "<stem>.safetensors" (stem: the file
// name without ".paratrace.json" or ".json"), each atomically; the JSON is
// `model.document` with "weights" pointing at the new file, "training" set
// from the module, "parametrizations" rebuilt from `model.parametrizations`
// (which must describe the module's chains, registration order) and
// example-input files made relative to the new place. Buffers the state_dict
// leaves out (FakeSparsity's mask) go to "<stem>.buffers.safetensors",
// named by "buffers". With `example_inputs_edited`, the example inputs go
// to "<stem>.inputs.safetensors" and "example_inputs" names them there
// (write_example_inputs). The JSON is written
// and checked before the weights replace anything, so an unwritable place
// leaves both files as they were. Returns the document written. Throws
// ModelFileReadError naming the file that could not be written.
QJsonObject save_model(const ModelFile& model, const QString& json_path);

// The "parametrizations" list of a model file for `specs` (options as
// resolved; "module" and "unsafe" left out at their defaults).
QJsonArray parametrizations_json(const std::vector<ParametrizationSpec>& specs);

// The module tree of a model file with every "children" object turned into
// an array of {"name": ..., ...}: QJsonObject sorts keys, and the order of
// a Sequential's children is its forward order.
QJsonValue children_as_arrays(const JsonNode& node);

}  // namespace paratrace::model
