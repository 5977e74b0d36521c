#pragma once
// The trace graph as a QGraphicsScene built from a GraphPicture: selection
// (which highlights the selected node's edges), search matches, and
// collapse/expand requests from double-clicks on clusters and module nodes.
#include <QGraphicsScene>
#include <QHash>

#include "graph_picture.h"

namespace paratrace::inspector {

class ClusterItem;
class EdgeItem;
class NodeItem;

class GraphScene : public QGraphicsScene {
  Q_OBJECT

 public:
  explicit GraphScene(QObject* parent = nullptr);
  ~GraphScene() override;

  void setPicture(GraphPicture picture, bool dark);
  const GraphPicture& picture() const { return picture_; }
  const PictureNode* node(const QString& id) const;
  NodeItem* nodeItem(const QString& id) const { return nodes_.value(id); }
  QList<EdgeItem*> edgeItems() const { return edges_; }
  ClusterItem* clusterItem(const QString& id) const { return clusters_.value(id); }

  // Selects (and only selects) the node `id`; false when absent.
  bool selectNode(const QString& id);
  QString selectedNode() const;
  // The node ids whose kind, label or scope contains `text` (any case), in
  // picture order; marks them.
  QStringList findNodes(const QString& text);
  // The node drawing the IR value `name` (inside a collapsed module too).
  QString nodeForValue(const QString& name) const;

 signals:
  void nodeSelected(const QString& id);
  // A cluster was double-clicked (collapse it) or a module node (expand it).
  void collapseRequested(const QString& clusterId);
  void expandRequested(const QString& moduleNodeId);

 protected:
  void mouseDoubleClickEvent(QGraphicsSceneMouseEvent* event) override;

 private:
  void onSelectionChanged();

  GraphPicture picture_;
  QHash<QString, NodeItem*> nodes_;
  QHash<QString, ClusterItem*> clusters_;
  QHash<QString, QString> valueOwner_;  // IR value name -> node id
  QList<EdgeItem*> edges_;
};

}  // namespace paratrace::inspector
