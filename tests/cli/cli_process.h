#pragma once
// paratrace-cli run as a user runs it, for the suites that test it as a
// process (tests/cli, tests/graph's export, tests/plugins' plugin listing).
#include <QProcess>
#include <QString>
#include <QStringList>

struct CliRun {
  int exit_code = -1;  // -1: crashed or timed out
  QString out, err;
};

// Runs the paratrace-cli built with the tests (PARATRACE_CLI) in `env`.
inline CliRun run_cli(const QStringList& arguments,
                      const QProcessEnvironment& env = QProcessEnvironment::systemEnvironment(),
                      int timeout_ms = 60000) {
  QProcess process;
  process.setProcessEnvironment(env);
  process.start(QStringLiteral(PARATRACE_CLI), arguments);
  CliRun result;
  if (!process.waitForFinished(timeout_ms) || process.exitStatus() != QProcess::NormalExit) return result;
  result.exit_code = process.exitCode();
  result.out = QString::fromUtf8(process.readAllStandardOutput());
  result.err = QString::fromUtf8(process.readAllStandardError());
  return result;
}
