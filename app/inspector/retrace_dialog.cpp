#include "retrace_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <limits>

#include "model_document.h"
#include "paratrace/errors.h"
#include "paratrace/jit/ir.h"
#include "safetensors_file.h"
#include "shape_text.h"

namespace paratrace::inspector {

namespace {

enum Column { NameColumn, ShapeColumn, DtypeColumn, ValueColumn };

// The graph's input names (PyTorch's come from the Python signature), self
// left out; empty when the method has no trace.
QStringList argumentNames(const ModelDocument& document, const QString& method) {
  QStringList names;
  const auto& traced = document.model().traced;
  if (!traced) return names;
  for (const auto& name : traced->method_names())
    if (QString::fromStdString(name) == method)
      for (const jit::Value* input : traced->inlined_graph(name)->inputs())
        if (input->type()->kind() != jit::Type::Kind::Class) names << QString::fromStdString(input->debug_name());
  return names;
}

}  // namespace

RetraceDialog::RetraceDialog(ModelDocument& document, QWidget* parent)
    : QDialog(parent),
      document_(document),
      methodBox_(new QComboBox(this)),
      tree_(new QTreeWidget(this)),
      editor_(new QWidget(this)),
      sourceBox_(new QComboBox(editor_)),
      dtypeBox_(new QComboBox(editor_)),
      nameBox_(new QComboBox(editor_)),
      shapeEdit_(new QLineEdit(editor_)),
      fileEdit_(new QLineEdit(editor_)),
      seedBox_(new QSpinBox(editor_)),
      browse_(new QPushButton(tr("Browse…"), editor_)),
      error_(new QLabel(this)) {
  setWindowTitle(tr("Re-trace"));
  methodBox_->setObjectName(QStringLiteral("methodBox"));
  tree_->setObjectName(QStringLiteral("inputTree"));
  sourceBox_->setObjectName(QStringLiteral("sourceBox"));
  shapeEdit_->setObjectName(QStringLiteral("shapeEdit"));
  dtypeBox_->setObjectName(QStringLiteral("dtypeBox"));
  seedBox_->setObjectName(QStringLiteral("seedBox"));
  fileEdit_->setObjectName(QStringLiteral("fileEdit"));
  nameBox_->setObjectName(QStringLiteral("tensorNameBox"));
  error_->setObjectName(QStringLiteral("errorLabel"));

  // Forward first, then the file's order.
  QStringList names;
  for (const auto& [name, inputs] : document_.model().example_inputs) names << QString::fromStdString(name);
  if (names.removeOne(QStringLiteral("forward"))) names.prepend(QStringLiteral("forward"));
  methodBox_->addItems(names);
  if (names.contains(document_.currentMethod())) methodBox_->setCurrentText(document_.currentMethod());

  tree_->setHeaderLabels({tr("Input"), tr("Shape / type"), tr("Dtype"), tr("Trace with")});
  tree_->setRootIsDecorated(true);
  tree_->header()->setSectionResizeMode(QHeaderView::ResizeToContents);

  sourceBox_->addItem(tr("Current value"), int(InputSource::Keep));
  sourceBox_->addItem(tr("Random normal"), int(InputSource::RandomNormal));
  sourceBox_->addItem(tr("Zeros"), int(InputSource::Zeros));
  sourceBox_->addItem(tr("Ones"), int(InputSource::Ones));
  sourceBox_->addItem(tr("From a safetensors file"), int(InputSource::File));
  for (const char* dtype : {"float32", "float64", "int64", "uint8", "bool"}) dtypeBox_->addItem(QLatin1String(dtype));
  seedBox_->setRange(0, std::numeric_limits<int>::max());
  shapeEdit_->setPlaceholderText(tr("sizes separated by commas, such as 2, 8"));
  nameBox_->setEditable(true);

  auto* file = new QHBoxLayout;
  file->addWidget(fileEdit_, 1);
  file->addWidget(browse_);
  auto* form = new QFormLayout(editor_);
  form->setContentsMargins(0, 0, 0, 0);
  form->addRow(tr("Trace with:"), sourceBox_);
  form->addRow(tr("Shape:"), shapeEdit_);
  form->addRow(tr("Dtype:"), dtypeBox_);
  form->addRow(tr("Seed:"), seedBox_);
  form->addRow(tr("File:"), file);
  form->addRow(tr("Tensor:"), nameBox_);

  error_->setWordWrap(true);
  error_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  error_->setStyleSheet(QStringLiteral("color: #c62828"));
  error_->hide();

  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
  buttons->button(QDialogButtonBox::Ok)->setText(tr("Re-trace"));
  auto* reset = buttons->addButton(tr("Reset Inputs"), QDialogButtonBox::ResetRole);

  auto* methodRow = new QFormLayout;
  methodRow->addRow(tr("Method:"), methodBox_);
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(methodRow);
  layout->addWidget(tree_, 1);
  layout->addWidget(editor_);
  layout->addWidget(error_);
  layout->addWidget(buttons);

  connect(methodBox_, &QComboBox::currentTextChanged, this, &RetraceDialog::showMethod);
  connect(tree_, &QTreeWidget::currentItemChanged, this, &RetraceDialog::showChoice);
  connect(sourceBox_, &QComboBox::currentIndexChanged, this, [this] {
    // Start a new tensor from the current one's shape and dtype.
    if (editing_ >= 0 && shapeEdit_->text().isEmpty()) {
      const Tensor& t = current_[static_cast<std::size_t>(editing_)];
      const QSignalBlocker a(shapeEdit_), b(dtypeBox_);
      shapeEdit_->setText(RetraceInputs::shapeText(t.sizes()));
      dtypeBox_->setCurrentText(dtypeText(t.dtype()));
    }
    storeChoice();
  });
  connect(shapeEdit_, &QLineEdit::textEdited, this, &RetraceDialog::storeChoice);
  connect(dtypeBox_, &QComboBox::currentIndexChanged, this, &RetraceDialog::storeChoice);
  connect(seedBox_, &QSpinBox::valueChanged, this, &RetraceDialog::storeChoice);
  connect(fileEdit_, &QLineEdit::textEdited, this, &RetraceDialog::storeChoice);
  connect(fileEdit_, &QLineEdit::editingFinished, this, &RetraceDialog::listFileTensors);
  connect(nameBox_, &QComboBox::currentTextChanged, this, &RetraceDialog::storeChoice);
  connect(browse_, &QPushButton::clicked, this, &RetraceDialog::browseFile);
  connect(reset, &QPushButton::clicked, this, [this] {
    choices_.erase(method());
    showMethod();
  });
  connect(buttons, &QDialogButtonBox::accepted, this, [this] {
    if (retrace()) accept();
  });
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  resize(640, 480);
  showMethod();
}

QStringList RetraceDialog::methods() const {
  QStringList out;
  for (int i = 0; i < methodBox_->count(); ++i) out << methodBox_->itemText(i);
  return out;
}

QString RetraceDialog::method() const { return methodBox_->currentText(); }

void RetraceDialog::setMethod(const QString& method) { methodBox_->setCurrentText(method); }

QString RetraceDialog::tensorPath(int tensor) const {
  for (const InputRow& row : rows_)
    if (row.tensor == tensor) return row.path;
  return {};
}

void RetraceDialog::selectTensor(int tensor) {
  if (tensor >= 0 && tensor < tensorCount()) tree_->setCurrentItem(tensorItems_[static_cast<std::size_t>(tensor)]);
}

InputChoice RetraceDialog::choice(int tensor) const {
  const auto it = choices_.find(method());
  if (it == choices_.end() || tensor < 0 || tensor >= static_cast<int>(it->second.size())) return {};
  return it->second[static_cast<std::size_t>(tensor)];
}

QString RetraceDialog::errorText() const { return error_->isHidden() ? QString() : error_->text(); }

void RetraceDialog::showError(const QString& text) {
  error_->setText(text);
  error_->setVisible(!text.isEmpty());
}

void RetraceDialog::showMethod() {
  editing_ = -1;
  showError({});
  tree_->clear();
  tensorItems_.clear();
  const Stack inputs = document_.exampleInputs(method());
  rows_ = RetraceInputs::rows(inputs, argumentNames(document_, method()));
  current_ = RetraceInputs::tensorsOf(inputs);
  choices().resize(current_.size());
  std::vector<QTreeWidgetItem*> parents;
  for (const InputRow& row : rows_) {
    parents.resize(static_cast<std::size_t>(row.depth));
    auto* item = parents.empty() ? new QTreeWidgetItem(tree_) : new QTreeWidgetItem(parents.back());
    item->setText(NameColumn, row.label);
    if (row.tensor >= 0) {
      const Tensor& t = row.value.to_tensor();
      item->setText(ShapeColumn, inspector::shapeText(t.sizes()));
      item->setText(DtypeColumn, dtypeText(t.dtype()));
      item->setText(ValueColumn, describe(choices()[static_cast<std::size_t>(row.tensor)]));
      item->setData(NameColumn, Qt::UserRole, row.tensor);
      tensorItems_.push_back(item);
    } else {
      item->setText(ShapeColumn, row.type);
      item->setData(NameColumn, Qt::UserRole, -1);
    }
    parents.push_back(item);
  }
  tree_->expandAll();
  if (tensorItems_.empty())
    showChoice();
  else
    tree_->setCurrentItem(tensorItems_.front());
}

void RetraceDialog::showChoice() {
  QTreeWidgetItem* item = tree_->currentItem();
  editing_ = item ? item->data(NameColumn, Qt::UserRole).toInt() : -1;
  editor_->setEnabled(editing_ >= 0);
  const InputChoice c = editing_ >= 0 ? choices()[static_cast<std::size_t>(editing_)] : InputChoice{};
  {
    const QSignalBlocker blockers[] = {QSignalBlocker(sourceBox_), QSignalBlocker(shapeEdit_),
                                       QSignalBlocker(dtypeBox_),  QSignalBlocker(seedBox_),
                                       QSignalBlocker(fileEdit_),  QSignalBlocker(nameBox_)};
    sourceBox_->setCurrentIndex(sourceBox_->findData(int(c.source)));
    shapeEdit_->setText(c.shape);
    dtypeBox_->setCurrentText(c.dtype.isEmpty() ? QStringLiteral("float32") : c.dtype);
    seedBox_->setValue(static_cast<int>(c.seed));
    fileEdit_->setText(c.file);
    nameBox_->clear();
    nameBox_->setCurrentText(c.tensorName);
  }
  if (c.source == InputSource::File) listFileTensors();
  storeChoice();
}

void RetraceDialog::storeChoice() {
  const auto source = static_cast<InputSource>(sourceBox_->currentData().toInt());
  const bool generated =
      source == InputSource::RandomNormal || source == InputSource::Zeros || source == InputSource::Ones;
  shapeEdit_->setEnabled(generated);
  dtypeBox_->setEnabled(generated);
  seedBox_->setEnabled(source == InputSource::RandomNormal);
  fileEdit_->setEnabled(source == InputSource::File);
  browse_->setEnabled(source == InputSource::File);
  nameBox_->setEnabled(source == InputSource::File);
  if (editing_ < 0) return;
  InputChoice& c = choices()[static_cast<std::size_t>(editing_)];
  c.source = source;
  c.shape = shapeEdit_->text();
  c.dtype = dtypeBox_->currentText();
  c.seed = seedBox_->value();
  c.file = fileEdit_->text();
  c.tensorName = nameBox_->currentText();
  tensorItems_[static_cast<std::size_t>(editing_)]->setText(ValueColumn, describe(c));
}

void RetraceDialog::browseFile() {
  const QString path = QFileDialog::getOpenFileName(this, tr("Example Input"), fileEdit_->text(),
                                                    tr("Safetensors files (*.safetensors);;All files (*)"));
  if (path.isEmpty()) return;
  fileEdit_->setText(path);
  listFileTensors();
}

// Offers the file's tensor names; an unreadable file is reported now, not
// only when re-tracing.
void RetraceDialog::listFileTensors() {
  const QString path = fileEdit_->text();
  if (path.isEmpty()) return;
  const QString chosen = nameBox_->currentText();
  {
    const QSignalBlocker blocker(nameBox_);
    nameBox_->clear();
    try {
      for (const auto& [name, tensor] : model::read_safetensors(path).tensors)
        nameBox_->addItem(QString::fromStdString(name));
      showError({});
    } catch (const std::exception& e) {
      showError(QString::fromStdString(e.what()));
    }
    const int index = nameBox_->findText(chosen);
    if (index >= 0 || chosen.isEmpty())
      nameBox_->setCurrentIndex(std::max(0, index));
    else
      nameBox_->setCurrentText(chosen);
  }
  storeChoice();
}

QString RetraceDialog::describe(const InputChoice& c) const {
  switch (c.source) {
    case InputSource::Keep:
      return tr("current value");
    case InputSource::RandomNormal:
      return tr("random normal [%1], seed %2").arg(c.shape).arg(c.seed);
    case InputSource::Zeros:
      return tr("zeros [%1]").arg(c.shape);
    case InputSource::Ones:
      return tr("ones [%1]").arg(c.shape);
    case InputSource::File:
      return tr("%1 from %2").arg(c.tensorName, QFileInfo(c.file).fileName());
  }
  return {};
}

bool RetraceDialog::retrace() {
  std::vector<Tensor> tensors;
  for (int i = 0; i < tensorCount(); ++i) {
    try {
      tensors.push_back(
          RetraceInputs::make(choices()[static_cast<std::size_t>(i)], current_[static_cast<std::size_t>(i)]));
    } catch (const std::exception& e) {
      selectTensor(i);
      showError(tr("%1: %2").arg(tensorPath(i), QString::fromStdString(e.what())));
      return false;
    }
  }
  try {
    document_.retrace(method(), RetraceInputs::withTensors(document_.exampleInputs(method()), tensors));
  } catch (const std::exception& e) {
    showError(tr("Tracing %1 failed; the previous trace is kept.\n%2").arg(method(), QString::fromStdString(e.what())));
    return false;
  }
  showError({});
  return true;
}

}  // namespace paratrace::inspector
