#include <QApplication>
#include <QMainWindow>

int main(int argc, char** argv) {
  QApplication app(argc, argv);
  QMainWindow w;
  w.setWindowTitle(QObject::tr("Paratrace"));
  w.resize(1200, 800);
  w.show();
  return app.exec();
}
