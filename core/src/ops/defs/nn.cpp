#include "define_ops.h"

namespace paratrace::defs {

void define_nn_ops(OpTable&) {}

}  // namespace paratrace::defs
