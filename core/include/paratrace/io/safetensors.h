#pragma once
// Reading and writing the safetensors format (the format of PyTorch /
// Hugging Face checkpoints): an 8-byte little-endian header length N, N bytes
// of JSON header mapping each tensor name to {dtype, shape, data_offsets}
// (plus an optional "__metadata__" string map), then the raw data buffer.
//
// Every malformed input is reported as a SafetensorsError naming the file and
// the reason; the reader never reads outside the given bytes.
#include <cstddef>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "paratrace/errors.h"
#include "paratrace/tensor/tensor.h"

namespace paratrace::io {

class SafetensorsError : public ValueError {
 public:
  using ValueError::ValueError;
  const char* python_type() const noexcept override { return "SafetensorsError"; }
};

// Tensors in the order the file lists them (header order).
using NamedTensors = std::vector<std::pair<std::string, Tensor>>;
using SafetensorsMetadata = std::map<std::string, std::string>;

struct SafetensorsContents {
  NamedTensors tensors;
  SafetensorsMetadata metadata;
};

// Memory-maps `path` (copy-on-write, so in-place ops on the loaded tensors
// never touch the file). A tensor whose data is aligned to its element size
// wraps the mapping without copying and keeps it alive; an unaligned one, and
// every BOOL tensor (whose bytes are normalised to 0/1), is copied.
SafetensorsContents load_safetensors(const std::string& path);

// Parses an in-memory file; all tensors are copied out of `data`.
// `name_for_errors` stands for the file name in error messages.
SafetensorsContents parse_safetensors(const void* data, std::size_t size, const std::string& name_for_errors);

// Writes the tensors in the given order, each starting at an 8-byte aligned
// buffer offset (the header is space-padded so the buffer itself starts
// 8-aligned). Non-contiguous tensors are written in row-major order. The file
// is written to a temporary file in the same directory, fsynced and renamed,
// so a reader never sees a partial file.
void save_safetensors(const std::string& path, const NamedTensors& tensors, const SafetensorsMetadata& metadata = {});

}  // namespace paratrace::io
