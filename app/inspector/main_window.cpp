#include "main_window.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenu>
#include <QMimeData>
#include <QVBoxLayout>
#include <functional>

#include "graph_view.h"
#include "paratrace/jit/ir.h"

#include "chain_view.h"
#include "graph_panel.h"
#include "graph_scene.h"
#include "ir_view.h"
#include "node_properties.h"
#include "main_actions.h"
#include "message_bar.h"
#include "model_document.h"
#include "model_file_loader.h"
#include "modules_panel.h"
#include "properties_panel.h"
#include "selection_properties.h"
#include "trace_check_panel.h"

namespace paratrace::inspector {

namespace {
constexpr std::size_t kCollapseAboveNodes = 1500;
}  // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent),
      document_(new ModelDocument(this)),
      actions_(new MainActions(this)),
      messageBar_(new MessageBar(this)),
      modules_(new ModulesPanel(this)),
      chain_(new ChainView(this)),
      properties_(new PropertiesPanel(this)),
      graph_(new GraphPanel(this)),
      ir_(new IrView(this)),
      check_(new TraceCheckPanel(this)) {
  setAcceptDrops(true);
  auto* central = new QWidget(this);
  auto* layout = new QVBoxLayout(central);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->setSpacing(0);
  layout->addWidget(messageBar_);
  layout->addWidget(graph_, 1);
  setCentralWidget(central);

  addPanel(QStringLiteral("modulesDock"), modules_, Qt::LeftDockWidgetArea);
  addPanel(QStringLiteral("chainDock"), chain_, Qt::RightDockWidgetArea);
  addPanel(QStringLiteral("propertiesDock"), properties_, Qt::RightDockWidgetArea);
  QDockWidget* ir = addPanel(QStringLiteral("irDock"), ir_, Qt::BottomDockWidgetArea);
  QDockWidget* check = addPanel(QStringLiteral("traceCheckDock"), check_, Qt::BottomDockWidgetArea);
  tabifyDockWidget(ir, check);
  ir->raise();

  connectActions();
  connect(document_, &ModelDocument::modelReset, this, &MainWindow::onModelReset);
  connect(document_, &ModelDocument::moduleChanged, this, &MainWindow::onModuleChanged);
  connect(modules_, &ModulesPanel::itemSelected, this, &MainWindow::onItemSelected);
  connect(document_, &ModelDocument::traceChanged, this, &MainWindow::onTraceChanged);
  connect(document_, &ModelDocument::traceFailed, this,
          [this](const QString& message) { messageBar_->showMessage(MessageBar::Level::Warning, tr("Re-tracing failed: %1").arg(message)); });
  connect(graph_, &GraphPanel::nodeSelected, this, &MainWindow::onNodeSelected);
  connect(graph_, &GraphPanel::layoutFailed, this,
          [this](const QString& message) { messageBar_->showMessage(MessageBar::Level::Error, tr("Graph layout failed: %1").arg(message)); });
  connect(ir_, &IrView::valueSelected, this, [this](const QString& name) {
    const QString id = graph_->scene()->nodeForValue(name);
    if (!id.isEmpty() && graph_->scene()->selectedNode() != id) graph_->scene()->selectNode(id);
  });

  resize(1400, 900);
  restoreGeometry(settings_.windowGeometry());
  restoreState(settings_.windowState());
  retranslate();
  rebuildRecentMenu();
}

MainWindow::~MainWindow() = default;

QDockWidget* MainWindow::addPanel(const QString& objectName, QWidget* widget, Qt::DockWidgetArea area) {
  auto* dock = new QDockWidget(this);
  dock->setObjectName(objectName);
  dock->setWidget(widget);
  addDockWidget(area, dock);
  actions_->viewMenu->addAction(dock->toggleViewAction());
  docks_ << dock;
  return dock;
}

QDockWidget* MainWindow::dock(const QString& objectName) const {
  for (QDockWidget* d : docks_)
    if (d->objectName() == objectName) return d;
  return nullptr;
}

void MainWindow::connectActions() {
  connect(actions_->open, &QAction::triggered, this, &MainWindow::openWithDialog);
  connect(actions_->quit, &QAction::triggered, this, &QWidget::close);
  connect(actions_->zoomIn, &QAction::triggered, graph_->view(), &GraphView::zoomIn);
  connect(actions_->zoomOut, &QAction::triggered, graph_->view(), &GraphView::zoomOut);
  connect(actions_->fitView, &QAction::triggered, graph_->view(), &GraphView::fitGraph);
  connect(actions_->find, &QAction::triggered, graph_, &GraphPanel::startSearch);
  connect(actions_->retrace, &QAction::triggered, this, &MainWindow::retrace);
  connect(actions_->checkTrace, &QAction::triggered, this, [this] {
    dock(QStringLiteral("traceCheckDock"))->show();
    dock(QStringLiteral("traceCheckDock"))->raise();
    check_->start();
  });
}

bool MainWindow::openFile(const QString& path) {
  try {
    LoadedModel loaded = ModelFileLoader::load(path);
    settings_.addRecentFile(loaded.path);
    setModel(std::move(loaded));
  } catch (const std::exception& e) {
    messageBar_->showMessage(MessageBar::Level::Error,
                             tr("Could not open the file; the previous model stays open.\n%1")
                                 .arg(QString::fromStdString(e.what())));
    return false;
  }
  rebuildRecentMenu();
  return true;
}

void MainWindow::setModel(LoadedModel model) {
  messageBar_->hide();
  document_->setModel(std::move(model));
}

void MainWindow::openWithDialog() {
  const QString path = QFileDialog::getOpenFileName(
      this, tr("Open Model"), QString(),
      tr("Paratrace files (*.paratrace.json *.json *.safetensors *.pt *.ir *.txt);;All files (*)"));
  if (!path.isEmpty()) openFile(path);
}

void MainWindow::rebuildRecentMenu() {
  QMenu* menu = actions_->recentMenu;
  menu->clear();
  const QStringList files = settings_.recentFiles();
  for (const QString& file : files) {
    QAction* action = menu->addAction(QFileInfo(file).fileName());
    action->setToolTip(file);
    action->setData(file);
    connect(action, &QAction::triggered, this, [this, file] { openFile(file); });
  }
  menu->setEnabled(!files.isEmpty());
}

void MainWindow::onModelReset() {
  chain_->clear();
  properties_->clear();
  modules_->setRoot(document_->module());
  updateTitle();
  onTraceChanged();
  selectFirstParametrizedTensor();
}

void MainWindow::onTraceChanged() {
  LayoutInput input;
  input.graph = document_->graph();
  input.traced = document_->model().traced;
  input.method = document_->currentMethod().toStdString();
  // Unrolled recurrences have thousands of ops: start with the modules closed.
  if (input.graph && input.graph->nodes().size() > kCollapseAboveNodes) input.collapseDepth = 1;
  graph_->showGraph(std::move(input));
  ir_->setGraph(document_->graph());
  const LoadedModel& model = document_->model();
  Stack example;
  for (const auto& [method, inputs] : model.example_inputs)
    if (method == "forward") example = inputs;
  if (document_->canCheckTrace() && !example.empty()) check_->setTarget(model.module, model.traced, example);
  else check_->setTarget(nullptr, nullptr, {});
  updateActions();
}

void MainWindow::updateActions() {
  actions_->retrace->setEnabled(document_->canRetrace());
  actions_->checkTrace->setEnabled(document_->canCheckTrace());
  actions_->exportIr->setEnabled(static_cast<bool>(document_->graph()));
  actions_->exportImage->setEnabled(static_cast<bool>(document_->graph()) && graph_->hasLayouter());
}

bool MainWindow::retrace() {
  if (!document_->canRetrace()) {
    messageBar_->showMessage(MessageBar::Level::Warning, tr("This model has no example inputs to trace with."));
    return false;
  }
  try {
    document_->retrace();
  } catch (const std::exception& e) {
    messageBar_->showMessage(MessageBar::Level::Error,
                             tr("Tracing failed; the previous trace is kept.\n%1").arg(QString::fromStdString(e.what())));
    return false;
  }
  messageBar_->showMessage(MessageBar::Level::Info, tr("Re-traced %n method(s).", nullptr,
                                                       static_cast<int>(document_->methods().size())));
  return true;
}

void MainWindow::onNodeSelected(const QString& id) {
  const PictureNode* node = graph_->scene()->node(id);
  if (!node) return;
  properties_->setSections(NodeProperties::forNode(*node));
  if (node->value) ir_->selectValue(QString::fromStdString(node->value->debug_name()));
  else if (!node->irNodes.empty() && !node->irNodes.front()->outputs().empty())
    ir_->selectValue(QString::fromStdString(node->irNodes.front()->output()->debug_name()));
}

void MainWindow::selectFirstParametrizedTensor() {
  const ModuleTreeModel* model = modules_->model();
  std::function<QModelIndex(const QModelIndex&)> find = [&](const QModelIndex& parent) -> QModelIndex {
    for (int r = 0; r < model->rowCount(parent); ++r) {
      const QModelIndex index = model->index(r, 0, parent);
      if (model->itemAt(index)->kind == TreeItemKind::Parametrized) return index;
      if (const QModelIndex found = find(index); found.isValid()) return found;
    }
    return {};
  };
  if (const QModelIndex found = find({}); found.isValid())
    modules_->selectPath(model->data(found, ModuleTreeModel::PathRole).toString());
}

void MainWindow::onModuleChanged() {
  const TreeItemRef* selected = modules_->selectedItem();
  const QString path = selected ? QString::fromStdString(selected->path) : QString();
  modules_->setRoot(document_->module());
  if (path.isEmpty() || !modules_->selectPath(path)) {
    chain_->clear();
    properties_->clear();
  }
}

void MainWindow::onItemSelected(const TreeItemRef& item) {
  try {
    properties_->setSections(SelectionProperties::forItem(item));
  } catch (const std::exception& e) {
    messageBar_->showMessage(MessageBar::Level::Error, QString::fromStdString(e.what()));
  }
  if (item.kind == TreeItemKind::Module) chain_->clear();
  else chain_->setTensor(item.module, item.name);
}

void MainWindow::updateTitle() {
  const QString name = document_->model().name;
  setWindowTitle(name.isEmpty() ? tr("Paratrace") : tr("%1 — Paratrace").arg(name));
}

void MainWindow::retranslate() {
  actions_->retranslate();
  dock(QStringLiteral("modulesDock"))->setWindowTitle(tr("Modules"));
  dock(QStringLiteral("chainDock"))->setWindowTitle(tr("Parametrization Chain"));
  dock(QStringLiteral("propertiesDock"))->setWindowTitle(tr("Properties"));
  dock(QStringLiteral("irDock"))->setWindowTitle(tr("IR"));
  dock(QStringLiteral("traceCheckDock"))->setWindowTitle(tr("Trace Check"));
  updateTitle();
}

void MainWindow::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslate();
  QMainWindow::changeEvent(event);
}

void MainWindow::closeEvent(QCloseEvent* event) {
  settings_.setWindowGeometry(saveGeometry());
  settings_.setWindowState(saveState());
  QMainWindow::closeEvent(event);
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
  const QList<QUrl> urls = event->mimeData()->urls();
  if (!urls.isEmpty() && urls.first().isLocalFile()) event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event) {
  const QList<QUrl> urls = event->mimeData()->urls();
  if (urls.isEmpty() || !urls.first().isLocalFile()) return;
  event->acceptProposedAction();
  openFile(urls.first().toLocalFile());
}

}  // namespace paratrace::inspector
