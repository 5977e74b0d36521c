#include "buffer_cache.h"

#include <bit>
#include <cstdint>
#include <cstdlib>
#include <new>

namespace paratrace::detail {

namespace {

constexpr std::size_t kAlign = 64;
// Size classes: every 64 bytes up to 1 KiB, then four per doubling (rounding
// wastes under 25 %), up to 64 MiB. Larger buffers are not cached.
constexpr std::size_t kLinearLimit = 1024;
constexpr int kLinearClasses = kLinearLimit / kAlign;
constexpr int kLog2MaxCached = 26;
constexpr std::size_t kMaxCachedBlock = std::size_t{1} << kLog2MaxCached;
constexpr int kClasses = kLinearClasses + 4 * (kLog2MaxCached - 10);
// Bounds on what one thread keeps: enough for the working set of a step,
// not so much that freed memory is hoarded.
constexpr int kSlotsPerClass = 8;
constexpr std::size_t kMaxCachedBytes = std::size_t{64} << 20;

struct SizeClass {
  int index;
  std::size_t bytes;
};

// For 0 < n <= kMaxCachedBlock.
SizeClass size_class(std::size_t n) {
  if (n <= kLinearLimit) {
    const std::size_t units = (n + kAlign - 1) / kAlign;
    return {static_cast<int>(units) - 1, units * kAlign};
  }
  const int e = static_cast<int>(std::bit_width(n - 1)) - 1;  // 2^e < n <= 2^(e+1)
  const std::size_t step = std::size_t{1} << (e - 2);
  const std::size_t k = (n + step - 1) / step;  // 5 .. 8 steps
  return {kLinearClasses + (e - 10) * 4 + static_cast<int>(k - 5), k * step};
}

void* system_alloc(std::size_t capacity) {
  void* p = std::aligned_alloc(kAlign, capacity);
  if (p == nullptr) throw std::bad_alloc();
  return p;
}

struct ThreadCache {
  void* slots[kClasses][kSlotsPerClass];
  std::uint8_t count[kClasses] = {};
  std::size_t bytes = 0;
  ~ThreadCache() {
    for (int c = 0; c < kClasses; ++c)
      for (int i = 0; i < count[c]; ++i) std::free(slots[c][i]);
  }
};

// This thread's cache, created on first use. The pointer and flag are
// initial-exec TLS (one instruction per access, a few bytes of the static TLS
// reserve); the cache itself lives on the heap.
[[gnu::tls_model("initial-exec")]] thread_local ThreadCache* t_cache = nullptr;
// Set once the cache is destroyed at thread exit: tensors freed later (static
// objects at program exit) go straight back to the system.
[[gnu::tls_model("initial-exec")]] thread_local bool t_cache_gone = false;

// Destroys the cache when its thread exits.
struct CacheOwner {
  ThreadCache* cache = nullptr;
  ~CacheOwner() {
    delete cache;
    t_cache = nullptr;
    t_cache_gone = true;
  }
};
thread_local CacheOwner t_cache_owner;

ThreadCache* thread_cache() {
#if defined(__SANITIZE_ADDRESS__)
  // Recycling would hide use-after-free of tensor data from AddressSanitizer.
  return nullptr;
#else
  if (t_cache != nullptr || t_cache_gone) return t_cache;
  t_cache = t_cache_owner.cache = new ThreadCache();  // first use on this thread
  return t_cache;
#endif
}

}  // namespace

Buffer acquire_buffer(std::size_t nbytes) {
  if (nbytes == 0) return {};
  if (nbytes > kMaxCachedBlock) {
    const std::size_t capacity = (nbytes + kAlign - 1) / kAlign * kAlign;
    return {system_alloc(capacity), capacity};
  }
  const SizeClass sc = size_class(nbytes);
  if (ThreadCache* cache = thread_cache(); cache && cache->count[sc.index] > 0) {
    cache->bytes -= sc.bytes;
    return {cache->slots[sc.index][--cache->count[sc.index]], sc.bytes};
  }
  return {system_alloc(sc.bytes), sc.bytes};
}

void release_buffer(Buffer buffer) noexcept {
  if (buffer.data == nullptr) return;
  if (buffer.capacity <= kMaxCachedBlock) {
    const SizeClass sc = size_class(buffer.capacity);  // a class size maps to itself
    ThreadCache* cache = thread_cache();
    if (cache && cache->count[sc.index] < kSlotsPerClass && cache->bytes + sc.bytes <= kMaxCachedBytes) {
      cache->slots[sc.index][cache->count[sc.index]++] = buffer.data;
      cache->bytes += sc.bytes;
      return;
    }
  }
  std::free(buffer.data);
}

}  // namespace paratrace::detail
