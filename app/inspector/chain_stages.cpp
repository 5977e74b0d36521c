#include "chain_stages.h"

#include "paratrace/nn/parametrize.h"
#include "paratrace/nn/parametrize_inspect.h"
#include "shape_text.h"

namespace paratrace::inspector {

std::vector<ChainStage> ChainStages::build(nn::Module& module, const std::string& tensor_name) {
  namespace pz = nn::parametrize;
  std::vector<ChainStage> stages;
  if (!pz::is_parametrized(module, tensor_name)) {
    ChainStage stage;
    stage.title = QString::fromStdString(tensor_name);
    stage.values = module.attr(tensor_name);
    stage.stats = computeStats(stage.values);
    stage.effective = true;
    stages.push_back(std::move(stage));
    return stages;
  }
  const pz::ParametrizationInfo info = pz::describe(module, tensor_name);
  const pz::ChainValues values = pz::evaluate_steps(module, tensor_name);
  const auto list = pz::parametrization_list(module, tensor_name);
  for (std::size_t i = 0; i < info.originals.size(); ++i) {
    ChainStage stage;
    stage.kind = ChainStage::Kind::Original;
    stage.title = QString::fromStdString(info.originals[i].name);
    stage.details = info.originals[i].is_parameter ? tr("parameter") : tr("buffer");
    stage.values = values.originals.at(i);
    stage.stats = computeStats(stage.values);
    stages.push_back(std::move(stage));
  }
  for (std::size_t i = 0; i < info.steps.size(); ++i) {
    const pz::StepInfo& step = info.steps[i];
    ChainStage stage;
    stage.kind = ChainStage::Kind::Step;
    stage.title = QStringLiteral("%1 · %2").arg(i + 1).arg(QString::fromStdString(step.type_name));
    stage.details = QString::fromStdString(step.repr);
    for (const auto& own : step.tensors)
      stage.ownTensors << QStringLiteral("%1 %2 %3 (%4)")
                              .arg(QString::fromStdString(own.name), shapeText(own.shape), dtypeText(own.dtype),
                                   own.is_parameter ? tr("parameter") : tr("buffer"));
    stage.values = values.steps.at(i);
    stage.stats = computeStats(stage.values);
    stage.property = PropertyMeasures::measure(*list->step(i), stage.values);
    stage.effective = i + 1 == info.steps.size();
    stages.push_back(std::move(stage));
  }
  return stages;
}

}  // namespace paratrace::inspector
