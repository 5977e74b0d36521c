#pragma once
// The store behind parametrize::cached(): one value per (module, tensor name)
// while any ParametrizationCache scope is alive.
#include <functional>
#include <string>

#include "paratrace/nn/module.h"

namespace paratrace::nn::parametrize::detail {

// The cached value, computing it with `compute` on the first read. Throws
// "Cannot trace a model while caching parametrizations." while tracing.
Tensor cached_value(const Module& module, const std::string& name, const std::function<Tensor()>& compute);
// Drops the entry (the chain was removed while caching).
void forget_cached(const Module& module, const std::string& name);

}  // namespace paratrace::nn::parametrize::detail
