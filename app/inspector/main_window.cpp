#include "main_window.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDir>
#include <QScreen>
#include <QPalette>
#include <QStyle>
#include <QToolBar>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenu>
#include <QMimeData>
#include <QProgressDialog>
#include <QScopeGuard>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QMessageBox>
#include <QUndoStack>
#include <QVBoxLayout>
#include <functional>

#include "graph_view.h"
#include "paratrace/jit/ir.h"
#include "paratrace/nn/parametrize.h"

#include "add_parametrization_dialog.h"
#include "chain_view.h"
#include "export_dialog.h"
#include "graph_export.h"
#include "graph_export_job.h"
#include "model_edit_command.h"
#include "plugin_directories.h"
#include "plugins_dialog.h"
#include "preferences_dialog.h"
#include "retrace_dialog.h"
#include "translations.h"
#include "graph_panel.h"
#include "graph_scene.h"
#include "graphview_layouter.h"
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

QPalette darkPalette() {
  QPalette p;
  const QColor window(0x2b, 0x2f, 0x36), base(0x1e, 0x22, 0x27), text(0xdd, 0xe1, 0xe6);
  p.setColor(QPalette::Window, window);
  p.setColor(QPalette::WindowText, text);
  p.setColor(QPalette::Base, base);
  p.setColor(QPalette::AlternateBase, window);
  p.setColor(QPalette::ToolTipBase, base);
  p.setColor(QPalette::ToolTipText, text);
  p.setColor(QPalette::Text, text);
  p.setColor(QPalette::Button, window);
  p.setColor(QPalette::ButtonText, text);
  p.setColor(QPalette::Highlight, QColor(0x3d, 0x7e, 0xc6));
  p.setColor(QPalette::HighlightedText, Qt::white);
  p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x80, 0x80, 0x80));
  p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x80, 0x80, 0x80));
  p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x80, 0x80, 0x80));
  return p;
}
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
      check_(new TraceCheckPanel(this)),
      undoStack_(new QUndoStack(this)) {
  graph_->setLayouter(std::make_shared<GraphviewLayouter>());
  pluginDirectories_ = pluginhost::default_plugin_directories();
  plugins_.load_directories(pluginDirectories_);
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

  methodLabel_ = new QLabel(this);
  methodBox_ = new QComboBox(this);
  methodBox_->setObjectName(QStringLiteral("methodBox"));
  actions_->toolBar->addSeparator();
  actions_->toolBar->addWidget(methodLabel_);
  actions_->toolBar->addWidget(methodBox_);
  connect(methodBox_, &QComboBox::currentTextChanged, this, [this](const QString& method) {
    if (!method.isEmpty()) document_->setCurrentMethod(method);
  });
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

  // First launch: most of the screen; later ones restore what the user left.
  resize(screen() ? (screen()->availableGeometry().size() * 0.92).expandedTo(QSize(1100, 700)) : QSize(1400, 900));
  // The chain's cards need height; the properties list less.
  resizeDocks({dock(QStringLiteral("modulesDock")), dock(QStringLiteral("chainDock"))}, {330, 400}, Qt::Horizontal);
  resizeDocks({dock(QStringLiteral("chainDock")), dock(QStringLiteral("propertiesDock"))}, {560, 200}, Qt::Vertical);
  resizeDocks({dock(QStringLiteral("irDock"))}, {200}, Qt::Vertical);
  restoreGeometry(settings_.windowGeometry());
  restoreState(settings_.windowState());
  retranslate();
  rebuildRecentMenu();
  for (const QString& name : exampleNames())
    connect(actions_->examplesMenu->addAction(name), &QAction::triggered, this, [this, name] { openExample(name); });
  applyPreferences();
  updateActions();
}

