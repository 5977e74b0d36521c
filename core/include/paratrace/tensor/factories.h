#pragma once
// Tensor factories (torch.zeros, torch.tensor ...). Float factories default to
// float32, integer ones to int64, as in PyTorch.
#include <initializer_list>
#include <optional>
#include <vector>

#include "paratrace/tensor/tensor.h"

namespace paratrace {

struct TensorOptions {
  ScalarType dtype = ScalarType::Float32;
  bool requires_grad = false;
  TensorOptions() = default;
  TensorOptions(ScalarType d) : dtype(d) {}  // NOLINT: implicit like torch::TensorOptions
  TensorOptions& with_dtype(ScalarType d) { dtype = d; return *this; }
  TensorOptions& with_requires_grad(bool r) { requires_grad = r; return *this; }
};

Tensor empty(const IntList& size, TensorOptions options = {});
Tensor zeros(const IntList& size, TensorOptions options = {});
Tensor ones(const IntList& size, TensorOptions options = {});
Tensor full(const IntList& size, const Scalar& fill_value, std::optional<ScalarType> dtype = std::nullopt);
Tensor eye(std::int64_t n, std::optional<std::int64_t> m = std::nullopt, TensorOptions options = {});
// arange(end), arange(start, end, step): int64 when all bounds are integers, else float32.
Tensor arange(const Scalar& end, std::optional<ScalarType> dtype = std::nullopt);
Tensor arange(const Scalar& start, const Scalar& end, const Scalar& step = 1, std::optional<ScalarType> dtype = std::nullopt);
Tensor linspace(double start, double end, std::int64_t steps, TensorOptions options = {});
Tensor zeros_like(const Tensor& t, std::optional<ScalarType> dtype = std::nullopt);
Tensor ones_like(const Tensor& t, std::optional<ScalarType> dtype = std::nullopt);
Tensor empty_like(const Tensor& t, std::optional<ScalarType> dtype = std::nullopt);
Tensor full_like(const Tensor& t, const Scalar& fill_value, std::optional<ScalarType> dtype = std::nullopt);
Tensor rand(const IntList& size, TensorOptions options = {});
Tensor randn(const IntList& size, TensorOptions options = {});
Tensor rand_like(const Tensor& t);
Tensor randn_like(const Tensor& t);
Tensor randint(std::int64_t low, std::int64_t high, const IntList& size, TensorOptions options = ScalarType::Int64);
Tensor randperm(std::int64_t n, TensorOptions options = ScalarType::Int64);

// torch.scalar_tensor: a 0-dim tensor, float32 unless dtype says otherwise.
Tensor scalar_tensor(const Scalar& s, std::optional<ScalarType> dtype = std::nullopt);
// torch.tensor from nested initializer lists; dtype inferred from the element
// type (double literals -> float32, integer literals -> int64, bool -> bool).
Tensor tensor(std::initializer_list<double> values, std::optional<ScalarType> dtype = std::nullopt);
Tensor tensor(std::initializer_list<std::initializer_list<double>> values, std::optional<ScalarType> dtype = std::nullopt);
Tensor tensor(std::initializer_list<std::initializer_list<std::initializer_list<double>>> values,
              std::optional<ScalarType> dtype = std::nullopt);
Tensor tensor(std::initializer_list<std::int64_t> values, std::optional<ScalarType> dtype = std::nullopt);
Tensor tensor(std::initializer_list<std::initializer_list<std::int64_t>> values,
              std::optional<ScalarType> dtype = std::nullopt);
Tensor tensor(std::initializer_list<int> values, std::optional<ScalarType> dtype = std::nullopt);
Tensor tensor(std::initializer_list<std::initializer_list<int>> values, std::optional<ScalarType> dtype = std::nullopt);
Tensor tensor(std::initializer_list<bool> values);
// From a flat buffer in row-major order: torch.tensor(values).view(shape), so one -1 is inferred.
template <typename T> Tensor from_vector(const std::vector<T>& values, const IntList& shape);
Tensor from_blob_copy(const void* data, const IntList& shape, ScalarType dtype);

}  // namespace paratrace
