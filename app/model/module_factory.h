#pragma once
// Builds a model file's module tree: each JSON object names a "type" (a
// PyTorch class name, or Recurrence) and PyTorch's constructor keywords.
#include <QStringList>

#include "json_reader.h"
#include "paratrace/nn/module.h"

namespace paratrace::model {

// Throws ModelFileSchemaError at the path of the offending value: unknown
// type or key, wrong value type, and what core's constructors reject.
nn::ModulePtr build_module(const JsonNode& node);

// Every "type" build_module accepts, sorted (the schema file lists the same).
QStringList module_type_names();

}  // namespace paratrace::model
