#include "tracing.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

#include "json_key_order.h"
#include "model_error.h"
#include "paratrace/jit/tracer.h"

namespace paratrace::model {

namespace {
struct TracingText {
  Q_DECLARE_TR_FUNCTIONS(Tracing)
};
}  // namespace

bool is_model_file(const QString& path) {
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly)) return false;
  const QByteArray start = file.read(64);
  // A safetensors file starts with its header's length (8 bytes, little
  // endian) and then '{'; the length's low byte may itself be '{'.
  if (start.size() >= 9 && start[8] == '{') {
    quint64 header = 0;
    for (int i = 7; i >= 0; --i) header = (header << 8) | static_cast<uchar>(start[i]);
    if (header + 8 <= static_cast<quint64>(file.size())) return false;
  }
  return start.trimmed().startsWith('{');
}

std::shared_ptr<jit::TracedModule> trace_model(const ModelFile& model) {
  const QString inputs_path = QStringLiteral("$.example_inputs");
  if (model.example_inputs.empty())
    throw ModelFileSchemaError(model.path, inputs_path, TracingText::tr("tracing needs example inputs, and the model has none"));
  try {
    return jit::trace_module(model.module, model.example_inputs);
  } catch (const Error& all) {
    // Name the method that fails on its own, when one does.
    for (const auto& entry : model.example_inputs) {
      try {
        jit::trace_module(model.module, {entry});
      } catch (const Error& e) {
        throw ModelFileSchemaError(model.path, member_path(inputs_path, QString::fromStdString(entry.first)),
                                   TracingText::tr("tracing %1 failed: %2").arg(QString::fromStdString(entry.first), e.what()));
      }
    }
    throw ModelFileSchemaError(model.path, inputs_path, TracingText::tr("tracing failed: %1").arg(all.what()));
  }
}

std::shared_ptr<jit::TracedModule> load_for_tracing(const QString& path, const pluginhost::PluginManager& plugins) {
  if (!QFileInfo::exists(path))
    throw ModelFileReadError(path, QStringLiteral("$"), TracingText::tr("no such file"));
  if (is_model_file(path)) return trace_model(load_model(path, plugins));
  try {
    return jit::TracedModule::load(path.toStdString());
  } catch (const Error& e) {
    throw ModelFileReadError(path, QStringLiteral("$"), QString::fromStdString(e.what()));
  }
}

}  // namespace paratrace::model
