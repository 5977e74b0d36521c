#pragma once
// The modules the parametrize suites share: a stand-in for nn.Linear (the
// layers live on another branch) and the parametrizations PyTorch's
// test_nn_parametrization.py defines inline, written the way a C++ user
// would write them. Their class names match the Python classes, so reprs and
// messages read as PyTorch's do.
#include <cmath>
#include <functional>
#include <string>
#include <vector>

#include "paratrace/nn/parametrize.h"
#include "paratrace/tensor/factories.h"
#include "paratrace/tensor/ops.h"
#include "test_util.h"

namespace paratrace::test {

// torch.testing's assertEqual tolerances for float32, which PyTorch's tests use.
inline constexpr double kRtol = 1.3e-6;
inline constexpr double kAtol = 1e-5;

// nn.Linear: weight [out, in] and bias [out] drawn from U(-1/sqrt(in),
// 1/sqrt(in)) as reset_parameters does; bias=false registers None.
class Linear : public nn::Cloneable<Linear> {
 public:
  Linear(std::int64_t in_features, std::int64_t out_features, bool bias = true)
      : in_(in_features), out_(out_features), bias_(bias) {
    const double bound = 1.0 / std::sqrt(static_cast<double>(in_features));
    register_parameter("weight", empty({out_features, in_features}).uniform_(-bound, bound));
    register_parameter("bias", bias ? empty({out_features}).uniform_(-bound, bound) : Tensor());
  }
  std::string class_name() const override { return "Linear"; }
  std::string extra_repr() const override {
    return "in_features=" + std::to_string(in_) + ", out_features=" + std::to_string(out_) +
           ", bias=" + (bias_ ? "True" : "False");
  }
  Tensor forward(const Tensor& x) override { return linear(x, attr("weight"), attr("bias")); }

 private:
  std::int64_t in_, out_;
  bool bias_;
};

// --- parametrizations -----------------------------------------------------

// A new module of a default-constructible class, as Python's `Skew()`.
template <typename T> std::shared_ptr<T> make() { return std::make_shared<T>(); }

class Identity : public nn::Cloneable<Identity, nn::Parametrization> {
 public:
  Tensor forward(const Tensor& x) override { return x; }
};

// Skew-symmetric from the strictly lower triangle.
class Skew : public nn::Cloneable<Skew, nn::Parametrization> {
 public:
  Tensor forward(const Tensor& X) override {
    const Tensor L = X.tril(-1);
    return L - L.T();
  }
};

// The Cayley map: orthogonal when X is skew-symmetric. contiguous() as in
// PyTorch's test, whose comment explains it (solve's Fortran strides).
class Orthogonal : public nn::Cloneable<Orthogonal, nn::Parametrization> {
 public:
  Tensor forward(const Tensor& X) override {
    const Tensor Id = eye(X.size(0));
    return linalg_solve(Id + X, Id - X).contiguous();
  }
};

// Symmetric from the upper triangle; right_inverse keeps that triangle.
class Symmetric : public nn::Cloneable<Symmetric, nn::Parametrization> {
 public:
  Tensor forward(const Tensor& X) override { return X.triu() + X.triu(1).mT(); }
  nn::RightInverseResult right_inverse(const Tensor& A) override { return A.triu(); }
};

// Two originals (x, y) -> the rank-one matrix x y^T; right_inverse projects
// onto the rank-one matrices through the SVD.
class RankOne : public nn::Cloneable<RankOne, nn::Parametrization> {
 public:
  IValue forward_stack(const Stack& inputs) override {
    PT_CHECK(inputs.size() == 2, TypeError, "RankOne.forward() takes 2 tensors, got " << inputs.size());
    return matmul(inputs[0].to_tensor().unsqueeze(-1), inputs[1].to_tensor().unsqueeze(-2));
  }
  nn::RightInverseResult right_inverse(const Tensor& Y) override {
    const auto [U, S, Vh] = linalg_svd(Y, /*full_matrices=*/false);
    const Tensor s0_sqrt = S.select(-1, 0).sqrt().unsqueeze(-1);
    return TensorList{U.select(-1, 0) * s0_sqrt, Vh.select(-2, 0) * s0_sqrt};
  }
};

class Double : public nn::Cloneable<Double, nn::Parametrization> {
 public:
  Tensor forward(const Tensor& x) override { return 2.0 * x; }
  nn::RightInverseResult right_inverse(const Tensor& w) override { return 0.5 * w; }
};

class AddOne : public nn::Cloneable<AddOne, nn::Parametrization> {
 public:
  Tensor forward(const Tensor& x) override { return x + 1.0; }
};

class MinusOne : public nn::Cloneable<MinusOne, nn::Parametrization> {
 public:
  Tensor forward(const Tensor& x) override { return x - 1.0; }
};

class FirstZero : public nn::Cloneable<FirstZero, nn::Parametrization> {
 public:
  Tensor forward(const Tensor& x) override { return cat({zeros({1}, x.dtype()), x.slice(0, 1)}); }
};

class LastZero : public nn::Cloneable<LastZero, nn::Parametrization> {
 public:
  Tensor forward(const Tensor& x) override { return cat({x.slice(0, 0, -1), zeros({1}, x.dtype())}); }
};

// X[[0]]: keeps the first row, so the shape changes.
class Resize : public nn::Cloneable<Resize, nn::Parametrization> {
 public:
  Tensor forward(const Tensor& X) override { return index_select(X, 0, paratrace::tensor({std::int64_t{0}})); }
};

class NoResize : public nn::Cloneable<NoResize, nn::Parametrization> {
 public:
  Tensor forward(const Tensor& X) override { return X; }
};

// --- checks ---------------------------------------------------------------

// Runs fn, expects an E whose message is exactly `message` (PyTorch's text).
template <typename E> bool throws_exactly(const std::function<void()>& fn, const std::string& message, QString* why) {
  try {
    fn();
  } catch (const E& e) {
    if (e.what() == message) return true;
    *why = QStringLiteral("message was:\n%1\nexpected:\n%2").arg(QString::fromStdString(e.what()),
                                                                 QString::fromStdString(message));
    return false;
  } catch (const std::exception& e) {
    *why = QStringLiteral("wrong exception type, message: %1").arg(QString::fromStdString(e.what()));
    return false;
  }
  *why = QStringLiteral("no exception thrown");
  return false;
}

// Everything a failed registration could have touched: the class name, the
// repr, every parameter and buffer (object and value) and every submodule.
struct ModuleSnapshot {
  std::string type_name, repr;
  std::vector<std::string> modules;
  nn::NamedTensorList tensors, values;

