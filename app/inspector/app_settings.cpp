#include "app_settings.h"

namespace paratrace::inspector {

namespace {
const auto kGeometry = QStringLiteral("window/geometry");
const auto kState = QStringLiteral("window/state");
const auto kRecent = QStringLiteral("files/recent");
const auto kLanguage = QStringLiteral("ui/language");
const auto kTheme = QStringLiteral("ui/theme");
const auto kExportFormat = QStringLiteral("export/format");
const auto kExportDpi = QStringLiteral("export/dpi");
}  // namespace

QByteArray AppSettings::windowGeometry() const { return settings_.value(kGeometry).toByteArray(); }
void AppSettings::setWindowGeometry(const QByteArray& geometry) { settings_.setValue(kGeometry, geometry); }
QByteArray AppSettings::windowState() const { return settings_.value(kState).toByteArray(); }
void AppSettings::setWindowState(const QByteArray& state) { settings_.setValue(kState, state); }

QStringList AppSettings::recentFiles() const { return settings_.value(kRecent).toStringList(); }

void AppSettings::addRecentFile(const QString& path) {
  QStringList files = recentFiles();
  files.removeAll(path);
  files.prepend(path);
  while (files.size() > kMaxRecentFiles) files.removeLast();
  settings_.setValue(kRecent, files);
}

void AppSettings::removeRecentFile(const QString& path) {
  QStringList files = recentFiles();
  files.removeAll(path);
  settings_.setValue(kRecent, files);
}

QString AppSettings::language() const { return settings_.value(kLanguage).toString(); }
void AppSettings::setLanguage(const QString& language) { settings_.setValue(kLanguage, language); }
QString AppSettings::theme() const { return settings_.value(kTheme, QStringLiteral("light")).toString(); }
void AppSettings::setTheme(const QString& theme) { settings_.setValue(kTheme, theme); }
QString AppSettings::defaultExportFormat() const {
  return settings_.value(kExportFormat, QStringLiteral("svg")).toString();
}
void AppSettings::setDefaultExportFormat(const QString& format) { settings_.setValue(kExportFormat, format); }
double AppSettings::exportDpi() const { return settings_.value(kExportDpi, 96.0).toDouble(); }
void AppSettings::setExportDpi(double dpi) { settings_.setValue(kExportDpi, dpi); }

}  // namespace paratrace::inspector
