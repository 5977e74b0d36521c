#include "command_line.h"

#include <QTextStream>
#include <exception>

#include "plugin_directories.h"
#include "plugin_manager.h"

namespace paratrace::cli {

namespace {
struct CommandLine {
  Q_DECLARE_TR_FUNCTIONS(CommandLine)
};
}  // namespace

int usage_error(const QString& command, const QString& message) {
  QTextStream(stderr) << message << '\n'
                      << CommandLine::tr("Try 'paratrace-cli %1 --help'.").arg(command) << '\n';
  return kExitBadInput;
}

std::optional<int> parse_command(QCommandLineParser& parser, const QString& command, const QString& description,
                                 const QList<std::pair<QString, QString>>& positionals, const QStringList& arguments) {
  parser.setApplicationDescription(description);
  const QCommandLineOption help = parser.addHelpOption();
  QStringList names;
  for (const auto& [name, text] : positionals) {
    parser.addPositionalArgument(name, text);
    names << name;
  }
  if (!parser.parse(QStringList{QStringLiteral("paratrace-cli")} + arguments)) return usage_error(command, parser.errorText());
  if (parser.isSet(help)) {
    // Qt's usage line names the executable's path; name the command instead.
    QStringList lines = parser.helpText().split(QLatin1Char('\n'));
    lines.first() = CommandLine::tr("Usage: paratrace-cli %1 [options] %2").arg(command, names.join(QLatin1Char(' ')));
    QTextStream(stdout) << lines.join(QLatin1Char('\n'));
    return kExitOk;
  }
  const QStringList given = parser.positionalArguments();
  if (given.size() < positionals.size())
    return usage_error(command, CommandLine::tr("Missing argument: %1").arg(positionals.at(given.size()).first));
  if (given.size() > positionals.size())
    return usage_error(command, CommandLine::tr("Too many arguments: %1").arg(given.mid(positionals.size()).join(QLatin1Char(' '))));
  return std::nullopt;
}

const pluginhost::PluginManager& plugins() {
  static const pluginhost::PluginManager* manager = [] {
    auto* m = new pluginhost::PluginManager;  // lives as long as the plugins' code
    m->load_directories(pluginhost::default_plugin_directories());
    return m;
  }();
  return *manager;
}

int guarded(const QString& command, const std::function<int()>& body) {
  try {
    return body();
  } catch (const std::exception& e) {
    QTextStream(stderr) << QStringLiteral("paratrace-cli %1: %2").arg(command, QString::fromUtf8(e.what())) << '\n';
    return kExitBadInput;
  }
}

}  // namespace paratrace::cli