MainWindow::~MainWindow() {
  // The undo stack, a child, is cleared when deleted: its signals must not
  // reach the half-destroyed window's actions.
  undoStack_->disconnect(this);
}

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
  connect(actions_->save, &QAction::triggered, this, &MainWindow::save);
  connect(actions_->saveAs, &QAction::triggered, this, &MainWindow::saveWithDialog);
  connect(undoStack_, &QUndoStack::cleanChanged, this, [this](bool clean) { setWindowModified(!clean); });
  connect(undoStack_, &QUndoStack::indexChanged, this, &MainWindow::updateSaveActions);
  connect(actions_->quit, &QAction::triggered, this, &QWidget::close);
  connect(actions_->zoomIn, &QAction::triggered, graph_->view(), &GraphView::zoomIn);
  connect(actions_->zoomOut, &QAction::triggered, graph_->view(), &GraphView::zoomOut);
  connect(actions_->fitView, &QAction::triggered, graph_->view(), &GraphView::fitGraph);
  connect(actions_->find, &QAction::triggered, graph_, &GraphPanel::startSearch);
  connect(actions_->retrace, &QAction::triggered, this, [this] {
    RetraceDialog dialog(*document_, this);
    if (dialog.exec() == QDialog::Accepted)
      messageBar_->showMessage(MessageBar::Level::Info, tr("Re-traced %1 with the chosen inputs.").arg(dialog.method()));
  });
  connect(actions_->retraceSame, &QAction::triggered, this, &MainWindow::retrace);
  connect(actions_->exportImage, &QAction::triggered, this, [this] {
    ExportDialog dialog(settings_.defaultExportFormat(), settings_.exportDpi(), graph_->isDark(), this);
    if (dialog.exec() != QDialog::Accepted) return;
    settings_.setExportDpi(dialog.dpi());
    startGraphImageExport(dialog.path(), dialog.format(), dialog.dpi(), dialog.dark(), dialog.visibleAreaOnly());
  });
  connect(actions_->exportIr, &QAction::triggered, this, [this] {
    const QString path = QFileDialog::getSaveFileName(this, tr("Export IR Text"), document_->model().name + QStringLiteral(".ir"),
                                                      tr("IR text (*.ir *.txt)"));
    if (!path.isEmpty()) exportIrText(path);
  });
  connect(actions_->undo, &QAction::triggered, undoStack_, &QUndoStack::undo);
  connect(actions_->redo, &QAction::triggered, undoStack_, &QUndoStack::redo);
  connect(undoStack_, &QUndoStack::canUndoChanged, actions_->undo, &QAction::setEnabled);
  connect(undoStack_, &QUndoStack::canRedoChanged, actions_->redo, &QAction::setEnabled);
  actions_->undo->setEnabled(false);
  actions_->redo->setEnabled(false);
  connect(actions_->addParametrization, &QAction::triggered, this, [this] {
    if (auto dialog = makeAddParametrizationDialog()) dialog->exec();
  });
  connect(actions_->removeParametrizations, &QAction::triggered, this, &MainWindow::askRemoveParametrizations);
  connect(actions_->plugins, &QAction::triggered, this, [this] { PluginsDialog(plugins_, pluginDirectories_, this).exec(); });
  connect(actions_->preferences, &QAction::triggered, this, [this] {
    PreferencesDialog dialog(settings_, this);
    if (dialog.exec() == QDialog::Accepted) applyPreferences();
  });
  connect(actions_->about, &QAction::triggered, this, [this] {
    QMessageBox::about(this, tr("About Paratrace"),
                       tr("<h3>Paratrace %1</h3><p>An inspector for PyTorch-style parametrizations and traced "
                          "graphs, built on the Paratrace C++ library.</p><p>Qt %2 · Graphviz layout</p>")
                           .arg(QCoreApplication::applicationVersion(), QString::fromLatin1(qVersion())));
  });
  connect(actions_->checkTrace, &QAction::triggered, this, [this] {
    dock(QStringLiteral("traceCheckDock"))->show();
    dock(QStringLiteral("traceCheckDock"))->raise();
    check_->start();
  });
}

bool MainWindow::openFile(const QString& path) {
  if (!maybeSave()) return false;
  try {
    QString traceError;
    LoadedModel loaded = ModelFileLoader::load(path, plugins_, &traceError);
    // Bundled examples live in the resources, not worth a recent-files entry.
    if (!path.startsWith(QLatin1Char(':'))) settings_.addRecentFile(loaded.path);
    setModel(std::move(loaded));
    if (!traceError.isEmpty())
      messageBar_->showMessage(MessageBar::Level::Warning, tr("The model opened, but tracing it failed:\n%1").arg(traceError));
  } catch (const std::exception& e) {
    messageBar_->showMessage(MessageBar::Level::Error,
                             tr("Could not open the file; the previous model stays open.\n%1")
                                 .arg(QString::fromStdString(e.what())));
    return false;
  }
  rebuildRecentMenu();
  return true;
}

