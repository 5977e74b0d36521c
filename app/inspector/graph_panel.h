#pragma once
// The central Trace graph panel: the view, its minimap, a search bar
// (Ctrl+F, stepping through matches) and the layout, which runs on a worker
// thread with a progress indicator and Cancel.
#include <QFutureWatcher>
#include <QWidget>
#include <memory>

#include "graph_layouter.h"

class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QStackedLayout;

namespace paratrace::inspector {

class GraphScene;
class GraphView;
class Minimap;

class GraphPanel : public QWidget {
  Q_OBJECT

 public:
  explicit GraphPanel(QWidget* parent = nullptr);
  ~GraphPanel() override;

  void setLayouter(std::shared_ptr<const GraphLayouter> layouter);
  bool hasLayouter() const { return static_cast<bool>(layouter_); }
  // Lays out `input` (keeping the user's collapsed/expanded scopes when the
  // graph is the same method of the same model); null graph clears.
  void showGraph(LayoutInput input);
  void setDark(bool dark);
  bool isDark() const { return dark_; }
  const LayoutInput& input() const { return input_; }
  bool isLayingOut() const;
  // For tests: waits until the running layout is applied.
  bool waitForLayout(int timeoutMs = 10000);
  void cancelLayout();

  GraphScene* scene() const { return scene_; }
  GraphView* view() const { return view_; }
  QLineEdit* searchEdit() const { return search_; }

  void collapse(const QString& clusterId);
  void expand(const QString& moduleNodeId);
  // Ctrl+F: shows the search bar and focuses it.
  void startSearch();
  // Moves to the next (or previous) match of the search text; returns the
  // node id now selected (empty when nothing matches).
  QString findNext(bool backwards = false);
  QStringList matches() const { return matches_; }

 signals:
  void nodeSelected(const QString& id);
  void layoutFinished();
  void layoutFailed(const QString& message);

 protected:
  void resizeEvent(QResizeEvent* event) override;
  void changeEvent(QEvent* event) override;

 private:
  void relayout(bool fit);
  void applyLayout();
  void placeMinimap();
  void retranslate();

  std::shared_ptr<const GraphLayouter> layouter_;
  LayoutInput input_;
  bool dark_ = false;
  bool fitAfterLayout_ = true;
  int generation_ = 0;
  QFutureWatcher<GraphPicture>* watcher_;
  int watchedGeneration_ = 0;

  GraphScene* scene_;
  GraphView* view_;
  Minimap* minimap_;
  QLabel* placeholder_;
  QWidget* searchBar_;
  QLineEdit* search_;
  QLabel* matchLabel_;
  QPushButton *prev_, *next_;
  QWidget* busy_;
  QLabel* busyLabel_;
  QPushButton* cancel_;
  QStackedLayout* stack_;
  QStringList matches_;
  int current_ = -1;
};

}  // namespace paratrace::inspector
