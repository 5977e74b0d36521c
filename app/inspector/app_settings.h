#pragma once
// Every persisted setting of the inspector, typed, over one QSettings
// (organisation "Paratrace", application "Paratrace"), so widgets never
// spell keys themselves.
#include <QByteArray>
#include <QSettings>
#include <QString>
#include <QStringList>

namespace paratrace::inspector {

class AppSettings {
 public:
  static constexpr int kMaxRecentFiles = 8;

  QByteArray windowGeometry() const;
  void setWindowGeometry(const QByteArray& geometry);
  QByteArray windowState() const;
  void setWindowState(const QByteArray& state);

  QStringList recentFiles() const;
  // Puts `path` first, drops duplicates and keeps kMaxRecentFiles.
  void addRecentFile(const QString& path);
  void removeRecentFile(const QString& path);

  // A locale name ("de", "zh_CN"); empty follows the system locale.
  QString language() const;
  void setLanguage(const QString& language);
  // "light" or "dark".
  QString theme() const;
  void setTheme(const QString& theme);
  // "svg", "png" or "pdf".
  QString defaultExportFormat() const;
  void setDefaultExportFormat(const QString& format);
  double exportDpi() const;
  void setExportDpi(double dpi);

 private:
  QSettings settings_;
};

}  // namespace paratrace::inspector
