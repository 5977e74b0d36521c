#include "tensor_stats.h"

#include <Eigen/SVD>
#include <algorithm>
#include <cmath>

#include "tensor_values.h"

namespace paratrace::inspector {

namespace {

// float32 round-off on small matrices stays well below this.
constexpr double kTolerance = 1e-4;

// The square matrices of a [..., n, n] tensor, one per batch entry.
std::vector<Matrix> squareMatrices(const Tensor& t) {
  std::vector<Matrix> out;
  if (t.dim() < 2 || t.sizes()[t.dim() - 1] != t.sizes()[t.dim() - 2]) return out;
  const std::int64_t n = t.sizes()[t.dim() - 1];
  const Matrix all = toMatrix(t.reshape({-1, n}));
  for (Eigen::Index b = 0; b < all.rows() / n; ++b) out.push_back(all.middleRows(b * n, n));
  return out;
}

template <typename F> std::optional<double> maxOverSquares(const Tensor& t, F f) {
  const auto matrices = squareMatrices(t);
  if (matrices.empty()) return std::nullopt;
  double worst = 0;
  for (const Matrix& m : matrices) worst = std::max(worst, f(m));
  return worst;
}

// ‖XᵀX − I‖ for tall X, ‖XXᵀ − I‖ for wide X: orthonormal columns or rows.
double orthogonalityError(const Matrix& x) {
  const Matrix gram = x.rows() >= x.cols() ? Matrix(x.transpose() * x) : Matrix(x * x.transpose());
  return (gram - Matrix::Identity(gram.rows(), gram.cols())).norm();
}

std::optional<PropertyMeasure> promise(QString name, std::optional<double> value) {
  if (!value) return std::nullopt;
  return PropertyMeasure{std::move(name), *value, *value <= kTolerance};
}

}  // namespace

TensorStats computeStats(const Tensor& tensor) {
  TensorStats stats;
  const Matrix m = toMatrix(tensor);
  stats.numel = m.size();
  if (m.size() == 0) return stats;
  stats.min = m.minCoeff();
  stats.max = m.maxCoeff();
  stats.mean = m.mean();
  stats.norm = m.norm();
  stats.sparsity = 100.0 * static_cast<double>((m.array() == 0.0).count()) / static_cast<double>(m.size());
  return stats;
}

std::optional<PropertyMeasure> PropertyMeasures::measure(const nn::Module& step, const Tensor& output) {
  if (!output.defined() || !output.is_floating_point()) return std::nullopt;
  const std::string type = step.class_name();
  if (type == "Cayley" || type == "_Orthogonal" || type == "Orthogonal") {
    if (output.dim() != 2) return std::nullopt;
    const Matrix x = toMatrix(output);
    return promise(x.rows() >= x.cols() ? QStringLiteral("‖XᵀX − I‖") : QStringLiteral("‖XXᵀ − I‖"),
                   orthogonalityError(x));
  }
  if (type == "Symmetric")
    return promise(QStringLiteral("‖X − Xᵀ‖"),
                   maxOverSquares(output, [](const Matrix& m) { return (m - m.transpose()).norm(); }));
  if (type == "Skew")
    return promise(QStringLiteral("‖X + Xᵀ‖"),
                   maxOverSquares(output, [](const Matrix& m) { return (m + m.transpose()).norm(); }));
  if (type == "FakeSparsity" && step.has_buffer("mask")) {
    const Tensor mask = step.buffer("mask");
    if (mask.sizes() != output.sizes()) return std::nullopt;
    const Matrix x = toMatrix(output);
    const Matrix keep = toMatrix(mask);
    const auto outside = ((keep.array() == 0.0) && (x.array() != 0.0)).count();
    return PropertyMeasure{tr("non-zeros outside the mask"), static_cast<double>(outside), outside == 0};
  }
  if (type == "_SpectralNorm" || type == "SpectralNorm") {
    if (output.dim() < 1) return std::nullopt;
    const Matrix x = toMatrix(output);
    const double sigma = Eigen::JacobiSVD<Matrix>(x).singularValues()(0);
    // The power iteration only approximates σ_max, so this is a measurement, not a check.
    return PropertyMeasure{QStringLiteral("σ_max"), sigma, std::nullopt};
  }
  return std::nullopt;
}

}  // namespace paratrace::inspector
