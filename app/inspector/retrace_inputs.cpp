#include "retrace_inputs.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "example_inputs.h"
#include "model_error.h"
#include "paratrace/errors.h"

namespace paratrace::inspector {

namespace {

void addRows(const IValue& value, const QString& label, const QString& path, int depth, int& tensors,
             std::vector<InputRow>& out) {
  InputRow row;
  row.label = label;
  row.path = path;
  row.depth = depth;
  row.type = QString::fromStdString(value.type_name());
  row.value = value;
  if (value.is_tensor()) row.tensor = tensors++;
  out.push_back(row);
  if (value.is_tuple() || value.is_list()) {
    const auto& elements = value.is_tuple() ? value.tuple_elements() : value.list_elements();
    for (std::size_t i = 0; i < elements.size(); ++i) {
      const QString index = QStringLiteral("[%1]").arg(i);
      addRows(elements[i], index, path + index, depth + 1, tensors, out);
    }
  } else if (value.is_dict()) {
    for (const auto& [key, element] : value.dict_items()) {
      const QString quoted = QStringLiteral("\"%1\"").arg(QString::fromStdString(key));
      addRows(element, quoted, QStringLiteral("%1[%2]").arg(path, quoted), depth + 1, tensors, out);
    }
  }
}

IValue replaced(const IValue& value, const std::vector<Tensor>& tensors, std::size_t& next) {
  if (value.is_tensor()) {
    if (next >= tensors.size()) throw IndexError("fewer replacement tensors than example inputs");
    return tensors[next++];
  }
  auto each = [&](const std::vector<IValue>& elements) {
    std::vector<IValue> out;
    for (const IValue& e : elements) out.push_back(replaced(e, tensors, next));
    return out;
  };
  if (value.is_tuple()) return IValue::tuple(each(value.tuple_elements()));
  if (value.is_list()) return IValue::list(each(value.list_elements()));
  if (value.is_dict()) {
    std::vector<std::pair<std::string, IValue>> items;
    for (const auto& [key, element] : value.dict_items()) items.emplace_back(key, replaced(element, tensors, next));
    return IValue::dict(std::move(items));
  }
  return value;
}

// The shape field takes "2, 8", "[2, 8]" or "(2, 8)"; the model-file reader
// then checks the sizes as it checks a model file's "shape".
QJsonArray shapeArray(const QString& text) {
  QString inner = text.trimmed();
  if ((inner.startsWith(QLatin1Char('[')) && inner.endsWith(QLatin1Char(']'))) ||
      (inner.startsWith(QLatin1Char('(')) && inner.endsWith(QLatin1Char(')'))))
    inner = inner.mid(1, inner.size() - 2);
  QJsonParseError error;
  const QJsonDocument doc = QJsonDocument::fromJson(QStringLiteral("[%1]").arg(inner).toUtf8(), &error);
  if (error.error != QJsonParseError::NoError || !doc.isArray())
    throw ValueError(RetraceInputs::tr("the shape must be sizes separated by commas, such as \"2, 8\"; got \"%1\"")
                         .arg(text)
                         .toStdString());
  return doc.array();
}

Tensor read(const QJsonObject& spec, const QString& what) {
  try {
    return model::read_example_value(model::JsonNode(what, QStringLiteral("$"), spec), QDir::current()).to_tensor();
  } catch (const model::ModelFileError& e) {
    throw ValueError(e.reason().toStdString());
  }
}

}  // namespace

std::vector<InputRow> RetraceInputs::rows(const Stack& inputs, const QStringList& names) {
  std::vector<InputRow> out;
  int tensors = 0;
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    const QString name = static_cast<qsizetype>(i) < names.size() ? names[static_cast<qsizetype>(i)] : QString();
    const QString label = name.isEmpty() ? tr("argument %1").arg(i) : name;
    addRows(inputs[i], label, label, 0, tensors, out);
  }
  return out;
}

std::vector<Tensor> RetraceInputs::tensorsOf(const Stack& inputs) {
  std::vector<Tensor> out;
  for (const InputRow& row : rows(inputs, {}))
    if (row.tensor >= 0) out.push_back(row.value.to_tensor());
  return out;
}

Stack RetraceInputs::withTensors(const Stack& inputs, const std::vector<Tensor>& tensors) {
  Stack out;
  std::size_t next = 0;
  for (const IValue& value : inputs) out.push_back(replaced(value, tensors, next));
  return out;
}

Tensor RetraceInputs::make(const InputChoice& choice, const Tensor& current) {
  QJsonObject spec;
  switch (choice.source) {
    case InputSource::Keep:
      return current;
    case InputSource::File:
      if (choice.file.isEmpty()) throw ValueError(tr("choose a safetensors file").toStdString());
      spec.insert(QStringLiteral("file"), choice.file);
      spec.insert(QStringLiteral("name"), choice.tensorName);
      return read(spec, choice.file);
    case InputSource::RandomNormal:
    case InputSource::Zeros:
    case InputSource::Ones:
      break;
  }
  spec.insert(QStringLiteral("shape"), shapeArray(choice.shape));
  spec.insert(QStringLiteral("init"), choice.source == InputSource::Zeros  ? QStringLiteral("zeros")
                                      : choice.source == InputSource::Ones ? QStringLiteral("ones")
                                                                           : QStringLiteral("randn"));
  spec.insert(QStringLiteral("seed"), choice.seed);
  if (!choice.dtype.isEmpty()) spec.insert(QStringLiteral("dtype"), choice.dtype);
  return read(spec, tr("shape"));
}

QString RetraceInputs::shapeText(const Shape& shape) {
  QStringList sizes;
  for (const auto size : shape) sizes << QString::number(size);
  return sizes.join(QLatin1String(", "));
}

}  // namespace paratrace::inspector
