// Backward execution: dependency counting over the reachable graph, then a
// walk in reverse creation order (highest sequence number first, as PyTorch's
// engine does on one device), summing gradients per node input.
#include "paratrace/autograd/engine.h"

#include <queue>
#include <unordered_map>
#include <unordered_set>

#include "../ops/kernels/tensor_alloc.h"
#include "paratrace/autograd/grad_mode.h"
#include "paratrace/autograd/node.h"
#include "paratrace/tensor/factories.h"
#include "paratrace/tensor/ops.h"

namespace paratrace::autograd {

namespace {

struct NodeOrder {
  bool operator()(const Node* a, const Node* b) const { return a->sequence_nr() < b->sequence_nr(); }
};

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

// Runs the graph from `roots`. With `captures` non-empty (autograd::grad),
// gradients arriving at those edges are returned instead of accumulated.
TensorList run(const TensorList& roots, const TensorList& root_grads, bool keep_graph, bool create_graph,
               const std::vector<Capture>& captures) {
  std::vector<Edge> root_edges;
  for (std::size_t i = 0; i < roots.size(); ++i) {
    Edge e = gradient_edge(roots[i]);
    PT_CHECK(e.valid(), RuntimeError,
             "element " << i << " of tensors does not require grad and does not have a grad_fn");
    root_edges.push_back(e);
  }

  // Dependencies: number of incoming edges from reachable nodes.
  std::unordered_map<Node*, int> deps;
  std::vector<Node*> order;  // DFS discovery order
  {
    std::unordered_set<Node*> seen;
    std::vector<Node*> stack;
    for (const Edge& e : root_edges) {
      if (seen.insert(e.function.get()).second) stack.push_back(e.function.get());
    }
    while (!stack.empty()) {
      Node* n = stack.back();
      stack.pop_back();
      order.push_back(n);
      for (const Edge& e : n->next_edges()) {
        if (!e.valid()) continue;
        ++deps[e.function.get()];
        if (seen.insert(e.function.get()).second) stack.push_back(e.function.get());
      }
    }
  }

  // For grad(): only nodes that lead to a captured edge need to run.
  const bool capturing = !captures.empty();
  std::unordered_set<Node*> needed;
  if (capturing) {
    std::unordered_set<Node*> targets;
    for (const Capture& c : captures) targets.insert(c.function);
    // Nodes were discovered parents-first, so a reverse sweep sees children first.
    for (auto it = order.rbegin(); it != order.rend(); ++it) {
      for (const Edge& e : (*it)->next_edges()) {
        if (e.valid() && (targets.count(e.function.get()) || needed.count(e.function.get()))) {
          needed.insert(*it);
          break;
        }
      }
    }
  }

  TensorList results(captures.size());
  std::unordered_map<Node*, TensorList> buffers;
  auto buffer_for = [&](Node* n) -> TensorList& {
    TensorList& b = buffers[n];
    if (b.size() < n->input_metadata().size()) b.resize(n->input_metadata().size());
    if (b.empty()) b.resize(1);
    return b;
  };
  for (std::size_t i = 0; i < root_edges.size(); ++i) {
    add_into(buffer_for(root_edges[i].function.get())[root_edges[i].input_nr], root_grads[i]);
  }

  std::priority_queue<Node*, std::vector<Node*>, NodeOrder> ready;
  {
    std::unordered_set<Node*> queued;
    for (const Edge& e : root_edges) {
      Node* n = e.function.get();
      if (deps[n] == 0 && queued.insert(n).second) ready.push(n);
    }
  }

  struct RestoreGradMode {
    bool prev;
    ~RestoreGradMode() { GradMode::set_enabled(prev); }
  } restore{GradMode::is_enabled()};
  GradMode::set_enabled(create_graph);

  while (!ready.empty()) {
    Node* node = ready.top();
    ready.pop();
    TensorList inputs = std::move(buffer_for(node));
    buffers.erase(node);

    for (std::size_t c = 0; c < captures.size(); ++c) {
      if (captures[c].function == node && captures[c].input_nr < inputs.size()) {
        add_into(results[c], inputs[captures[c].input_nr]);
      }
    }
    if (capturing && !needed.count(node)) continue;

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
      Node* next = e.function.get();
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
