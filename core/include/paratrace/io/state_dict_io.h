#pragma once
// A module's state_dict to and from a safetensors file, with PyTorch's keys,
// so checkpoints move between PyTorch and Paratrace in both directions.
#include <string>

#include "paratrace/io/safetensors.h"
#include "paratrace/nn/module.h"

namespace paratrace::io {

// Writes module.state_dict() atomically (temporary file + rename).
void save_state_dict(const nn::Module& module, const std::string& path, const SafetensorsMetadata& metadata = {});
// Reads the file and loads it with Module::load_state_dict (same strictness
// and messages); file problems throw SafetensorsError naming the file.
nn::IncompatibleKeys load_state_dict(nn::Module& module, const std::string& path, bool strict = true);
// The file's tensors as a StateDict, in file order.
nn::StateDict read_state_dict(const std::string& path);

}  // namespace paratrace::io
