#pragma once
// From a file to a traced module: what `trace`, `run`, `check` and `export`
// of paratrace-cli start from.
#include <QString>
#include <memory>

#include "model_file.h"
#include "paratrace/jit/traced_module.h"

namespace paratrace::model {

// Whether `path` holds a model file (JSON) rather than a traced-module file
// (safetensors, whose first 8 bytes give its header's length). False when it
// cannot be read.
bool is_model_file(const QString& path);

// Traces every method of `model` with its example inputs (trace_module).
// ModelFileSchemaError at $.example_inputs when there are none, and at
// $.example_inputs.<method> when tracing fails.
std::shared_ptr<jit::TracedModule> trace_model(const ModelFile& model);

// A model file, loaded and traced, or a traced-module file saved by
// TracedModule::save (its load errors become ModelFileReadError).
std::shared_ptr<jit::TracedModule> load_for_tracing(const QString& path, const pluginhost::PluginManager& plugins);

}  // namespace paratrace::model
