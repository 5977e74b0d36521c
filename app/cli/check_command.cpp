#include "check_command.h"

#include <QCoreApplication>
#include <QTextStream>

#include "command_line.h"
#include "paratrace/jit/trace_check.h"
#include "paratrace/jit/tracer.h"
#include "paratrace/tensor/factories.h"
#include "paratrace/tensor/generator.h"
#include "model_error.h"
#include "model_file.h"

namespace paratrace::cli {

namespace {

struct CheckCommand {
  Q_DECLARE_TR_FUNCTIONS(CheckCommand)
};

// A new input like `example`: floating tensors drawn again (randn), others
// (indices, masks) kept, the nesting kept.
IValue redraw(const IValue& example) {
  if (example.is_tensor()) {
    const Tensor& t = example.to_tensor();
    return is_floating_point(t.dtype()) ? randn(t.sizes(), t.dtype()) : t.clone();
  }
  std::vector<IValue> elements;
  if (example.is_tuple() || example.is_list()) {
    for (const IValue& e : example.is_tuple() ? example.tuple_elements() : example.list_elements()) elements.push_back(redraw(e));
    return example.is_tuple() ? IValue::tuple(std::move(elements)) : IValue::list(std::move(elements));
  }
  if (example.is_dict()) {
    std::vector<std::pair<std::string, IValue>> items;
    for (const auto& [key, value] : example.dict_items()) items.emplace_back(key, redraw(value));
    return IValue::dict(std::move(items));
  }
  return example;
}

// check_trace checks forward; another method is checked as the forward of
// a module holding the model.
class MethodAsForward : public nn::Cloneable<MethodAsForward> {
 public:
  MethodAsForward(nn::ModulePtr model, std::string method) : method_(std::move(method)) {
    register_module("model", std::move(model));
  }
  IValue forward_stack(const Stack& inputs) override { return child("model")->call_method(method_, inputs); }

 private:
  std::string method_;
};

}  // namespace

int run_check_command(const QStringList& arguments) {
  const QString command = QStringLiteral("check");
  QCommandLineParser parser;
  const QCommandLineOption count(QStringLiteral("check-inputs"),
                                 CheckCommand::tr("Check with N new random inputs shaped like the example inputs "
                                                  "(default 0: the example inputs again)."),
                                 QStringLiteral("N"), QStringLiteral("0"));
  const QCommandLineOption tolerance(QStringLiteral("tolerance"),
                                     CheckCommand::tr("Relative tolerance of the output comparison (default 1e-5)."),
                                     QStringLiteral("T"), QStringLiteral("1e-5"));
  parser.addOptions({count, tolerance});
  if (const auto done = parse_command(
          parser, command,
          CheckCommand::tr("Traces a model file and checks every traced method as torch.jit.trace(check_trace=True): "
                           "re-traces with each check input and compares the graphs, and compares the traced "
                           "module's outputs with eager execution. Exit code 1 when a graph or an output differs."),
          {{QStringLiteral("MODEL"), CheckCommand::tr("A model file (.paratrace.json).")}}, arguments))
    return *done;
  bool ok_count = false, ok_tolerance = false;
  const int n = parser.value(count).toInt(&ok_count);
  const double rtol = parser.value(tolerance).toDouble(&ok_tolerance);
  if (!ok_count || n < 0)
    return usage_error(command, CheckCommand::tr("--check-inputs needs a non-negative integer, got '%1'").arg(parser.value(count)));
  if (!ok_tolerance || rtol < 0)
    return usage_error(command, CheckCommand::tr("--tolerance needs a non-negative number, got '%1'").arg(parser.value(tolerance)));

  return guarded(command, [&] {
    const model::ModelFile model = model::load_model(parser.positionalArguments().first(), plugins());
    if (model.example_inputs.empty())
      throw model::ModelFileSchemaError(model.path, QStringLiteral("$.example_inputs"),
                                        CheckCommand::tr("checking a trace needs example inputs, and the model has none"));
    QTextStream out(stdout);
    bool all_passed = true;
    manual_seed(model.seed + 1);
    for (const auto& [method, example] : model.example_inputs) {
      jit::TraceCheckOptions options;
      options.rtol = rtol;
      for (int i = 0; i < n; ++i) {
        Stack stack;
        for (const IValue& v : example) stack.push_back(redraw(v));
        options.check_inputs.push_back(stack);
      }
      const nn::ModulePtr target =
          method == "forward" ? model.module : std::make_shared<MethodAsForward>(model.module, method);
      const auto traced = jit::trace(target, example);
      const jit::TraceCheckReport report = jit::check_trace(target, *traced, example, options);
      const bool passed = report.passed() && report.output_mismatches.empty();
      all_passed = all_passed && passed;
      out << QString::fromStdString(method) << ": "
          << (passed ? CheckCommand::tr("passed") : CheckCommand::tr("FAILED")) << '\n';
      const std::string text = report.str();
      if (!text.empty()) out << QString::fromStdString(text) << '\n';
    }
    return int(all_passed ? kExitOk : kExitFailed);
  });
}

}  // namespace paratrace::cli
