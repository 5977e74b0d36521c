#include "graph_panel.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEvent>
#include <QEventLoop>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QStackedLayout>
#include <QtConcurrent/QtConcurrentRun>

#include "graph_items.h"
#include "graph_scene.h"
#include "graph_view.h"

namespace paratrace::inspector {

GraphPanel::GraphPanel(QWidget* parent)
    : QWidget(parent),
      watcher_(new QFutureWatcher<GraphPicture>(this)),
      scene_(new GraphScene(this)),
      view_(new GraphView(this)),
      minimap_(nullptr),
      placeholder_(new QLabel(this)),
      searchBar_(new QWidget(this)),
      search_(new QLineEdit(searchBar_)),
      matchLabel_(new QLabel(searchBar_)),
      prev_(new QPushButton(searchBar_)),
      next_(new QPushButton(searchBar_)),
      busy_(new QWidget(this)),
      busyLabel_(new QLabel(busy_)),
      cancel_(new QPushButton(busy_)) {
  view_->setScene(scene_);
  minimap_ = new Minimap(view_, view_);
  minimap_->resize(200, 150);
  placeholder_->setAlignment(Qt::AlignCenter);
  placeholder_->setWordWrap(true);

  auto* searchLayout = new QHBoxLayout(searchBar_);
  searchLayout->setContentsMargins(4, 2, 4, 2);
  search_->setClearButtonEnabled(true);
  searchLayout->addWidget(search_, 1);
  searchLayout->addWidget(matchLabel_);
  searchLayout->addWidget(prev_);
  searchLayout->addWidget(next_);
  searchBar_->hide();

  auto* busyLayout = new QHBoxLayout(busy_);
  busyLayout->setContentsMargins(4, 2, 4, 2);
  auto* progress = new QProgressBar(busy_);
  progress->setRange(0, 0);  // Graphviz reports no progress: a busy indicator
  progress->setMaximumWidth(160);
  busyLayout->addWidget(busyLabel_);
  busyLayout->addWidget(progress);
  busyLayout->addStretch(1);
  busyLayout->addWidget(cancel_);
  busy_->hide();

  auto* pages = new QWidget(this);
  stack_ = new QStackedLayout(pages);
  stack_->addWidget(placeholder_);
  stack_->addWidget(view_);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->setSpacing(0);
  layout->addWidget(searchBar_);
  layout->addWidget(busy_);
  layout->addWidget(pages, 1);

  connect(watcher_, &QFutureWatcher<GraphPicture>::finished, this, &GraphPanel::applyLayout);
  connect(scene_, &GraphScene::nodeSelected, this, &GraphPanel::nodeSelected);
  connect(scene_, &GraphScene::collapseRequested, this, &GraphPanel::collapse);
  connect(scene_, &GraphScene::expandRequested, this, &GraphPanel::expand);
  connect(search_, &QLineEdit::textChanged, this, [this](const QString& text) {
    matches_ = scene_->findNodes(text);
    current_ = -1;
    findNext();
  });
  connect(search_, &QLineEdit::returnPressed, this, [this] { findNext(); });
  connect(next_, &QPushButton::clicked, this, [this] { findNext(); });
  connect(prev_, &QPushButton::clicked, this, [this] { findNext(true); });
  connect(cancel_, &QPushButton::clicked, this, &GraphPanel::cancelLayout);
  retranslate();
}

GraphPanel::~GraphPanel() { watcher_->waitForFinished(); }

void GraphPanel::setLayouter(std::shared_ptr<const GraphLayouter> layouter) {
  layouter_ = std::move(layouter);
  retranslate();
}

void GraphPanel::showGraph(LayoutInput input) {
  const bool sameGraph = input.graph && input_.graph && input.method == input_.method &&
                         input.traced == input_.traced;
  if (sameGraph) {
    input.collapsed = input_.collapsed;
    input.expanded = input_.expanded;
  }
  input_ = std::move(input);
  relayout(!sameGraph);
}

void GraphPanel::setDark(bool dark) {
  if (dark == dark_) return;
  dark_ = dark;
  if (!scene_->picture().nodes.empty()) scene_->setPicture(scene_->picture(), dark_);
}

void GraphPanel::relayout(bool fit) {
  ++generation_;
  if (!input_.graph || !layouter_) {
    scene_->setPicture({}, dark_);
    stack_->setCurrentWidget(placeholder_);
    retranslate();
    return;
  }
  fitAfterLayout_ = fit;
  busy_->show();
  watchedGeneration_ = generation_;
  // The hierarchical graph (which tells module calls apart) is built on
  // first use from the module tree as traced: build it here, before an edit
  // on this thread can change that tree under the worker.
  if (input_.traced) {
    try {
      input_.traced->graph(input_.method);
    } catch (const std::exception&) {
      // The layout then draws every call of a module in one scope.
    }
  }
  std::shared_ptr<const GraphLayouter> layouter = layouter_;
  const LayoutInput input = input_;
  watcher_->setFuture(QtConcurrent::run([layouter, input] { return layouter->layout(input); }));
}

bool GraphPanel::isLayingOut() const { return watcher_->isRunning(); }

void GraphPanel::cancelLayout() {
  // Graphviz cannot be interrupted: the result is dropped when it arrives.
  ++generation_;
  busy_->hide();
}

bool GraphPanel::waitForLayout(int timeoutMs) {
  QElapsedTimer timer;
  timer.start();
  while (watcher_->isRunning() || busy_->isVisibleTo(this)) {
    if (timer.elapsed() > timeoutMs) return false;
    QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
  }
  return true;
}

void GraphPanel::applyLayout() {
  if (watchedGeneration_ != generation_) return;
  busy_->hide();
  GraphPicture picture;
  try {
    picture = watcher_->result();
  } catch (const std::exception& e) {
    scene_->setPicture({}, dark_);
    placeholder_->setText(tr("The graph could not be laid out:\n%1").arg(QString::fromStdString(e.what())));
    stack_->setCurrentWidget(placeholder_);
    emit layoutFailed(QString::fromStdString(e.what()));
    return;
  }
  const QString selected = scene_->selectedNode();
  scene_->setPicture(std::move(picture), dark_);
  stack_->setCurrentWidget(view_);
  if (fitAfterLayout_) view_->fitGraph();
  minimap_->refresh();
  placeMinimap();
  if (!selected.isEmpty()) scene_->selectNode(selected);
  if (!search_->text().isEmpty()) matches_ = scene_->findNodes(search_->text());
  emit layoutFinished();
}

void GraphPanel::collapse(const QString& clusterId) {
  input_.expanded.remove(clusterId);
  input_.collapsed.insert(clusterId);
  relayout(false);
}

void GraphPanel::expand(const QString& moduleNodeId) {
  const QString id = moduleNodeId.section(QLatin1Char(':'), 1);
  input_.collapsed.remove(id);
  input_.expanded.insert(id);
  relayout(false);
}

void GraphPanel::startSearch() {
  searchBar_->show();
  search_->setFocus();
  search_->selectAll();
}

QString GraphPanel::findNext(bool backwards) {
  if (matches_.isEmpty()) {
    matchLabel_->setText(search_->text().isEmpty() ? QString() : tr("no match"));
    return {};
  }
  const int n = static_cast<int>(matches_.size());
  current_ = current_ < 0 ? (backwards ? n - 1 : 0) : (current_ + (backwards ? n - 1 : 1)) % n;
  const QString id = matches_[current_];
  scene_->selectNode(id);
  if (NodeItem* item = scene_->nodeItem(id)) view_->centreOnItem(item);
  matchLabel_->setText(tr("%1 of %2").arg(current_ + 1).arg(n));
  return id;
}

void GraphPanel::placeMinimap() {
  const QSize size(std::min(180, view_->width() / 5), std::min(130, view_->height() / 5));
  minimap_->resize(size);
  minimap_->move(view_->width() - size.width() - 20, view_->height() - size.height() - 20);
  minimap_->setVisible(!scene_->picture().nodes.empty() && size.width() > 60);
  minimap_->refresh();
}

void GraphPanel::resizeEvent(QResizeEvent* event) {
  QWidget::resizeEvent(event);
  placeMinimap();
}

void GraphPanel::retranslate() {
  search_->setPlaceholderText(tr("Find nodes by kind, name or scope"));
  prev_->setText(tr("Previous"));
  next_->setText(tr("Next"));
  busyLabel_->setText(tr("Laying out the graph…"));
  cancel_->setText(tr("Cancel"));
  if (stack_->currentWidget() == placeholder_)
    placeholder_->setText(!layouter_      ? tr("Graph layout is not available in this build.")
                          : input_.graph ? QString()
                                         : tr("Open a model (File ▸ Open) or drop a file here to see its traced graph."));
}

void GraphPanel::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslate();
  QWidget::changeEvent(event);
}

}  // namespace paratrace::inspector
