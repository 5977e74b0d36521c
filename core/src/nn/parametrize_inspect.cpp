// Introspection of parametrized tensors for inspectors.
#include "paratrace/nn/parametrize_inspect.h"

#include "paratrace/autograd/grad_mode.h"
#include "paratrace/nn/parametrize.h"

namespace paratrace::nn::parametrize {

namespace {

TensorSummary summarise(const std::string& name, const Tensor& t, bool is_parameter) {
  TensorSummary s;
  s.name = name;
  s.is_parameter = is_parameter;
  if (t.defined()) {
    s.shape = t.sizes();
    s.dtype = t.dtype();
    s.requires_grad = t.requires_grad();
  }
  return s;
}

}  // namespace

ChainValues evaluate_steps(Module& module, const std::string& tensor_name) {
  auto list = parametrization_list(module, tensor_name);
  autograd::NoGradGuard no_grad;
  ChainValues values;
  Stack args;
  for (const Tensor& original : list->originals()) {
    values.originals.push_back(original.detach());
    args.emplace_back(original);
  }
  IValue x = list->step(0)->call(args);
  values.steps.push_back(x.to_tensor().detach());
  for (std::size_t i = 1; i < list->size(); ++i) {
    x = list->step(i)->call({x});
    values.steps.push_back(x.to_tensor().detach());
  }
  return values;
}

ParametrizationInfo describe(Module& module, const std::string& tensor_name) {
  auto list = parametrization_list(module, tensor_name);
  ParametrizationInfo info;
  info.tensor_name = tensor_name;
  info.unsafe = list->unsafe();
  info.nested = is_parametrized(*list);
  for (const auto& name : list->original_names()) {
    info.originals.push_back(summarise(name, list->attr(name), list->originals_are_parameters()));
  }
  const ChainValues values = evaluate_steps(module, tensor_name);
  for (std::size_t i = 0; i < list->size(); ++i) {
    const auto step = list->step(i);
    StepInfo s;
    s.type_name = step->type_name();
    s.repr = step->repr();
    for (const auto& [name, t] : step->named_parameters()) s.tensors.push_back(summarise(name, t, true));
    for (const auto& [name, t] : step->named_buffers()) s.tensors.push_back(summarise(name, t, false));
    s.output_shape = values.steps[i].sizes();
    s.output_dtype = values.steps[i].dtype();
    info.steps.push_back(std::move(s));
  }
  return info;
}

std::vector<ParametrizationInfo> describe_all(Module& root) {
  std::vector<ParametrizationInfo> out;
  for (const auto& [path, module] : root.named_modules()) {
    if (!is_parametrized(*module)) continue;
    for (const auto& name : parametrized_names(*module)) {
      ParametrizationInfo info = describe(*module, name);
      info.module_path = path;
      out.push_back(std::move(info));
    }
  }
  return out;
}

}  // namespace paratrace::nn::parametrize
