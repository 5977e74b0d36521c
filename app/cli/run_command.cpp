#include "run_command.h"

#include <QCoreApplication>

#include "command_line.h"
#include "model_file.h"
#include "paratrace/autograd/grad_mode.h"
#include "paratrace/jit/traced_module.h"
#include "tensor_files.h"
#include "tracing.h"

namespace paratrace::cli {

namespace {
struct RunCommand {
  Q_DECLARE_TR_FUNCTIONS(RunCommand)
};
}  // namespace

int run_run_command(const QStringList& arguments) {
  const QString command = QStringLiteral("run");
  QCommandLineParser parser;
  const QCommandLineOption input(QStringLiteral("input"), RunCommand::tr("Safetensors file with the inputs input0, input1, ..."),
                                 QStringLiteral("IN.safetensors"));
  const QCommandLineOption output(QStringLiteral("output"), RunCommand::tr("Where to write the outputs output0, output1, ..."),
                                  QStringLiteral("OUT.safetensors"));
  const QCommandLineOption method(QStringLiteral("method"), RunCommand::tr("The method to run (default: forward)."),
                                  QStringLiteral("NAME"), QStringLiteral("forward"));
  parser.addOptions({input, output, method});
  if (const auto done = parse_command(
          parser, command,
          RunCommand::tr("Runs a model file (eagerly, in the mode the file sets) or a traced-module file (its "
                         "recorded graph) on the tensors input0, input1, ... of IN and writes the results as "
                         "output0, output1, ... to OUT; nested results (tuples, lists, dicts) are flattened in order."),
          {{QStringLiteral("MODEL"), RunCommand::tr("A model file (.paratrace.json) or a traced-module file.")}}, arguments))
    return *done;
  if (!parser.isSet(input)) return usage_error(command, RunCommand::tr("Missing option: --input"));
  if (!parser.isSet(output)) return usage_error(command, RunCommand::tr("Missing option: --output"));

  return guarded(command, [&] {
    const QString path = parser.positionalArguments().first();
    const std::string name = parser.value(method).toStdString();
    const Stack inputs = read_inputs(parser.value(input));
    NoGradGuard no_grad;
    IValue result;
    if (model::is_model_file(path)) {
      const model::ModelFile model = model::load_model(path, plugins());
      result = model.module->call_method(name, inputs);
    } else {
      result = model::load_for_tracing(path, plugins())->run_method(name, inputs);
    }
    io::NamedTensors outputs;
    for (const Tensor& t : flatten_outputs(result)) outputs.emplace_back("output" + std::to_string(outputs.size()), t);
    io::save_safetensors(parser.value(output).toStdString(), outputs);
    return int(kExitOk);
  });
}

}  // namespace paratrace::cli
