// Factories and in-place fills drawing from the default generator. They are
// marked nondeterministic for the trace checker.
#include <algorithm>
#include <numeric>

#include "../kernels/tensor_alloc.h"
#include "common_rules.h"
#include "define_ops.h"
#include "factory_args.h"
#include "paratrace/tensor/factories.h"
#include "paratrace/tensor/generator.h"

namespace paratrace {
namespace {

using factory::dtype_arg;
using factory::like_shape;

// PyTorch's kernels only exist for floating types; the error names the kernel.
constexpr const char* kUniformKernel = "check_uniform_bounds";
constexpr const char* kNormalKernel = "normal_kernel_cpu";
void check_floating(ScalarType dt, const char* kernel) {
  PT_CHECK(is_floating_point(dt), RuntimeError, '"' << kernel << "\" not implemented for '" << ir_type_name(dt) << "'");
}

// draw(generator) is called as draw.template operator()<T>(g) so uniform draws can use T's precision.
template <typename Draw> Tensor random_tensor(const Shape& size, ScalarType dt, const char* kernel, Draw draw) {
  Tensor t = kernels::make_tensor(size, dt);
  check_floating(dt, kernel);
  Generator& g = default_generator();
  dispatch_floating(dt, [&]<typename T>() {
    T* p = t.data_ptr<T>();
    for (std::int64_t i = 0; i < t.numel(); ++i) p[i] = static_cast<T>(draw.template operator()<T>(g));
  });
  return t;
}
auto uniform_draw(double from, double to) {
  return [from, to]<typename T>(Generator& g) { return g.uniform<T>(from, to); };
}
auto normal_draw(double mean, double std) {
  return [mean, std]<typename>(Generator& g) { return g.normal(mean, std); };
}

// aten::rand(int[] size, *, ScalarType? dtype, ...)
MetaList size_dtype_shape(const Stack& a) { return {{a[0].to_int_list(), dtype_arg(a, 1)}}; }
Stack rand_forward(const Stack& a) {
  return {random_tensor(a[0].to_int_list(), dtype_arg(a, 1), kUniformKernel, uniform_draw(0.0, 1.0))};
}
Stack randn_forward(const Stack& a) {
  return {random_tensor(a[0].to_int_list(), dtype_arg(a, 1), kNormalKernel, normal_draw(0.0, 1.0))};
}
Stack rand_like_forward(const Stack& a) {
  const TensorMeta m = like_shape(a)[0];
  return {random_tensor(m.sizes, m.dtype, kUniformKernel, uniform_draw(0.0, 1.0))};
}
Stack randn_like_forward(const Stack& a) {
  const TensorMeta m = like_shape(a)[0];
  return {random_tensor(m.sizes, m.dtype, kNormalKernel, normal_draw(0.0, 1.0))};
}

// random_(from, to)'s checks: an integral dtype must hold both from and to - 1.
void check_random_range(std::int64_t from, std::int64_t to, ScalarType dt) {
  PT_CHECK(from < to, RuntimeError,
           "random_ expects 'from' to be less than 'to', but got from=" << from << " >= to=" << to);
  if (dt != ScalarType::UInt8 && dt != ScalarType::Bool) return;  // int64 holds any int64; floats only warn
  const std::int64_t max = dt == ScalarType::UInt8 ? 255 : 1;
  const char* type = dt == ScalarType::UInt8 ? "unsigned char" : "bool";
  PT_CHECK(from >= 0 && from <= max, RuntimeError, "from is out of bounds for " << type);
  PT_CHECK(to - 1 >= 0 && to - 1 <= max, RuntimeError, "to - 1 is out of bounds for " << type);
}

// aten::randint.low(int low, int high, int[] size, *, ScalarType? dtype=long, ...): empty(size) then random_(low, high).
MetaList randint_shape(const Stack& a) {
  const TensorMeta m{a[2].to_int_list(), dtype_arg(a, 3, ScalarType::Int64)};
  check_random_range(a[0].to_int(), a[1].to_int(), m.dtype);
  return {m};
}
Stack randint_forward(const Stack& a) {
  const ScalarType dt = dtype_arg(a, 3, ScalarType::Int64);
  Tensor t = kernels::make_tensor(a[2].to_int_list(), dt);
  const std::int64_t lo = a[0].to_int(), hi = a[1].to_int();
  check_random_range(lo, hi, dt);
  Generator& g = default_generator();
  dispatch_dtype(dt, [&]<typename T>() {
    T* p = t.data_ptr<T>();
    for (std::int64_t i = 0; i < t.numel(); ++i) p[i] = static_cast<T>(g.randint(lo, hi));
  });
  return {t};
}

// aten::randperm(int n, *, ScalarType? dtype=long, ...): empty(n) first (so a negative n is the
// negative-dimension error), then checks that dtype can hold n - 1 exactly.
void check_randperm(std::int64_t n, ScalarType dt) {
  PT_CHECK(dt != ScalarType::UInt8 || n - 1 <= 255, RuntimeError,
           "value cannot be converted to type uint8_t without overflow");
  PT_CHECK(dt != ScalarType::Float32 || n <= (std::int64_t{1} << 24) + 1, RuntimeError,
           "n cannot be greater than 2^24+1 for Float type.");
  PT_CHECK(dt != ScalarType::Float64 || n <= (std::int64_t{1} << 53) + 1, RuntimeError,
           "n cannot be greater than 2^53+1 for Double type.");
  PT_CHECK(dt != ScalarType::Bool, RuntimeError, "\"randperm\" not implemented for 'Bool'");
}
MetaList randperm_shape(const Stack& a) {
  const TensorMeta m{{a[0].to_int()}, dtype_arg(a, 1, ScalarType::Int64)};
  check_randperm(m.sizes[0], m.dtype);
  return {m};
}
Stack randperm_forward(const Stack& a) {
  const TensorMeta m{{a[0].to_int()}, dtype_arg(a, 1, ScalarType::Int64)};
  Tensor t = kernels::make_tensor(m.sizes, m.dtype);
  check_randperm(m.sizes[0], m.dtype);
  std::vector<std::int64_t> v(static_cast<std::size_t>(m.sizes[0]));
  std::iota(v.begin(), v.end(), std::int64_t{0});
  std::shuffle(v.begin(), v.end(), default_generator().engine());
  dispatch_dtype(m.dtype, [&]<typename T>() {
    std::transform(v.begin(), v.end(), t.data_ptr<T>(), [](std::int64_t x) { return static_cast<T>(x); });
  });
  return {t};
}

// In-place sampling used by init: aten::uniform_(self, from, to), aten::normal_(self, mean, std).
Stack uniform_forward(const Stack& a) {
  const Tensor& x = a[0].to_tensor();
  const double lo = a[1].to_double(), hi = a[2].to_double();
  check_floating(x.dtype(), kUniformKernel);  // PyTorch dispatches on the dtype before checking the bounds
  PT_CHECK(lo <= hi, RuntimeError, "uniform_ expects to return a [from, to) range, but found from=" << lo << " > to=" << hi);
  kernels::copy_kernel(x, random_tensor(x.sizes(), x.dtype(), kUniformKernel, uniform_draw(lo, hi)));
  return {x};
}
Stack normal_forward(const Stack& a) {
  const Tensor& x = a[0].to_tensor();
  const double mean = a[1].to_double(), sd = a[2].to_double();
  PT_CHECK(sd >= 0.0, RuntimeError, "normal expects std >= 0.0, but found std " << sd);
  kernels::copy_kernel(x, random_tensor(x.sizes(), x.dtype(), kNormalKernel, normal_draw(mean, sd)));
  return {x};
}

}  // namespace

Tensor rand(const IntList& size, TensorOptions o) {
  return factory::with_requires_grad(call_op1(OpKind::rand, {size, o.dtype}), o.requires_grad);
}
Tensor randn(const IntList& size, TensorOptions o) {
  return factory::with_requires_grad(call_op1(OpKind::randn, {size, o.dtype}), o.requires_grad);
}
Tensor rand_like(const Tensor& t) { return call_op1(OpKind::rand_like, {t, IValue()}); }
Tensor randn_like(const Tensor& t) { return call_op1(OpKind::randn_like, {t, IValue()}); }
Tensor randint(std::int64_t low, std::int64_t high, const IntList& size, TensorOptions o) {
  return factory::with_requires_grad(call_op1(OpKind::randint, {low, high, size, o.dtype}), o.requires_grad);
}
Tensor randperm(std::int64_t n, TensorOptions o) {
  return factory::with_requires_grad(call_op1(OpKind::randperm, {n, o.dtype}), o.requires_grad);
}

namespace defs {

void define_random_factory_ops(OpTable& t) {
  constexpr auto kRandom = kNonDifferentiable | kNondeterministic;
  auto def = [&t](OpKind k, const char* schema, ForwardFn f, ShapeFn sh, std::uint32_t flags) {
    t.def({.kind = k, .schema = schema, .forward = f, .shape = sh, .flags = flags});
  };
  def(OpKind::rand,
      "aten::rand(int[] size, *, ScalarType? dtype=None, Layout? layout=None, Device? device=None, bool? "
      "pin_memory=None) -> Tensor",
      rand_forward, size_dtype_shape, kRandom);
  def(OpKind::randn,
      "aten::randn(int[] size, *, ScalarType? dtype=None, Layout? layout=None, Device? device=None, bool? "
      "pin_memory=None) -> Tensor",
      randn_forward, size_dtype_shape, kRandom);
  def(OpKind::rand_like,
      "aten::rand_like(Tensor self, *, ScalarType? dtype=None, Layout? layout=None, Device? device=None, bool? "
      "pin_memory=None, MemoryFormat? memory_format=None) -> Tensor",
      rand_like_forward, like_shape, kRandom);
  def(OpKind::randn_like,
      "aten::randn_like(Tensor self, *, ScalarType? dtype=None, Layout? layout=None, Device? device=None, bool? "
      "pin_memory=None, MemoryFormat? memory_format=None) -> Tensor",
      randn_like_forward, like_shape, kRandom);
  def(OpKind::randint,
      "aten::randint.low(int low, int high, int[] size, *, ScalarType? dtype=None, Layout? layout=None, Device? "
      "device=None, bool? pin_memory=None) -> Tensor",
      randint_forward, randint_shape, kRandom);
  def(OpKind::randperm,
      "aten::randperm(int n, *, ScalarType? dtype=None, Layout? layout=None, Device? device=None, bool? "
      "pin_memory=None) -> Tensor",
      randperm_forward, randperm_shape, kRandom);
  def(OpKind::uniform_,
      "aten::uniform_(Tensor(a!) self, float from=0., float to=1., *, Generator? generator=None) -> Tensor(a!)",
      uniform_forward, rules::same_shape, kRandom | kInplace);
  def(OpKind::normal_,
      "aten::normal_(Tensor(a!) self, float mean=0., float std=1., *, Generator? generator=None) -> Tensor(a!)",
      normal_forward, rules::same_shape, kRandom | kInplace);
}

}  // namespace defs
}  // namespace paratrace
