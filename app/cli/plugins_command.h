#pragma once
// `paratrace-cli plugins`: what the plugin host finds, loads and rejects.
#include <QTextStream>

namespace paratrace::cli {

// Loads the plugins from the default directories and prints the directories,
// each loaded plugin (name, version, author, file, description, its
// parametrizations) and each load error (file: reason). Returns the exit
// code: 0 when every plugin file loaded (or none was found), 1 otherwise.
int run_plugins_command(QTextStream& out);

}  // namespace paratrace::cli
