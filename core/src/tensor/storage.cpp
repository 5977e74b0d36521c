#include "paratrace/tensor/storage.h"

#include "buffer_cache.h"

namespace paratrace {

std::shared_ptr<Storage> Storage::allocate(std::size_t nbytes) {
  const detail::Buffer b = detail::acquire_buffer(nbytes);
  return std::make_shared<Storage>(Private{}, b.data, nbytes, b.capacity, nullptr);
}

std::shared_ptr<Storage> Storage::wrap(void* data, std::size_t nbytes, std::shared_ptr<const void> owner) {
  return std::make_shared<Storage>(Private{}, data, nbytes, 0, std::move(owner));
}

Storage::~Storage() {
  if (capacity_ != 0) detail::release_buffer({data_, capacity_});
}

}  // namespace paratrace
