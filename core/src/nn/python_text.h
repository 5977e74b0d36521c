#pragma once
// Text helpers for nn's messages, which print dtypes and shapes as
// Python does ("torch.float32", "torch.Size([3, 4])").
#include <string>

#include "ops/kernels/tensor_alloc.h"
#include "paratrace/ops/ivalue.h"

namespace paratrace::nn::detail {

inline std::string torch_size(const Shape& shape) { return "torch.Size(" + kernels::shape_str(shape) + ")"; }
inline std::string torch_dtype(ScalarType t) { return std::string(dtype_name(t)); }

// type(x).__name__ of the Python object an IValue stands for.
inline std::string python_type_name(const IValue& v) {
  if (v.is_none()) return "NoneType";
  if (v.is_tensor()) return "Tensor";
  if (v.is_tuple()) return "tuple";
  if (v.is_dict()) return "dict";
  if (v.is_list() || v.is_int_list() || v.is_double_list() || v.is_bool_list() || v.is_tensor_list()) return "list";
  return v.type_name();
}

}  // namespace paratrace::nn::detail
