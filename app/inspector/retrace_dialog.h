#pragma once
// Model > Re-trace…: choose a method (those with example inputs, forward
// first), see its example inputs (nesting, shape, dtype) and replace any
// tensor by random normal values of an edited shape and seed, zeros, ones,
// or a tensor from a safetensors file. Re-trace traces the method with them
// through core's trace_module; on success they become the method's example
// inputs, on failure the error stays in the dialog and the previous trace is
// kept.
#include <QDialog>
#include <map>
#include <vector>

#include "retrace_inputs.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTreeWidget;
class QTreeWidgetItem;
class QWidget;

namespace paratrace::inspector {

class ModelDocument;

class RetraceDialog : public QDialog {
  Q_OBJECT

 public:
  explicit RetraceDialog(ModelDocument& document, QWidget* parent = nullptr);

  QStringList methods() const;
  QString method() const;
  void setMethod(const QString& method);
  // The tensors of the method's inputs, in the tree's order.
  int tensorCount() const { return static_cast<int>(current_.size()); }
  QString tensorPath(int tensor) const;
  // Selects the tensor's row, whose choice the editor then shows and edits.
  void selectTensor(int tensor);
  InputChoice choice(int tensor) const;
  // What the Re-trace button does: builds the inputs and traces; on an
  // error shows it (errorText) and returns false, keeping the dialog open.
  bool retrace();
  QString errorText() const;

 private:
  void showMethod();
  void showChoice();
  void storeChoice();
  void browseFile();
  void listFileTensors();
  void showError(const QString& text);
  QString describe(const InputChoice& choice) const;
  std::vector<InputChoice>& choices() { return choices_[method()]; }

  ModelDocument& document_;
  QComboBox* methodBox_;
  QTreeWidget* tree_;
  QWidget* editor_;
  QComboBox *sourceBox_, *dtypeBox_, *nameBox_;
  QLineEdit *shapeEdit_, *fileEdit_;
  QSpinBox* seedBox_;
  QPushButton* browse_;
  QLabel* error_;
  std::vector<InputRow> rows_;
  std::vector<Tensor> current_;
  std::vector<QTreeWidgetItem*> tensorItems_;
  std::map<QString, std::vector<InputChoice>> choices_;  // per method, kept while switching
  int editing_ = -1;
};

}  // namespace paratrace::inspector
