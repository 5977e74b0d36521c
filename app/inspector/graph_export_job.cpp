#include "graph_export_job.h"

#include <QEventLoop>
#include <QSaveFile>
#include <QThread>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

namespace paratrace::inspector {

GraphExportJob::GraphExportJob(QObject* parent) : QObject(parent) {
  connect(&watcher_, &QFutureWatcherBase::finished, this, &GraphExportJob::onWorkerDone);
}

GraphExportJob::~GraphExportJob() {
  if (cancelled_) cancelled_->store(true);
  watcher_.waitForFinished();
}

void GraphExportJob::start(GraphSnapshot snapshot, const QString& path, const GraphExportOptions& options) {
  Q_ASSERT(!running_);
  running_ = true;
  path_ = path;
  cancelled_ = std::make_shared<std::atomic<bool>>(false);
  QThread* home = thread();
  watcher_.setFuture(QtConcurrent::run(
      [this, snapshot = std::move(snapshot), path, options, cancelled = cancelled_, home]() -> Outcome {
        Outcome out;
        try {
          std::unique_ptr<QSaveFile> file = GraphExport::encode(
              snapshot, path, options, [cancelled] { return cancelled->load(); },
              [this](const QString& text) { emit stageChanged(text); });
          if (file) {
            // The GUI thread commits it and later deletes it.
            file->moveToThread(home);
            out.file = std::move(file);
          }
        } catch (const std::exception& e) {
          out.error = QString::fromStdString(e.what());
        }
        return out;
      }));
}

void GraphExportJob::cancel() {
  if (cancelled_) cancelled_->store(true);
}

void GraphExportJob::onWorkerDone() {
  Outcome out = watcher_.result();
  running_ = false;
  bool ok = false;
  if (out.file && !cancelled_->load()) {
    try {
      GraphExport::commit(*out.file);
      ok = true;
    } catch (const std::exception& e) {
      out.error = QString::fromStdString(e.what());
    }
  } else if (out.file) {
    out.file->cancelWriting();
  }
  out.file.reset();  // removes an uncommitted temporary file
  emit finished(ok, ok ? QString() : out.error);
}

bool GraphExportJob::waitForFinished(int timeoutMs) {
  if (!running_) return true;
  QEventLoop loop;
  connect(this, &GraphExportJob::finished, &loop, &QEventLoop::quit);
  QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
  loop.exec();
  return !running_;
}

}  // namespace paratrace::inspector
