#include "trace_check_panel.h"

#include <QCoreApplication>
#include <QDoubleSpinBox>
#include <QElapsedTimer>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QTextBrowser>
#include <QtConcurrent/QtConcurrentRun>

namespace paratrace::inspector {

TraceCheckPanel::TraceCheckPanel(QWidget* parent)
    : QWidget(parent),
      watcher_(new QFutureWatcher<TraceCheckResult>(this)),
      countLabel_(new QLabel(this)),
      toleranceLabel_(new QLabel(this)),
      status_(new QLabel(this)),
      count_(new QSpinBox(this)),
      tolerance_(new QDoubleSpinBox(this)),
      run_button_(new QPushButton(this)),
      cancel_(new QPushButton(this)),
      progress_(new QProgressBar(this)),
      output_(new QTextBrowser(this)) {
  count_->setRange(1, 1000);
  count_->setValue(3);
  tolerance_->setDecimals(8);
  tolerance_->setRange(1e-8, 1.0);
  tolerance_->setSingleStep(1e-5);
  tolerance_->setValue(1e-5);
  cancel_->setEnabled(false);
  progress_->hide();
  auto* controls = new QHBoxLayout;
  controls->addWidget(countLabel_);
  controls->addWidget(count_);
  controls->addWidget(toleranceLabel_);
  controls->addWidget(tolerance_);
  controls->addWidget(run_button_);
  controls->addWidget(cancel_);
  controls->addWidget(progress_, 1);
  controls->addWidget(status_, 1);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(4, 4, 4, 4);
  layout->addLayout(controls);
  layout->addWidget(output_, 1);
  connect(run_button_, &QPushButton::clicked, this, &TraceCheckPanel::start);
  connect(cancel_, &QPushButton::clicked, this, &TraceCheckPanel::cancel);
  connect(watcher_, &QFutureWatcher<TraceCheckResult>::progressValueChanged, progress_, &QProgressBar::setValue);
  connect(watcher_, &QFutureWatcher<TraceCheckResult>::finished, this, &TraceCheckPanel::onFinished);
  setTarget(nullptr, nullptr, {});
  retranslate();
}

TraceCheckPanel::~TraceCheckPanel() {
  watcher_->cancel();
  watcher_->waitForFinished();
}

void TraceCheckPanel::setTarget(std::shared_ptr<nn::Module> module, std::shared_ptr<jit::TracedModule> traced,
                                Stack example) {
  run_.module = std::move(module);
  run_.traced = std::move(traced);
  run_.exampleInputs = std::move(example);
  hasResult_ = false;
  output_->clear();
  status_->clear();
  run_button_->setEnabled(run_.module && run_.traced && !isRunning());
}

void TraceCheckPanel::start() {
  if (!run_.module || !run_.traced || isRunning()) return;
  run_.checkInputs = count_->value();
  run_.tolerance = tolerance_->value();
  progress_->setRange(0, run_.checkInputs);
  progress_->setValue(0);
  progress_->show();
  status_->setText(tr("Checking…"));
  run_button_->setEnabled(false);
  cancel_->setEnabled(true);
  const TraceCheckRun run = run_;
  watcher_->setFuture(QtConcurrent::run([run](QPromise<TraceCheckResult>& promise) {
    promise.setProgressRange(0, run.checkInputs);
    TraceCheckResult result = runTraceCheck(run, [&promise](int done) {
      promise.setProgressValue(done);
      return !promise.isCanceled();
    });
    promise.addResult(std::move(result));
  }));
}

void TraceCheckPanel::cancel() { watcher_->cancel(); }

bool TraceCheckPanel::waitForResult(int timeoutMs) {
  QElapsedTimer timer;
  timer.start();
  while (isRunning() || cancel_->isEnabled()) {
    if (timer.elapsed() > timeoutMs) return false;
    QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
  }
  return hasResult_;
}

void TraceCheckPanel::onFinished() {
  progress_->hide();
  cancel_->setEnabled(false);
  run_button_->setEnabled(run_.module && run_.traced);
  // A cancelled future still carries the partial result the worker added.
  if (watcher_->future().resultCount() == 0) {
    status_->setText(tr("Cancelled."));
    return;
  }
  result_ = watcher_->future().resultAt(0);
  result_.cancelled = result_.cancelled || watcher_->isCanceled();
  hasResult_ = true;
  const bool passed = result_.report.passed();
  status_->setText(result_.cancelled ? tr("Cancelled after %n input(s).", nullptr, result_.inputsChecked)
                   : passed          ? tr("Passed: the trace matches on %n input(s).", nullptr, result_.inputsChecked)
                                     : tr("Failed: see the report below."));
  status_->setStyleSheet(passed ? QStringLiteral("color: #1e7e34; font-weight: bold;")
                                : QStringLiteral("color: #c0392b; font-weight: bold;"));
  output_->setPlainText(format(result_));
  emit finished(passed);
}

QString TraceCheckPanel::reportText() const { return output_->toPlainText(); }

QString TraceCheckPanel::format(const TraceCheckResult& result) const {
  const jit::TraceCheckReport& r = result.report;
  QStringList out;
  auto section = [&out](const QString& title, const std::vector<std::string>& items) {
    if (items.empty()) return;
    out << title;
    for (const auto& item : items) out << QStringLiteral("  ") + QString::fromStdString(item);
    out << QString();
  };
  out << tr("Checked %n random input(s).", nullptr, result.inputsChecked) << QString();
  if (!r.exception.empty()) out << tr("Error while checking:") << QString::fromStdString(r.exception) << QString();
  if (r.graphs_differ) out << tr("Graphs differed across invocations:") << QString::fromStdString(r.graph_diff) << QString();
  section(tr("Constants that differ between traces:"), r.constant_mismatches);
  section(tr("Output mismatches (warnings):"), r.output_mismatches);
  section(tr("Nondeterministic nodes:"), r.nondeterministic_nodes);
  if (!result.tracerWarnings.isEmpty()) {
    out << tr("Tracer warnings:");
    for (const QString& w : result.tracerWarnings) out << QStringLiteral("  ") + w;
  }
  if (r.passed() && r.output_mismatches.empty() && r.nondeterministic_nodes.empty() && result.tracerWarnings.isEmpty())
    out << tr("No graph differences, no output mismatches, no warnings.");
  return out.join(QLatin1Char('\n'));
}

void TraceCheckPanel::retranslate() {
  countLabel_->setText(tr("Check inputs:"));
  toleranceLabel_->setText(tr("Tolerance:"));
  run_button_->setText(tr("Run Check"));
  cancel_->setText(tr("Cancel"));
  if (hasResult_) output_->setPlainText(format(result_));
  else if (!run_.module) output_->setPlainText(tr("Open a model with example inputs to check its trace."));
}

void TraceCheckPanel::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslate();
  QWidget::changeEvent(event);
}

}  // namespace paratrace::inspector