QStringList MainWindow::exampleNames() {
  QStringList names;
  for (const QString& file : QDir(QStringLiteral(":/models")).entryList({QStringLiteral("*.paratrace.json")}, QDir::Files))
    names << file.chopped(static_cast<int>(qstrlen(".paratrace.json")));
  return names;
}

bool MainWindow::openExample(const QString& name) {
  return openFile(QStringLiteral(":/models/%1.paratrace.json").arg(name));
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

bool MainWindow::isModified() const { return !undoStack_->isClean(); }

bool MainWindow::save() {
  if (DocumentSaver::savesInPlace(document_->model())) return saveAs(document_->model().path);
  return saveWithDialog();
}

bool MainWindow::editsInEffect() const { return undoStack_->index() > 0; }

SaveFormat MainWindow::saveFormat() {
  const SaveFormat format = DocumentSaver::format(document_->model(), editsInEffect());
  if (format == SaveFormat::None)
    messageBar_->showMessage(MessageBar::Level::Warning, DocumentSaver::whyNot(document_->model(), editsInEffect()));
  return format;
}

bool MainWindow::saveWithDialog() {
  const SaveFormat format = saveFormat();
  if (format == SaveFormat::None) return false;
  const QString path = askSavePath(DocumentSaver::suggestedPath(document_->model(), format), DocumentSaver::fileFilter(format));
  return !path.isEmpty() && saveAs(path);
}

bool MainWindow::saveAs(const QString& path) {
  const SaveFormat format = saveFormat();
  if (format == SaveFormat::None) return false;
  const QString file = QFileInfo(DocumentSaver::withSuffix(path, format)).absoluteFilePath();
  try {
    QJsonObject written = DocumentSaver::write(document_->model(), format, file);
    document_->setFile(file, ModelFileLoader::displayName(file), std::move(written));
  } catch (const std::exception& e) {
    messageBar_->showMessage(MessageBar::Level::Error, tr("Could not save %1; the model stays open as it was.\n%2")
                                                           .arg(file, QString::fromStdString(e.what())));
    return false;
  }
  undoStack_->setClean();
  settings_.addRecentFile(file);
  rebuildRecentMenu();
  updateTitle();
  updateSaveActions();
  messageBar_->showMessage(MessageBar::Level::Info, tr("Saved %1.").arg(file));
  return true;
}

bool MainWindow::maybeSave() {
  if (!isModified()) return true;
  switch (askToSaveChanges()) {
    case QMessageBox::Save:
      return save();
    case QMessageBox::Discard:
      return true;
    default:
      return false;
  }
}

QMessageBox::StandardButton MainWindow::askToSaveChanges() {
  return QMessageBox::warning(this, tr("Unsaved Changes"),
                              tr("%1 has changes that are not saved. Save them?").arg(document_->model().name),
                              QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
}

QString MainWindow::askSavePath(const QString& suggested, const QString& filter) {
  return QFileDialog::getSaveFileName(this, tr("Save Model As"), suggested, filter);
}

void MainWindow::updateSaveActions() {
  const QString why = DocumentSaver::whyNot(document_->model(), editsInEffect());
  for (QAction* action : {actions_->save, actions_->saveAs}) {
    action->setEnabled(why.isEmpty());
    action->setToolTip(why);
  }
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
  undoStack_->clear();
  chain_->clear();
  properties_->clear();
  modules_->setRoot(document_->module());
  updateTitle();
  onTraceChanged();
  selectFirstParametrizedTensor();
}

void MainWindow::onTraceChanged() {
  {
    const QSignalBlocker blocker(methodBox_);
    methodBox_->clear();
    methodBox_->addItems(document_->methods());
    methodBox_->setCurrentText(document_->currentMethod());
    methodBox_->setEnabled(methodBox_->count() > 1);
  }
  LayoutInput input;
  input.graph = document_->graph();
  input.traced = document_->model().traced;
  input.method = document_->currentMethod().toStdString();
  if (input.graph) input.collapseDepth = initialCollapseDepth(*input.graph);
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

const TreeItemRef* MainWindow::selectedTensor() const {
  const TreeItemRef* item = modules_->selectedItem();
  return item && item->kind != TreeItemKind::Module ? item : nullptr;
}

std::unique_ptr<AddParametrizationDialog> MainWindow::makeAddParametrizationDialog() {
  const TreeItemRef* item = selectedTensor();
  if (!item) {
    messageBar_->showMessage(MessageBar::Level::Warning, tr("Select a parameter, buffer or parametrized tensor first."));
    return nullptr;
  }
  const Tensor value = item->module->attr(item->name);
  if (!value.defined()) {
    messageBar_->showMessage(MessageBar::Level::Warning, tr("%1 is None.").arg(QString::fromStdString(item->path)));
    return nullptr;
  }
  const std::string path = item->path;
  const std::string name = item->name;
  const std::string modulePath = path.size() > name.size() ? path.substr(0, path.size() - name.size() - 1) : "";
  auto apply = [this, modulePath, name, path](std::shared_ptr<nn::Parametrization> p, bool unsafe, const QString& type,
                                               const QVariantMap& options) {
    const QString text = tr("Add %1 to %2").arg(QString::fromStdString(p->class_name()), QString::fromStdString(path));
    undoStack_->push(ModelEditCommand::apply(
                         document_, text,
                         [&](nn::Module& root) {
                           nn::Module& owner = modulePath.empty() ? root : *root.get_submodule(modulePath);
                           nn::parametrize::register_parametrization(owner, name, p, unsafe);
                         },
                         withParametrization(document_->parametrizations(), modulePath, name, type, options, unsafe))
                         .release());
  };
  return std::make_unique<AddParametrizationDialog>(plugins_, QString::fromStdString(path),
                                                    plugin::TensorSpec{value.sizes(), value.dtype()}, apply, this);
}

bool MainWindow::removeParametrizations(bool leaveParametrized) {
  const TreeItemRef* item = selectedTensor();
  if (!item || item->kind != TreeItemKind::Parametrized) {
    messageBar_->showMessage(MessageBar::Level::Warning, tr("Select a parametrized tensor first."));
    return false;
  }
  const std::string path = item->path;
  const std::string name = item->name;
  const std::string modulePath = path.size() > name.size() ? path.substr(0, path.size() - name.size() - 1) : "";
  try {
    undoStack_->push(ModelEditCommand::apply(document_, tr("Remove parametrizations of %1").arg(QString::fromStdString(path)),
                                             [&](nn::Module& root) {
                                               nn::Module& owner = modulePath.empty() ? root : *root.get_submodule(modulePath);
                                               nn::parametrize::remove_parametrizations(owner, name, leaveParametrized);
                                             },
                                             withoutChain(document_->parametrizations(), modulePath, name))
                         .release());
  } catch (const std::exception& e) {
    messageBar_->showMessage(MessageBar::Level::Error, QString::fromStdString(e.what()));
    return false;
  }
  return true;
}

void MainWindow::askRemoveParametrizations() {
  const TreeItemRef* item = selectedTensor();
  if (!item || item->kind != TreeItemKind::Parametrized) {
    messageBar_->showMessage(MessageBar::Level::Warning, tr("Select a parametrized tensor first."));
    return;
  }
  QMessageBox box(QMessageBox::Question, tr("Remove Parametrizations"),
                  tr("Remove every parametrization of %1?").arg(QString::fromStdString(item->path)),
                  QMessageBox::Ok | QMessageBox::Cancel, this);
  auto* leave = new QCheckBox(tr("Keep the current (parametrized) value (leave_parametrized)"), &box);
  leave->setChecked(true);
  box.setCheckBox(leave);
  if (box.exec() == QMessageBox::Ok) removeParametrizations(leave->isChecked());
}

// The scene as shown, in the export's theme (redrawn for it and back).
GraphSnapshot MainWindow::snapshotAsShown(const QString& path, bool dark, bool visibleOnly) {
  const bool shownDark = graph_->isDark();
  const QRectF area =
      visibleOnly ? graph_->view()->mapToScene(graph_->view()->viewport()->rect()).boundingRect() : QRectF();
  graph_->setDark(dark);
  const auto restore = qScopeGuard([&] { graph_->setDark(shownDark); });
  return GraphExport::snapshot(*graph_->scene(), area, path);
}

bool MainWindow::exportGraphImage(const QString& path, const QString& format, double dpi, bool dark, bool visibleOnly) {
  GraphExportOptions options;
  options.format = format;
  options.dpi = dpi;
  try {
    GraphExport::checkFormat(format, path);
    GraphExport::commit(*GraphExport::encode(snapshotAsShown(path, dark, visibleOnly), path, options));
  } catch (const std::exception& e) {
    messageBar_->showMessage(MessageBar::Level::Error, tr("Export failed: %1").arg(QString::fromStdString(e.what())));
    return false;
  }
  messageBar_->showMessage(MessageBar::Level::Info, tr("Exported %1.").arg(path));
  return true;
}

GraphExportJob* MainWindow::startGraphImageExport(const QString& path, const QString& format, double dpi, bool dark,
                                                  bool visibleOnly) {
  GraphExportOptions options;
  options.format = format;
  options.dpi = dpi;
  GraphSnapshot snapshot;
  try {
    GraphExport::checkFormat(format, path);
    snapshot = snapshotAsShown(path, dark, visibleOnly);
  } catch (const std::exception& e) {
    messageBar_->showMessage(MessageBar::Level::Error, tr("Export failed: %1").arg(QString::fromStdString(e.what())));
    return nullptr;
  }
  auto* job = new GraphExportJob(this);
  // Shown only when the export takes a while; its Cancel cancels the job.
  auto* progress = new QProgressDialog(tr("Exporting %1…").arg(QFileInfo(path).fileName()), tr("Cancel"), 0, 0, this);
  progress->setWindowTitle(tr("Export Graph Image"));
  progress->setAutoReset(false);  // a busy bar is at its maximum from the start
  progress->setMinimumDuration(400);
  progress->setValue(0);
  connect(progress, &QProgressDialog::canceled, job, &GraphExportJob::cancel);
  connect(job, &GraphExportJob::stageChanged, progress, &QProgressDialog::setLabelText);
  connect(job, &GraphExportJob::finished, this, [this, job, progress, path](bool ok, const QString& error) {
    progress->deleteLater();
    job->deleteLater();
    if (ok) messageBar_->showMessage(MessageBar::Level::Info, tr("Exported %1.").arg(path));
    else if (error.isEmpty()) messageBar_->showMessage(MessageBar::Level::Info, tr("Export cancelled; nothing was written."));
    else messageBar_->showMessage(MessageBar::Level::Error, tr("Export failed: %1").arg(error));
  });
  job->start(std::move(snapshot), path, options);
  return job;
}

bool MainWindow::exportIrText(const QString& path) {
  try {
    GraphExport::writeText(path, ir_->toPlainText());
  } catch (const std::exception& e) {
    messageBar_->showMessage(MessageBar::Level::Error, tr("Export failed: %1").arg(QString::fromStdString(e.what())));
    return false;
  }
  messageBar_->showMessage(MessageBar::Level::Info, tr("Exported %1.").arg(path));
  return true;
}

void MainWindow::applyPreferences() {
  Translations::apply(settings_.language());
  const bool dark = settings_.theme() == QLatin1String("dark");
  // Fusion draws the same everywhere and takes a dark palette faithfully.
  QApplication::setStyle(QStringLiteral("Fusion"));
  QApplication::setPalette(dark ? darkPalette() : QApplication::style()->standardPalette());
  graph_->setDark(dark);
  ir_->setDark(dark);
}

void MainWindow::updateActions() {
  actions_->addParametrization->setEnabled(document_->module() != nullptr);
  actions_->removeParametrizations->setEnabled(document_->module() != nullptr);
  actions_->retrace->setEnabled(document_->canRetrace());
  actions_->retraceSame->setEnabled(document_->canRetrace());
  actions_->checkTrace->setEnabled(document_->canCheckTrace());
  actions_->exportIr->setEnabled(static_cast<bool>(document_->graph()));
  actions_->exportImage->setEnabled(static_cast<bool>(document_->graph()));
  updateSaveActions();
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
  setWindowTitle(name.isEmpty() ? tr("Paratrace") : tr("%1[*] — Paratrace").arg(name));
}

void MainWindow::retranslate() {
  actions_->retranslate();
  updateSaveActions();
  methodLabel_->setText(tr("Method:"));
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
  if (!maybeSave()) {
    event->ignore();
    return;
  }
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
