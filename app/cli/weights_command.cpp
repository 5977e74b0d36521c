#include "weights_command.h"

#include <QCoreApplication>

#include "command_line.h"
#include "model_file.h"
#include "paratrace/autograd/grad_mode.h"
#include "paratrace/io/safetensors.h"
#include "paratrace/nn/parametrize.h"

namespace paratrace::cli {

namespace {
struct WeightsCommand {
  Q_DECLARE_TR_FUNCTIONS(WeightsCommand)
};
}  // namespace

int run_weights_command(const QStringList& arguments) {
  const QString command = QStringLiteral("weights");
  QCommandLineParser parser;
  const QCommandLineOption output(QStringLiteral("output"), WeightsCommand::tr("Where to write the tensors."),
                                  QStringLiteral("W.safetensors"));
  parser.addOption(output);
  if (const auto done = parse_command(
          parser, command,
          WeightsCommand::tr("Writes the model's state_dict under PyTorch's names (the originals of parametrized "
                             "tensors included) and the effective, parametrized value of each parametrized tensor "
                             "under its plain name (0.weight)."),
          {{QStringLiteral("MODEL"), WeightsCommand::tr("A model file (.paratrace.json).")}}, arguments))
    return *done;
  if (!parser.isSet(output)) return usage_error(command, WeightsCommand::tr("Missing option: --output"));

  return guarded(command, [&] {
    const model::ModelFile model = model::load_model(parser.positionalArguments().first(), plugins());
    NoGradGuard no_grad;
    io::NamedTensors tensors;
    for (const auto& [key, value] : model.module->state_dict()) tensors.emplace_back(key, value);
    for (const auto& [path, module] : model.module->named_modules()) {
      for (const std::string& name : nn::parametrize::parametrized_names(*module))
        tensors.emplace_back(path.empty() ? name : path + "." + name, module->attr(name).detach());
    }
    io::save_safetensors(parser.value(output).toStdString(), tensors);
    return int(kExitOk);
  });
}

}  // namespace paratrace::cli
