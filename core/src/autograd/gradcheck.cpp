// Central finite differences against the analytical Jacobian, one input
// element and one output element at a time (small inputs only, as in PyTorch).
#include "paratrace/autograd/gradcheck.h"

#include <cmath>
#include <sstream>

#include "paratrace/autograd/engine.h"
#include "paratrace/autograd/grad_mode.h"
#include "paratrace/tensor/factories.h"
#include "paratrace/tensor/ops.h"

namespace paratrace::autograd {

namespace {

// Flattened float64 copies of all outputs, concatenated per output.
std::vector<std::vector<double>> evaluate(const std::function<TensorList(const TensorList&)>& fn,
                                          const TensorList& inputs) {
  NoGradGuard g;
  std::vector<std::vector<double>> out;
  for (const Tensor& o : fn(inputs)) out.push_back(o.to_vector<double>());
  return out;
}

std::string matrix_text(const std::vector<std::vector<double>>& m) {
  std::ostringstream os;
  os << "tensor([";
  for (std::size_t r = 0; r < m.size(); ++r) {
    os << (r ? ",\n        [" : "[");
    for (std::size_t c = 0; c < m[r].size(); ++c) os << (c ? ", " : "") << m[r][c];
    os << "]";
  }
  os << "])";
  return os.str();
}

}  // namespace

GradcheckResult gradcheck(const std::function<TensorList(const TensorList&)>& fn, const TensorList& inputs,
                          const GradcheckOptions& options) {
  GradcheckResult result;
  const TensorList outputs = fn(inputs);
  // analytical[in][out][j][i] = d y_j / d x_i, taken before any input is perturbed
  // (perturbing bumps versions, which the saved graph would rightly reject).
  using Jacobian = std::vector<std::vector<double>>;
  std::vector<std::vector<Jacobian>> analytical(inputs.size(), std::vector<Jacobian>(outputs.size()));
  for (std::size_t in = 0; in < inputs.size(); ++in) {
    const Tensor& x = inputs[in];
    if (!x.requires_grad()) continue;
    for (std::size_t out = 0; out < outputs.size(); ++out) {
      const Tensor& y = outputs[out];
      Jacobian& jac = analytical[in][out];
      jac.assign(y.numel(), std::vector<double>(x.numel(), 0.0));
      if (!is_floating_point(y.dtype()) || !y.requires_grad()) continue;
      for (std::int64_t j = 0; j < y.numel(); ++j) {
        Tensor seed = zeros(y.sizes(), y.dtype());
        seed.view({-1}).select(0, j).fill_(1.0);
        const TensorList g = grad({y}, {x}, {seed}, /*retain_graph=*/true, false, /*allow_unused=*/true);
        if (g[0].defined()) jac[j] = g[0].to_vector<double>();
      }
    }
  }
  for (std::size_t in = 0; in < inputs.size(); ++in) {
    const Tensor& x = inputs[in];
    if (!x.requires_grad()) continue;
    const std::int64_t n_in = x.numel();
    for (std::size_t out = 0; out < outputs.size(); ++out) {
      const Tensor& y = outputs[out];
      if (!is_floating_point(y.dtype())) continue;
      const std::int64_t n_out = y.numel();
      Jacobian numerical(n_out, std::vector<double>(n_in, 0.0));
      for (std::int64_t i = 0; i < n_in; ++i) {
        Tensor flat = x.detach().view({-1});
        const double orig = flat.select(0, i).item<double>();
        flat.select(0, i).fill_(orig + options.eps);
        const auto plus = evaluate(fn, inputs)[out];
        flat.select(0, i).fill_(orig - options.eps);
        const auto minus = evaluate(fn, inputs)[out];
        flat.select(0, i).fill_(orig);
        for (std::int64_t j = 0; j < n_out; ++j) numerical[j][i] = (plus[j] - minus[j]) / (2 * options.eps);
      }
      const Jacobian& ana = analytical[in][out];
      for (std::int64_t j = 0; j < n_out && result.ok; ++j) {
        for (std::int64_t i = 0; i < n_in; ++i) {
          if (std::abs(ana[j][i] - numerical[j][i]) > options.atol + options.rtol * std::abs(numerical[j][i])) {
            result.ok = false;
            break;
          }
        }
      }
      if (!result.ok) {
        // PyTorch prints the Jacobian as (inputs x outputs).
        Jacobian nt(n_in, std::vector<double>(n_out)), at(n_in, std::vector<double>(n_out));
        for (std::int64_t i = 0; i < n_in; ++i)
          for (std::int64_t j = 0; j < n_out; ++j) {
            nt[i][j] = numerical[j][i];
            at[i][j] = ana[j][i];
          }
        std::ostringstream os;
        os << "Jacobian mismatch for output " << out << " with respect to input " << in << ",\nnumerical:"
           << matrix_text(nt) << "\nanalytical:" << matrix_text(at) << "\n";
        result.message = os.str();
        return result;
      }
    }
  }
  return result;
}

}  // namespace paratrace::autograd
