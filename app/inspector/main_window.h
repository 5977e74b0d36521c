#pragma once
// The inspector's main window: docks around the trace graph, the menus, and
// the file handling (open, save, recent files, drag and drop). Errors go to
// the message bar; a file that fails to open or to save leaves the open model
// as it was.
#include <QMainWindow>
#include <QMessageBox>
#include <QPointer>
#include <memory>

#include "app_settings.h"
#include "loaded_model.h"
#include "plugin_manager.h"
#include "save_document.h"

class QComboBox;
class QDockWidget;
class QLabel;
class QMenu;
class QUndoStack;

namespace paratrace::inspector {

class AddParametrizationDialog;
class ChainView;
class GraphExportJob;
class GraphPanel;
struct GraphSnapshot;
class IrView;
class TraceCheckPanel;
class MainActions;
class PropertiesPanel;
class MessageBar;
class ModelDocument;
class ModulesPanel;
struct TreeItemRef;

class MainWindow : public QMainWindow {
  Q_OBJECT

 public:
  explicit MainWindow(QWidget* parent = nullptr);
  ~MainWindow() override;

  // Opens a file; on failure shows the error and returns false, keeping the
  // current model. Unsaved changes are offered for saving first (false when
  // the user cancels).
  bool openFile(const QString& path);
  // Save: writes the model back to its file (DocumentSaver picks the format);
  // a bundled example or a model built in memory asks for a name, as Save As.
  bool save();
  // Save As to `path` (the format's suffix added when missing); the model then
  // lives there and is unmodified. Errors go to the message bar, naming the
  // file and the reason.
  bool saveAs(const QString& path);
  // Whether edits are in effect that the file does not have.
  bool isModified() const;
  // The bundled example models (":/models/<name>.paratrace.json"), by name.
  static QStringList exampleNames();
  bool openExample(const QString& name);
  // Shows a model built in memory (tests, bundled examples).
  void setModel(LoadedModel model);

  ModelDocument* document() const { return document_; }
  MessageBar* messageBar() const { return messageBar_; }
  ModulesPanel* modulesPanel() const { return modules_; }
  ChainView* chainView() const { return chain_; }
  PropertiesPanel* propertiesPanel() const { return properties_; }
  GraphPanel* graphPanel() const { return graph_; }
  IrView* irView() const { return ir_; }
  TraceCheckPanel* traceCheckPanel() const { return check_; }
  // Traces every method again with the example inputs; errors go to the
  // message bar and keep the previous trace.
  bool retrace();
  // The Add parametrization dialog for the selected tensor (null, with a
  // message, when no tensor is selected); accepting it pushes an undo step.
  std::unique_ptr<AddParametrizationDialog> makeAddParametrizationDialog();
  // Removes the chain of the selected parametrized tensor as one undo step.
  bool removeParametrizations(bool leaveParametrized);
  QUndoStack* undoStack() const { return undoStack_; }
  const pluginhost::PluginManager& plugins() const { return plugins_; }
  // Writes the graph as shown (format "svg", "png" or "pdf"); errors go to
  // the message bar.
  bool exportGraphImage(const QString& path, const QString& format, double dpi, bool dark, bool visibleOnly);
  // The same, drawn and encoded off the GUI thread with a progress dialog
  // and Cancel; the result goes to the message bar. Returns the running job
  // (deleted after its finished()), or null when it could not start.
  GraphExportJob* startGraphImageExport(const QString& path, const QString& format, double dpi, bool dark,
                                        bool visibleOnly);
  bool exportIrText(const QString& path);
  // Applies the language and theme stored in the settings.
  void applyPreferences();
  MainActions* actions() const { return actions_; }
  QDockWidget* dock(const QString& objectName) const;

 protected:
  // Asked before unsaved changes would be lost: Save, Discard or Cancel.
  // Tests override these to answer without a dialog.
  virtual QMessageBox::StandardButton askToSaveChanges();
  // The Save As file dialog; empty when cancelled.
  virtual QString askSavePath(const QString& suggested, const QString& filter);

  void closeEvent(QCloseEvent* event) override;
  void dragEnterEvent(QDragEnterEvent* event) override;
  void dropEvent(QDropEvent* event) override;
  void changeEvent(QEvent* event) override;

 private:
  QDockWidget* addPanel(const QString& objectName, QWidget* widget, Qt::DockWidgetArea area);
  void connectActions();
  void openWithDialog();
  bool saveWithDialog();
  // Whether undo steps are in effect since the file was opened.
  bool editsInEffect() const;
  // What Save writes; None with the reason shown in the message bar.
  SaveFormat saveFormat();
  // True when there is nothing unsaved or the user saved or discarded it.
  bool maybeSave();
  void updateSaveActions();
  void rebuildRecentMenu();
  void onModelReset();
  void onModuleChanged();
  void onTraceChanged();
  void updateActions();
  void askRemoveParametrizations();
  const TreeItemRef* selectedTensor() const;
  void onNodeSelected(const QString& id);
  void onItemSelected(const TreeItemRef& item);
  void selectFirstParametrizedTensor();
  void retranslate();
  void updateTitle();
  GraphSnapshot snapshotAsShown(const QString& path, bool dark, bool visibleOnly);

  AppSettings settings_;
  ModelDocument* document_;
  MainActions* actions_;
  MessageBar* messageBar_;
  ModulesPanel* modules_;
  ChainView* chain_;
  PropertiesPanel* properties_;
  GraphPanel* graph_;
  IrView* ir_;
  TraceCheckPanel* check_;
  QUndoStack* undoStack_;
  pluginhost::PluginManager plugins_;
  QStringList pluginDirectories_;
  QList<QDockWidget*> docks_;
  QLabel* methodLabel_;
  QComboBox* methodBox_;
};

}  // namespace paratrace::inspector
