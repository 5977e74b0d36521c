#include "model_saver.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

#include "model_error.h"
#include "paratrace/io/state_dict_io.h"

namespace paratrace::model {

namespace {

struct Tr {
  Q_DECLARE_TR_FUNCTIONS(ModelSaver)
};

QString stem(const QFileInfo& info) {
  QString name = info.fileName();
  for (const auto* suffix : {".paratrace.json", ".json"}) {
    if (name.endsWith(QLatin1String(suffix))) return name.chopped(static_cast<qsizetype>(qstrlen(suffix)));
  }
  return name;
}

// Example inputs read from files: the same file, named from the new place.
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
      *it = to.relativeFilePath(from.absoluteFilePath(it.value().toString()));
    else
      *it = relocate_files(it.value(), from, to);
  }
  return out;
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

void save_model(const ModelFile& model, const QString& json_path) {
  const QFileInfo info(json_path);
  const QDir to = info.absoluteDir();
  const QString weights_name = stem(info) + QStringLiteral(".safetensors");
  const QString weights_path = to.absoluteFilePath(weights_name);
  try {
    io::save_state_dict(*model.module, weights_path.toStdString());
  } catch (const Error& e) {
    throw ModelFileReadError(weights_path, QStringLiteral("$"), QString::fromStdString(e.what()));
  }

  QJsonObject document = model.document;
  document.insert(QStringLiteral("weights"), weights_name);
  document.insert(QStringLiteral("training"), model.module->is_training());
  if (document.contains(QStringLiteral("example_inputs")))
    document.insert(QStringLiteral("example_inputs"),
                    relocate_files(document.value(QStringLiteral("example_inputs")),
                                   QFileInfo(model.path).absoluteDir(), to));

  QSaveFile file(info.absoluteFilePath());
  if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(document).toJson()) < 0 || !file.commit())
    throw ModelFileReadError(info.absoluteFilePath(), QStringLiteral("$"),
                             Tr::tr("cannot write the file: %1").arg(file.errorString()));
}

}  // namespace paratrace::model
