#pragma once
// torch.nn.init: in-place initialisers for parameters. Each runs under no-grad
// (so it may fill a leaf that requires grad), returns the tensor it filled, and
// raises PyTorch's errors with PyTorch's texts. Random values come from
// paratrace's default generator, so they follow PyTorch's distributions but
// not its exact streams.
#include <cstdint>
#include <optional>
#include <string>
#include <utility>

#include "paratrace/tensor/tensor.h"

namespace paratrace::nn::init {

// The recommended gain for a nonlinearity (`nn.functional` name): 1 for
// linear/conv*/sigmoid, 5/3 for tanh, sqrt(2) for relu,
// sqrt(2 / (1 + slope^2)) for leaky_relu (slope = param, default 0.01), 3/4
// for selu. ValueError "Unsupported nonlinearity <name>" otherwise.
double calculate_gain(const std::string& nonlinearity, std::optional<double> param = std::nullopt);

// (fan_in, fan_out) = (size(1), size(0)) times the product of the trailing
// (receptive field) sizes; ValueError below 2 dimensions.
std::pair<std::int64_t, std::int64_t> calculate_fan_in_and_fan_out(const Tensor& tensor);

Tensor uniform_(Tensor tensor, double a = 0.0, double b = 1.0);
Tensor normal_(Tensor tensor, double mean = 0.0, double std = 1.0);
// Normal(mean, std) truncated to [a, b], by inverse-CDF sampling as PyTorch does.
Tensor trunc_normal_(Tensor tensor, double mean = 0.0, double std = 1.0, double a = -2.0, double b = 2.0);
Tensor constant_(Tensor tensor, const Scalar& val);
Tensor ones_(Tensor tensor);
Tensor zeros_(Tensor tensor);
// The identity matrix; 2-d tensors only.
Tensor eye_(Tensor tensor);

// Glorot: U(-a, a) with a = gain * sqrt(6 / (fan_in + fan_out)), or
// N(0, std^2) with std = gain * sqrt(2 / (fan_in + fan_out)).
Tensor xavier_uniform_(Tensor tensor, double gain = 1.0);
Tensor xavier_normal_(Tensor tensor, double gain = 1.0);

// He: std = calculate_gain(nonlinearity, a) / sqrt(fan), fan chosen by mode
// ("fan_in" or "fan_out", case-insensitive); uniform bound sqrt(3) * std.
// Zero-element tensors are left alone (PyTorch also warns).
Tensor kaiming_uniform_(Tensor tensor, double a = 0.0, const std::string& mode = "fan_in",
                        const std::string& nonlinearity = "leaky_relu");
Tensor kaiming_normal_(Tensor tensor, double a = 0.0, const std::string& mode = "fan_in",
                       const std::string& nonlinearity = "leaky_relu");

// A (semi-)orthogonal matrix times gain: the Q of a QR decomposition of a
// standard normal (rows x numel/rows) matrix, transposed first when wide, with
// Q's columns multiplied by sign(diag(R)) so that Q is Haar-distributed.
Tensor orthogonal_(Tensor tensor, double gain = 1.0);

}  // namespace paratrace::nn::init
