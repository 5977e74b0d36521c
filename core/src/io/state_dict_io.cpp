// state_dict <-> safetensors.
#include "paratrace/io/state_dict_io.h"

namespace paratrace::io {

void save_state_dict(const nn::Module& module, const std::string& path, const SafetensorsMetadata& metadata) {
  NamedTensors tensors;
  for (const auto& [key, value] : module.state_dict()) tensors.emplace_back(key, value);
  save_safetensors(path, tensors, metadata);
}

nn::StateDict read_state_dict(const std::string& path) {
  nn::StateDict out;
  for (auto& [key, value] : load_safetensors(path).tensors) out.set(key, value);
  return out;
}

nn::IncompatibleKeys load_state_dict(nn::Module& module, const std::string& path, bool strict) {
  return module.load_state_dict(read_state_dict(path), strict);
}

}  // namespace paratrace::io
