// Backward execution: dependency counting over the reachable graph, then a
// walk in reverse creation order (highest sequence number first, as PyTorch's
// engine does on one device), summing gradients per node input.
#include "paratrace/autograd/engine.h"

#include <algorithm>
#include <cstdint>
#include <queue>

#include "../ops/kernels/tensor_alloc.h"
#include "paratrace/autograd/grad_mode.h"
#include "paratrace/autograd/node.h"
#include "paratrace/tensor/factories.h"
#include "paratrace/tensor/ops.h"

namespace paratrace::autograd {

namespace {

void add_into(Tensor& slot, const Tensor& g) {
  if (!g.defined()) return;
  slot = slot.defined() ? slot + g : g;
}

// Checks (and where PyTorch does, fixes up) one gradient flowing into `target`.
Tensor validate_grad(const Node& producer, std::size_t index, const Edge& edge, Tensor g) {
  const auto& metas = edge.function->input_metadata();
  if (edge.input_nr >= metas.size()) return g;
  const Node::InputMeta& m = metas[edge.input_nr];
  if (g.sizes() != m.sizes) {
    throw RuntimeError("Function " + producer.name() + " returned an invalid gradient at index " +
                       std::to_string(index) + " - got " + kernels::shape_str(g.sizes()) +
                       " but expected shape compatible with " + kernels::shape_str(m.sizes));
  }
  if (g.dtype() != m.dtype && is_floating_point(m.dtype)) g = g.to(m.dtype);
  return g;
}

void store_retained(Node& node, const TensorList& grads) {
  auto& retained = node.retained_outputs();
  for (std::size_t i = 0; i < retained.size() && i < grads.size(); ++i) {
    auto impl = retained[i].lock();
    if (!impl || !grads[i].defined()) continue;
    impl->grad = impl->grad ? (Tensor(impl->grad) + grads[i]).impl_ptr() : grads[i].detach().clone().impl_ptr();
  }
}

struct Capture {
  Node* function;
  std::uint32_t input_nr;
};

// The nodes reachable from the roots, numbered in discovery order. Node*
// lookups go through a small open-addressing table, so a backward call costs
// a few flat arrays instead of a hash-map entry per node and map.
class GraphNodes {
 public:
  // Graphs up to this size (a training step of a small model) need no heap.
  static constexpr std::size_t kInlineNodes = 16;
  static constexpr std::size_t npos = static_cast<std::size_t>(-1);

  // The index of `n`, numbering it if new; `added` says whether it was.
  std::size_t insert(Node* n, bool& added) {
    if (2 * (nodes_.size() + 1) > slots_.size()) grow();
    std::uint32_t& slot = slots_[slot_of(n)];
    added = slot == 0;
    if (added) {
      nodes_.push_back(n);
      slot = static_cast<std::uint32_t>(nodes_.size());
    }
    return slot - 1;
  }
  // The index of `n`, or npos when it is not in the graph.
  std::size_t find(Node* n) const {
    if (slots_.empty()) return npos;
    const std::uint32_t slot = slots_[slot_of(n)];
    return slot == 0 ? npos : slot - 1;
  }
  Node* operator[](std::size_t i) const { return nodes_[i]; }
  std::size_t size() const { return nodes_.size(); }

 private:
  // The slot holding `n`, or the empty slot where it belongs (linear probing).
  std::size_t slot_of(Node* n) const {
    const std::size_t mask = slots_.size() - 1;
    std::size_t h = (reinterpret_cast<std::uintptr_t>(n) >> 4) * 0x9E3779B97F4A7C15ull;
    for (std::size_t i = (h >> 32) & mask;; i = (i + 1) & mask) {
      if (slots_[i] == 0 || nodes_[slots_[i] - 1] == n) return i;
    }
  }
  void grow() {
    slots_.assign(std::max<std::size_t>(2 * kInlineNodes, 2 * slots_.size()), 0);
    for (std::size_t i = 0; i < nodes_.size(); ++i) slots_[slot_of(nodes_[i])] = static_cast<std::uint32_t>(i + 1);
  }

