#include "op_node.h"

#include <cctype>
#include <sstream>

#include "../ops/kernels/tensor_alloc.h"
#include "paratrace/autograd/grad_mode.h"

namespace paratrace::autograd {

std::string backward_node_name(std::string_view op_name) {
  auto pos = op_name.find("::");
  if (pos != std::string_view::npos) op_name.remove_prefix(pos + 2);
  std::string out;
  bool upper = true;
  for (char c : op_name) {
    if (c == '_') {
      upper = true;
      continue;
    }
    out += upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
    upper = false;
  }
  return out + "Backward0";
}

OpNode::OpNode(const OpDef& op, Stack args, Tensor self_before, const Versions& versions)
    : op_(op), args_(std::move(args)), arg_versions_(versions) {
  arg_metas_.resize(args_.size());
  for (std::size_t i = 0; i < args_.size(); ++i) {
    if (args_[i].is_tensor() && args_[i].to_tensor().defined()) {
      const Tensor& t = args_[i].to_tensor();
      arg_metas_[i] = {t.sizes(), t.dtype()};
    }
  }
  EdgeList edges;
  for_each_tensor_input(args_, [&edges](const Tensor& t) { edges.push_back(gradient_edge(t)); });
  set_next_edges(std::move(edges));
  if (self_before.defined()) args_[0] = IValue(std::move(self_before));
}

void OpNode::set_outputs(const Stack& outputs) {
  std::uint32_t nr = 0;
  for (const IValue& o : outputs) {
    const Tensor* t = o.is_tensor() ? &o.to_tensor() : nullptr;
    if (!t || !t->defined()) {
      saved_outputs_.push_back({});
      add_input_metadata(Tensor());
      ++nr;
      continue;
    }
    add_input_metadata(*t);
    saved_outputs_.push_back({kernels::alias_without_history(*t).impl_ptr(), t->version()});
    if (is_floating_point(t->dtype())) {
      TensorImpl* impl = t->impl();
      impl->grad_fn = shared_from_this();
      impl->output_nr = nr;
      impl->requires_grad = true;
    }
    ++nr;
  }
}

void OpNode::check_released() const {
  PT_CHECK(!released_, RuntimeError,
           "Trying to backward through the graph a second time (or directly access saved tensors after they have "
           "already been freed). Saved intermediate values of the graph are freed when you call .backward() or "
           "autograd.grad(). Specify retain_graph=True if you need to backward through the graph a second time or "
           "if you need to access saved tensors after calling backward.");
}

void OpNode::check_version(const Tensor& t, std::uint32_t expected, bool is_output, std::size_t index) const {
  if (t.version() == expected) return;
  std::ostringstream os;
  os << "one of the variables needed for gradient computation has been modified by an inplace operation: [torch."
     << ir_type_name(t.dtype()) << "Tensor " << kernels::shape_str(t.sizes()) << "]";
  if (is_output) {
    os << ", which is output " << index << " of " << name() << ",";
  } else if (t.grad_fn()) {
    os << ", which is output " << t.output_nr() << " of " << t.grad_fn()->name() << ",";
  }
  os << " is at version " << t.version() << "; expected version " << expected
     << " instead. Hint: the backtrace further above can help you find the operation that failed to compute its "
        "gradient.";
  throw RuntimeError(os.str());
}

const IValue& OpNode::arg(std::size_t i) const {
  check_released();
  const IValue& a = args_.at(i);
  // Position of this arg's first tensor in flatten order.
  std::size_t flat = 0;
  for (std::size_t j = 0; j < i; ++j) {
    if (args_[j].is_tensor() && args_[j].to_tensor().defined()) ++flat;
    else if (args_[j].is_tensor_list())
      for (const Tensor& t : args_[j].to_tensor_list()) flat += t.defined();
  }
  if (a.is_tensor() && a.to_tensor().defined()) {
    check_version(a.to_tensor(), arg_versions_.at(flat), false, i);
  } else if (a.is_tensor_list()) {
    for (const Tensor& t : a.to_tensor_list())
      if (t.defined()) check_version(t, arg_versions_.at(flat++), false, i);
  }
  return a;
}

const TensorMeta& OpNode::arg_meta(std::size_t i) const { return arg_metas_.at(i); }

Tensor OpNode::output(std::size_t i) const {
  check_released();
  const auto& impl = saved_outputs_.at(i).alias;
  PT_CHECK(impl != nullptr, RuntimeError, name() << ": output " << i << " is not a tensor");
  Tensor t(impl);
  check_version(t, saved_outputs_[i].version, true, i);
  if (!GradMode::is_enabled()) return t;
  // create_graph: the output must carry its history so that backward formulas
  // using it are differentiable themselves.
  auto alias = std::make_shared<TensorImpl>(*impl);
  alias->grad_fn = std::const_pointer_cast<Node>(shared_from_this());
  alias->output_nr = static_cast<std::uint32_t>(i);
  alias->requires_grad = true;
  return Tensor(std::move(alias));
}

bool OpNode::needs_input_grad(std::size_t i) const {
  return i < next_edges().size() && next_edges()[i].valid();
}

TensorList OpNode::apply(TensorList&& grad_outputs) {
  check_released();
  PT_CHECK(op_.backward != nullptr, NotImplementedError, "no backward for " << op_.name());
  TensorList grads = op_.backward(*this, grad_outputs);
  PT_CHECK(grads.size() == next_edges().size(), RuntimeError,
           "function " << name() << " returned an incorrect number of gradients (expected " << next_edges().size()
                       << ", got " << grads.size() << ")");
  return grads;
}

std::string OpNode::name() const { return backward_node_name(op_.name()); }

void OpNode::release_variables() {
  released_ = true;
  args_.clear();
  saved_outputs_.clear();
}

}  // namespace paratrace::autograd
