#pragma once
// Nodes of the backward graph (PyTorch's torch::autograd::Node). A tensor's
// grad_fn is the Node that produced it; its edges point at the grad_fns of
// the inputs (or at AccumulateGrad for leaves).
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "paratrace/tensor/tensor.h"
#include "paratrace/util/small_vector.h"

namespace paratrace::autograd {

class Node;

struct Edge {
  std::shared_ptr<Node> function;
  std::uint32_t input_nr = 0;
  bool valid() const { return function != nullptr; }
};
// One edge per differentiable input; ops rarely have more than four.
using EdgeList = SmallVector<Edge, 4>;

class Node : public std::enable_shared_from_this<Node> {
 public:
  Node();
  virtual ~Node() = default;
  Node(const Node&) = delete;
  Node& operator=(const Node&) = delete;

  // Gradients w.r.t. the inputs (one per next edge) from gradients w.r.t. the
  // outputs (one per input slot of this node).
  virtual TensorList apply(TensorList&& grad_outputs) = 0;
  // "MulBackward0", "AccumulateGrad" — as PyTorch prints grad_fn.
  virtual std::string name() const = 0;
  // Frees saved tensors after a backward without retain_graph.
  virtual void release_variables() {}

  const EdgeList& next_edges() const { return next_edges_; }
  void set_next_edges(EdgeList edges) { next_edges_ = std::move(edges); }
  std::uint64_t sequence_nr() const { return sequence_nr_; }

  // Shape and dtype each incoming gradient must have (one per forward output).
  struct InputMeta {
    Shape sizes;
    ScalarType dtype;
  };
  using InputMetaList = SmallVector<InputMeta, 1>;  // nearly every op has one output
  const InputMetaList& input_metadata() const { return input_metadata_; }
  void add_input_metadata(const Tensor& t) { input_metadata_.push_back({t.sizes(), t.dtype()}); }

  // Non-leaf tensors (by output slot) whose .grad should be kept (retain_grad()).
  std::vector<std::weak_ptr<TensorImpl>>& retained_outputs() { return retained_; }

 private:
  EdgeList next_edges_;
  InputMetaList input_metadata_;
  std::vector<std::weak_ptr<TensorImpl>> retained_;
  std::uint64_t sequence_nr_;
};

// Sink for a leaf's gradient: adds into tensor.grad.
class AccumulateGrad : public Node {
 public:
  explicit AccumulateGrad(std::shared_ptr<TensorImpl> variable);
  TensorList apply(TensorList&& grad_outputs) override;
  std::string name() const override { return "AccumulateGrad"; }
  const std::shared_ptr<TensorImpl>& variable() const { return variable_; }

 private:
  std::shared_ptr<TensorImpl> variable_;
};

// The edge a gradient for `t` flows along: its grad_fn, or its AccumulateGrad
// for a leaf that requires grad; invalid otherwise.
Edge gradient_edge(const Tensor& t);

}  // namespace paratrace::autograd
