#pragma once
// The app's languages: the embedded .qm files (":/i18n/paratrace_<code>.qm")
// and Qt's own, installed or swapped at run time. Views retranslate on the
// LanguageChange event that installing sends.
#include <QCoreApplication>
#include <QList>
#include <QPair>
#include <QString>

class QTranslator;

namespace paratrace::inspector {

struct Translations {
  Q_DECLARE_TR_FUNCTIONS(Translations)

 public:
  // (code, native name) of every bundled translation besides English.
  static QList<QPair<QString, QString>> languages();
  // Installs `code` ("de", "zh_CN"); empty follows the system locale, "en"
  // removes every translation. Returns the code now in use ("en" when none
  // matched).
  static QString apply(const QString& code);
};

}  // namespace paratrace::inspector
