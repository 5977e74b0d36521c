#include <QApplication>
#include <QCommandLineParser>

#include "app_settings.h"
#include "main_window.h"
#include "translations.h"

int main(int argc, char** argv) {
  QApplication app(argc, argv);
  QApplication::setOrganizationName(QStringLiteral("Paratrace"));
  QApplication::setApplicationName(QStringLiteral("Paratrace"));
  QApplication::setApplicationVersion(QStringLiteral(PARATRACE_VERSION));

  paratrace::inspector::Translations::apply(paratrace::inspector::AppSettings().language());

  QCommandLineParser parser;
  parser.setApplicationDescription(QApplication::translate("main", "Inspect parametrizations and traced graphs."));
  parser.addHelpOption();
  parser.addVersionOption();
  parser.addPositionalArgument(
      QStringLiteral("file"),
      QApplication::translate("main", "A model, traced-module or IR text file to open (default: a bundled example)."));
  parser.process(app);

  paratrace::inspector::MainWindow window;
  window.show();
  // With no file, a bundled example shows what the app does.
  if (!parser.positionalArguments().isEmpty()) window.openFile(parser.positionalArguments().first());
  else window.openExample(QStringLiteral("skew_cayley"));
  return app.exec();
}
