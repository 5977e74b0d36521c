// parametrize.cached(): a re-entrant counter and a (module, name) -> tensor
// map, emptied when the outermost scope ends, as in parametrize.py. Global
// like PyTorch's, guarded by a mutex so scopes on several threads are safe.
#include "parametrize_cache.h"

#include <map>
#include <mutex>

#include "paratrace/nn/parametrize.h"
#include "paratrace/ops/trace_hook.h"

namespace paratrace::nn::parametrize {

namespace {

struct CacheState {
  std::mutex mutex;
  int depth = 0;
  std::map<std::pair<const Module*, std::string>, Tensor> values;
};

CacheState& state() {
  static CacheState s;
  return s;
}

}  // namespace

ParametrizationCache::ParametrizationCache() {
  std::lock_guard lock(state().mutex);
  ++state().depth;
}

ParametrizationCache::~ParametrizationCache() {
  std::map<std::pair<const Module*, std::string>, Tensor> released;
  {
    std::lock_guard lock(state().mutex);
    if (--state().depth == 0) released.swap(state().values);
  }
  // Tensors (and their graphs) are freed outside the lock.
}

bool ParametrizationCache::enabled() {
  std::lock_guard lock(state().mutex);
  return state().depth > 0;
}

namespace detail {

Tensor cached_value(const Module& module, const std::string& name, const std::function<Tensor()>& compute) {
  PT_CHECK(active_trace_hook() == nullptr, RuntimeError, "Cannot trace a model while caching parametrizations.");
  const auto key = std::make_pair(&module, name);
  {
    std::lock_guard lock(state().mutex);
    if (auto it = state().values.find(key); it != state().values.end()) return it->second;
  }
  // Computed outside the lock: the chain may read other cached tensors.
  Tensor value = compute();
  std::lock_guard lock(state().mutex);
  return state().values.try_emplace(key, std::move(value)).first->second;
}

void forget_cached(const Module& module, const std::string& name) {
  std::lock_guard lock(state().mutex);
  state().values.erase(std::make_pair(&module, name));
}

}  // namespace detail
}  // namespace paratrace::nn::parametrize
