#pragma once
// Reverse-mode differentiation: topological order over the backward graph,
// gradients summed per input, accumulated into leaves' .grad.
#include <vector>

#include "paratrace/tensor/tensor.h"

namespace paratrace::autograd {

// torch.autograd.backward. An undefined gradient for a one-element output
// means ones; for other outputs it is an error, as in PyTorch.
void backward(const TensorList& tensors, const TensorList& grad_tensors = {}, bool retain_graph = false,
              bool create_graph = false);

// torch.autograd.grad: gradients of outputs w.r.t. inputs, without touching .grad.
TensorList grad(const TensorList& outputs, const TensorList& inputs, const TensorList& grad_outputs = {},
                bool retain_graph = false, bool create_graph = false, bool allow_unused = false);

}  // namespace paratrace::autograd
