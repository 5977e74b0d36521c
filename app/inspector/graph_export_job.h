#pragma once
// One graph image export running off the GUI thread: the scene is recorded
// on the calling (GUI) thread, drawn and encoded by a worker, and committed
// back on the GUI thread, so the file appears only when finished() is
// emitted. cancel() at any point leaves neither the file nor a temporary one.
#include <QFutureWatcher>
#include <QObject>
#include <QString>
#include <atomic>
#include <memory>

#include "graph_export.h"

namespace paratrace::inspector {

class GraphExportJob : public QObject {
  Q_OBJECT

 public:
  explicit GraphExportJob(QObject* parent = nullptr);
  // Cancels and waits for the worker.
  ~GraphExportJob() override;

  // Starts the worker; format errors are reported through finished() too.
  void start(GraphSnapshot snapshot, const QString& path, const GraphExportOptions& options);
  void cancel();
  bool isRunning() const { return running_; }
  // For the CLI and tests: blocks until finished() was emitted.
  bool waitForFinished(int timeoutMs = 60000);
  QString path() const { return path_; }

 signals:
  // What the worker does now ("Drawing the graph…"), for a progress label.
  void stageChanged(const QString& text);
  // ok: the file is in place. Otherwise `error` says why, or is empty when
  // the export was cancelled.
  void finished(bool ok, const QString& error);

 private:
  struct Outcome {
    std::shared_ptr<QSaveFile> file;  // open, uncommitted; null on error or cancel
    QString error;
  };
  void onWorkerDone();

  QFutureWatcher<Outcome> watcher_;
  std::shared_ptr<std::atomic<bool>> cancelled_;
  QString path_;
  bool running_ = false;
};

}  // namespace paratrace::inspector
