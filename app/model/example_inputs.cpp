#include "example_inputs.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>

#include "model_error.h"
#include "safetensors_file.h"
#include "paratrace/tensor/factories.h"
#include "paratrace/tensor/generator.h"

namespace paratrace::model {

namespace {

struct ExampleInputsText {
  Q_DECLARE_TR_FUNCTIONS(ExampleInputs)
};

ScalarType read_dtype(const JsonNode& node) {
  if (!node.present()) return ScalarType::Float32;
  ScalarType dtype;
  const QString name = node.string();
  if (!parse_dtype_name(name.toStdString(), dtype))
    node.fail(ExampleInputsText::tr("unknown dtype \"%1\" (known: float32, float64, int64, uint8, bool)").arg(name));
  return dtype;
}

Tensor generated_tensor(ObjectReader& in) {
  const JsonNode shape_node = in.required(QStringLiteral("shape"));
  IntList shape;
  for (qsizetype i = 0; i < shape_node.array().size(); ++i) {
    const JsonNode dim = shape_node.element(i);
    if (dim.integer() < 0) dim.fail(ExampleInputsText::tr("a size must not be negative, got %1").arg(dim.integer()));
    shape.push_back(dim.integer());
  }
  const ScalarType dtype = read_dtype(in.get(QStringLiteral("dtype")));
  const JsonNode init_node = in.get(QStringLiteral("init"));
  const QString init = init_node.present() ? init_node.string() : QStringLiteral("randn");
  manual_seed(static_cast<std::uint64_t>(in.integer(QStringLiteral("seed"), 0)));
  const bool floating = is_floating_point(dtype);
  if (init == QLatin1String("zeros")) return zeros(shape, dtype);
  if (init == QLatin1String("ones")) return ones(shape, dtype);
  if ((init == QLatin1String("randn") || init == QLatin1String("rand")) && !floating)
    init_node.fail(ExampleInputsText::tr("init \"%1\" needs a floating-point dtype").arg(init));
  if (init == QLatin1String("randn")) return randn(shape, dtype);
  if (init == QLatin1String("rand")) return rand(shape, dtype);
  init_node.fail(ExampleInputsText::tr("unknown init \"%1\" (known: randn, rand, zeros, ones)").arg(init));
}

Tensor file_tensor(ObjectReader& in, const QDir& base) {
  const JsonNode file_node = in.required(QStringLiteral("file"));
  const JsonNode name_node = in.required(QStringLiteral("name"));
  const QString file = base.absoluteFilePath(file_node.string());
  const QString name = name_node.string();
  io::SafetensorsContents contents;
  try {
    contents = read_safetensors(file);
  } catch (const Error& e) {
    throw ModelFileReadError(file_node.file(), file_node.path(), QString::fromStdString(e.what()));
  }
  for (const auto& [key, tensor] : contents.tensors)
    if (QString::fromStdString(key) == name) return tensor;
  throw ModelFileReadError(name_node.file(), name_node.path(),
                           ExampleInputsText::tr("%1 holds no tensor named \"%2\"").arg(QDir::toNativeSeparators(file), name));
}

std::vector<IValue> read_elements(const JsonNode& node, const QDir& base) {
  std::vector<IValue> out;
  for (qsizetype i = 0; i < node.array().size(); ++i) out.push_back(read_example_value(node.element(i), base));
  return out;
}

}  // namespace

IValue read_example_value(const JsonNode& node, const QDir& base) {
  if (node.value().isArray()) return IValue::tuple(read_elements(node, base));
  ObjectReader in(node);
  IValue value;
  if (in.has(QStringLiteral("tuple"))) {
    value = IValue::tuple(read_elements(in.get(QStringLiteral("tuple")), base));
  } else if (in.has(QStringLiteral("list"))) {
    value = IValue::list(read_elements(in.get(QStringLiteral("list")), base));
  } else if (in.has(QStringLiteral("dict"))) {
    const JsonNode dict = in.get(QStringLiteral("dict"));
    std::vector<std::pair<std::string, IValue>> items;
    for (const QString& key : dict.keys()) items.emplace_back(key.toStdString(), read_example_value(dict.member(key), base));
    value = IValue::dict(std::move(items));
  } else if (in.has(QStringLiteral("file"))) {
    value = file_tensor(in, base);
  } else if (in.has(QStringLiteral("shape"))) {
    value = generated_tensor(in);
  } else {
    node.fail(ExampleInputsText::tr("expected a tensor ({\"shape\": ...} or {\"file\": ..., \"name\": ...}), "
                     "an array (a tuple), or {\"tuple\"|\"list\"|\"dict\": ...}"));
  }
  in.finish();
  return value;
}

MethodInputs read_example_inputs(const JsonNode& node, const QDir& base) {
  MethodInputs out;
  for (const QString& method : node.keys()) {
    const JsonNode arguments = node.member(method);
    Stack stack;
    arguments.array();  // throws unless it is one
    for (const IValue& v : read_elements(arguments, base))
      stack.push_back(v);
    out.emplace_back(method.toStdString(), std::move(stack));
  }
  return out;
}

namespace {

// `json_path` only names the file in errors.
QJsonValue write_value(const IValue& value, const QString& name, const QString& json_path, const QString& file_name,
                       io::NamedTensors& tensors) {
  if (value.is_tensor()) {
    tensors.emplace_back(name.toStdString(), value.to_tensor().detach());
    return QJsonObject{{QStringLiteral("file"), file_name}, {QStringLiteral("name"), name}};
  }
  const auto elements = [&](const std::vector<IValue>& values) {
    QJsonArray out;
    for (std::size_t i = 0; i < values.size(); ++i)
      out.append(write_value(values[i], name + QLatin1Char('.') + QString::number(i), json_path, file_name, tensors));
    return out;
  };
  if (value.is_tuple()) return elements(value.tuple_elements());
  if (value.is_list()) return QJsonObject{{QStringLiteral("list"), elements(value.list_elements())}};
  if (value.is_tensor_list()) {
    const std::vector<Tensor>& list = value.to_tensor_list();
    return QJsonObject{{QStringLiteral("list"), elements(std::vector<IValue>(list.begin(), list.end()))}};
  }
  if (value.is_dict()) {
    QJsonObject dict;
    for (const auto& [key, item] : value.dict_items()) {
      const QString k = QString::fromStdString(key);
      dict.insert(k, write_value(item, name + QLatin1Char('.') + k, json_path, file_name, tensors));
    }
    return QJsonObject{{QStringLiteral("dict"), dict}};
  }
  throw ModelFileSchemaError(json_path, QStringLiteral("$.example_inputs.") + name.section(QLatin1Char('.'), 0, 0),
                             ExampleInputsText::tr("a model file holds tensors and tuples, lists and dicts of them, "
                                                   "not %1")
                                 .arg(QString::fromStdString(value.type_name())));
}

}  // namespace

QJsonObject write_example_inputs(const MethodInputs& inputs, const QString& json_path, const QString& file_name,
                                 io::NamedTensors& tensors) {
  QJsonObject out;
  for (const auto& [method, arguments] : inputs) {
    const QString name = QString::fromStdString(method);
    QJsonArray list;
    for (std::size_t i = 0; i < arguments.size(); ++i)
      list.append(write_value(arguments[i], name + QLatin1Char('.') + QString::number(i), json_path, file_name, tensors));
    out.insert(name, list);
  }
  return out;
}

}  // namespace paratrace::model