  explicit ModuleSnapshot(nn::Module& m) : type_name(m.type_name()), repr(m.repr()) {
    for (const auto& [name, child] : m.named_modules()) modules.push_back(name);
    tensors = m.named_parameters();
    for (const auto& named : m.named_buffers()) tensors.push_back(named);
    for (const auto& [name, t] : tensors) values.emplace_back(name, t.detach().clone());
  }

  // Empty when `m` still matches, else what changed.
  QString difference(nn::Module& m) const {
    const ModuleSnapshot now(m);
    if (now.type_name != type_name) return QStringLiteral("type %1").arg(QString::fromStdString(now.type_name));
    if (now.repr != repr) return QStringLiteral("repr\n%1").arg(QString::fromStdString(now.repr));
    if (now.modules != modules) return QStringLiteral("submodules");
    if (now.tensors.size() != tensors.size()) return QStringLiteral("number of tensors");
    for (std::size_t i = 0; i < tensors.size(); ++i) {
      const QString name = QString::fromStdString(tensors[i].first);
      if (now.tensors[i].first != tensors[i].first) return QStringLiteral("tensor names at %1").arg(name);
      if (!now.tensors[i].second.is_same(tensors[i].second)) return QStringLiteral("%1 is another object").arg(name);
      QString why;
      if (!tensors_close(now.tensors[i].second, values[i].second, 0, 0, &why)) return name + ": " + why;
    }
    return {};
  }
};

}  // namespace paratrace::test

#define PT_VERIFY_THROWS_EXACTLY(ErrType, expr, message)                                           \
  do {                                                                                              \
    QString pt_why_;                                                                                \
    QVERIFY2(::paratrace::test::throws_exactly<ErrType>([&] { (void)(expr); }, (message), &pt_why_), \
             qPrintable(pt_why_));                                                                  \
  } while (0)

// Runs a helper that checks with QVERIFY/QCOMPARE and stops the test when it
// failed, as the check would have done inline.
#define PT_CALL(helper)                          \
  do {                                           \
    helper;                                      \
    if (QTest::currentTestFailed()) return;      \
  } while (0)

#define PT_VERIFY_UNCHANGED(snapshot, module)                         \
  do {                                                                \
    const QString pt_diff_ = (snapshot).difference(module);           \
    QVERIFY2(pt_diff_.isEmpty(), qPrintable(pt_diff_));               \
  } while (0)
