#include "trace_command.h"

#include <QCoreApplication>
#include <QSaveFile>
#include <QTextStream>
#include <algorithm>

#include "command_line.h"
#include "paratrace/jit/passes.h"
#include "tracing.h"

namespace paratrace::cli {

namespace {
struct TraceCommand {
  Q_DECLARE_TR_FUNCTIONS(TraceCommand)
};
}  // namespace

int run_trace_command(const QStringList& arguments) {
  const QString command = QStringLiteral("trace");
  QCommandLineParser parser;
  const QCommandLineOption method(QStringLiteral("method"), TraceCommand::tr("The method whose graph to print (default: forward)."),
                                  QStringLiteral("NAME"), QStringLiteral("forward"));
  const QCommandLineOption inlined(QStringLiteral("inlined"),
                                   TraceCommand::tr("Inline method calls (prim::CallMethod), as PyTorch's inlined_graph. "
                                                    "Recorded traces are already flat, with module scopes."));
  const QCommandLineOption output(QStringLiteral("output"), TraceCommand::tr("Write the IR to FILE instead of stdout."),
                                  QStringLiteral("FILE.ir"));
  const QCommandLineOption save(QStringLiteral("save"),
                                TraceCommand::tr("Also save the traced module (every method) to TRACED, a file that "
                                                 "run, trace and export accept."),
                                QStringLiteral("TRACED"));
  parser.addOptions({method, inlined, output, save});
  if (const auto done = parse_command(
          parser, command,
          TraceCommand::tr("Traces a model file with its example inputs (or reads a traced-module file) and prints "
                           "the graph of a method in PyTorch's IR text."),
          {{QStringLiteral("MODEL"), TraceCommand::tr("A model file (.paratrace.json) or a traced-module file.")}},
          arguments))
    return *done;

  return guarded(command, [&] {
    const auto traced = model::load_for_tracing(parser.positionalArguments().first(), plugins());
    const std::string name = parser.value(method).toStdString();
    const auto names = traced->method_names();
    if (std::find(names.begin(), names.end(), name) == names.end()) {
      QStringList known;
      for (const auto& n : names) known << QString::fromStdString(n);
      PT_THROW(ValueError, "no traced method '" << name << "' (traced: " << known.join(QLatin1String(", ")).toStdString()
                                                << ")");
    }
    auto graph = traced->graph(name);
    if (parser.isSet(inlined)) {
      graph = graph->copy();
      jit::inline_calls(*graph);
    }
    const QByteArray text = QByteArray::fromStdString(graph->str());
    if (parser.isSet(output)) {
      QSaveFile file(parser.value(output));
      PT_CHECK(file.open(QIODevice::WriteOnly) && file.write(text) == text.size() && file.commit(), RuntimeError,
               parser.value(output).toStdString() << ": cannot write: " << file.errorString().toStdString());
    } else {
      QTextStream(stdout) << QString::fromUtf8(text);
    }
    if (parser.isSet(save)) traced->save(parser.value(save).toStdString());
    return int(kExitOk);
  });
}

}  // namespace paratrace::cli
