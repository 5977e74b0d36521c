#include "plugin_metadata.h"

#include <QCoreApplication>
#include <QJsonArray>

#include "paratrace/plugin/parametrization_plugin.h"

namespace paratrace::pluginhost {

namespace {

struct PluginMetadataText {
  Q_DECLARE_TR_FUNCTIONS(PluginMetadata)
};

// The IID without its "/<api version>" suffix: a plugin with this prefix is
// ours but built for another API, which deserves a more useful message.
QString iid_family() {
  const QString iid = QStringLiteral(PARATRACE_PARAMETRIZATION_PLUGIN_IID);
  return iid.left(iid.lastIndexOf(QLatin1Char('/')) + 1);
}

bool check_iid(const QString& iid, QString& error) {
  const QString expected = QStringLiteral(PARATRACE_PARAMETRIZATION_PLUGIN_IID);
  if (iid == expected) return true;
  if (iid.startsWith(iid_family()))
    error = PluginMetadataText::tr("built for plugin API %1, this Paratrace loads API %2 (IID %3)")
                .arg(iid.mid(iid_family().size()))
                .arg(plugin::kApiVersion)
                .arg(iid);
  else
    error = PluginMetadataText::tr("not a Paratrace parametrization plugin: its IID is \"%1\", expected \"%2\"")
                .arg(iid, expected);
  return false;
}

}  // namespace

bool read_metadata(const QJsonObject& loader_metadata, PluginMetadata& out, QString& error) {
  if (!check_iid(loader_metadata.value(QLatin1String("IID")).toString(), error)) return false;
  const QJsonObject json = loader_metadata.value(QLatin1String("MetaData")).toObject();

  QStringList missing;
  for (const char* key : {"name", "version"})
    if (json.value(QLatin1String(key)).toString().isEmpty()) missing << QLatin1String(key);
  if (!json.value(QLatin1String("apiVersion")).isDouble()) missing << QStringLiteral("apiVersion");
  const QJsonArray types = json.value(QLatin1String("parametrizations")).toArray();
  if (types.isEmpty()) missing << QStringLiteral("parametrizations");
  if (!missing.isEmpty()) {
    error = PluginMetadataText::tr("its metadata JSON lacks %1 (see docs/plugins.md)").arg(missing.join(QLatin1String(", ")));
    return false;
  }

  out.api_version = json.value(QLatin1String("apiVersion")).toInt();
  if (out.api_version != plugin::kApiVersion) {
    error = PluginMetadataText::tr("built for plugin API %1 (metadata apiVersion), this Paratrace loads API %2")
                .arg(out.api_version)
                .arg(plugin::kApiVersion);
    return false;
  }
  out.name = json.value(QLatin1String("name")).toString();
  out.version = json.value(QLatin1String("version")).toString();
  out.author = json.value(QLatin1String("author")).toString();
  out.description = json.value(QLatin1String("description")).toString();
  out.parametrizations.clear();
  for (const QJsonValue& type : types) {
    const QString name = type.toString();
    if (name.isEmpty()) {
      error = PluginMetadataText::tr("its metadata lists a parametrization without a name");
      return false;
    }
    if (out.parametrizations.contains(name)) {
      error = PluginMetadataText::tr("its metadata lists the parametrization \"%1\" twice").arg(name);
      return false;
    }
    out.parametrizations << name;
  }
  return true;
}

}  // namespace paratrace::pluginhost
