#pragma once
// Where Paratrace looks for plugins, in priority order: when two plugins
// provide the same type name, the one found first keeps it.
#include <QStringList>

namespace paratrace::pluginhost {

// The QCoreApplication::applicationName of the app and the CLI (the app's
// executable name, which Qt takes by default). It selects AppDataLocation,
// so both search the same user plugin directory.
inline constexpr char kApplicationName[] = "paratrace";

// The environment variable listing extra plugin directories, separated by
// QDir::listSeparator() (':' on Unix, ';' on Windows).
inline constexpr char kPluginPathVariable[] = "PARATRACE_PLUGIN_PATH";

// <directory of the executable>/plugins (the built-in plugins), then every
// entry of PARATRACE_PLUGIN_PATH, then <AppDataLocation>/plugins for each
// AppDataLocation. Directories that do not exist are listed too, so that the
// CLI can show where it looked. Needs a QCoreApplication.
QStringList default_plugin_directories();

}  // namespace paratrace::pluginhost
