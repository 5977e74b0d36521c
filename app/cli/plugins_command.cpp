#include "plugins_command.h"

#include <QCoreApplication>
#include <QFileInfo>

#include "plugin_directories.h"
#include "plugin_manager.h"

namespace paratrace::cli {

namespace {

struct PluginsCommand {
  Q_DECLARE_TR_FUNCTIONS(PluginsCommand)
};

void print_directories(const QStringList& directories, QTextStream& out) {
  out << PluginsCommand::tr("Plugin directories (searched in this order):") << '\n';
  for (const QString& directory : directories) {
    out << "  " << directory;
    if (!QFileInfo(directory).isDir()) out << ' ' << PluginsCommand::tr("(does not exist)");
    out << '\n';
  }
}

void print_plugin(const pluginhost::PluginManager& manager, const pluginhost::LoadedPlugin& plugin, QTextStream& out) {
  const auto& meta = plugin.metadata;
  out << "  " << meta.name << ' ' << meta.version;
  if (!meta.author.isEmpty()) out << ' ' << PluginsCommand::tr("by %1").arg(meta.author);
  out << '\n' << "    " << PluginsCommand::tr("file: %1").arg(plugin.file) << '\n';
  if (!meta.description.isEmpty()) out << "    " << meta.description << '\n';
  out << "    " << PluginsCommand::tr("parametrizations:") << '\n';
  for (const QString& name : meta.parametrizations) {
    const auto type = manager.type(name);
    out << "      " << name << " - " << type->display_name() << ": " << type->description() << '\n';
  }
}

}  // namespace

int run_plugins_command(QTextStream& out) {
  const QStringList directories = pluginhost::default_plugin_directories();
  pluginhost::PluginManager manager;
  manager.load_directories(directories);

  print_directories(directories, out);
  out << '\n' << PluginsCommand::tr("Loaded plugins: %1").arg(manager.plugins().size()) << '\n';
  for (const auto& plugin : manager.plugins()) print_plugin(manager, plugin, out);
  out << '\n' << PluginsCommand::tr("Load errors: %1").arg(manager.errors().size()) << '\n';
  for (const auto& error : manager.errors()) out << "  " << error.file << ": " << error.reason << '\n';
  return manager.errors().isEmpty() ? 0 : 1;
}

}  // namespace paratrace::cli
