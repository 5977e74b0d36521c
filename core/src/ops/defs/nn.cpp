// Neural-network ops (torch.nn.functional): losses, dropout, convolution, pooling,
// normalisation and embedding. Each op: shape rule, kernel, backward, table entry,
// public function. Gradients other than mse_loss's and dropout's are computed by
// kernels (first order only: they do not build a graph for double backward).
#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <limits>
#include <utility>

#include "../kernels/broadcast.h"
#include "../kernels/conv.h"
#include "../kernels/elementwise.h"
#include "../kernels/norm.h"
#include "define_ops.h"
#include "paratrace/autograd/grad_mode.h"
#include "paratrace/tensor/generator.h"
#include "paratrace/tensor/ops.h"

namespace paratrace {
namespace {

using kernels::shape_str;

// The forward arguments, for backward formulas that re-derive the forward geometry.
Stack args_of(const BackwardContext& ctx) {
  Stack args;
  for (std::size_t i = 0; i < ctx.num_args(); ++i) args.push_back(ctx.arg(i));
  return args;
}

// `"mse_cpu" not implemented for 'Long'`, as PyTorch's CPU kernels report non-floating inputs.
void check_floating(ScalarType dtype, const char* kernel) {
  PT_CHECK(is_floating_point(dtype), RuntimeError,
           "\"" << kernel << "\" not implemented for '" << ir_type_name(dtype) << "'");
}

// ---- mse_loss -------------------------------------------------------------------

enum Reduction : std::int64_t { kNone = 0, kMean = 1, kSum = 2 };

std::int64_t reduction_code(const std::string& reduction) {
  if (reduction == "none") return kNone;
  if (reduction == "mean") return kMean;
  PT_CHECK(reduction == "sum", ValueError, reduction << " is not a valid value for reduction");
  return kSum;
}

MetaList mse_loss_shape(const Stack& a) {
  const Tensor& x = a[0].to_tensor();
  const Tensor& y = a[1].to_tensor();
  const ScalarType dtype = kernels::result_type({&x, &y});
  Shape sizes = kernels::broadcast_shapes(x.sizes(), y.sizes());
  if (a[2].to_int() != kNone) sizes.clear();
  return {{sizes, dtype}};
}

Tensor mse_loss_kernel(const Stack& a) {
  const TensorMeta m = mse_loss_shape(a)[0];
  check_floating(m.dtype, "mse_cpu");
  const Tensor x = kernels::cast(a[0].to_tensor(), m.dtype);
  const Tensor y = kernels::cast(a[1].to_tensor(), m.dtype);
  const std::int64_t reduction = a[2].to_int();
  return dispatch_floating(m.dtype, [&]<typename T>() {
    // Reductions over same-shaped contiguous operands (the common training case) skip the temporary.
    const bool direct = reduction != kNone && x.sizes() == y.sizes() && x.is_contiguous() && y.is_contiguous();
    const Tensor sq =
        direct ? Tensor() : kernels::map_binary<T, T, T>(x, y, [](T u, T v) { return (u - v) * (u - v); });
    if (reduction == kNone) return sq;
    const std::int64_t n = direct ? x.numel() : sq.numel();
    T s = 0;
    if (direct) {
      const T* u = x.data_ptr<T>();
      const T* v = y.data_ptr<T>();
      for (std::int64_t i = 0; i < n; ++i) s += (u[i] - v[i]) * (u[i] - v[i]);
    } else {
      const T* d = sq.data_ptr<T>();
      for (std::int64_t i = 0; i < n; ++i) s += d[i];
    }
    if (reduction == kMean) s = n == 0 ? std::numeric_limits<T>::quiet_NaN() : s / static_cast<T>(n);
    Tensor out = kernels::make_tensor({}, m.dtype);
    *out.data_ptr<T>() = s;
    return out;
  });
}

// (x - y) * g * scale in one pass, rounding as the three ops would (each
// step in T; the wrapped double scale promotes to T). For same-shaped
// contiguous operands of one dtype, with g one element or x's shape; else an
// undefined tensor.
Tensor fused_mse_grad(const Tensor& x, const Tensor& y, const Tensor& g, double scale) {
  const ScalarType dt = x.dtype();
  if (!is_floating_point(dt) || y.dtype() != dt || g.dtype() != dt || x.sizes() != y.sizes() || !x.is_contiguous() ||
      !y.is_contiguous() || !g.is_contiguous() || (g.numel() != 1 && g.sizes() != x.sizes())) {
    return Tensor();
  }
  Tensor dx = kernels::make_tensor(x.sizes(), dt);
  dispatch_floating(dt, [&]<typename T>() {
    const T* u = x.data_ptr<T>();
    const T* v = y.data_ptr<T>();
    const T* gp = g.data_ptr<T>();
    const std::int64_t gstep = g.numel() == 1 ? 0 : 1;
    const T sc = static_cast<T>(scale);
    T* o = dx.data_ptr<T>();
    for (std::int64_t i = 0, n = x.numel(); i < n; ++i) o[i] = static_cast<T>(static_cast<T>(u[i] - v[i]) * gp[i * gstep]) * sc;
  });
  return dx;
}

// d/dx (x - y)^2 = 2 (x - y), scaled by 1/N for the mean. Built from ops so
// that it is differentiable under create_graph; a first-order backward takes
// the fused kernel, as PyTorch's mse_loss_backward does.
TensorList mse_loss_backward(BackwardContext& ctx, const TensorList& g) {
  const Tensor& x = ctx.tensor_arg(0);
  const Tensor& y = ctx.tensor_arg(1);
  const std::int64_t reduction = ctx.arg(2).to_int();
  double scale = 2.0;
  if (reduction == kMean) {
    std::int64_t n = 1;
    for (auto s : kernels::broadcast_shapes(x.sizes(), y.sizes())) n *= s;
    scale /= static_cast<double>(n);
  }
  Tensor dx = autograd::GradMode::is_enabled() ? Tensor() : fused_mse_grad(x, y, g[0], scale);
  if (!dx.defined()) dx = mul(mul(sub(x, y), g[0]), scale);
  TensorList r(2);
  if (ctx.needs_input_grad(0)) r[0] = kernels::sum_to(dx, x.sizes());
  if (ctx.needs_input_grad(1)) r[1] = kernels::sum_to(neg(dx), y.sizes());
  return r;
}

// ---- dropout (composite: input * mask, so autograd multiplies by the same mask) ---

void check_dropout_p(double p) {
  PT_CHECK(p >= 0.0 && p <= 1.0, ValueError, "dropout probability has to be between 0 and 1, but got " << p);
}

Tensor dropout_mask(const Tensor& input, double p) {
  Tensor mask = kernels::make_tensor(input.sizes(), input.dtype());
  Generator& gen = default_generator();
  const double keep_scale = p < 1.0 ? 1.0 / (1.0 - p) : 0.0;
  dispatch_floating(input.dtype(), [&]<typename T>() {
    T* m = mask.data_ptr<T>();
    for (std::int64_t i = 0, n = mask.numel(); i < n; ++i)
      m[i] = gen.uniform(0.0, 1.0) < p ? T(0) : static_cast<T>(keep_scale);
  });
  return mask;
}

Stack dropout_forward(const Stack& a) {
  const Tensor& input = a[0].to_tensor();
  const double p = a[1].to_double();
  check_dropout_p(p);
  if (!a[2].to_bool() || p == 0.0) return {input};
  PT_CHECK(is_floating_point(input.dtype()), RuntimeError,
           "result type Float can't be cast to the desired output type " << ir_type_name(input.dtype()));
  return {mul(input, dropout_mask(input, p))};
}

MetaList dropout_shape(const Stack& a) {
  check_dropout_p(a[1].to_double());
  const Tensor& x = a[0].to_tensor();
  return {{x.sizes(), x.dtype()}};
}

// ---- conv2d -------------------------------------------------------------------------

// Expands an int[2] argument given as one value or two (conv2d/pool arguments).
std::array<std::int64_t, 2> pair_arg(const IntList& v) {
  return v.size() == 1 ? std::array<std::int64_t, 2>{v[0], v[0]} : std::array<std::int64_t, 2>{v[0], v[1]};
}

void check_conv_param(const IntList& v, const char* name) {
  PT_CHECK(v.size() == 1 || v.size() == 2, RuntimeError,
           "expected " << name << " to be a single integer value or a list of 2 values to match the convolution "
                       << "dimensions, but got " << name << "=" << shape_str(v));
}

kernels::Conv2dGeometry conv2d_geometry(const Stack& a) {
  const Tensor& input = a[0].to_tensor();
  const Tensor& weight = a[1].to_tensor();
  const Tensor bias = a[2].to_optional_tensor();
  PT_CHECK(
      input.dim() == 3 || input.dim() == 4, RuntimeError,
      "Expected 3D (unbatched) or 4D (batched) input to conv2d, but got input of size: " << shape_str(input.sizes()));
  PT_CHECK(weight.dim() >= 3, RuntimeError, "weight should have at least three dimensions");
  // PyTorch derives the convolution rank from the weight, so a wrong weight rank surfaces as a stride mismatch.
  PT_CHECK(weight.dim() == 4, RuntimeError,
           "expected stride to be a single integer value or a list of "
               << weight.dim() - 2
               << " values to match the convolution dimensions, but got stride=" << shape_str(a[3].to_int_list()));
  for (auto [i, name] : {std::pair{3, "stride"}, {4, "padding"}, {5, "dilation"}})
    check_conv_param(a[i].to_int_list(), name);
  const auto stride = pair_arg(a[3].to_int_list()), padding = pair_arg(a[4].to_int_list()),
             dilation = pair_arg(a[5].to_int_list());
  const std::int64_t groups = a[6].to_int();
  PT_CHECK(stride[0] > 0 && stride[1] > 0, RuntimeError, "non-positive stride is not supported");
  PT_CHECK(padding[0] >= 0 && padding[1] >= 0, RuntimeError, "negative padding is not supported");
  PT_CHECK(dilation[0] > 0 && dilation[1] > 0, RuntimeError, "dilation should be greater than zero");
  PT_CHECK(groups > 0, RuntimeError, "non-positive groups is not supported");

  const bool batched = input.dim() == 4;
  kernels::Conv2dGeometry g;
  g.batch = batched ? input.size(0) : 1;
  g.in_channels = input.size(-3);
  g.in_h = input.size(-2);
  g.in_w = input.size(-1);
  g.out_channels = weight.size(0);
  g.kernel_h = weight.size(2);
  g.kernel_w = weight.size(3);
  g.stride_h = stride[0], g.stride_w = stride[1], g.pad_h = padding[0], g.pad_w = padding[1];
  g.dil_h = dilation[0], g.dil_w = dilation[1], g.groups = groups;

  PT_CHECK(g.out_channels % groups == 0, RuntimeError,
           "Given groups=" << groups << ", expected weight to be divisible by " << groups
                           << " at dimension 0, but got weight of size [" << shape_str(weight.sizes()) << "] instead");
  const Shape batched_shape = batched ? input.sizes() : Shape{1, g.in_channels, g.in_h, g.in_w};
  PT_CHECK(g.in_channels == weight.size(1) * groups, RuntimeError,
           "Given groups=" << groups << ", weight of size " << shape_str(weight.sizes()) << ", expected input"
                           << shape_str(batched_shape) << " to have " << weight.size(1) * groups
                           << " channels, but got " << g.in_channels << " channels instead");
  PT_CHECK(!bias.defined() || (bias.dim() == 1 && bias.size(0) == g.out_channels), RuntimeError,
           "Given weight of size " << shape_str(weight.sizes()) << ", expected bias to be 1-dimensional with "
                                   << g.out_channels << " elements, but got bias of size " << shape_str(bias.sizes())
                                   << " instead");
  const std::int64_t padded_h = g.in_h + 2 * g.pad_h, padded_w = g.in_w + 2 * g.pad_w;
  const std::int64_t eff_kh = g.dil_h * (g.kernel_h - 1) + 1, eff_kw = g.dil_w * (g.kernel_w - 1) + 1;
  PT_CHECK(padded_h >= eff_kh && padded_w >= eff_kw, RuntimeError,
           "Calculated padded input size per channel: (" << padded_h << " x " << padded_w << "). Kernel size: ("
                                                         << eff_kh << " x " << eff_kw
                                                         << "). Kernel size can't be greater than actual input size");
  PT_CHECK(weight.dtype() == input.dtype(), RuntimeError,
           "expected scalar type " << ir_type_name(input.dtype()) << " but found " << ir_type_name(weight.dtype()));
  PT_CHECK(!bias.defined() || bias.dtype() == input.dtype(), RuntimeError,
           "expected scalar type " << ir_type_name(input.dtype()) << " but found " << ir_type_name(bias.dtype()));
  g.out_h = (padded_h - eff_kh) / g.stride_h + 1;
  g.out_w = (padded_w - eff_kw) / g.stride_w + 1;
  return g;
}

Shape conv2d_out_sizes(const kernels::Conv2dGeometry& g, bool batched) {
  if (batched) return {g.batch, g.out_channels, g.out_h, g.out_w};
  return {g.out_channels, g.out_h, g.out_w};
}

MetaList conv2d_shape(const Stack& a) {
  const kernels::Conv2dGeometry g = conv2d_geometry(a);
  return {{conv2d_out_sizes(g, a[0].to_tensor().dim() == 4), a[0].to_tensor().dtype()}};
}

Tensor conv2d_kernel(const Stack& a) {
  const kernels::Conv2dGeometry g = conv2d_geometry(a);
  const Tensor& input = a[0].to_tensor();
  const ScalarType dtype = input.dtype();
  check_floating(dtype, "slow_conv2d_cpu");
  const Tensor x = kernels::contiguous_kernel(input);
  const Tensor w = kernels::contiguous_kernel(a[1].to_tensor());
  const Tensor b = a[2].is_none() ? Tensor() : kernels::contiguous_kernel(a[2].to_tensor());
  Tensor out = kernels::make_tensor(conv2d_out_sizes(g, input.dim() == 4), dtype);
  dispatch_floating(dtype, [&]<typename T>() {
    kernels::conv2d_forward<T>(g, x.data_ptr<T>(), w.data_ptr<T>(), b.defined() ? b.data_ptr<T>() : nullptr,
                               out.data_ptr<T>());
  });
  return out;
}

TensorList conv2d_backward(BackwardContext& ctx, const TensorList& grads) {
  const Tensor& input = ctx.tensor_arg(0);
  const Tensor& weight = ctx.tensor_arg(1);
  const bool has_bias = !ctx.arg(2).is_none();
  const Stack args = args_of(ctx);
  const kernels::Conv2dGeometry g = conv2d_geometry(args);
  const ScalarType dtype = input.dtype();
  const Tensor go = kernels::contiguous_as(grads[0], dtype);
  const Tensor x = kernels::contiguous_kernel(input);
  const Tensor w = kernels::contiguous_kernel(weight);
  TensorList r(has_bias ? 3 : 2);
  if (ctx.needs_input_grad(0)) r[0] = kernels::make_tensor(input.sizes(), dtype);
  if (ctx.needs_input_grad(1)) r[1] = kernels::make_tensor(weight.sizes(), dtype);
  dispatch_floating(dtype, [&]<typename T>() {
    kernels::conv2d_backward<T>(g, x.data_ptr<T>(), w.data_ptr<T>(), go.data_ptr<T>(),
                                r[0].defined() ? r[0].data_ptr<T>() : nullptr,
                                r[1].defined() ? r[1].data_ptr<T>() : nullptr);
    if (has_bias && ctx.needs_input_grad(2)) {
      r[2] = kernels::make_tensor({g.out_channels}, dtype);
      T* gb = r[2].data_ptr<T>();
      const T* d = go.data_ptr<T>();
      const std::int64_t L = g.out_h * g.out_w;
      for (std::int64_t oc = 0; oc < g.out_channels; ++oc) {
        T s = 0;
        for (std::int64_t n = 0; n < g.batch; ++n)
          for (std::int64_t i = 0; i < L; ++i) s += d[(n * g.out_channels + oc) * L + i];
        gb[oc] = s;
      }
    }
  });
  return r;
}

// ---- max_pool2d / avg_pool2d --------------------------------------------------------

// PyTorch's pooling_output_shape, including the ceil_mode rule that the last
// window must start inside the input or left padding.
std::int64_t pooled_size(std::int64_t in, std::int64_t k, std::int64_t pad, std::int64_t stride, std::int64_t dil,
                         bool ceil_mode) {
  const std::int64_t span = in + 2 * pad - dil * (k - 1) - 1 + (ceil_mode ? stride - 1 : 0);
  std::int64_t out = (span >= 0 ? span / stride : -((-span + stride - 1) / stride)) + 1;
  if (ceil_mode && (out - 1) * stride >= in + pad) --out;
  return out;
}

struct PoolArgs {
  kernels::Pool2dGeometry g;
  Shape out_sizes;
};

// Arguments: (input, kernel_size, stride, padding, [dilation for max], ceil_mode).
PoolArgs pool_geometry(const Stack& a, const char* name, bool has_dilation) {
  const Tensor& input = a[0].to_tensor();
  const IntList& kernel = a[1].to_int_list();
  const IntList& stride = a[2].to_int_list();
  const IntList& padding = a[3].to_int_list();
  const IntList dilation = has_dilation ? a[4].to_int_list() : IntList{1};
  const bool ceil_mode = a[has_dilation ? 5 : 4].to_bool();
  PT_CHECK(kernel.size() == 1 || kernel.size() == 2, RuntimeError,
           name << ": kernel_size must either be a single int, or a tuple of two ints");
  PT_CHECK(stride.size() <= 2, RuntimeError,
           name << ": stride must either be omitted, a single int, or a tuple of two ints");
  PT_CHECK(padding.size() == 1 || padding.size() == 2, RuntimeError,
           name << ": padding must either be a single int, or a tuple of two ints");
  PT_CHECK(dilation.size() == 1 || dilation.size() == 2, RuntimeError,
           name << ": dilation must be either a single int, or a tuple of two ints");
  if (!has_dilation && input.dim() < 3) kernels::wrap_dim(-3, input.dim());  // PyTorch's IndexError
  PT_CHECK((input.dim() == 3 || input.dim() == 4) && input.numel() > 0, RuntimeError,
           "non-empty 3D or 4D (batch mode) tensor expected for input");
  const auto k = pair_arg(kernel), p = pair_arg(padding), d = pair_arg(dilation);
  const auto s = stride.empty() ? k : pair_arg(stride);
  PT_CHECK(k[0] > 0 && k[1] > 0, RuntimeError,
           "kernel size should be greater than zero, but got kH: " << k[0] << " kW: " << k[1]);
  PT_CHECK(s[0] > 0 && s[1] > 0, RuntimeError,
           "stride should be greater than zero, but got dH: " << s[0] << " dW: " << s[1]);
  PT_CHECK(d[0] > 0 && d[1] > 0, RuntimeError,
           "dilation should be greater than zero, but got dilationH: " << d[0] << " dilationW: " << d[1]);
  PT_CHECK(k[1] / 2 >= p[1] && k[0] / 2 >= p[0], RuntimeError,
           "pad should be at most half of kernel size, but got pad=" << p[1] << " and kernel_size=" << k[1]);

  kernels::Pool2dGeometry g;
  const std::int64_t channels = input.size(-3);
  g.planes = input.numel() / (input.size(-2) * input.size(-1));
  g.in_h = input.size(-2), g.in_w = input.size(-1);
  g.kernel_h = k[0], g.kernel_w = k[1], g.stride_h = s[0], g.stride_w = s[1];
  g.pad_h = p[0], g.pad_w = p[1], g.dil_h = d[0], g.dil_w = d[1];
  g.out_h = pooled_size(g.in_h, k[0], p[0], s[0], d[0], ceil_mode);
  g.out_w = pooled_size(g.in_w, k[1], p[1], s[1], d[1], ceil_mode);
  PT_CHECK(g.out_h >= 1 && g.out_w >= 1, RuntimeError,
           "Given input size: (" << channels << "x" << g.in_h << "x" << g.in_w << "). Calculated output size: ("
                                 << channels << "x" << g.out_h << "x" << g.out_w << "). Output size is too small");
  Shape out = input.sizes();
  out[out.size() - 2] = g.out_h;
  out[out.size() - 1] = g.out_w;
  return {g, out};
}

MetaList max_pool2d_shape(const Stack& a) {
  return {{pool_geometry(a, "max_pool2d", true).out_sizes, a[0].to_tensor().dtype()}};
}

// The pooled values and, per output element, the in-plane index it came from.
std::pair<Tensor, std::vector<std::int64_t>> max_pool2d_run(const Stack& a) {
  const PoolArgs pa = pool_geometry(a, "max_pool2d", true);
  const ScalarType dtype = a[0].to_tensor().dtype();
  check_floating(dtype, "max_pool2d");
  const Tensor x = kernels::contiguous_kernel(a[0].to_tensor());
  Tensor out = kernels::make_tensor(pa.out_sizes, dtype);
  std::vector<std::int64_t> argmax(static_cast<std::size_t>(out.numel()));
  dispatch_floating(dtype, [&]<typename T>() {
    kernels::max_pool2d_forward<T>(pa.g, x.data_ptr<T>(), out.data_ptr<T>(), argmax.data());
  });
  return {out, argmax};
}

TensorList max_pool2d_backward(BackwardContext& ctx, const TensorList& grads) {
  const Stack args = args_of(ctx);
  const auto [out, argmax] = max_pool2d_run(args);
  const Tensor& input = ctx.tensor_arg(0);
  const Tensor go = kernels::contiguous_as(grads[0], input.dtype());
  const PoolArgs pa = pool_geometry(args, "max_pool2d", true);
  Tensor gi = kernels::make_tensor(input.sizes(), input.dtype());
  dispatch_floating(input.dtype(), [&]<typename T>() {
    T* d = gi.data_ptr<T>();
    std::fill_n(d, gi.numel(), T(0));
    const T* src = go.data_ptr<T>();
    const std::int64_t plane_out = pa.g.out_h * pa.g.out_w, plane_in = pa.g.in_h * pa.g.in_w;
    for (std::int64_t i = 0; i < go.numel(); ++i)
      if (argmax[i] >= 0) d[(i / plane_out) * plane_in + argmax[i]] += src[i];
  });
  return {gi};
}

// avg_pool2d arguments: (input, kernel_size, stride, padding, ceil_mode, count_include_pad, divisor_override).
std::int64_t divisor_override(const Stack& a) {
  const std::int64_t d = a[6].is_none() ? 0 : a[6].to_int();
  PT_CHECK(a[6].is_none() || d != 0, RuntimeError, "divisor must be not zero");
  return d;
}

MetaList avg_pool2d_shape(const Stack& a) {
  return {{pool_geometry(a, "avg_pool2d", false).out_sizes, a[0].to_tensor().dtype()}};
}

Tensor avg_pool2d_kernel(const Stack& a) {
  const PoolArgs pa = pool_geometry(a, "avg_pool2d", false);
  const ScalarType dtype = a[0].to_tensor().dtype();
  check_floating(dtype, "avg_pool2d");
  const std::int64_t div = divisor_override(a);
  const Tensor x = kernels::contiguous_kernel(a[0].to_tensor());
  Tensor out = kernels::make_tensor(pa.out_sizes, dtype);
  dispatch_floating(dtype, [&]<typename T>() {
    kernels::avg_pool2d_forward<T>(pa.g, x.data_ptr<T>(), out.data_ptr<T>(), a[5].to_bool(), div);
  });
  return out;
}

TensorList avg_pool2d_backward(BackwardContext& ctx, const TensorList& grads) {
  const Stack args = args_of(ctx);
  const PoolArgs pa = pool_geometry(args, "avg_pool2d", false);
  const TensorMeta& in = ctx.arg_meta(0);
  const Tensor go = kernels::contiguous_as(grads[0], in.dtype);
  Tensor gi = kernels::make_tensor(in.sizes, in.dtype);
  dispatch_floating(in.dtype, [&]<typename T>() {
    kernels::avg_pool2d_backward<T>(pa.g, go.data_ptr<T>(), gi.data_ptr<T>(), args[5].to_bool(),
                                    divisor_override(args));
  });
  return {gi};
}

// ---- layer_norm / group_norm / batch_norm ------------------------------------------

std::vector<double> rstd_of(const std::vector<double>& var, double eps) {
  std::vector<double> r(var.size());
  for (std::size_t i = 0; i < var.size(); ++i) r[i] = 1.0 / std::sqrt(var[i] + eps);
  return r;
}

template <typename T> const T* data_or_null(const Tensor& t) { return t.defined() ? t.data_ptr<T>() : nullptr; }

Tensor contiguous_or_none(const IValue& v) {
  return v.is_none() ? Tensor() : kernels::contiguous_kernel(v.to_tensor());
}

// Normalises `input` with statistics computed from it (layer_norm, group_norm).
Tensor run_norm(const kernels::NormLayout& l, const Tensor& input, const Tensor& weight, const Tensor& bias, double eps,
                const char* kernel) {
  check_floating(input.dtype(), kernel);
  for (const Tensor* t : {&weight, &bias})
    PT_CHECK(!t->defined() || t->dtype() == input.dtype(), RuntimeError,
             "expected scalar type " << ir_type_name(input.dtype()) << " but found " << ir_type_name(t->dtype()));
  const Tensor x = kernels::contiguous_kernel(input);
  const Tensor w = weight.defined() ? kernels::contiguous_kernel(weight) : Tensor();
  const Tensor b = bias.defined() ? kernels::contiguous_kernel(bias) : Tensor();
  Tensor y = kernels::make_tensor(input.sizes(), input.dtype());
  dispatch_floating(input.dtype(), [&]<typename T>() {
    std::vector<double> mean, var;
    kernels::norm_stats(l, x.data_ptr<T>(), mean, var);
    kernels::norm_forward(l, x.data_ptr<T>(), mean, rstd_of(var, eps), data_or_null<T>(w), data_or_null<T>(b),
                          y.data_ptr<T>());
  });
  return y;
}

// Gradients (input, weight, bias) of a norm whose statistics come from the input
// (or, when `fixed_mean` is given, are the constants fixed_mean / fixed_rstd).
TensorList norm_grads(BackwardContext& ctx, const kernels::NormLayout& l, const Tensor& grad, std::size_t weight_arg,
                      std::size_t bias_arg, double eps, const Tensor& fixed_mean = Tensor(),
                      const Tensor& fixed_var = Tensor()) {
  const Tensor& input = ctx.tensor_arg(0);
  const ScalarType dtype = input.dtype();
  const Tensor x = kernels::contiguous_kernel(input);
  const Tensor w = ctx.arg(weight_arg).is_none() ? Tensor() : kernels::contiguous_as(ctx.tensor_arg(weight_arg), dtype);
  const bool has_w = w.defined(), has_b = !ctx.arg(bias_arg).is_none();
  const Tensor g = kernels::contiguous_as(grad, dtype);
  TensorList r(1 + (has_w ? 1 : 0) + (has_b ? 1 : 0));
  const std::size_t wi = 1, bi = has_w ? 2 : 1;
  if (ctx.needs_input_grad(0)) r[0] = kernels::make_tensor(input.sizes(), dtype);
  if (has_w && ctx.needs_input_grad(wi)) r[wi] = kernels::make_tensor(ctx.arg_meta(weight_arg).sizes, dtype);
  if (has_b && ctx.needs_input_grad(bi)) r[bi] = kernels::make_tensor(ctx.arg_meta(bias_arg).sizes, dtype);
  const std::int64_t affine_size = l.kind == kernels::NormLayout::kLayer ? l.inner : l.channels;
  dispatch_floating(dtype, [&]<typename T>() {
    std::vector<double> mean, var;
    if (fixed_mean.defined()) {
      mean = kernels::contiguous_as(fixed_mean, ScalarType::Float64).to_vector<double>();
      var = kernels::contiguous_as(fixed_var, ScalarType::Float64).to_vector<double>();
    } else {
      kernels::norm_stats(l, x.data_ptr<T>(), mean, var);
    }
    kernels::norm_backward(l, x.data_ptr<T>(), mean, rstd_of(var, eps), data_or_null<T>(w), g.data_ptr<T>(),
                           !fixed_mean.defined(), r[0].defined() ? r[0].data_ptr<T>() : nullptr,
                           has_w && r[wi].defined() ? r[wi].data_ptr<T>() : nullptr,
                           has_b && r[bi].defined() ? r[bi].data_ptr<T>() : nullptr, affine_size);
  });
  return r;
}

// layer_norm(input, normalized_shape, weight?, bias?, eps, cudnn_enable)
kernels::NormLayout layer_norm_layout(const Stack& a) {
  const Tensor& input = a[0].to_tensor();
  const IntList& shape = a[1].to_int_list();
  PT_CHECK(!shape.empty(), RuntimeError,
           "Expected normalized_shape to be at least 1-dimensional, i.e., containing at least one element, but got "
           "normalized_shape = []");
  for (auto [i, name] : {std::pair{2, "weight"}, {3, "bias"}}) {
    const Tensor t = a[i].to_optional_tensor();
    PT_CHECK(!t.defined() || t.sizes() == shape, RuntimeError,
             "Expected " << name << " to be of same shape as normalized_shape, but got " << name << " of shape "
                         << shape_str(t.sizes()) << " and normalized_shape = " << shape_str(shape));
  }
  const auto nd = static_cast<std::int64_t>(shape.size());
  bool ok = input.dim() >= nd;
  for (std::int64_t i = 0; ok && i < nd; ++i) ok = input.size(input.dim() - nd + i) == shape[i];
  PT_CHECK(ok, RuntimeError,
           "Given normalized_shape=" << shape_str(shape) << ", expected input with shape [*, "
                                     << shape_str(shape).substr(1) << ", but got input of size"
                                     << shape_str(input.sizes()));
  kernels::NormLayout l;
  l.kind = kernels::NormLayout::kLayer;
  l.inner = 1;
  for (auto s : shape) l.inner *= s;
  l.outer = l.inner == 0 ? 0 : input.numel() / l.inner;
  return l;
}

MetaList same_as_input_shape(const Stack& a) {
  const Tensor& x = a[0].to_tensor();
  return {{x.sizes(), x.dtype()}};
}

// group_norm(input, num_groups, weight?, bias?, eps, cudnn_enabled)
kernels::NormLayout group_norm_layout(const Stack& a) {
  const Tensor& input = a[0].to_tensor();
  const std::int64_t groups = a[1].to_int();
  PT_CHECK(input.dim() >= 2, RuntimeError,
           "Expected at least 2 dimensions for input tensor but received " << input.dim());
  const std::int64_t channels = input.size(1);
  PT_CHECK(groups > 0 && channels % groups == 0, RuntimeError,
           "Expected number of channels in input to be divisible by num_groups, but got input of shape "
               << shape_str(input.sizes()) << " and num_groups=" << groups);
  for (auto [i, name] : {std::pair{2, "weight"}, {3, "bias"}}) {
    const Tensor t = a[i].to_optional_tensor();
    PT_CHECK(!t.defined() || (t.dim() == 1 && t.numel() == channels), RuntimeError,
             "Expected " << name << " to be a vector of size equal to the number of channels in input, but got " << name
                         << " of shape " << shape_str(t.sizes()) << " and input of shape " << shape_str(input.sizes()));
  }
  kernels::NormLayout l;
  l.kind = kernels::NormLayout::kGroup;
  l.outer = input.size(0);
  l.channels = channels;
  l.groups = groups;
  l.inner = input.numel() / std::max<std::int64_t>(1, l.outer * channels);
  return l;
}

Tensor layer_norm_kernel(const Stack& a) {
  return run_norm(layer_norm_layout(a), a[0].to_tensor(), a[2].to_optional_tensor(), a[3].to_optional_tensor(),
                  a[4].to_double(), "LayerNormKernelImpl");
}

TensorList layer_norm_backward(BackwardContext& ctx, const TensorList& g) {
  return norm_grads(ctx, layer_norm_layout(args_of(ctx)), g[0], 2, 3, ctx.arg(4).to_double());
}

Tensor group_norm_kernel(const Stack& a) {
  return run_norm(group_norm_layout(a), a[0].to_tensor(), a[2].to_optional_tensor(), a[3].to_optional_tensor(),
                  a[4].to_double(), "GroupNormKernelImpl");
}

TensorList group_norm_backward(BackwardContext& ctx, const TensorList& g) {
  return norm_grads(ctx, group_norm_layout(args_of(ctx)), g[0], 2, 3, ctx.arg(4).to_double());
}

// One statistics group per channel (dim 1) of an input of `sizes`.
kernels::NormLayout batch_norm_layout(const Shape& sizes) {
  kernels::NormLayout l;
  l.kind = kernels::NormLayout::kBatch;
  l.outer = sizes[0];
  l.channels = sizes[1];
  for (std::size_t d = 2; d < sizes.size(); ++d) l.inner *= sizes[d];
  return l;
}

// batch_norm(input, weight?, bias?, running_mean?, running_var?, training, momentum, eps, cudnn_enabled)
kernels::NormLayout batch_norm_layout(const Stack& a) {
  const Tensor& input = a[0].to_tensor();
  PT_CHECK(input.dim() >= 2, ValueError, "expected 2D or higher input (got " << input.dim() << "D input)");
  const std::int64_t channels = input.size(1);
  // aten's order: the running statistics (each required in eval), then weight and bias.
  for (auto [i, name] : {std::pair{3, "running_mean"}, {4, "running_var"}, {1, "weight"}, {2, "bias"}}) {
    const Tensor t = a[i].to_optional_tensor();
    PT_CHECK(t.defined() || a[5].to_bool() || i < 3, RuntimeError, name << " must be defined in evaluation mode");
    PT_CHECK(!t.defined() || t.numel() == channels, RuntimeError,
             name << " should contain " << channels << " elements not " << t.numel());
  }
  for (std::size_t i : {1, 2}) {
    const Tensor t = a[i].to_optional_tensor();
    PT_CHECK(!t.defined() || t.dtype() == input.dtype(), RuntimeError,
             "mixed dtype (CPU): expect parameter to have scalar type of " << ir_type_name(input.dtype()));
  }
  return batch_norm_layout(input.sizes());
}

// running = (1 - momentum) * running + momentum * batch_value, in place (PyTorch bumps their versions too).
void update_running(const Tensor& running, const std::vector<double>& batch, double momentum) {
  const Tensor r = kernels::contiguous_kernel(running);
  dispatch_floating(running.dtype(), [&]<typename T>() {
    T* d = r.data_ptr<T>();
    for (std::size_t c = 0; c < batch.size(); ++c) d[c] = static_cast<T>((1 - momentum) * d[c] + momentum * batch[c]);
  });
  if (!r.is_same(running)) kernels::copy_kernel(running, r);
  running.impl()->storage->bump_version();
}

Tensor batch_norm_kernel(const Stack& a) {
  const kernels::NormLayout l = batch_norm_layout(a);
  const Tensor& input = a[0].to_tensor();
  const bool training = a[5].to_bool();
  const double momentum = a[6].to_double(), eps = a[7].to_double();
  check_floating(input.dtype(), "batch_norm");
  const Tensor x = kernels::contiguous_kernel(input);
  const Tensor w = contiguous_or_none(a[1]), b = contiguous_or_none(a[2]);
  Tensor y = kernels::make_tensor(input.sizes(), input.dtype());
  dispatch_floating(input.dtype(), [&]<typename T>() {
    std::vector<double> mean, var;
    if (training) {
      kernels::norm_stats(l, x.data_ptr<T>(), mean, var);
      const double n = static_cast<double>(l.outer * l.inner);
      std::vector<double> unbiased(var);
      for (double& v : unbiased) v *= n / std::max(1.0, n - 1);
      if (!a[3].is_none()) update_running(a[3].to_tensor(), mean, momentum);
      if (!a[4].is_none()) update_running(a[4].to_tensor(), unbiased, momentum);
    } else {
      mean = kernels::contiguous_as(a[3].to_tensor(), ScalarType::Float64).to_vector<double>();
      var = kernels::contiguous_as(a[4].to_tensor(), ScalarType::Float64).to_vector<double>();
    }
    kernels::norm_forward(l, x.data_ptr<T>(), mean, rstd_of(var, eps), data_or_null<T>(w), data_or_null<T>(b),
                          y.data_ptr<T>());
  });
  return y;
}

TensorList batch_norm_backward(BackwardContext& ctx, const TensorList& g) {
  // Not args_of(ctx): training mutated the running stats, whose version check would fail.
  const kernels::NormLayout l = batch_norm_layout(ctx.arg_meta(0).sizes);
  const double eps = ctx.arg(7).to_double();
  TensorList r = ctx.arg(5).to_bool() ? norm_grads(ctx, l, g[0], 1, 2, eps)
                                      : norm_grads(ctx, l, g[0], 1, 2, eps, ctx.tensor_arg(3), ctx.tensor_arg(4));
  // The running stats (1-D when given, so a non-empty meta shape) get no gradient.
  for (std::size_t i : {3, 4})
    if (!ctx.arg_meta(i).sizes.empty()) r.emplace_back();
  return r;
}

// ---- embedding -------------------------------------------------------------------------

// embedding(weight, indices, padding_idx, scale_grad_by_freq, sparse)
MetaList embedding_shape(const Stack& a) {
  const Tensor& weight = a[0].to_tensor();
  const Tensor& indices = a[1].to_tensor();
  PT_CHECK(weight.dim() == 2, RuntimeError, "'weight' must be 2-D");
  PT_CHECK(indices.dtype() == ScalarType::Int64, RuntimeError,
           "Expected tensor for argument #1 'indices' to have one of the following scalar types: Long, Int; but got "
           "torch."
               << ir_type_name(indices.dtype()) << "Tensor instead (while checking arguments for embedding)");
  Shape out = indices.sizes();
  out.push_back(weight.size(1));
  return {{out, weight.dtype()}};
}

std::vector<std::int64_t> checked_indices(const Tensor& indices, std::int64_t rows) {
  std::vector<std::int64_t> idx = kernels::contiguous_kernel(indices).to_vector<std::int64_t>();
  for (auto i : idx) PT_CHECK(i >= 0 && i < rows, IndexError, "index out of range in self");
  return idx;
}

Tensor embedding_kernel(const Stack& a) {
  const TensorMeta m = embedding_shape(a)[0];
  const Tensor w = kernels::contiguous_kernel(a[0].to_tensor());
  const std::int64_t rows = w.size(0), dim = w.size(1);
  const std::vector<std::int64_t> idx = checked_indices(a[1].to_tensor(), rows);
  Tensor out = kernels::make_tensor(m.sizes, m.dtype);
  const auto row_bytes = static_cast<std::size_t>(dim) * w.element_size();
  auto* dst = static_cast<char*>(out.raw_data());
  const auto* src = static_cast<const char*>(w.raw_data());
  for (std::size_t k = 0; k < idx.size(); ++k) std::memcpy(dst + k * row_bytes, src + idx[k] * row_bytes, row_bytes);
  return out;
}

// Rows accumulate the gradients of every lookup; the padding row gets none.
TensorList embedding_backward(BackwardContext& ctx, const TensorList& g) {
  TensorList r(2);
  if (!ctx.needs_input_grad(0)) return r;
  const TensorMeta& wm = ctx.arg_meta(0);
  const std::int64_t rows = wm.sizes[0], dim = wm.sizes[1];
  const std::int64_t padding_idx = ctx.arg(2).to_int();
  const bool by_freq = ctx.arg(3).to_bool();
  const std::vector<std::int64_t> idx = checked_indices(ctx.tensor_arg(1), rows);
  std::vector<std::int64_t> freq(static_cast<std::size_t>(rows), 0);
  for (auto i : idx) ++freq[i];
  const Tensor go = kernels::contiguous_as(g[0], wm.dtype);
  r[0] = kernels::make_tensor(wm.sizes, wm.dtype);
  dispatch_floating(wm.dtype, [&]<typename T>() {
    T* gw = r[0].data_ptr<T>();
    std::fill_n(gw, rows * dim, T(0));
    const T* src = go.data_ptr<T>();
    for (std::size_t k = 0; k < idx.size(); ++k) {
      if (idx[k] == padding_idx) continue;
      const T scale = by_freq ? T(1) / static_cast<T>(freq[idx[k]]) : T(1);
      for (std::int64_t j = 0; j < dim; ++j) gw[idx[k] * dim + j] += scale * src[k * dim + j];
    }
  });
  return r;
}

// ---- cross_entropy_loss ---------------------------------------------------------------

// cross_entropy_loss(self, target, weight?, reduction, ignore_index, label_smoothing) with
// class-index targets. Input (N, C, d...) or (C); target (N, d...) or ().
struct CrossEntropyLayout {
  std::int64_t batch, classes, spatial;
};

CrossEntropyLayout cross_entropy_layout(const Stack& a) {
  const Tensor& input = a[0].to_tensor();
  const Tensor& target = a[1].to_tensor();
  PT_CHECK(input.dim() >= 1, RuntimeError, "input tensor should be 1D or more");
  const bool batched = input.dim() >= 2;
  if (batched) {
    PT_CHECK(target.dim() >= 1 && target.size(0) == input.size(0), ValueError,
             "Expected input batch_size (" << input.size(0) << ") to match target batch_size ("
                                           << (target.dim() ? target.size(0) : 1) << ").");
  }
  PT_CHECK(target.dtype() == ScalarType::Int64, RuntimeError,
           "expected scalar type Long but found " << ir_type_name(target.dtype()));
  PT_CHECK(
      batched || target.dim() == 0, RuntimeError,
      "size mismatch (got input: " << shape_str(input.sizes()) << ", target: " << shape_str(target.sizes()) << ")");
  Shape expected(input.sizes().begin() + (batched ? 0 : 1), input.sizes().end());
  if (batched) expected.erase(expected.begin() + 1);
  PT_CHECK(target.sizes() == expected, RuntimeError,
           "Expected target size " << shape_str(expected) << ", got " << shape_str(target.sizes()));
  const double ls = a[5].to_double();
  PT_CHECK(ls >= 0.0 && ls <= 1.0, RuntimeError, "label_smoothing must be between 0.0 and 1.0. Got: " << ls);
  const std::int64_t classes = batched ? input.size(1) : input.size(0);
  const Tensor w = a[2].to_optional_tensor();
  PT_CHECK(!w.defined() || (w.dim() == 1 && w.numel() == classes), RuntimeError,
           "weight tensor should be defined either for all "
               << classes << " classes or no classes but got weight tensor of shape: " << shape_str(w.sizes()));
  const std::int64_t batch = batched ? input.size(0) : 1;
  return {batch, classes, classes == 0 ? 0 : input.numel() / (batch * classes)};
}

MetaList cross_entropy_shape(const Stack& a) {
  cross_entropy_layout(a);
  const Shape out = a[3].to_int() == kNone ? a[1].to_tensor().sizes() : Shape{};
  return {{out, a[0].to_tensor().dtype()}};
}

// Per-sample softmax probabilities plus the loss terms; shared by forward and backward.
struct CrossEntropyState {
  CrossEntropyLayout l;
  std::vector<double> prob;   // softmax, laid out like the input
  std::vector<double> loss;   // per sample (0 when ignored)
  std::vector<double> scale;  // per sample: target class weight, 0 when ignored
  std::vector<double> class_weight;
  std::vector<std::int64_t> target;
  double denom = 0;  // mean-reduction divisor: sum of target weights of kept samples
};

CrossEntropyState cross_entropy_state(const Stack& a) {
  CrossEntropyState s;
  s.l = cross_entropy_layout(a);
  check_floating(a[0].to_tensor().dtype(), "log_softmax_lastdim_kernel_impl");
  const std::int64_t N = s.l.batch, C = s.l.classes, S = s.l.spatial;
  const std::vector<double> x = kernels::contiguous_as(a[0].to_tensor(), ScalarType::Float64).to_vector<double>();
  s.target = kernels::contiguous_kernel(a[1].to_tensor()).to_vector<std::int64_t>();
  s.class_weight = a[2].is_none() ? std::vector<double>(static_cast<std::size_t>(C), 1.0)
                                  : kernels::contiguous_as(a[2].to_tensor(), ScalarType::Float64).to_vector<double>();
  const std::int64_t ignore = a[4].to_int();
  const double ls = a[5].to_double();
  s.prob.resize(x.size());
  s.loss.assign(static_cast<std::size_t>(N * S), 0.0);
  s.scale.assign(s.loss.size(), 0.0);
  for (std::int64_t n = 0; n < N; ++n)
    for (std::int64_t sp = 0; sp < S; ++sp) {
      const std::int64_t k = n * S + sp, t = s.target[k];
      const auto at = [&](std::int64_t c) { return static_cast<std::size_t>((n * C + c) * S + sp); };
      if (t == ignore) continue;
      PT_CHECK(t >= 0 && t < C, IndexError, "Target " << t << " is out of bounds.");
      double mx = -std::numeric_limits<double>::infinity(), z = 0, smooth = 0;
      for (std::int64_t c = 0; c < C; ++c) mx = std::max(mx, x[at(c)]);
      for (std::int64_t c = 0; c < C; ++c) z += std::exp(x[at(c)] - mx);
      const double lse = mx + std::log(z);
      for (std::int64_t c = 0; c < C; ++c) {
        s.prob[at(c)] = std::exp(x[at(c)] - lse);
        smooth += s.class_weight[c] * (lse - x[at(c)]);
      }
      s.scale[k] = s.class_weight[t];
      s.loss[k] = (1 - ls) * s.class_weight[t] * (lse - x[at(t)]) + ls / static_cast<double>(C) * smooth;
      s.denom += s.class_weight[t];
    }
  return s;
}

Tensor cross_entropy_kernel(const Stack& a) {
  const TensorMeta m = cross_entropy_shape(a)[0];
  const CrossEntropyState s = cross_entropy_state(a);
  const std::int64_t reduction = a[3].to_int();
  Tensor out = kernels::make_tensor(m.sizes, m.dtype);
  dispatch_floating(m.dtype, [&]<typename T>() {
    T* o = out.data_ptr<T>();
    if (reduction == kNone) {
      for (std::size_t k = 0; k < s.loss.size(); ++k) o[k] = static_cast<T>(s.loss[k]);
      return;
    }
    double total = 0;
    for (double v : s.loss) total += v;
    o[0] = static_cast<T>(reduction == kMean ? total / s.denom : total);
  });
  return out;
}

// d loss_k / d x_c = (1 - ls) w_t (p_c - [c == t]) + ls / C (W p_c - w_c), W = sum of class weights.
TensorList cross_entropy_backward(BackwardContext& ctx, const TensorList& g) {
  TensorList r(ctx.arg(2).is_none() ? 2 : 3);
  if (!ctx.needs_input_grad(0)) return r;
  const Stack args = args_of(ctx);
  const CrossEntropyState s = cross_entropy_state(args);
  const std::int64_t N = s.l.batch, C = s.l.classes, S = s.l.spatial;
  const std::int64_t reduction = ctx.arg(3).to_int();
  const double ls = ctx.arg(5).to_double();
  double W = 0;
  for (double w : s.class_weight) W += w;
  const std::vector<double> go = kernels::contiguous_as(g[0], ScalarType::Float64).to_vector<double>();
  const TensorMeta& im = ctx.arg_meta(0);
  std::vector<double> gi(s.prob.size(), 0.0);
  for (std::int64_t n = 0; n < N; ++n)
    for (std::int64_t sp = 0; sp < S; ++sp) {
      const std::int64_t k = n * S + sp;
      if (s.target[k] == ctx.arg(4).to_int()) continue;
      const double gk = reduction == kNone ? go[k] : (reduction == kMean ? go[0] / s.denom : go[0]);
      for (std::int64_t c = 0; c < C; ++c) {
        const auto i = static_cast<std::size_t>((n * C + c) * S + sp);
        const double hard = s.scale[k] * (s.prob[i] - (c == s.target[k] ? 1.0 : 0.0));
        const double soft = (W * s.prob[i] - s.class_weight[c]) / static_cast<double>(C);
        gi[i] = gk * ((1 - ls) * hard + ls * soft);
      }
    }
  Tensor gd = kernels::make_tensor(im.sizes, ScalarType::Float64);
  std::copy(gi.begin(), gi.end(), gd.data_ptr<double>());
  r[0] = kernels::cast(gd, im.dtype);
  return r;
}

}  // namespace

// ---- public API ---------------------------------------------------------------------

Tensor mse_loss(const Tensor& input, const Tensor& target, const std::string& reduction) {
  return call_op1(OpKind::mse_loss, {input, target, reduction_code(reduction)});
}
Tensor dropout(const Tensor& input, double p, bool train) { return call_op1(OpKind::dropout, {input, p, train}); }
Tensor conv2d(const Tensor& input, const Tensor& weight, const Tensor& bias, const IntList& stride,
              const IntList& padding, const IntList& dilation, std::int64_t groups) {
  return call_op1(OpKind::conv2d, {input, weight, bias, stride, padding, dilation, groups});
}
Tensor max_pool2d(const Tensor& input, const IntList& kernel_size, const IntList& stride, const IntList& padding,
                  const IntList& dilation, bool ceil_mode) {
  return call_op1(OpKind::max_pool2d, {input, kernel_size, stride, padding, dilation, ceil_mode});
}
Tensor avg_pool2d(const Tensor& input, const IntList& kernel_size, const IntList& stride, const IntList& padding,
                  bool ceil_mode, bool count_include_pad) {
  return call_op1(OpKind::avg_pool2d, {input, kernel_size, stride, padding, ceil_mode, count_include_pad, IValue()});
}

Tensor layer_norm(const Tensor& input, const IntList& normalized_shape, const Tensor& weight, const Tensor& bias,
                  double eps) {
  return call_op1(OpKind::layer_norm, {input, normalized_shape, weight, bias, eps, true});
}
Tensor group_norm(const Tensor& input, std::int64_t num_groups, const Tensor& weight, const Tensor& bias, double eps) {
  return call_op1(OpKind::group_norm, {input, num_groups, weight, bias, eps, true});
}
Tensor batch_norm(const Tensor& input, const Tensor& running_mean, const Tensor& running_var, const Tensor& weight,
                  const Tensor& bias, bool training, double momentum, double eps) {
  if (training) {
    // F.batch_norm's own check, before the aten op.
    std::int64_t per_channel = input.dim() >= 2 ? input.numel() / input.size(1) : 0;
    PT_CHECK(per_channel != 1, ValueError,
             "Expected more than 1 value per channel when training, got input size torch.Size("
                 << shape_str(input.sizes()) << ")");
  }
  return call_op1(OpKind::batch_norm, {input, weight, bias, running_mean, running_var, training, momentum, eps, true});
}
Tensor embedding(const Tensor& weight, const Tensor& indices, std::int64_t padding_idx) {
  if (padding_idx != -1 && weight.dim() >= 1) {
    PT_CHECK(padding_idx < weight.size(0) && padding_idx >= -weight.size(0), AssertionError,
             "Padding_idx must be within num_embeddings");
    if (padding_idx < 0) padding_idx += weight.size(0);
  }
  return call_op1(OpKind::embedding, {weight, indices, padding_idx, false, false});
}
Tensor cross_entropy(const Tensor& input, const Tensor& target, const std::string& reduction) {
  return call_op1(OpKind::cross_entropy_loss, {input, target, IValue(), reduction_code(reduction), -100, 0.0});
}

namespace defs {

void define_nn_ops(OpTable& t) {
  t.def({.kind = OpKind::mse_loss,
         .schema = "aten::mse_loss(Tensor self, Tensor target, int reduction=1) -> Tensor",
         .forward = [](const Stack& a) -> Stack { return {mse_loss_kernel(a)}; },
         .backward = mse_loss_backward,
         .shape = mse_loss_shape});
  t.def({.kind = OpKind::dropout,
         .schema = "aten::dropout(Tensor input, float p, bool train) -> Tensor",
         .forward = dropout_forward,
         .shape = dropout_shape,
         .flags = kComposite | kNondeterministic});
  t.def({.kind = OpKind::conv2d,
         .schema = "aten::conv2d(Tensor input, Tensor weight, Tensor? bias=None, int[2] stride=1, int[2] padding=0, "
                   "int[2] dilation=1, int groups=1) -> Tensor",
         .forward = [](const Stack& a) -> Stack { return {conv2d_kernel(a)}; },
         .backward = conv2d_backward,
         .shape = conv2d_shape});
  t.def({.kind = OpKind::max_pool2d,
         .schema = "aten::max_pool2d(Tensor self, int[2] kernel_size, int[2] stride=[], int[2] padding=0, "
                   "int[2] dilation=1, bool ceil_mode=False) -> Tensor",
         .forward = [](const Stack& a) -> Stack { return {max_pool2d_run(a).first}; },
         .backward = max_pool2d_backward,
         .shape = max_pool2d_shape});
  t.def({.kind = OpKind::avg_pool2d,
         .schema = "aten::avg_pool2d(Tensor self, int[2] kernel_size, int[2] stride=[], int[2] padding=0, "
                   "bool ceil_mode=False, bool count_include_pad=True, int? divisor_override=None) -> Tensor",
         .forward = [](const Stack& a) -> Stack { return {avg_pool2d_kernel(a)}; },
         .backward = avg_pool2d_backward,
         .shape = avg_pool2d_shape});
  t.def({.kind = OpKind::layer_norm,
         .schema = "aten::layer_norm(Tensor input, int[] normalized_shape, Tensor? weight=None, Tensor? bias=None, "
                   "float eps=1e-05, bool cudnn_enable=True) -> Tensor",
         .forward = [](const Stack& a) -> Stack { return {layer_norm_kernel(a)}; },
         .backward = layer_norm_backward,
         .shape =
             [](const Stack& a) {
               layer_norm_layout(a);
               return same_as_input_shape(a);
             }});
  t.def({.kind = OpKind::group_norm,
         .schema = "aten::group_norm(Tensor input, int num_groups, Tensor? weight=None, Tensor? bias=None, "
                   "float eps=1e-05, bool cudnn_enabled=True) -> Tensor",
         .forward = [](const Stack& a) -> Stack { return {group_norm_kernel(a)}; },
         .backward = group_norm_backward,
         .shape =
             [](const Stack& a) {
               group_norm_layout(a);
               return same_as_input_shape(a);
             }});
  t.def({.kind = OpKind::batch_norm,
         .schema = "aten::batch_norm(Tensor input, Tensor? weight, Tensor? bias, Tensor? running_mean, "
                   "Tensor? running_var, bool training, float momentum, float eps, bool cudnn_enabled) -> Tensor",
         .forward = [](const Stack& a) -> Stack { return {batch_norm_kernel(a)}; },
         .backward = batch_norm_backward,
         .shape =
             [](const Stack& a) {
               batch_norm_layout(a);
               return same_as_input_shape(a);
             }});
  t.def({.kind = OpKind::embedding,
         .schema = "aten::embedding(Tensor weight, Tensor indices, int padding_idx=-1, bool scale_grad_by_freq=False, "
                   "bool sparse=False) -> Tensor",
         .forward = [](const Stack& a) -> Stack { return {embedding_kernel(a)}; },
         .backward = embedding_backward,
         .shape = embedding_shape});
  t.def({.kind = OpKind::cross_entropy_loss,
         .schema = "aten::cross_entropy_loss(Tensor self, Tensor target, Tensor? weight=None, int reduction=1, "
                   "int ignore_index=-100, float label_smoothing=0.) -> Tensor",
         .forward = [](const Stack& a) -> Stack { return {cross_entropy_kernel(a)}; },
         .backward = cross_entropy_backward,
         .shape = cross_entropy_shape});
}

}  // namespace defs
}  // namespace paratrace
