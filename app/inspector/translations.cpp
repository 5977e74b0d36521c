#include "translations.h"

#include <QLibraryInfo>
#include <QFileInfo>
#include <QLocale>
#include <QTranslator>

namespace paratrace::inspector {

namespace {
QTranslator* appTranslator = nullptr;
QTranslator* qtTranslator = nullptr;

void remove(QTranslator*& translator) {
  if (!translator) return;
  QCoreApplication::removeTranslator(translator);
  delete translator;
  translator = nullptr;
}
}  // namespace

QList<QPair<QString, QString>> Translations::languages() {
  return {{QStringLiteral("en"), QStringLiteral("English")},
          {QStringLiteral("de"), QStringLiteral("Deutsch")},
          {QStringLiteral("zh_CN"), QStringLiteral("简体中文")}};
}

QString Translations::apply(const QString& code) {
  remove(appTranslator);
  remove(qtTranslator);
  const QLocale locale = code.isEmpty() ? QLocale::system() : QLocale(code);
  if (code == QLatin1String("en")) return code;
  auto* app = new QTranslator;
  if (!app->load(locale, QStringLiteral("paratrace"), QStringLiteral("_"), QStringLiteral(":/i18n"))) {
    delete app;
    return QStringLiteral("en");
  }
  appTranslator = app;
  QCoreApplication::installTranslator(appTranslator);
  auto* qt = new QTranslator;
  if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
    qtTranslator = qt;
    QCoreApplication::installTranslator(qtTranslator);
  } else {
    delete qt;
  }
  return QFileInfo(appTranslator->filePath()).baseName().section(QLatin1Char('_'), 1);
}

}  // namespace paratrace::inspector
