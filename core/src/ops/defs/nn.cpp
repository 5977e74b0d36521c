// Neural-network ops (torch.nn.functional): losses, dropout, convolution and
// pooling. Each op: shape rule, kernel, backward, table entry, public function.
// Convolution and pooling gradients are computed by kernels (first order).
#include <cmath>

#include "../kernels/broadcast.h"
#include "../kernels/conv.h"
#include "../kernels/elementwise.h"
#include "define_ops.h"
#include "paratrace/tensor/generator.h"
#include "paratrace/tensor/ops.h"

namespace paratrace {
namespace {

using kernels::shape_str;

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

std::vector<TensorMeta> mse_loss_shape(const Stack& a) {
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
    Tensor sq = kernels::map_binary<T, T, T>(x, y, [](T u, T v) { return (u - v) * (u - v); });
    if (reduction == kNone) return sq;
    const T* d = sq.data_ptr<T>();
    const std::int64_t n = sq.numel();
    T s = 0;
    for (std::int64_t i = 0; i < n; ++i) s += d[i];
    if (reduction == kMean) s = n == 0 ? std::numeric_limits<T>::quiet_NaN() : s / static_cast<T>(n);
    Tensor out = kernels::make_tensor({}, m.dtype);
    *out.data_ptr<T>() = s;
    return out;
  });
}

// d/dx (x - y)^2 = 2 (x - y), scaled by 1/N for the mean.
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
  const Tensor dx = mul(mul(sub(x, y), g[0]), scale);
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
  check_floating(input.dtype(), "bernoulli_scalar_cpu_");
  return {mul(input, dropout_mask(input, p))};
}

std::vector<TensorMeta> dropout_shape(const Stack& a) {
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
  PT_CHECK(input.dim() == 3 || input.dim() == 4, RuntimeError,
           "Expected 3D (unbatched) or 4D (batched) input to conv2d, but got input of size: " << shape_str(input.sizes()));
  PT_CHECK(weight.dim() == 4, RuntimeError,
           "Expected " << input.dim() << "-dimensional input for " << input.dim() << "-dimensional weight "
                       << shape_str(weight.sizes()) << ", but got " << weight.dim() << "-dimensional input of size "
                       << shape_str(input.sizes()) << " instead");
  for (auto [i, name] : {std::pair{3, "stride"}, {4, "padding"}, {5, "dilation"}}) check_conv_param(a[i].to_int_list(), name);
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
                                   << g.out_channels << " elements, but got bias of size "
                                   << shape_str(bias.sizes()) << " instead");
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

std::vector<TensorMeta> conv2d_shape(const Stack& a) {
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
  Stack args;
  for (std::size_t i = 0; i < ctx.num_args(); ++i) args.push_back(ctx.arg(i));
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

std::vector<TensorMeta> max_pool2d_shape(const Stack& a) {
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
  Stack args;
  for (std::size_t i = 0; i < ctx.num_args(); ++i) args.push_back(ctx.arg(i));
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

std::vector<TensorMeta> avg_pool2d_shape(const Stack& a) {
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
  Stack args;
  for (std::size_t i = 0; i < ctx.num_args(); ++i) args.push_back(ctx.arg(i));
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
}

}  // namespace defs
}  // namespace paratrace
