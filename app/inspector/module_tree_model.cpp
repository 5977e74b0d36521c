#include "module_tree_model.h"

#include <QFont>
#include <QPainter>
#include <QPixmap>
#include <QStringList>

#include "paratrace/nn/parametrize.h"
#include "paratrace/nn/parametrize_inspect.h"
#include "shape_text.h"

namespace paratrace::inspector {

struct ModuleTreeModel::Item {
  TreeItemRef ref;
  QString type;
  QString shape, dtype;
  qint64 numel = -1;  // -1: not a tensor
  QString tooltip;
  Item* parent = nullptr;
  int row = 0;
  std::vector<Item*> children;
};

namespace {

QIcon makeBadge() {
  QPixmap pixmap(16, 16);
  pixmap.fill(Qt::transparent);
  QPainter painter(&pixmap);
  painter.setRenderHint(QPainter::Antialiasing);
  painter.setBrush(QColor(0x8e, 0x44, 0xad));
  painter.setPen(Qt::NoPen);
  painter.drawEllipse(1, 1, 14, 14);
  painter.setPen(Qt::white);
  QFont font = painter.font();
  font.setBold(true);
  font.setPixelSize(10);
  painter.setFont(font);
  painter.drawText(QRect(0, 0, 16, 16), Qt::AlignCenter, QStringLiteral("P"));
  return QIcon(pixmap);
}

std::string join(const std::string& prefix, const std::string& name) {
  return prefix.empty() ? name : prefix + "." + name;
}

}  // namespace

ModuleTreeModel::ModuleTreeModel(QObject* parent) : QAbstractItemModel(parent), badge_(makeBadge()) {}
ModuleTreeModel::~ModuleTreeModel() = default;

void ModuleTreeModel::setRoot(nn::Module* root) {
  beginResetModel();
  items_.clear();
  items_.push_back(std::make_unique<Item>());
  root_ = items_.back().get();
  if (root) addModule(*root, "", "", root_);
  endResetModel();
}

ModuleTreeModel::Item* ModuleTreeModel::addItem(Item* parent, TreeItemRef ref, QString type, const Tensor& tensor) {
  items_.push_back(std::make_unique<Item>());
  Item* item = items_.back().get();
  item->ref = std::move(ref);
  item->type = std::move(type);
  if (tensor.defined()) {
    item->shape = shapeText(tensor.sizes());
    item->dtype = dtypeText(tensor.dtype());
    item->numel = tensor.numel();
  }
  item->parent = parent;
  item->row = static_cast<int>(parent->children.size());
  parent->children.push_back(item);
  return item;
}

void ModuleTreeModel::addModule(nn::Module& module, const std::string& name, const std::string& path,
                                Item* parent) {
  Item* item = addItem(parent, {TreeItemKind::Module, &module, "", path}, QString::fromStdString(module.type_name()),
                       Tensor());
  item->ref.name = name;
  item->tooltip = QString::fromStdString(module.repr());
  for (const auto& tensor_name : nn::parametrize::parametrized_names(module)) {
    const auto info = nn::parametrize::describe(module, tensor_name);
    QStringList steps;
    for (const auto& step : info.steps) steps << QString::fromStdString(step.type_name);
    Item* p = addItem(item, {TreeItemKind::Parametrized, &module, tensor_name, join(path, tensor_name)},
                      tr("Parametrized: %1").arg(steps.join(QStringLiteral(" → "))), Tensor());
    const auto& last = info.steps.back();
    p->shape = shapeText(last.output_shape);
    p->dtype = dtypeText(last.output_dtype);
    p->numel = numelOf(last.output_shape);
    p->tooltip = tr("Computed by %1 from %2").arg(steps.join(QStringLiteral(" → ")),
                                                   QString::fromStdString(join(path, "parametrizations." + tensor_name)));
  }
  for (const auto& [pname, tensor] : module.local_parameters())
    addItem(item, {TreeItemKind::Parameter, &module, pname, join(path, pname)}, tr("Parameter"), tensor);
  for (const auto& [bname, tensor] : module.local_buffers())
    addItem(item, {TreeItemKind::Buffer, &module, bname, join(path, bname)},
            module.is_persistent_buffer(bname) ? tr("Buffer") : tr("Buffer (non-persistent)"), tensor);
  for (const auto& [cname, child] : module.local_children()) {
    if (cname == "parametrizations" && nn::parametrize::is_parametrized(module)) continue;
    if (child) addModule(*child, cname, join(path, cname), item);
  }
}

QModelIndex ModuleTreeModel::indexForPath(const QString& path) const {
  const std::string wanted = path.toStdString();
  for (const auto& item : items_)
    if (item.get() != root_ && item->ref.path == wanted && item->parent)
      return createIndex(item->row, 0, item.get());
  return {};
}

const TreeItemRef* ModuleTreeModel::itemAt(const QModelIndex& index) const {
  if (!index.isValid()) return nullptr;
  return &static_cast<const Item*>(index.internalPointer())->ref;
}

QModelIndex ModuleTreeModel::index(int row, int column, const QModelIndex& parent) const {
  if (!root_ || column < 0 || column >= ColumnCount) return {};
  const Item* p = parent.isValid() ? static_cast<const Item*>(parent.internalPointer()) : root_;
  if (row < 0 || row >= static_cast<int>(p->children.size())) return {};
  return createIndex(row, column, p->children[static_cast<std::size_t>(row)]);
}

QModelIndex ModuleTreeModel::parent(const QModelIndex& child) const {
  if (!child.isValid()) return {};
  const Item* p = static_cast<const Item*>(child.internalPointer())->parent;
  if (!p || p == root_) return {};
  return createIndex(p->row, 0, const_cast<Item*>(p));
}

int ModuleTreeModel::rowCount(const QModelIndex& parent) const {
  if (!root_) return 0;
  if (parent.column() > 0) return 0;
  const Item* p = parent.isValid() ? static_cast<const Item*>(parent.internalPointer()) : root_;
  return static_cast<int>(p->children.size());
}

int ModuleTreeModel::columnCount(const QModelIndex&) const { return ColumnCount; }

QVariant ModuleTreeModel::display(const Item& item, int column) const {
  switch (column) {
    case NameColumn:
      if (item.ref.kind == TreeItemKind::Module && item.ref.path.empty()) return tr("(root)");
      return QString::fromStdString(item.ref.name);
    case TypeColumn: return item.type;
    case ShapeColumn: return item.shape;
    case DtypeColumn: return item.dtype;
    case NumelColumn: return item.numel < 0 ? QVariant() : QVariant(item.numel);
    default: return {};
  }
}

QVariant ModuleTreeModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid()) return {};
  const Item& item = *static_cast<const Item*>(index.internalPointer());
  switch (role) {
    case Qt::DisplayRole: return display(item, index.column());
    case Qt::ToolTipRole: return item.tooltip.isEmpty() ? QVariant() : QVariant(item.tooltip);
    case Qt::DecorationRole:
      return index.column() == NameColumn && item.ref.kind == TreeItemKind::Parametrized ? QVariant(badge_)
                                                                                         : QVariant();
    case Qt::FontRole:
      if (item.ref.kind == TreeItemKind::Parametrized) {
        QFont font;
        font.setBold(true);
        return font;
      }
      return {};
    case Qt::TextAlignmentRole:
      return index.column() == NumelColumn ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    case PathRole: return QString::fromStdString(item.ref.path);
    case KindRole: return static_cast<int>(item.ref.kind);
    default: return {};
  }
}

QVariant ModuleTreeModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
  switch (section) {
    case NameColumn: return tr("Name");
    case TypeColumn: return tr("Type");
    case ShapeColumn: return tr("Shape");
    case DtypeColumn: return tr("DType");
    case NumelColumn: return tr("Elements");
    default: return {};
  }
}

}  // namespace paratrace::inspector
