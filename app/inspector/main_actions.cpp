#include "main_actions.h"

#include <QAction>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QToolBar>

namespace paratrace::inspector {

MainActions::MainActions(QMainWindow* window) : QObject(window) {
  auto make = [this](QKeySequence shortcut = {}) {
    auto* action = new QAction(this);
    if (!shortcut.isEmpty()) action->setShortcut(shortcut);
    return action;
  };
  open = make(QKeySequence::Open);
  save = make(QKeySequence::Save);
  saveAs = make(QKeySequence::SaveAs);
  quit = make(QKeySequence::Quit);
  exportImage = make(QKeySequence(Qt::CTRL | Qt::Key_E));
  exportIr = make(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
  undo = make(QKeySequence::Undo);
  redo = make(QKeySequence::Redo);
  addParametrization = make(QKeySequence(Qt::CTRL | Qt::Key_P));
  removeParametrizations = make(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
  retrace = make(QKeySequence(Qt::Key_F5));
  retraceSame = make(QKeySequence(Qt::SHIFT | Qt::Key_F5));
  checkTrace = make(QKeySequence(Qt::Key_F6));
  zoomIn = make();
  zoomIn->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_Equal), QKeySequence::ZoomIn});
  zoomOut = make(QKeySequence::ZoomOut);
  fitView = make(QKeySequence(Qt::Key_F));
  find = make(QKeySequence::Find);
  plugins = make();
  preferences = make(QKeySequence::Preferences);
  about = make();

  QMenuBar* bar = window->menuBar();
  fileMenu = bar->addMenu(QString());
  fileMenu->addAction(open);
  recentMenu = fileMenu->addMenu(QString());
  examplesMenu = fileMenu->addMenu(QString());
  fileMenu->addSeparator();
  fileMenu->addAction(save);
  fileMenu->addAction(saveAs);
  // A disabled Save tells why in its tooltip.
  fileMenu->setToolTipsVisible(true);
  fileMenu->addSeparator();
  fileMenu->addAction(exportImage);
  fileMenu->addAction(exportIr);
  fileMenu->addSeparator();
  fileMenu->addAction(quit);
  editMenu = bar->addMenu(QString());
  editMenu->addAction(undo);
  editMenu->addAction(redo);
  editMenu->addSeparator();
  editMenu->addAction(preferences);
  viewMenu = bar->addMenu(QString());
  viewMenu->addAction(zoomIn);
  viewMenu->addAction(zoomOut);
  viewMenu->addAction(fitView);
  viewMenu->addAction(find);
  viewMenu->addSeparator();
  modelMenu = bar->addMenu(QString());
  modelMenu->addAction(addParametrization);
  modelMenu->addAction(removeParametrizations);
  modelMenu->addSeparator();
  modelMenu->addAction(retrace);
  modelMenu->addAction(retraceSame);
  modelMenu->addAction(checkTrace);
  modelMenu->addSeparator();
  modelMenu->addAction(plugins);
  graphMenu = viewMenu;
  helpMenu = bar->addMenu(QString());
  helpMenu->addAction(about);

  toolBar = window->addToolBar(QString());
  toolBar->setObjectName(QStringLiteral("mainToolBar"));
  toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
  for (QAction* action : {open, save, exportImage, undo, redo, addParametrization, retrace, checkTrace, fitView})
    toolBar->addAction(action);
  retranslate();
}

void MainActions::retranslate() {
  fileMenu->setTitle(tr("&File"));
  recentMenu->setTitle(tr("Open &Recent"));
  examplesMenu->setTitle(tr("Open E&xample"));
  editMenu->setTitle(tr("&Edit"));
  viewMenu->setTitle(tr("&View"));
  modelMenu->setTitle(tr("&Model"));
  helpMenu->setTitle(tr("&Help"));
  toolBar->setWindowTitle(tr("Main toolbar"));
  open->setText(tr("&Open…"));
  save->setText(tr("&Save"));
  saveAs->setText(tr("Save &As…"));
  quit->setText(tr("&Quit"));
  exportImage->setText(tr("&Export Graph Image…"));
  exportIr->setText(tr("Export &IR Text…"));
  undo->setText(tr("&Undo"));
  redo->setText(tr("&Redo"));
  addParametrization->setText(tr("&Add Parametrization…"));
  removeParametrizations->setText(tr("&Remove Parametrizations…"));
  retrace->setText(tr("Re-&trace…"));
  retraceSame->setText(tr("Re-trace with the &Same Inputs"));
  checkTrace->setText(tr("&Check Trace"));
  zoomIn->setText(tr("Zoom &In"));
  zoomOut->setText(tr("Zoom &Out"));
  fitView->setText(tr("&Fit to View"));
  find->setText(tr("&Find Node…"));
  plugins->setText(tr("&Plugins…"));
  preferences->setText(tr("&Preferences…"));
  about->setText(tr("&About Paratrace"));
}

}  // namespace paratrace::inspector
