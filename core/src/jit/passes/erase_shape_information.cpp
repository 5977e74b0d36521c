// erase_shape_information: PyTorch's EraseShapeInformation, every value of
// every block.
#include "paratrace/jit/passes.h"

namespace paratrace::jit {

namespace {

void erase(Value* v) {
  if (v->type()) v->set_type(v->type()->without_shape());
}

void erase_in_block(Block* block) {
  for (Value* v : block->inputs()) erase(v);
  for (Node* n : block->nodes()) {
    for (Value* v : n->outputs()) erase(v);
    for (Block* b : n->blocks()) erase_in_block(b);
  }
}

}  // namespace

void erase_shape_information(Graph& g) { erase_in_block(g.block()); }

}  // namespace paratrace::jit
