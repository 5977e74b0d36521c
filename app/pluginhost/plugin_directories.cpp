#include "plugin_directories.h"

#include <QCoreApplication>
#include <QDir>
#include <QStandardPaths>

namespace paratrace::pluginhost {

QStringList default_plugin_directories() {
  QStringList directories{QCoreApplication::applicationDirPath() + QStringLiteral("/plugins")};
  const QString path = qEnvironmentVariable(kPluginPathVariable);
  for (const QString& entry : path.split(QDir::listSeparator(), Qt::SkipEmptyParts)) directories << entry;
  for (const QString& data : QStandardPaths::standardLocations(QStandardPaths::AppDataLocation))
    directories << data + QStringLiteral("/plugins");
  for (QString& directory : directories) directory = QDir::cleanPath(QDir(directory).absolutePath());
  directories.removeDuplicates();
  return directories;
}

}  // namespace paratrace::pluginhost
