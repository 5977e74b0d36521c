// Python indexing (x[...]) in the op sequence PyTorch records: basic indices
// become views (slice, select, unsqueeze), tensor indices one aten::index.
#include "paratrace/tensor/indexing.h"

#include "paratrace/tensor/factories.h"
#include "paratrace/tensor/ops.h"

namespace paratrace {

namespace {

struct Indexed {
  Tensor view;                                    // after the basic indices
  std::vector<std::optional<Tensor>> advanced;    // per dim of `view`, for aten::index
  bool has_advanced = false;
};

// Applies basic indices left to right, collecting tensor indices per result dim.
Indexed apply_basic(const Tensor& self, const std::vector<TensorIndex>& indices) {
  std::int64_t consumed = 0;  // dims of self that the indices address
  for (const TensorIndex& i : indices) {
    if (i.is_integer() || i.is_slice()) ++consumed;
    else if (i.is_tensor()) consumed += i.tensor().dtype() == ScalarType::Bool ? i.tensor().dim() : 1;
  }
  PT_CHECK(consumed <= self.dim(), IndexError,
           "too many indices for tensor of dimension " << self.dim());
  Indexed r{self, {}, false};
  std::int64_t dim = 0;
  bool seen_ellipsis = false;
  for (const TensorIndex& i : indices) {
    if (i.is_ellipsis()) {
      PT_CHECK(!seen_ellipsis, IndexError, "an index can only have a single ellipsis ('...')");
      seen_ellipsis = true;
      const std::int64_t skip = self.dim() - consumed;
      for (std::int64_t k = 0; k < skip; ++k) r.advanced.push_back(std::nullopt);
      dim += skip;
    } else if (i.is_integer()) {
      r.view = select(r.view, dim, i.integer());
    } else if (i.is_slice()) {
      const Slice& s = i.slice();
      r.view = slice(r.view, dim, s.start.value_or(0), s.stop.value_or(INT64_MAX), s.step);
      r.advanced.push_back(std::nullopt);
      ++dim;
    } else if (i.is_none()) {
      r.view = unsqueeze(r.view, dim);
      r.advanced.push_back(std::nullopt);
      ++dim;
    } else if (i.is_boolean()) {
      // x[True] adds a unit dim; x[False] adds an empty one.
      r.view = unsqueeze(r.view, dim);
      if (!i.boolean()) {
        r.advanced.push_back(zeros({0}, ScalarType::Int64));
        r.has_advanced = true;
      } else {
        r.advanced.push_back(std::nullopt);
      }
      ++dim;
    } else {
      const Tensor& t = i.tensor();
      r.advanced.push_back(t);
      r.has_advanced = true;
      const std::int64_t span = t.dtype() == ScalarType::Bool ? std::max<std::int64_t>(t.dim(), 1) : 1;
      // A bool mask over k dims occupies k positions of the index list (the op expands it).
      dim += span;
    }
  }
  return r;
}

}  // namespace

Tensor apply_indices(const Tensor& self, const std::vector<TensorIndex>& indices) {
  Indexed r = apply_basic(self, indices);
  if (!r.has_advanced) return r.view;
  while (!r.advanced.empty() && !r.advanced.back()) r.advanced.pop_back();
  return index(r.view, r.advanced);
}

void assign_indices(const Tensor& self, const std::vector<TensorIndex>& indices, const Tensor& value) {
  Indexed r = apply_basic(self, indices);
  if (!r.has_advanced) {
    r.view.copy_(value);
    return;
  }
  while (!r.advanced.empty() && !r.advanced.back()) r.advanced.pop_back();
  r.view.index_put_(r.advanced, value.to(self.dtype()));
}

}  // namespace paratrace
