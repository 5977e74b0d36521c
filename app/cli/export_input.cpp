#include "export_input.h"

#include <QCoreApplication>
#include <QFile>
#include <QStringList>

#include "paratrace/jit/ir_parser.h"

namespace paratrace::cli {

namespace {

struct ExportInputText {
  Q_DECLARE_TR_FUNCTIONS(ExportInputText)
};

[[noreturn]] void fail(const QString& message) { throw ExportInputError(message.toStdString()); }

// A safetensors file starts with its header's length (8 bytes, little
// endian) followed by the JSON header itself.
bool is_safetensors(const QByteArray& head) {
  if (head.size() < 9 || head.at(8) != '{') return false;
  quint64 length = 0;
  for (int i = 7; i >= 0; --i) length = (length << 8) | static_cast<unsigned char>(head.at(i));
  return length > 0;
}

ExportInputKind detect(const QString& path, const QByteArray& head) {
  if (is_safetensors(head)) return ExportInputKind::TracedModule;
  QByteArray text = head;
  if (text.startsWith("\xEF\xBB\xBF")) text.remove(0, 3);
  text = text.trimmed();
  if (text.startsWith("graph(")) return ExportInputKind::IrText;
  if (text.startsWith('{')) return ExportInputKind::ModelFile;
  fail(ExportInputText::tr("%1: not a traced-module file, IR text (starting with 'graph(') or a model file (JSON)")
           .arg(path));
}

std::shared_ptr<jit::Graph> parse_ir_file(const QString& path, const QByteArray& text) {
  try {
    return jit::parse_ir(text.toStdString());
  } catch (const jit::IrParseError& e) {
    fail(QStringLiteral("%1:%2:%3: %4")
             .arg(path)
             .arg(e.line())
             .arg(e.column())
             .arg(QString::fromStdString(e.message())));
  }
}

}  // namespace

ExportInput load_export_input(const QString& path, const ModelFileLoader& load_model) {
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly)) fail(ExportInputText::tr("cannot read %1: %2").arg(path, file.errorString()));
  ExportInput input;
  input.kind = detect(path, file.peek(64));
  switch (input.kind) {
    case ExportInputKind::IrText:
      input.graph = parse_ir_file(path, file.readAll());
      break;
    case ExportInputKind::TracedModule:
      file.close();
      try {
        input.traced = jit::TracedModule::load(path.toStdString());
      } catch (const std::exception& e) {
        // Core's message names the file ("traced module 'FILE': ...").
        fail(QString::fromStdString(e.what()));
      }
      break;
    case ExportInputKind::ModelFile:
      file.close();
      if (!load_model) {
        fail(ExportInputText::tr("%1: model files cannot be exported by this build (no model loader); "
                                 "export a traced-module file or IR text instead")
                 .arg(path));
      }
      // The loader's errors name the file, the JSON path and the reason.
      try {
        input.traced = load_model(path);
      } catch (const std::exception& e) {
        fail(QString::fromStdString(e.what()));
      }
      break;
  }
  return input;
}

graphview::DisplayGraph display_graph(const ExportInput& input, const QString& path, const std::string& method,
                                      const graphview::GraphModelOptions& options) {
  if (input.graph) {
    if (!method.empty() && method != "forward") {
      fail(ExportInputText::tr("%1: IR text holds one graph; --method applies to traced modules and model files")
               .arg(path));
    }
    return graphview::build_display_graph(*input.graph, options);
  }
  const std::string name = method.empty() ? "forward" : method;
  const std::vector<std::string> methods = input.traced->method_names();
  if (std::find(methods.begin(), methods.end(), name) == methods.end()) {
    QStringList known;
    for (const std::string& m : methods) known << QString::fromStdString(m);
    fail(ExportInputText::tr("%1: no traced method '%2' (it has: %3)")
             .arg(path, QString::fromStdString(name), known.join(QStringLiteral(", "))));
  }
  return graphview::build_display_graph(*input.traced, options, name);
}

}  // namespace paratrace::cli
