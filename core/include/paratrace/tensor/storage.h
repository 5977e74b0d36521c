#pragma once
// The memory behind one or more tensors. Views share a Storage, and with it
// the version counter that autograd uses to detect in-place modification of
// a tensor saved for backward (PyTorch shares it between views the same way).
#include <cstddef>
#include <cstdint>
#include <memory>

namespace paratrace {

class Storage {
  struct Private {
    explicit Private() = default;
  };

 public:
  // Uninitialised memory, 64-byte aligned.
  static std::shared_ptr<Storage> allocate(std::size_t nbytes);
  // Memory owned elsewhere (e.g. a memory-mapped file); `owner` keeps it alive.
  static std::shared_ptr<Storage> wrap(void* data, std::size_t nbytes, std::shared_ptr<const void> owner);

  // For make_shared inside allocate() and wrap() (one allocation for object and count).
  Storage(Private, void* data, std::size_t nbytes, std::size_t capacity, std::shared_ptr<const void> owner)
      : data_(data), nbytes_(nbytes), capacity_(capacity), owner_(std::move(owner)) {}
  Storage(const Storage&) = delete;
  Storage& operator=(const Storage&) = delete;
  ~Storage();

  void* data() const { return data_; }
  std::size_t nbytes() const { return nbytes_; }

  std::uint32_t version() const { return version_; }
  void bump_version() { ++version_; }

 private:
  void* data_;
  std::size_t nbytes_;
  std::size_t capacity_;  // of the buffer owned by this storage; 0 when the memory is owned elsewhere
  std::shared_ptr<const void> owner_;
  std::uint32_t version_ = 0;
};

}  // namespace paratrace
