#include "info_command.h"

#include <QCoreApplication>
#include <QDir>
#include <QTextStream>

#include "command_line.h"
#include "model_file.h"
#include "paratrace/nn/parametrize_inspect.h"

namespace paratrace::cli {

namespace {

struct InfoCommand {
  Q_DECLARE_TR_FUNCTIONS(InfoCommand)
};

QString shape_text(const Shape& shape) {
  QStringList sizes;
  for (const auto size : shape) sizes << QString::number(size);
  return QLatin1Char('[') + sizes.join(QLatin1String(", ")) + QLatin1Char(']');
}

QString tensor_text(const Tensor& t) {
  return shape_text(t.sizes()) + QLatin1Char(' ') + QString::fromUtf8(dtype_name(t.dtype()).data());
}

// "Tensor[3, 5] torch.float32", "(a, b)", "{key: a}".
QString value_text(const IValue& v) {
  if (v.is_tensor()) return QStringLiteral("Tensor") + tensor_text(v.to_tensor());
  QStringList parts;
  if (v.is_tuple() || v.is_list()) {
    for (const IValue& e : v.is_tuple() ? v.tuple_elements() : v.list_elements()) parts << value_text(e);
    return v.is_tuple() ? QLatin1Char('(') + parts.join(QLatin1String(", ")) + QLatin1Char(')')
                        : QLatin1Char('[') + parts.join(QLatin1String(", ")) + QLatin1Char(']');
  }
  if (v.is_dict()) {
    for (const auto& [key, value] : v.dict_items()) parts << QString::fromStdString(key) + QStringLiteral(": ") + value_text(value);
    return QLatin1Char('{') + parts.join(QLatin1String(", ")) + QLatin1Char('}');
  }
  return QString::fromStdString(v.repr());
}

QString weights_text(const model::ModelFile& model) {
  switch (model.weights_kind) {
    case model::WeightsKind::None: return InfoCommand::tr("none (default initialisation, seed %1)").arg(model.seed);
    case model::WeightsKind::BeforeParametrizing:
      return InfoCommand::tr("%1 (saved before parametrizing)").arg(QDir::toNativeSeparators(model.weights_path));
    case model::WeightsKind::AfterParametrizing:
      return InfoCommand::tr("%1 (saved after parametrizing)").arg(QDir::toNativeSeparators(model.weights_path));
  }
  return {};
}

void print(const model::ModelFile& model, QTextStream& out) {
  nn::Module& root = *model.module;
  out << InfoCommand::tr("Model: %1").arg(model.name) << '\n'
      << InfoCommand::tr("File: %1").arg(QDir::toNativeSeparators(model.path)) << '\n'
      << InfoCommand::tr("Weights: %1").arg(weights_text(model)) << '\n'
      << InfoCommand::tr("Mode: %1").arg(root.is_training() ? InfoCommand::tr("training") : InfoCommand::tr("eval"))
      << "\n\n"
      << InfoCommand::tr("Module tree:") << '\n'
      << QString::fromStdString(root.repr()) << "\n\n";

  out << InfoCommand::tr("Parameters and buffers (state_dict):") << '\n';
  for (const auto& [key, value] : root.state_dict()) out << "  " << QString::fromStdString(key) << "  " << tensor_text(value) << '\n';

  const auto chains = nn::parametrize::describe_all(root);
  out << '\n' << InfoCommand::tr("Parametrizations: %1").arg(chains.size()) << '\n';
  for (const auto& chain : chains) {
    const QString tensor = QString::fromStdString(chain.module_path.empty() ? chain.tensor_name
                                                                             : chain.module_path + "." + chain.tensor_name);
    QStringList originals;
    for (const auto& original : chain.originals)
      originals << QString::fromStdString(original.name) + QLatin1Char(' ') + shape_text(original.shape);
    out << "  " << tensor << ": " << originals.join(QLatin1String(", "));
    for (const auto& step : chain.steps)
      out << " -> " << QString::fromStdString(step.type_name) << ' ' << shape_text(step.output_shape);
    if (chain.unsafe) out << ' ' << InfoCommand::tr("(unsafe)");
    if (chain.nested) out << ' ' << InfoCommand::tr("(nested)");
    out << '\n';
  }

  out << '\n' << InfoCommand::tr("Methods (example inputs):") << '\n';
  if (model.example_inputs.empty()) out << "  " << InfoCommand::tr("none") << '\n';
  for (const auto& [method, inputs] : model.example_inputs) {
    QStringList args;
    for (const IValue& v : inputs) args << value_text(v);
    out << "  " << QString::fromStdString(method) << '(' << args.join(QLatin1String(", ")) << ")\n";
  }
}

}  // namespace

int run_info_command(const QStringList& arguments) {
  const QString command = QStringLiteral("info");
  QCommandLineParser parser;
  if (const auto done = parse_command(
          parser, command,
          InfoCommand::tr("Shows a model file's module tree, parameters and buffers, parametrization chains and "
                          "traced methods."),
          {{QStringLiteral("MODEL"), InfoCommand::tr("A model file (.paratrace.json).")}}, arguments))
    return *done;
  return guarded(command, [&] {
    const model::ModelFile model = model::load_model(parser.positionalArguments().first(), plugins());
    QTextStream out(stdout);
    print(model, out);
    return int(kExitOk);
  });
}

}  // namespace paratrace::cli
