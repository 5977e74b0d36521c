#include "define_ops.h"

namespace paratrace::defs {

void define_matmul_ops(OpTable&) {}

}  // namespace paratrace::defs
