#include "model_saver.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <functional>

#include "model_error.h"
#include "paratrace/io/safetensors.h"
#include "paratrace/io/state_dict_io.h"

namespace paratrace::model {

namespace {

struct ModelSaverText {
  Q_DECLARE_TR_FUNCTIONS(ModelSaver)
};

QString stem(const QFileInfo& info) {
  QString name = info.fileName();
  for (const auto* suffix : {".paratrace.json", ".json"}) {
    if (name.endsWith(QLatin1String(suffix))) return name.chopped(static_cast<qsizetype>(qstrlen(suffix)));
  }
  return name;
}

// Example inputs read from files: the same file, named from the new place;
// a file of a model embedded as a Qt resource keeps its ":/" path.
QJsonValue relocate_files(const QJsonValue& value, const QDir& from, const QDir& to) {
  if (value.isArray()) {
    QJsonArray out;
    for (const QJsonValue& element : value.toArray()) out.append(relocate_files(element, from, to));
    return out;
  }
  if (!value.isObject()) return value;
  QJsonObject out = value.toObject();
  for (auto it = out.begin(); it != out.end(); ++it) {
    if (it.key() == QLatin1String("file") && it.value().isString())
      *it = from.path().startsWith(QLatin1Char(':')) ? from.absoluteFilePath(it.value().toString())
                                                     : to.relativeFilePath(from.absoluteFilePath(it.value().toString()));
    else
      *it = relocate_files(it.value(), from, to);
  }
  return out;
}

// Buffers that state_dict leaves out (FakeSparsity's mask): without them a
// reopened model would rebuild them from other values.
io::NamedTensors kept_buffers(const nn::Module& module) {
  const nn::StateDict state = module.state_dict();
  io::NamedTensors kept;
  for (const auto& [key, tensor] : module.named_buffers())
    if (tensor.defined() && !state.contains(key)) kept.emplace_back(key, tensor.detach());
  return kept;
}

}  // namespace

QJsonValue children_as_arrays(const JsonNode& node) {
  if (node.value().isArray()) {
    QJsonArray out;
    for (qsizetype i = 0; i < node.array().size(); ++i) out.append(children_as_arrays(node.element(i)));
    return out;
  }
  if (!node.value().isObject()) return node.value();
  QJsonObject out;
  for (const QString& key : node.keys()) {
    const JsonNode child = node.member(key);
    if (key == QLatin1String("children") && child.value().isObject()) {
      QJsonArray named;
      for (const QString& name : child.keys()) {
        QJsonObject entry = children_as_arrays(child.member(name)).toObject();
        entry.insert(QStringLiteral("name"), name);
        named.append(entry);
      }
      out.insert(key, named);
    } else {
      out.insert(key, children_as_arrays(child));
    }
  }
  return out;
}

QJsonArray parametrizations_json(const std::vector<ParametrizationSpec>& specs) {
  QJsonArray list;
  for (const ParametrizationSpec& spec : specs) {
    QJsonObject entry;
    if (!spec.module.isEmpty()) entry.insert(QStringLiteral("module"), spec.module);
    entry.insert(QStringLiteral("tensor"), spec.tensor);
    entry.insert(QStringLiteral("type"), spec.type);
    if (!spec.options.isEmpty()) entry.insert(QStringLiteral("options"), QJsonObject::fromVariantMap(spec.options));
    if (spec.unsafe) entry.insert(QStringLiteral("unsafe"), true);
    list.append(entry);
  }
  return list;
}

QJsonObject save_model(const ModelFile& model, const QString& json_path) {
  const QFileInfo info(json_path);
  const QDir to = info.absoluteDir();
  const QString weights_name = stem(info) + QStringLiteral(".safetensors");
  const QString weights_path = to.absoluteFilePath(weights_name);
  const io::NamedTensors buffers = kept_buffers(*model.module);
  const QString buffers_name = stem(info) + QStringLiteral(".buffers.safetensors");

  QJsonObject document = model.document;
  document.insert(QStringLiteral("weights"), weights_name);
  document.insert(QStringLiteral("training"), model.module->is_training());
  if (buffers.empty())
    document.remove(QStringLiteral("buffers"));
  else
    document.insert(QStringLiteral("buffers"), buffers_name);
  if (model.parametrizations.empty())
    document.remove(QStringLiteral("parametrizations"));
  else
    document.insert(QStringLiteral("parametrizations"), parametrizations_json(model.parametrizations));
  io::NamedTensors inputs;
  const QString inputs_name = stem(info) + QStringLiteral(".inputs.safetensors");
  if (model.example_inputs_edited)
    document.insert(QStringLiteral("example_inputs"),
                    write_example_inputs(model.example_inputs, info.absoluteFilePath(), inputs_name, inputs));
  else if (document.contains(QStringLiteral("example_inputs")))
    document.insert(QStringLiteral("example_inputs"),
                    relocate_files(document.value(QStringLiteral("example_inputs")),
                                   QFileInfo(model.path).absoluteDir(), to));

  // The JSON goes to its temporary file first: a place that cannot be
  // written fails here, before the weights beside it are replaced.
  QSaveFile file(info.absoluteFilePath());
  const auto write_error = [&] {
    return ModelFileReadError(info.absoluteFilePath(), QStringLiteral("$"),
                              ModelSaverText::tr("cannot write the file: %1").arg(file.errorString()));
  };
  if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(document).toJson()) < 0) throw write_error();
  const auto write_tensors = [&](const QString& path, const std::function<void(const std::string&)>& save) {
    try {
      save(path.toStdString());
    } catch (const Error& e) {
      file.cancelWriting();
      throw ModelFileReadError(path, QStringLiteral("$"), QString::fromStdString(e.what()));
    }
  };
  write_tensors(weights_path, [&](const std::string& path) { io::save_state_dict(*model.module, path); });
  if (!buffers.empty())
    write_tensors(to.absoluteFilePath(buffers_name), [&](const std::string& path) { io::save_safetensors(path, buffers); });
  if (!inputs.empty())
    write_tensors(to.absoluteFilePath(inputs_name), [&](const std::string& path) { io::save_safetensors(path, inputs); });
  if (!file.commit()) throw write_error();
  return document;
}

}  // namespace paratrace::model
