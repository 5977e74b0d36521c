// paratrace-cli: Paratrace without a window, for scripts and CI.
// Exit codes: 0 success, 1 the command ran but found problems (for
// `plugins`: a plugin failed to load), 2 bad command line.
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>
#include <cstdio>

#include "export_command.h"
#include "plugin_directories.h"
#include "plugins_command.h"

namespace {

struct Cli {
  Q_DECLARE_TR_FUNCTIONS(Cli)
};

int usage_error(const QString& message) {
  QTextStream(stderr) << message << '\n' << Cli::tr("Try 'paratrace-cli --help'.") << '\n';
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  QCoreApplication app(argc, argv);
  // The app's name, not the executable's: it selects AppDataLocation, so the
  // CLI and the app search the same user plugin directory.
  QCoreApplication::setApplicationName(QLatin1String(paratrace::pluginhost::kApplicationName));
  QCoreApplication::setApplicationVersion(QStringLiteral(PARATRACE_VERSION));

  if (argc > 1 && qstrcmp(argv[1], "export") == 0) {
    QTextStream out(stdout), err(stderr);
    return paratrace::cli::run_export_command(QCoreApplication::arguments(), out, err);
  }

  QCommandLineParser parser;
  parser.setApplicationDescription(
      Cli::tr("Paratrace on the command line.\n\n"
              "Commands:\n"
              "  plugins  List the parametrization plugins found, what they provide and why any\n"
              "           failed to load. Exit code 0 if all loaded, 1 if one failed.\n"
              "  export   Draw a traced graph as SVG, PNG, PDF or DOT (paratrace-cli export --help).\n\n"
              "Plugins are searched next to the executable (plugins/), in each directory of\n"
              "PARATRACE_PLUGIN_PATH, then in the user's application data directory (plugins/)."));
  const QCommandLineOption help = parser.addHelpOption();
  const QCommandLineOption version = parser.addVersionOption();
  parser.addPositionalArgument(QStringLiteral("command"), Cli::tr("The command to run: plugins."),
                               QStringLiteral("<command>"));
  // parse() rather than process(): process() exits with 1 on a bad option,
  // which `plugins` uses to report load errors.
  if (!parser.parse(QCoreApplication::arguments())) return usage_error(parser.errorText());
  if (parser.isSet(help)) parser.showHelp(0);
  if (parser.isSet(version)) {
    QTextStream(stdout) << "paratrace-cli " << QCoreApplication::applicationVersion() << '\n';
    return 0;
  }

  const QStringList arguments = parser.positionalArguments();
  if (arguments.isEmpty()) return usage_error(Cli::tr("No command given."));
  if (arguments.size() > 1) return usage_error(Cli::tr("Too many arguments: %1").arg(arguments.join(QLatin1Char(' '))));
  if (arguments.first() == QLatin1String("plugins")) {
    QTextStream out(stdout);
    return paratrace::cli::run_plugins_command(out);
  }
  return usage_error(Cli::tr("Unknown command: %1").arg(arguments.first()));
}
