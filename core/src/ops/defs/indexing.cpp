#include "define_ops.h"

namespace paratrace::defs {

void define_indexing_ops(OpTable&) {}

}  // namespace paratrace::defs
