#pragma once
// The Trace check dock: runs the checker on N random inputs on a worker
// thread (progress, Cancel) and shows graph diffs, output mismatches,
// nondeterministic nodes and tracer warnings.
#include <QFutureWatcher>
#include <QWidget>

#include "trace_check_runner.h"

class QDoubleSpinBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTextBrowser;

namespace paratrace::inspector {

class TraceCheckPanel : public QWidget {
  Q_OBJECT

 public:
  explicit TraceCheckPanel(QWidget* parent = nullptr);
  ~TraceCheckPanel() override;

  // What the next run checks; an empty module disables the panel.
  void setTarget(std::shared_ptr<nn::Module> module, std::shared_ptr<jit::TracedModule> traced, Stack example);
  void start();
  void cancel();
  bool isRunning() const { return watcher_->isRunning(); }
  bool waitForResult(int timeoutMs = 30000);
  const TraceCheckResult& result() const { return result_; }
  QString reportText() const;
  QSpinBox* inputCount() const { return count_; }

 signals:
  void finished(bool passed);

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void onFinished();
  void retranslate();
  QString format(const TraceCheckResult& result) const;

  TraceCheckRun run_;
  TraceCheckResult result_;
  bool hasResult_ = false;
  QFutureWatcher<TraceCheckResult>* watcher_;
  QLabel *countLabel_, *toleranceLabel_, *status_;
  QSpinBox* count_;
  QDoubleSpinBox* tolerance_;
  QPushButton *run_button_, *cancel_;
  QProgressBar* progress_;
  QTextBrowser* output_;
};

}  // namespace paratrace::inspector
