#pragma once
// One function per op group; each defines its ops in the table (see op_list.h
// for which op lives in which file).
#include "paratrace/ops/op.h"

namespace paratrace::defs {

void define_pointwise_binary_ops(OpTable& t);
void define_pointwise_unary_ops(OpTable& t);
void define_reduction_ops(OpTable& t);
void define_shape_ops(OpTable& t);
void define_indexing_ops(OpTable& t);
void define_matmul_ops(OpTable& t);
void define_linalg_ops(OpTable& t);
void define_linalg_decomposition_ops(OpTable& t);
void define_nn_ops(OpTable& t);
void define_factory_ops(OpTable& t);
void define_range_factory_ops(OpTable& t);
void define_random_factory_ops(OpTable& t);

inline void define_all_ops(OpTable& t) {
  define_pointwise_binary_ops(t);
  define_pointwise_unary_ops(t);
  define_reduction_ops(t);
  define_shape_ops(t);
  define_indexing_ops(t);
  define_matmul_ops(t);
  define_linalg_ops(t);
  define_linalg_decomposition_ops(t);
  define_nn_ops(t);
  define_factory_ops(t);
  define_range_factory_ops(t);
  define_random_factory_ops(t);
}

}  // namespace paratrace::defs
