// paratrace-cli: Paratrace without a window, for scripts and CI.
// Exit codes: 0 success, 1 the command ran but found problems (a plugin
// failed to load, a trace check failed), 2 bad command line or bad input.
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>
#include <functional>

#include "check_command.h"
#include "command_line.h"
#include "info_command.h"
#include "plugin_directories.h"
#include "plugins_command.h"
#include "run_command.h"
#include "trace_command.h"
#include "weights_command.h"

namespace {

struct Cli {
  Q_DECLARE_TR_FUNCTIONS(Cli)
};

int usage_error(const QString& message) {
  QTextStream(stderr) << message << '\n' << Cli::tr("Try 'paratrace-cli --help'.") << '\n';
  return paratrace::cli::kExitBadInput;
}

int plugins_command(const QStringList& arguments) {
  if (!arguments.isEmpty())
    return usage_error(Cli::tr("Too many arguments: %1").arg((QStringList{QStringLiteral("plugins")} + arguments).join(QLatin1Char(' '))));
  QTextStream out(stdout);
  return paratrace::cli::run_plugins_command(out);
}

// Each command parses its own options (the words after its name).
const QList<std::pair<QString, std::function<int(const QStringList&)>>>& commands() {
  using namespace paratrace::cli;
  static const QList<std::pair<QString, std::function<int(const QStringList&)>>> table = {
      {QStringLiteral("info"), run_info_command},   {QStringLiteral("run"), run_run_command},
      {QStringLiteral("weights"), run_weights_command}, {QStringLiteral("trace"), run_trace_command},
      {QStringLiteral("check"), run_check_command}, {QStringLiteral("plugins"), plugins_command},
  };
  return table;
}

}  // namespace

int main(int argc, char** argv) {
  QCoreApplication app(argc, argv);
  // The app's name, not the executable's: it selects AppDataLocation, so the
  // CLI and the app search the same user plugin directory.
  QCoreApplication::setApplicationName(QLatin1String(paratrace::pluginhost::kApplicationName));
  QCoreApplication::setApplicationVersion(QStringLiteral(PARATRACE_VERSION));

  QCommandLineParser parser;
  parser.setApplicationDescription(
      Cli::tr("Paratrace on the command line.\n\n"
              "Commands (each has --help):\n"
              "  info MODEL        The module tree, parameters, parametrization chains and methods.\n"
              "  run MODEL --input IN.safetensors --output OUT.safetensors [--method NAME]\n"
              "                    Run a method on input0, input1, ...; write output0, output1, ...\n"
              "  weights MODEL --output W.safetensors\n"
              "                    The state_dict and every parametrized tensor's effective value.\n"
              "  trace MODEL [--method NAME] [--inlined] [--output FILE.ir] [--save TRACED]\n"
              "                    Print the traced graph's IR; save the traced module.\n"
              "  check MODEL [--check-inputs N] [--tolerance T]\n"
              "                    Check the trace; exit code 1 when it fails.\n"
              "  plugins  List the parametrization plugins found, what they provide and why any\n"
              "           failed to load. Exit code 0 if all loaded, 1 if one failed.\n\n"
              "MODEL is a model file (.paratrace.json, docs/model-format.md); run and trace also take a\n"
              "traced-module file written by trace --save.\n"
              "Exit codes: 0 success, 1 the check failed (check, plugins), 2 bad usage or bad input;\n"
              "messages go to stderr.\n\n"
              "Plugins are searched next to the executable (plugins/), in each directory of\n"
              "PARATRACE_PLUGIN_PATH, then in the user's application data directory (plugins/)."));
  const QCommandLineOption help = parser.addHelpOption();
  const QCommandLineOption version = parser.addVersionOption();
  parser.addPositionalArgument(QStringLiteral("command"), Cli::tr("The command to run."), QStringLiteral("<command>"));
  // Everything after the command is the command's to parse.
  parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
  // parse() rather than process(): process() exits with 1 on a bad option,
  // and 1 means "the command found a problem".
  if (!parser.parse(QCoreApplication::arguments())) return usage_error(parser.errorText());
  if (parser.isSet(help)) parser.showHelp(0);
  if (parser.isSet(version)) {
    QTextStream(stdout) << "paratrace-cli " << QCoreApplication::applicationVersion() << '\n';
    return 0;
  }

  const QStringList arguments = parser.positionalArguments();
  if (arguments.isEmpty()) return usage_error(Cli::tr("No command given."));
  for (const auto& [name, run] : commands()) {
    if (name == arguments.first()) return run(arguments.mid(1));
  }
  return usage_error(Cli::tr("Unknown command: %1").arg(arguments.first()));
}
