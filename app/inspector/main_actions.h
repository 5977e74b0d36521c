#pragma once
// The window's actions and menus with their shortcuts, retranslated in one
// place when the language changes.
#include <QObject>

class QAction;
class QMainWindow;
class QMenu;
class QToolBar;

namespace paratrace::inspector {

class MainActions : public QObject {
  Q_OBJECT

 public:
  explicit MainActions(QMainWindow* window);
  void retranslate();

  QMenu *fileMenu, *recentMenu, *examplesMenu, *editMenu, *viewMenu, *modelMenu, *graphMenu, *helpMenu;
  QToolBar* toolBar;
  QAction *open, *save, *saveAs, *quit;
  QAction *exportImage, *exportIr;
  QAction *undo, *redo;
  QAction *addParametrization, *removeParametrizations;
  QAction *retrace, *retraceSame, *checkTrace;
  QAction *zoomIn, *zoomOut, *fitView, *find;
  QAction *plugins, *preferences, *about;
};

}  // namespace paratrace::inspector
