#include "define_ops.h"

namespace paratrace::defs {

void define_linalg_ops(OpTable&) {}

}  // namespace paratrace::defs
