#pragma once
// What every paratrace-cli command shares: exit codes, parsing its own
// arguments (with --help), the plugin manager, and turning errors into a
// message on stderr and exit code 2.
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <functional>
#include <optional>

namespace paratrace::pluginhost {
class PluginManager;
}

namespace paratrace::cli {

// 0 success; 1 the command ran and found a problem (a failed trace check,
// a plugin that did not load); 2 bad usage or bad input.
enum ExitCode { kExitOk = 0, kExitFailed = 1, kExitBadInput = 2 };

// Parses `arguments` (the command's own: the words after its name) for
// `command`, whose positional arguments are `positionals` (name, help).
// Returns an exit code when parsing already decided it: 0 after printing
// the help on stdout for --help, 2 after a usage error on stderr.
std::optional<int> parse_command(QCommandLineParser& parser, const QString& command, const QString& description,
                                 const QList<std::pair<QString, QString>>& positionals, const QStringList& arguments);

// "message\nTry 'paratrace-cli <command> --help'." on stderr; returns 2.
int usage_error(const QString& command, const QString& message);

// The plugins of the default directories, loaded on first use (load errors
// are `plugins`' business; here a missing type is reported where used).
const pluginhost::PluginManager& plugins();

// Runs `body`; an exception (a model file error, a bad input file, an error
// from core) is printed as "paratrace-cli <command>: <message>" on stderr
// and gives exit code 2.
int guarded(const QString& command, const std::function<int()>& body);

}  // namespace paratrace::cli
