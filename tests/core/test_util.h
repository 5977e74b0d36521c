#pragma once
// Helpers shared by the core Qt Test suites.
#include <QTest>
#include <functional>
#include <string>

#include "paratrace/tensor/factories.h"
#include "paratrace/tensor/ops.h"

namespace paratrace::test {

// Element-wise |a - b| <= atol + rtol * |b|, with a readable failure message.
inline bool tensors_close(const Tensor& a, const Tensor& b, double rtol, double atol, QString* why) {
  if (a.sizes() != b.sizes()) {
    *why = QStringLiteral("shape %1 vs %2").arg(QString::fromStdString(a.to_string()), QString::fromStdString(b.to_string()));
    return false;
  }
  const auto x = a.to_vector<double>();
  const auto y = b.to_vector<double>();
  for (std::size_t i = 0; i < x.size(); ++i) {
    const bool both_nan = std::isnan(x[i]) && std::isnan(y[i]);
    if (!both_nan && !(std::abs(x[i] - y[i]) <= atol + rtol * std::abs(y[i]))) {
      *why = QStringLiteral("element %1: %2 vs %3").arg(i).arg(x[i], 0, 'g', 10).arg(y[i], 0, 'g', 10);
      return false;
    }
  }
  return true;
}

// offset + scale * [0, 1, 2, ...] in the given shape
// (torch.arange(n).reshape(shape) * scale + offset): reproducible inputs for PyTorch comparisons.
inline Tensor seq(const Shape& shape, double scale, double offset, ScalarType dtype = ScalarType::Float32) {
  std::int64_t n = 1;
  for (auto d : shape) n *= d;
  return add(mul(arange(n).to(ScalarType::Float64), scale), offset).reshape(shape).to(dtype);
}

// Runs fn, expects an exception of type E whose message contains `needle`.
template <typename E> bool throws_with(const std::function<void()>& fn, const std::string& needle, QString* why) {
  try {
    fn();
  } catch (const E& e) {
    if (std::string(e.what()).find(needle) != std::string::npos) return true;
    *why = QStringLiteral("message was: %1").arg(QString::fromStdString(e.what()));
    return false;
  } catch (const std::exception& e) {
    *why = QStringLiteral("wrong exception type, message: %1").arg(QString::fromStdString(e.what()));
    return false;
  }
  *why = QStringLiteral("no exception thrown");
  return false;
}

}  // namespace paratrace::test

#define PT_COMPARE_CLOSE(a, b, rtol, atol)                                    \
  do {                                                                        \
    QString pt_why_;                                                          \
    QVERIFY2(::paratrace::test::tensors_close((a), (b), (rtol), (atol), &pt_why_), qPrintable(pt_why_)); \
  } while (0)

#define PT_VERIFY_THROWS(ErrType, expr, needle)                                                     \
  do {                                                                                              \
    QString pt_why_;                                                                                \
    QVERIFY2(::paratrace::test::throws_with<ErrType>([&] { (void)(expr); }, (needle), &pt_why_),   \
             qPrintable(pt_why_));                                                                  \
  } while (0)
