// Tensor's own state handling (metadata, autograd flags, set_data). The
// op-forwarding methods are in tensor_methods.cpp.
#include "paratrace/tensor/tensor.h"

#include "../ops/kernels/tensor_alloc.h"
#include "paratrace/autograd/engine.h"
#include "paratrace/autograd/node.h"
#include "paratrace/ops/trace_hook.h"
#include "paratrace/tensor/ops.h"

namespace paratrace {

// A dim already in range (the common case) skips wrap_dim's checks.
std::int64_t Tensor::size(std::int64_t d) const {
  const Shape& s = sizes();
  return d >= 0 && d < static_cast<std::int64_t>(s.size()) ? s[d] : s[kernels::wrap_dim(d, dim())];
}
SymInt Tensor::sym_size(std::int64_t d) const {
  const std::int64_t value = size(d);
  TraceHook* hook = active_trace_hook();
  return hook ? SymInt(value, hook->record_size(*this, d)) : SymInt(value);
}

std::vector<SymInt> Tensor::sym_sizes() const {
  std::vector<SymInt> out;
  for (std::int64_t d = 0; d < dim(); ++d) out.push_back(sym_size(d));
  return out;
}

std::int64_t Tensor::stride(std::int64_t d) const {
  const Shape& s = strides();
  return d >= 0 && d < static_cast<std::int64_t>(s.size()) ? s[d] : s[kernels::wrap_dim(d, dim())];
}

Scalar Tensor::item() const {
  trace_value_escaped("Python number");
  PT_CHECK(numel() == 1, RuntimeError,
           "a Tensor with " << numel() << " elements cannot be converted to Scalar");
  return dispatch_dtype(dtype(), [&]<typename T>() -> Scalar {
    const T v = *static_cast<const T*>(raw_data());
    if constexpr (std::is_same_v<T, bool>) return Scalar(v);
    else if constexpr (std::is_floating_point_v<T>) return Scalar(static_cast<double>(v));
    else return Scalar(static_cast<std::int64_t>(v));
  });
}

template <typename T> std::vector<T> Tensor::to_vector() const {
  trace_value_escaped("Python list");
  Tensor c = kernels::contiguous_as(*this, scalar_type_of<T>);
  const T* p = c.data_ptr<T>();
  return std::vector<T>(p, p + c.numel());
}
template std::vector<bool> Tensor::to_vector<bool>() const;
template std::vector<std::uint8_t> Tensor::to_vector<std::uint8_t>() const;
template std::vector<std::int64_t> Tensor::to_vector<std::int64_t>() const;
template std::vector<float> Tensor::to_vector<float>() const;
template std::vector<double> Tensor::to_vector<double>() const;

Tensor& Tensor::requires_grad_(bool requires_grad) {
  TensorImpl& i = checked();
  if (!requires_grad && i.grad_fn) {
    throw RuntimeError(
        "you can only change requires_grad flags of leaf variables. If you want to use a computed variable in a "
        "subgraph that doesn't require differentiation use var_no_grad = var.detach().");
  }
  PT_CHECK(!requires_grad || paratrace::is_floating_point(i.dtype), RuntimeError,
           "only Tensors of floating point dtype can require gradients");
  i.requires_grad = requires_grad;
  return *this;
}

Tensor Tensor::grad() const {
  const TensorImpl& i = checked();
  return i.grad ? Tensor(i.grad) : Tensor();
}

void Tensor::set_grad(const Tensor& g) const {
  if (g.defined()) {
    PT_CHECK(g.sizes() == sizes(), RuntimeError,
             "assigned grad has data of a different size: " << kernels::shape_str(g.sizes()) << " vs "
                                                            << kernels::shape_str(sizes()));
  }
  checked().grad = g.impl_ptr();
}

void Tensor::retain_grad() const {
  TensorImpl& i = checked();
  PT_CHECK(i.requires_grad || i.grad_fn, RuntimeError, "can't retain_grad on Tensor that has requires_grad=False");
  if (!i.grad_fn || i.retains_grad) return;
  auto& slots = i.grad_fn->retained_outputs();
  if (slots.size() <= i.output_nr) slots.resize(i.output_nr + 1);
  slots[i.output_nr] = impl_;
  i.retains_grad = true;
}

void Tensor::backward(const Tensor& gradient, bool retain_graph, bool create_graph) const {
  autograd::backward({*this}, {gradient}, retain_graph, create_graph);
}

Tensor Tensor::detach() const { return paratrace::detach(*this); }

Tensor& Tensor::detach_() {
  TensorImpl& i = checked();
  i.grad_fn.reset();
  i.output_nr = 0;
  i.requires_grad = false;
  return *this;
}

void Tensor::set_data(const Tensor& other) const {
  TensorImpl& i = checked();
  const TensorImpl& o = *other.impl();
  i.storage = o.storage;
  i.storage_offset = o.storage_offset;
  i.sizes = o.sizes;
  i.strides = o.strides;
  i.dtype = o.dtype;
  i.view_base = o.view_base;
  i.storage->bump_version();
}

std::ostream& operator<<(std::ostream& os, const Tensor& t) { return os << t.to_string(); }

}  // namespace paratrace