  SmallVector<Node*, kInlineNodes> nodes_;
  SmallVector<std::uint32_t, 2 * kInlineNodes> slots_;  // 1 + index into nodes_; 0 when empty
};

// Runs the graph from `roots`. With `captures` non-empty (autograd::grad),
// gradients arriving at those edges are returned instead of accumulated.
TensorList run(const TensorList& roots, const TensorList& root_grads, bool keep_graph, bool create_graph,
               const std::vector<Capture>& captures) {
  EdgeList root_edges;
  for (std::size_t i = 0; i < roots.size(); ++i) {
    Edge e = gradient_edge(roots[i]);
    PT_CHECK(e.valid(), RuntimeError,
             "element " << i << " of tensors does not require grad and does not have a grad_fn");
    root_edges.push_back(e);
  }

  // Dependencies: number of incoming edges from reachable nodes.
  GraphNodes graph;
  // Per-node arrays, indexed like `graph`.
  SmallVector<int, GraphNodes::kInlineNodes> deps;
  {
    SmallVector<std::size_t, GraphNodes::kInlineNodes> stack;
    bool added = false;
    for (const Edge& e : root_edges) {
      const std::size_t i = graph.insert(e.function.get(), added);
      if (added) {
        deps.push_back(0);
        stack.push_back(i);
      }
    }
    while (!stack.empty()) {
      Node* n = graph[stack.back()];
      stack.pop_back();
      for (const Edge& e : n->next_edges()) {
        if (!e.valid()) continue;
        const std::size_t i = graph.insert(e.function.get(), added);
        if (added) {
          deps.push_back(0);
          stack.push_back(i);
        }
        ++deps[i];
      }
    }
  }

  // For grad(): only nodes that lead to a captured edge need to run.
  const bool capturing = !captures.empty();
  std::vector<char> needed;
  if (capturing) {
    std::vector<char> target(graph.size(), 0);
    for (const Capture& c : captures) {
      if (const std::size_t i = graph.find(c.function); i != GraphNodes::npos) target[i] = 1;
    }
    // Sweep a topological order (Kahn's, parents first) backwards, so every
    // node is decided after all of its children. (Discovery order is not
    // enough: a node can be discovered before a parent that reaches it.)
    std::vector<std::size_t> order;
    std::vector<int> pending = deps;
    for (std::size_t i = 0; i < graph.size(); ++i)
      if (pending[i] == 0) order.push_back(i);
    for (std::size_t k = 0; k < order.size(); ++k) {
      for (const Edge& e : graph[order[k]]->next_edges()) {
        if (!e.valid()) continue;
        const std::size_t i = graph.find(e.function.get());
        if (--pending[i] == 0) order.push_back(i);
      }
    }
    needed.assign(graph.size(), 0);
    for (auto n = order.rbegin(); n != order.rend(); ++n) {
      for (const Edge& e : graph[*n]->next_edges()) {
        if (!e.valid()) continue;
        const std::size_t i = graph.find(e.function.get());
        if (target[i] || needed[i]) {
          needed[*n] = 1;
          break;
        }
      }
    }
  }

  TensorList results(captures.size());
  SmallVector<TensorList, GraphNodes::kInlineNodes> buffers(graph.size());
  auto buffer_for = [&](std::size_t i) -> TensorList& {
    TensorList& b = buffers[i];
    if (b.size() < graph[i]->input_metadata().size()) b.resize(graph[i]->input_metadata().size());
    if (b.empty()) b.resize(1);
    return b;
  };
  for (std::size_t i = 0; i < root_edges.size(); ++i) {
    add_into(buffer_for(graph.find(root_edges[i].function.get()))[root_edges[i].input_nr], root_grads[i]);
  }

  // Ready nodes, highest sequence number first.
  auto later = [&graph](std::size_t a, std::size_t b) { return graph[a]->sequence_nr() < graph[b]->sequence_nr(); };
  std::priority_queue<std::size_t, SmallVector<std::size_t, GraphNodes::kInlineNodes>, decltype(later)> ready(later);
  for (std::size_t r = 0; r < root_edges.size(); ++r) {
    const std::size_t i = graph.find(root_edges[r].function.get());
    bool queued = false;
    for (std::size_t q = 0; q < r; ++q) queued = queued || root_edges[q].function == root_edges[r].function;
    if (deps[i] == 0 && !queued) ready.push(i);
  }

  struct RestoreGradMode {
    bool prev;
    ~RestoreGradMode() { GradMode::set_enabled(prev); }
  } restore{GradMode::is_enabled()};
  GradMode::set_enabled(create_graph);

  while (!ready.empty()) {
    const std::size_t index = ready.top();
    ready.pop();
    Node* node = graph[index];
    TensorList inputs = std::move(buffer_for(index));

    for (std::size_t c = 0; c < captures.size(); ++c) {
      if (captures[c].function == node && captures[c].input_nr < inputs.size()) {
        add_into(results[c], inputs[captures[c].input_nr]);
      }
    }
    if (capturing && !needed[index]) continue;

    // Slots that received nothing get zeros, so formulas need not special-case them.
    const auto& metas = node->input_metadata();
    for (std::size_t i = 0; i < inputs.size() && i < metas.size(); ++i) {
      if (!inputs[i].defined() && is_floating_point(metas[i].dtype)) {
        inputs[i] = zeros(metas[i].sizes, metas[i].dtype);
      }
    }
    store_retained(*node, inputs);

    TensorList outputs = node->apply(std::move(inputs));
    if (!keep_graph) node->release_variables();

    const auto& edges = node->next_edges();
    for (std::size_t i = 0; i < edges.size(); ++i) {
      const Edge& e = edges[i];
      if (!e.valid()) continue;
      const std::size_t next = graph.find(e.function.get());
      if (i < outputs.size() && outputs[i].defined()) {
        add_into(buffer_for(next)[e.input_nr], validate_grad(*node, i, e, std::move(outputs[i])));
      }
      if (--deps[next] == 0) ready.push(next);
    }
  }
  return results;
}

TensorList make_root_grads(const TensorList& tensors, const TensorList& grads) {
  PT_CHECK(grads.empty() || grads.size() == tensors.size(), RuntimeError,
           "got " << grads.size() << " gradients for " << tensors.size() << " tensors");
  TensorList out;
  for (std::size_t i = 0; i < tensors.size(); ++i) {
    Tensor g = grads.empty() ? Tensor() : grads[i];
    if (!g.defined()) {
      PT_CHECK(tensors[i].numel() == 1, RuntimeError, "grad can be implicitly created only for scalar outputs");
      g = ones_like(tensors[i]);
    } else {
      PT_CHECK(g.sizes() == tensors[i].sizes(), RuntimeError,
               "Mismatch in shape: grad_output[" << i << "] has a shape of " << kernels::shape_str(g.sizes())
                                                 << " and output[" << i << "] has a shape of "
                                                 << kernels::shape_str(tensors[i].sizes()) << ".");
    }
    out.push_back(g);
  }
  return out;
}

}  // namespace

void backward(const TensorList& tensors, const TensorList& grad_tensors, bool retain_graph, bool create_graph) {
  run(tensors, make_root_grads(tensors, grad_tensors), retain_graph || create_graph, create_graph, {});
}

TensorList grad(const TensorList& outputs, const TensorList& inputs, const TensorList& grad_outputs,
                bool retain_graph, bool create_graph, bool allow_unused) {
  std::vector<Capture> captures;
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    Edge e = gradient_edge(inputs[i]);
    PT_CHECK(e.valid(), RuntimeError, "One of the differentiated Tensors does not require grad");
    captures.push_back({e.function.get(), e.input_nr});
  }
  // Keep the accumulators of leaf inputs alive while the graph runs.
  std::vector<std::shared_ptr<Node>> keep;
  for (const Tensor& t : inputs) keep.push_back(gradient_edge(t).function);
  TensorList result =
      run(outputs, make_root_grads(outputs, grad_outputs), retain_graph || create_graph, create_graph, captures);
  for (std::size_t i = 0; i < result.size(); ++i) {
    PT_CHECK(result[i].defined() || allow_unused, RuntimeError,
             "One of the differentiated Tensors appears to not have been used in the graph. Set allow_unused=True "
             "if this is the desired behavior.");
  }
  return result;
}

}  // namespace paratrace::autograd
