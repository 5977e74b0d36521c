#pragma once
// The module tree of the open model as a Qt item model: modules, their
// parameters and buffers, and their parametrized tensors (badged, with the
// chain in the Type column). A module's `parametrizations` container is not
// listed: its originals and steps are what the chain view shows.
#include <QAbstractItemModel>
#include <QIcon>
#include <memory>
#include <string>
#include <vector>

#include "paratrace/nn/module.h"

namespace paratrace::inspector {

enum class TreeItemKind { Module, Parameter, Buffer, Parametrized };

// What a row stands for: a module, or the tensor `name` of `module`.
struct TreeItemRef {
  TreeItemKind kind = TreeItemKind::Module;
  nn::Module* module = nullptr;
  std::string name;  // tensor name; empty for a module
  std::string path;  // dotted path from the root ("0.weight"; "" for the root)
};

class ModuleTreeModel : public QAbstractItemModel {
  Q_OBJECT

 public:
  enum Column { NameColumn, TypeColumn, ShapeColumn, DtypeColumn, NumelColumn, ColumnCount };
  enum Role { PathRole = Qt::UserRole + 1, KindRole };

  explicit ModuleTreeModel(QObject* parent = nullptr);
  ~ModuleTreeModel() override;

  // Rebuilds the rows from `root` (null clears); the module must outlive the
  // model or the next setRoot.
  void setRoot(nn::Module* root);
  // The row of a dotted path; invalid when absent.
  QModelIndex indexForPath(const QString& path) const;
  // Null when `index` is invalid.
  const TreeItemRef* itemAt(const QModelIndex& index) const;

  QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
  QModelIndex parent(const QModelIndex& child) const override;
  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

 private:
  struct Item;
  void addModule(nn::Module& module, const std::string& name, const std::string& path, Item* parent);
  Item* addItem(Item* parent, TreeItemRef ref, QString type, const Tensor& tensor);
  QVariant display(const Item& item, int column) const;

  std::vector<std::unique_ptr<Item>> items_;
  Item* root_ = nullptr;  // invisible root holding the model's root module
  QIcon badge_;
};

}  // namespace paratrace::inspector
