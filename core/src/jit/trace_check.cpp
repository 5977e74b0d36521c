// check_trace: torch.jit._trace._check_trace's comparisons, reported.
#include "paratrace/jit/trace_check.h"

#include <cmath>
#include <sstream>

#include "paratrace/autograd/grad_mode.h"

namespace paratrace::jit {

namespace {

// Shapes erased, values renumbered by the copy, no source locations: what
// PyTorch compares after canonicalize/inline/erase_shape_information.
std::string canonical_text(const Graph& g) {
  auto copy = g.copy();
  auto erase = [](Value* v) {
    if (v->type()) v->set_type(v->type()->without_shape());
  };
  for (Value* v : copy->inputs()) erase(v);
  for (Node* n : copy->nodes()) {
    for (Value* v : n->outputs()) erase(v);
  }
  return copy->str(false);
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

// A line diff ("  " same, "- " first only, "+ " second only) from the
// longest common subsequence; graphs are small.
std::string line_diff(const std::string& a_text, const std::string& b_text) {
  const auto a = lines_of(a_text), b = lines_of(b_text);
  std::vector<std::vector<std::size_t>> lcs(a.size() + 1, std::vector<std::size_t>(b.size() + 1, 0));
  for (std::size_t i = a.size(); i-- > 0;) {
    for (std::size_t j = b.size(); j-- > 0;) {
      lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  std::string out;
  std::size_t i = 0, j = 0;
  while (i < a.size() || j < b.size()) {
    if (i < a.size() && j < b.size() && a[i] == b[j]) {
      out += "\t\t  " + a[i++] + "\n";
      ++j;
    } else if (j < b.size() && (i == a.size() || lcs[i][j + 1] >= lcs[i + 1][j])) {
      out += "\t\t+ " + b[j++] + "\n";
    } else {
      out += "\t\t- " + a[i++] + "\n";
    }
  }
  return out;
}

// Top-level tensor outputs: a tuple is flattened one level, other elements dropped.
TensorList top_level_tensors(const IValue& v) {
  TensorList out;
  if (v.is_tensor()) out.push_back(v.to_tensor());
  if (v.is_tuple()) {
    for (const auto& e : v.tuple_elements()) {
      if (e.is_tensor()) out.push_back(e.to_tensor());
    }
  }
  return out;
}

// torch.testing.assert_close on double copies; empty when close.
std::string compare_close(const Tensor& actual, const Tensor& expected, double rtol) {
  std::ostringstream os;
  if (actual.sizes() != expected.sizes()) {
    os << "The values for attribute 'shape' do not match: " << Tensor(actual).to_string() << " != "
       << Tensor(expected).to_string() << ".";
    return os.str();
  }
  const double atol = actual.dtype() == ScalarType::Float64 ? 1e-7 : 1e-5;
  const auto x = actual.to(ScalarType::Float64).to_vector<double>();
  const auto y = expected.to(ScalarType::Float64).to_vector<double>();
  std::size_t mismatched = 0, worst = 0;
  double max_abs = 0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    const double diff = std::abs(x[i] - y[i]);
    const bool both_nan = std::isnan(x[i]) && std::isnan(y[i]);
    if (!both_nan && !(diff <= atol + rtol * std::abs(y[i]))) {
      ++mismatched;
      if (diff >= max_abs) {
        max_abs = diff;
        worst = i;
      }
    }
  }
  if (mismatched == 0) return {};
  os << "Tensor-likes are not close!\n\nMismatched elements: " << mismatched << " / " << x.size() << " ("
     << 100.0 * static_cast<double>(mismatched) / static_cast<double>(x.size()) << "%)\nGreatest absolute difference: "
     << max_abs << " at index " << worst << " (up to " << atol << " allowed)";
  return os.str();
}

Stack clone_inputs(const Stack& inputs) {
  std::function<IValue(const IValue&)> clone = [&](const IValue& v) -> IValue {
    if (v.is_tensor() && v.to_tensor().defined()) return IValue(v.to_tensor().detach().clone());
    if (v.is_tuple()) {
      std::vector<IValue> items;
      for (const auto& e : v.tuple_elements()) items.push_back(clone(e));
      return IValue::tuple(std::move(items));
    }
    if (v.is_list()) {
      std::vector<IValue> items;
      for (const auto& e : v.list_elements()) items.push_back(clone(e));
      return IValue::list(std::move(items));
    }
    if (v.is_dict()) {
      std::vector<std::pair<std::string, IValue>> items;
      for (const auto& [k, e] : v.dict_items()) items.emplace_back(k, clone(e));
      return IValue::dict(std::move(items));
    }
    return v;
  };
  Stack out;
  for (const auto& v : inputs) out.push_back(clone(v));
  return out;
}

void compare_constants(const Graph& a, const Graph& b, TraceCheckReport& report) {
  std::vector<const Node*> ca, cb;
  for (const Node* n : a.nodes()) {
    if (n->kind() == "prim::Constant" && n->has_attribute("value") && n->kind_of("value") == AttributeKind::Tensor) ca.push_back(n);
  }
  for (const Node* n : b.nodes()) {
    if (n->kind() == "prim::Constant" && n->has_attribute("value") && n->kind_of("value") == AttributeKind::Tensor) cb.push_back(n);
  }
  for (std::size_t i = 0; i < std::min(ca.size(), cb.size()); ++i) {
    const std::string why = compare_close(ca[i]->t("value"), cb[i]->t("value"), 1e-5);
    if (!why.empty()) {
      report.constant_mismatches.push_back("Tensor-valued Constant nodes differed in value across invocations. This "
                                           "often indicates that the tracer has encountered untraceable code.\n\tNode:\n\t\t%" +
                                           ca[i]->output()->debug_name() + " = prim::Constant\n\tComparison exception: \t" + why);
    }
  }
}

using Retrace = std::function<std::shared_ptr<TracedModule>(const Stack&)>;
using RunEager = std::function<IValue(const Stack&)>;

TraceCheckReport check(const Retrace& retrace, const RunEager& eager, const TracedModule& traced,
                       const Stack& example_inputs, const TraceCheckOptions& options) {
  autograd::NoGradGuard no_grad;
  TraceCheckReport report;
  const Graph& graph = *traced.inlined_graph();
  for (const Node* n : graph.nodes()) {
    if (n->is_nondeterministic()) report.nondeterministic_nodes.push_back("%" + n->output()->debug_name() + " = " + n->kind());
  }
  const std::vector<Stack> inputs = options.check_inputs.empty() ? std::vector<Stack>{example_inputs} : options.check_inputs;
  auto& traced_mut = const_cast<TracedModule&>(traced);
  for (const Stack& check_input : inputs) {
    std::shared_ptr<TracedModule> check_module;
    try {
      check_module = retrace(clone_inputs(check_input));
    } catch (const std::exception& e) {
      report.exception = std::string("encountered an exception while running the repeated trace with test inputs.\nException:\n\t") + e.what();
      return report;
    }
    const std::string a = canonical_text(graph), b = canonical_text(*check_module->inlined_graph());
    if (a != b) {
      report.graphs_differ = true;
      report.graph_diff = line_diff(a, b);
    } else {
      compare_constants(graph, *check_module->inlined_graph(), report);
    }
    IValue traced_out, eager_out;
    try {
      traced_out = traced_mut.forward(clone_inputs(check_input));
    } catch (const std::exception& e) {
      report.exception = std::string("encountered an exception while running the trace with test inputs.\nException:\n\t") + e.what();
      return report;
    }
    try {
      eager_out = eager(clone_inputs(check_input));
    } catch (const std::exception& e) {
      report.exception = std::string("encountered an exception while running the C++ function with test inputs.\nException:\n\t") + e.what();
      return report;
    }
    const TensorList t = top_level_tensors(traced_out), e = top_level_tensors(eager_out);
    for (std::size_t i = 0; i < std::min(t.size(), e.size()); ++i) {
      const std::string why = compare_close(t[i], e[i], options.rtol);
      if (!why.empty()) {
        report.output_mismatches.push_back("Output nr " + std::to_string(i + 1) +
                                           ". of the traced function does not match the corresponding output of the "
                                           "C++ function. Detailed error:\n" + why);
      }
    }
  }
  return report;
}

}  // namespace

std::string TraceCheckReport::str() const {
  std::string out;
  if (!output_mismatches.empty() && !nondeterministic_nodes.empty()) {
    out += "Trace had nondeterministic nodes. Did you forget call .eval() on your model? Nodes:\n";
    for (std::size_t i = 0; i < std::min<std::size_t>(20, nondeterministic_nodes.size()); ++i) {
      out += "\t" + nondeterministic_nodes[i] + "\n";
    }
    out += "This may cause errors in trace checking. To disable trace checking, pass check_trace=False to "
           "torch.jit.trace()\n";
  }
  for (const auto& m : output_mismatches) out += m + "\n";
  if (!passed()) {
    out += "Tracing failed sanity checks!\n";
    if (!exception.empty()) out += exception + "\n";
    if (graphs_differ) out += "ERROR: Graphs differed across invocations!\n\tGraph diff:\n" + graph_diff;
    for (const auto& c : constant_mismatches) out += "ERROR: " + c + "\n";
  }
  return out;
}

TraceCheckReport check_trace(const std::shared_ptr<nn::Module>& module, const TracedModule& traced,
                             const Stack& example_inputs, const TraceCheckOptions& options) {
  return check(
      [&](const Stack& in) { return trace(module, in, options.trace_options); },
      [&](const Stack& in) { return module->call(in); }, traced, example_inputs, options);
}

TraceCheckReport check_trace(const TraceFunction& fn, const TracedModule& traced, const Stack& example_inputs,
                             const TraceCheckOptions& options) {
  return check([&](const Stack& in) { return trace(fn, in, options.trace_options); }, fn, traced, example_inputs,
               options);
}

}  // namespace paratrace::jit
