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

template <typename Draw> Tensor random_tensor(const Shape& size, ScalarType dt, Draw draw) {
  PT_CHECK(is_floating_point(dt), RuntimeError,
           "\"check_uniform_bounds\" not implemented for '" << ir_type_name(dt) << "'");
  Tensor t = kernels::make_tensor(size, dt);
  Generator& g = default_generator();
  dispatch_floating(dt, [&]<typename T>() {
    T* p = t.data_ptr<T>();
    for (std::int64_t i = 0; i < t.numel(); ++i) p[i] = static_cast<T>(draw(g));
  });
  return t;
}

// aten::rand(int[] size, *, ScalarType? dtype, ...)
std::vector<TensorMeta> size_dtype_shape(const Stack& a) { return {{a[0].to_int_list(), dtype_arg(a, 1)}}; }
Stack rand_forward(const Stack& a) {
  return {random_tensor(a[0].to_int_list(), dtype_arg(a, 1), [](Generator& g) { return g.uniform(0.0, 1.0); })};
}
Stack randn_forward(const Stack& a) {
  return {random_tensor(a[0].to_int_list(), dtype_arg(a, 1), [](Generator& g) { return g.normal(0.0, 1.0); })};
}
Stack rand_like_forward(const Stack& a) {
  const TensorMeta m = like_shape(a)[0];
  return {random_tensor(m.sizes, m.dtype, [](Generator& g) { return g.uniform(0.0, 1.0); })};
}
Stack randn_like_forward(const Stack& a) {
  const TensorMeta m = like_shape(a)[0];
  return {random_tensor(m.sizes, m.dtype, [](Generator& g) { return g.normal(0.0, 1.0); })};
}

// aten::randint.low(int low, int high, int[] size, *, ScalarType? dtype=long, ...)
std::vector<TensorMeta> randint_shape(const Stack& a) {
  PT_CHECK(a[0].to_int() < a[1].to_int(), RuntimeError,
           "random_ expects 'from' to be less than 'to', but got from=" << a[0].to_int()
                                                                        << " >= to=" << a[1].to_int());
  return {{a[2].to_int_list(), dtype_arg(a, 3, ScalarType::Int64)}};
}
Stack randint_forward(const Stack& a) {
  const TensorMeta m = randint_shape(a)[0];
  Tensor t = kernels::make_tensor(m.sizes, m.dtype);
  Generator& g = default_generator();
  const std::int64_t lo = a[0].to_int(), hi = a[1].to_int();
  dispatch_dtype(m.dtype, [&]<typename T>() {
    T* p = t.data_ptr<T>();
    for (std::int64_t i = 0; i < t.numel(); ++i) p[i] = static_cast<T>(g.randint(lo, hi));
  });
  return {t};
}

// aten::randperm(int n, *, ScalarType? dtype=long, ...)
std::vector<TensorMeta> randperm_shape(const Stack& a) {
  PT_CHECK(a[0].to_int() >= 0, RuntimeError, "n must be non-negative, got" << a[0].to_int());
  return {{{a[0].to_int()}, dtype_arg(a, 1, ScalarType::Int64)}};
}
Stack randperm_forward(const Stack& a) {
  const TensorMeta m = randperm_shape(a)[0];
  std::vector<std::int64_t> v(static_cast<std::size_t>(m.sizes[0]));
  std::iota(v.begin(), v.end(), std::int64_t{0});
  std::shuffle(v.begin(), v.end(), default_generator().engine());
  Tensor t = kernels::make_tensor(m.sizes, m.dtype);
  dispatch_dtype(m.dtype, [&]<typename T>() { std::transform(v.begin(), v.end(), t.data_ptr<T>(), [](auto x) { return static_cast<T>(x); }); });
  return {t};
}

// In-place sampling used by init: aten::uniform_(self, from, to), aten::normal_(self, mean, std).
Stack uniform_forward(const Stack& a) {
  const Tensor& x = a[0].to_tensor();
  const double lo = a[1].to_double(), hi = a[2].to_double();
  PT_CHECK(lo <= hi, RuntimeError, "uniform_ expects to return a [from, to) range, but found from=" << lo << " > to=" << hi);
  kernels::copy_kernel(x, random_tensor(x.sizes(), x.dtype(), [&](Generator& g) { return g.uniform(lo, hi); }));
  return {x};
}
Stack normal_forward(const Stack& a) {
  const Tensor& x = a[0].to_tensor();
  const double mean = a[1].to_double(), sd = a[2].to_double();
  PT_CHECK(sd >= 0.0, RuntimeError, "normal expects std >= 0.0, but found std " << sd);
  kernels::copy_kernel(x, random_tensor(x.sizes(), x.dtype(), [&](Generator& g) { return g.normal(mean, sd); }));
  return {x};
}

}  // namespace

Tensor rand(const IntList& size, TensorOptions o) {
  return call_op1(OpKind::rand, {size, o.dtype}).requires_grad_(o.requires_grad);
}
Tensor randn(const IntList& size, TensorOptions o) {
  return call_op1(OpKind::randn, {size, o.dtype}).requires_grad_(o.requires_grad);
}
Tensor rand_like(const Tensor& t) { return call_op1(OpKind::rand_like, {t, IValue()}); }
Tensor randn_like(const Tensor& t) { return call_op1(OpKind::randn_like, {t, IValue()}); }
Tensor randint(std::int64_t low, std::int64_t high, const IntList& size, TensorOptions o) {
  return call_op1(OpKind::randint, {low, high, size, o.dtype});
}
Tensor randperm(std::int64_t n) { return call_op1(OpKind::randperm, {n, ScalarType::Int64}); }

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
