#pragma once
// The shared state behind a Tensor handle. Copying a Tensor copies the handle
// (aliasing this object); identity of a tensor is identity of its impl, which
// is what parametrize relies on when it keeps `original` the same object.
#include <cstdint>
#include <memory>
#include <vector>

#include "paratrace/tensor/scalar_type.h"
#include "paratrace/tensor/storage.h"
#include "paratrace/util/small_vector.h"

namespace paratrace {

// Sizes or strides: dims are kept inline up to six, the common case, so
// creating a tensor does not allocate for its geometry.
using Shape = SmallVector<std::int64_t, 6>;

namespace autograd {
class Node;
}

class TensorImpl {
 public:
  std::shared_ptr<Storage> storage;
  std::int64_t storage_offset = 0;  // in elements
  Shape sizes;
  Shape strides;  // in elements
  ScalarType dtype = ScalarType::Float32;

  // A 0-dim tensor made from a C++ number for an op; it takes part in type
  // promotion with the lowest priority, as PyTorch's "wrapped numbers" do.
  bool is_wrapped_number = false;

  // Autograd state.
  bool requires_grad = false;
  bool retains_grad = false;
  std::shared_ptr<TensorImpl> grad;
  std::shared_ptr<autograd::Node> grad_fn;  // null for leaves
  std::uint32_t output_nr = 0;
  std::weak_ptr<autograd::Node> grad_accumulator;

  // Set on views (transpose, slice ...): the tensor whose storage is aliased.
  std::shared_ptr<TensorImpl> view_base;

  std::int64_t numel() const {
    std::int64_t n = 1;
    for (auto s : sizes) n *= s;
    return n;
  }
  bool is_contiguous() const;
  void* data() const {
    return static_cast<char*>(storage->data()) + storage_offset * static_cast<std::int64_t>(element_size(dtype));
  }
};

// Row-major strides for `sizes`.
Shape contiguous_strides(const Shape& sizes);

}  // namespace paratrace
