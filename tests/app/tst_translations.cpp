// Languages: the embedded German and Chinese translations switch the menus
// at run time, and back to English. LanguageChange reaches widgets through
// the event loop, hence QTRY_COMPARE.
#include <QComboBox>
#include <QDockWidget>
#include <QMenu>
#include <QXmlStreamReader>
#include <QtTest>

#include "app_settings.h"
#include "main_actions.h"
#include "main_window.h"
#include "preferences_dialog.h"
#include "translations.h"

using namespace paratrace::inspector;

class TstTranslations : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("ParatraceTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_translations"));
    QSettings().clear();
  }

  void switchingLanguageRetranslatesTheMenus_data() {
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("model");
    QTest::addColumn<QString>("dock");
    QTest::newRow("de") << "de" << "&Datei" << "&Modell" << "Parametrisierungskette";
    QTest::newRow("zh_CN") << "zh_CN" << "文件(&F)" << "模型(&M)" << "参数化链";
  }

  void switchingLanguageRetranslatesTheMenus() {
    QFETCH(QString, code);
    QFETCH(QString, file);
    QFETCH(QString, model);
    QFETCH(QString, dock);
    MainWindow window;
    Translations::apply(QStringLiteral("en"));
    QTRY_COMPARE(window.actions()->fileMenu->title(), QStringLiteral("&File"));
    QCOMPARE(Translations::apply(code), code);
    QTRY_COMPARE(window.actions()->fileMenu->title(), file);
    QTRY_COMPARE(window.actions()->modelMenu->title(), model);
    QTRY_COMPARE(window.dock(QStringLiteral("chainDock"))->windowTitle(), dock);
    QCOMPARE(Translations::apply(QStringLiteral("en")), QStringLiteral("en"));
    QTRY_COMPARE(window.actions()->fileMenu->title(), QStringLiteral("&File"));
  }

  void preferencesStoreTheLanguageAndTheWindowAppliesIt() {
    AppSettings settings;
    MainWindow window;
    PreferencesDialog dialog(settings);
    dialog.language()->setCurrentIndex(dialog.language()->findData(QStringLiteral("de")));
    dialog.theme()->setCurrentIndex(dialog.theme()->findData(QStringLiteral("dark")));
    dialog.save();
    QCOMPARE(AppSettings().language(), QStringLiteral("de"));
    QCOMPARE(AppSettings().theme(), QStringLiteral("dark"));
    window.applyPreferences();
    QTRY_COMPARE(window.actions()->helpMenu->title(), QStringLiteral("&Hilfe"));
    Translations::apply(QStringLiteral("en"));
    settings.setLanguage(QString());
  }

  void everyMessageIsTranslated_data() {
    QTest::addColumn<QString>("file");
    QTest::newRow("de") << QStringLiteral(PARATRACE_TRANSLATIONS_DIR "/paratrace_de.ts");
    QTest::newRow("zh_CN") << QStringLiteral(PARATRACE_TRANSLATIONS_DIR "/paratrace_zh_CN.ts");
  }

  void everyMessageIsTranslated() {
    QFETCH(QString, file);
    QFile ts(file);
    QVERIFY(ts.open(QIODevice::ReadOnly));
    QXmlStreamReader xml(&ts);
    int messages = 0;
    QString source;
    while (!xml.atEnd()) {
      if (xml.readNext() != QXmlStreamReader::StartElement) continue;
      if (xml.name() == QLatin1String("message")) ++messages;
      if (xml.name() == QLatin1String("source")) source = xml.readElementText();
      if (xml.name() == QLatin1String("translation")) {
        QVERIFY2(xml.attributes().value(QLatin1String("type")).isEmpty(), qPrintable(source));
        const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
        QVERIFY2(!text.trimmed().isEmpty(), qPrintable(source));
      }
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QVERIFY(messages > 150);
  }

  void unknownLanguageFallsBackToEnglish() { QCOMPARE(Translations::apply(QStringLiteral("fr")), QStringLiteral("en")); }
};

QTEST_MAIN(TstTranslations)
#include "tst_translations.moc"
