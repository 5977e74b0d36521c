#pragma once
// Parameter-free activation layers, as torch.nn's. The in-place variants
// (inplace=True) are not offered: each layer returns a new tensor.
#include <cstdint>
#include <string>
#include <utility>

#include "paratrace/nn/module.h"

namespace paratrace::nn {

class ReLU : public Cloneable<ReLU> {
 public:
  std::string class_name() const override { return "ReLU"; }
  Tensor forward(const Tensor& input) override;
};

class LeakyReLU : public Cloneable<LeakyReLU> {
 public:
  explicit LeakyReLU(double negative_slope = 0.01) : negative_slope_(negative_slope) {}
  std::string class_name() const override { return "LeakyReLU"; }
  std::string extra_repr() const override;
  Tensor forward(const Tensor& input) override;
  double negative_slope() const { return negative_slope_; }

 private:
  double negative_slope_;
};

// F.hardtanh(input, min_val, max_val), recorded as aten::hardtanh.
class Hardtanh : public Cloneable<Hardtanh> {
 public:
  explicit Hardtanh(double min_val = -1.0, double max_val = 1.0);
  std::string class_name() const override { return "Hardtanh"; }
  std::string extra_repr() const override;
  Tensor forward(const Tensor& input) override;
  double min_val() const { return min_val_; }
  double max_val() const { return max_val_; }

 private:
  double min_val_, max_val_;
};

// Hardtanh(0, 6), printed as "ReLU6()" (PyTorch's subclass of Hardtanh).
class ReLU6 : public Cloneable<ReLU6> {
 public:
  std::string class_name() const override { return "ReLU6"; }
  Tensor forward(const Tensor& input) override;
};

// approximate: "none" (exact, with erf) or "tanh"; F.gelu rejects anything else.
class GELU : public Cloneable<GELU> {
 public:
  explicit GELU(std::string approximate = "none") : approximate_(std::move(approximate)) {}
  std::string class_name() const override { return "GELU"; }
  std::string extra_repr() const override { return "approximate='" + approximate_ + "'"; }
  Tensor forward(const Tensor& input) override;
  const std::string& approximate() const { return approximate_; }

 private:
  std::string approximate_;
};

class Sigmoid : public Cloneable<Sigmoid> {
 public:
  std::string class_name() const override { return "Sigmoid"; }
  Tensor forward(const Tensor& input) override;
};

class Tanh : public Cloneable<Tanh> {
 public:
  std::string class_name() const override { return "Tanh"; }
  Tensor forward(const Tensor& input) override;
};

// dim is required: PyTorch's dim=None picks a dimension by a deprecated rule.
class Softmax : public Cloneable<Softmax> {
 public:
  explicit Softmax(std::int64_t dim) : dim_(dim) {}
  std::string class_name() const override { return "Softmax"; }
  std::string extra_repr() const override { return "dim=" + std::to_string(dim_); }
  Tensor forward(const Tensor& input) override;
  std::int64_t dim() const { return dim_; }

 private:
  std::int64_t dim_;
};

}  // namespace paratrace::nn
