#pragma once
// A plugin's metadata, read from the file before any of its code runs.
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace paratrace::pluginhost {

struct PluginMetadata {
  QString name;
  QString version;
  int api_version = 0;
  QString author;       // optional
  QString description;  // optional
  QStringList parametrizations;  // the type names the plugin provides
};

// Checks QPluginLoader::metaData() (the IID, and the plugin's JSON under
// "MetaData"): the IID must be Paratrace's for this API version, the JSON's
// apiVersion too, and name, version and a non-empty list of distinct
// parametrization names must be there. Returns false with a translated
// reason in `error`.
bool read_metadata(const QJsonObject& loader_metadata, PluginMetadata& out, QString& error);

}  // namespace paratrace::pluginhost
