#pragma once
// torch.nn.utils.parametrizations.orthogonal (PyTorch 1.13): Orthogonal is
// its _Orthogonal module, orthogonal() registers one on a module's tensor.
// Real dtypes only (the library has no complex ones). docs/parametrizations.md.
#include <optional>
#include <string>

#include "paratrace/nn/parametrization.h"

namespace paratrace::nn::parametrizations {

// PyTorch's _OrthMaps: how an unconstrained matrix becomes an orthogonal one.
enum class OrthogonalMap { matrix_exp, cayley, householder };

// Maps a matrix, or a batch of them, X (..., n, k) to Q with orthonormal
// columns (n >= k) or rows (n < k; computed on the transpose). matrix_exp and
// cayley read the lower triangle of X as a skew-symmetric matrix,
// householder its strictly lower part as reflectors and its diagonal as
// signs. With trivialization the result is `base @ Q`, where the buffer
// `base` is set by right_inverse (the dynamic trivialization of
// arXiv 1909.09501), so that an assigned matrix is kept exactly.
class Orthogonal : public Cloneable<Orthogonal, Parametrization> {
 public:
  // `weight` fixes the shape right_inverse accepts. With use_trivialization
  // the buffer `base` is registered as None until right_inverse sets it.
  Orthogonal(const Tensor& weight, OrthogonalMap map, bool use_trivialization = true);
  // Built from options alone, without the tensor: the shape, and the map
  // when not given (orthogonal()'s default rule), are fixed by prepare() at
  // registration, which also makes orthogonal()'s dimension check.
  explicit Orthogonal(std::optional<OrthogonalMap> map = std::nullopt, bool use_trivialization = true);
  std::string class_name() const override { return "_Orthogonal"; }
  Tensor forward(const Tensor& X) override;
  // Runs under no-grad. With trivialization: Q (orthogonalized through QR
  // with a non-negative R diagonal if it is not orthogonal, completed with
  // random columns if it is not square) becomes `base`, and -I is returned,
  // which every map sends to the identity. Without: householder returns the
  // reflectors of Q's QR decomposition; matrix_exp and cayley throw
  // NotImplementedError (registration then keeps the raw weight).
  RightInverseResult right_inverse(const Tensor& Q) override;
  bool is_prepared() const override { return shape_.has_value(); }
  void prepare(const Module& module, const std::string& tensor_name, const Tensor& weight) override;

  // Unset until prepared when built without the tensor and a map.
  std::optional<OrthogonalMap> orthogonal_map() const { return map_; }
  const std::optional<Shape>& shape() const { return shape_; }

 private:
  std::optional<Shape> shape_;
  std::optional<OrthogonalMap> map_;
};

// orthogonal()'s default: matrix_exp for square matrices, householder otherwise.
OrthogonalMap default_orthogonal_map(const Shape& shape);
// "matrix_exp", "cayley" or "householder"; ValueError with PyTorch's message otherwise.
OrthogonalMap parse_orthogonal_map(const std::string& name);

// Makes module.<name> orthogonal, as torch.nn.utils.parametrizations.orthogonal:
// the tensor must have at least 2 dimensions; orthogonal_map is "matrix_exp",
// "cayley" or "householder", by default matrix_exp for square matrices and
// householder otherwise. Registered with unsafe=true, as PyTorch does.
Module& orthogonal(Module& module, const std::string& name = "weight",
                   const std::optional<std::string>& orthogonal_map = std::nullopt, bool use_trivialization = true);

}  // namespace paratrace::nn::parametrizations
