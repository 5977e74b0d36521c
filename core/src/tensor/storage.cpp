#include "paratrace/tensor/storage.h"

#include <cstdlib>
#include <new>

namespace paratrace {

std::shared_ptr<Storage> Storage::allocate(std::size_t nbytes) {
  constexpr std::size_t kAlign = 64;
  const std::size_t rounded = ((nbytes + kAlign - 1) / kAlign) * kAlign;
  void* p = rounded == 0 ? nullptr : std::aligned_alloc(kAlign, rounded);
  if (rounded != 0 && p == nullptr) throw std::bad_alloc();
  return std::shared_ptr<Storage>(new Storage(p, nbytes, nullptr, true));
}

std::shared_ptr<Storage> Storage::wrap(void* data, std::size_t nbytes, std::shared_ptr<const void> owner) {
  return std::shared_ptr<Storage>(new Storage(data, nbytes, std::move(owner), false));
}

Storage::~Storage() {
  if (owns_) std::free(data_);
}

}  // namespace paratrace
