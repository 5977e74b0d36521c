#include "graph_scene.h"

#include <QGraphicsSceneMouseEvent>

#include "graph_items.h"
#include "paratrace/jit/ir.h"

namespace paratrace::inspector {

GraphScene::GraphScene(QObject* parent) : QGraphicsScene(parent) {
  connect(this, &QGraphicsScene::selectionChanged, this, &GraphScene::onSelectionChanged);
}

GraphScene::~GraphScene() {
  // Deleting a selected item changes the selection: not a signal to send now.
  blockSignals(true);
  edges_.clear();
  clear();
}

void GraphScene::setPicture(GraphPicture picture, bool dark) {
  const QSignalBlocker blocker(this);
  clear();
  nodes_.clear();
  clusters_.clear();
  edges_.clear();
  valueOwner_.clear();
  picture_ = std::move(picture);
  setBackgroundBrush(dark ? QColor("#1e2227") : QColor("#ffffff"));
  for (const PictureCluster& c : picture_.clusters) {
    auto* item = new ClusterItem(c, dark);
    addItem(item);
    clusters_.insert(c.id, item);
  }
  const QColor edgeColour = dark ? QColor("#9aa5b1") : QColor("#5d6d7e");
  for (const PictureEdge& e : picture_.edges) {
    auto* item = new EdgeItem(e, edgeColour);
    addItem(item);
    edges_ << item;
  }
  for (const PictureNode& n : picture_.nodes) {
    auto* item = new NodeItem(n, nodeStyle(n.role, n.kind, dark));
    addItem(item);
    nodes_.insert(n.id, item);
    for (const jit::Node* ir : n.irNodes)
      for (const jit::Value* out : ir->outputs()) valueOwner_.insert(QString::fromStdString(out->debug_name()), n.id);
    if (n.value) valueOwner_.insert(QString::fromStdString(n.value->debug_name()), n.id);
  }
  setSceneRect(picture_.bounds.adjusted(-20, -20, 20, 20));
}

const PictureNode* GraphScene::node(const QString& id) const {
  for (const PictureNode& n : picture_.nodes)
    if (n.id == id) return &n;
  return nullptr;
}

bool GraphScene::selectNode(const QString& id) {
  NodeItem* item = nodes_.value(id);
  if (!item) return false;
  {
    const QSignalBlocker blocker(this);
    clearSelection();
    item->setSelected(true);
  }
  onSelectionChanged();
  return true;
}

QString GraphScene::selectedNode() const {
  for (QGraphicsItem* item : selectedItems())
    if (item->type() == NodeItem::Type) return static_cast<NodeItem*>(item)->id();
  return {};
}

QStringList GraphScene::findNodes(const QString& text) {
  QStringList found;
  for (const PictureNode& n : picture_.nodes) {
    bool match = !text.isEmpty() && (n.kind.contains(text, Qt::CaseInsensitive) ||
                                     n.label.join(QLatin1Char(' ')).contains(text, Qt::CaseInsensitive) ||
                                     n.cluster.contains(text, Qt::CaseInsensitive));
    for (const jit::Node* ir : n.irNodes)
      match = match || (!text.isEmpty() && QString::fromStdString(ir->scope()).contains(text, Qt::CaseInsensitive));
    if (match) found << n.id;
    nodes_.value(n.id)->setMatched(match);
  }
  return found;
}

QString GraphScene::nodeForValue(const QString& name) const { return valueOwner_.value(name); }

void GraphScene::onSelectionChanged() {
  const QString id = selectedNode();
  for (EdgeItem* edge : edges_) edge->setHighlighted(!id.isEmpty() && (edge->from() == id || edge->to() == id));
  emit nodeSelected(id);
}

void GraphScene::mouseDoubleClickEvent(QGraphicsSceneMouseEvent* event) {
  for (QGraphicsItem* item : items(event->scenePos())) {
    if (item->type() == NodeItem::Type) {
      const PictureNode* n = node(static_cast<NodeItem*>(item)->id());
      if (n && n->role == PictureRole::Module) emit expandRequested(n->id);
      return;
    }
    if (item->type() == ClusterItem::Type) {
      emit collapseRequested(static_cast<ClusterItem*>(item)->id());
      return;
    }
  }
  QGraphicsScene::mouseDoubleClickEvent(event);
}

}  // namespace paratrace::inspector
