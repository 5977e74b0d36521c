#pragma once
// Writes a loaded model back as a model file plus a safetensors file of its
// current state_dict (keys after parametrizing), e.g. for the app's Save As.
#include <QString>

#include "model_file.h"

namespace paratrace::model {

// Writes `json_path` and, beside it, "<stem>.safetensors" (stem: the file
// name without ".paratrace.json" or ".json"), each atomically; the JSON is
// `model.document` with "weights" pointing at the new file, "training" set
// from the module and example-input files made relative to the new place.
// Throws ModelFileReadError naming the file that could not be written.
void save_model(const ModelFile& model, const QString& json_path);

// The module tree of a model file with every "children" object turned into
// an array of {"name": ..., ...}: QJsonObject sorts keys, and the order of
// a Sequential's children is its forward order.
QJsonValue children_as_arrays(const JsonNode& node);

}  // namespace paratrace::model
