#pragma once
// Tensor data buffers (64-byte aligned), recycled per thread by size class.
// A training step frees and re-allocates the same few buffer sizes many times
// over, and glibc's aligned allocation path costs more than the arithmetic
// on a small tensor; a freed buffer is kept for the next request of its class
// instead. Buffers may be released on any thread.
#include <cstddef>

namespace paratrace::detail {

struct Buffer {
  void* data = nullptr;
  std::size_t capacity = 0;  // what was really allocated (nbytes rounded up to its class)
};

// nbytes == 0 gives a null buffer.
Buffer acquire_buffer(std::size_t nbytes);
void release_buffer(Buffer buffer) noexcept;

}  // namespace paratrace::detail
