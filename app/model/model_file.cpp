#include "model_file.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <algorithm>

#include "model_error.h"
#include "model_modules.h"
#include "model_saver.h"
#include "module_factory.h"
#include "paratrace/autograd/grad_mode.h"
#include "paratrace/nn/parametrize.h"
#include "paratrace/tensor/generator.h"
#include "option_values.h"
#include "plugin_manager.h"
#include "safetensors_file.h"

namespace paratrace::model {

namespace {

struct ModelFileText {
  Q_DECLARE_TR_FUNCTIONS(ModelFile)
};

JsonNode read_document(const QString& path) {
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly))
    throw ModelFileReadError(path, QStringLiteral("$"), ModelFileText::tr("cannot open the file: %1").arg(file.errorString()));
  const QByteArray text = file.readAll();
  QJsonParseError error;
  const QJsonDocument document = QJsonDocument::fromJson(text, &error);
  if (error.error != QJsonParseError::NoError)
    throw ModelFileReadError(path, QStringLiteral("$"),
                             ModelFileText::tr("invalid JSON at offset %1: %2").arg(error.offset).arg(error.errorString()));
  if (!document.isObject()) throw ModelFileSchemaError(path, QStringLiteral("$"), ModelFileText::tr("expected a JSON object"));
  return JsonNode(path, QStringLiteral("$"), document.object(), std::make_shared<KeyOrder>(scan_key_order(text)));
}

// "methods": {"features": "features"} makes a Sequential root answer
// call_method("features") with that submodule.
nn::ModulePtr with_methods(nn::ModulePtr root, const JsonNode& methods_node) {
  if (!methods_node.present()) return root;
  if (root->class_name() != "Sequential")
    methods_node.fail(ModelFileText::tr("methods need a Sequential root module, got %1").arg(QString::fromStdString(root->class_name())));
  std::map<std::string, std::string> methods;
  for (const QString& name : methods_node.keys()) {
    const JsonNode target = methods_node.member(name);
    if (name == QLatin1String("forward")) target.fail(ModelFileText::tr("forward is the root module's own method"));
    const std::string path = target.string().toStdString();
    try {
      root->get_submodule(path);
    } catch (const Error& e) {
      target.fail(QString::fromStdString(e.what()));
    }
    methods[name.toStdString()] = path;
  }
  return std::make_shared<MethodSequential>(root->named_children(), methods);
}

bool has_parametrized_keys(const nn::StateDict& state) {
  for (const auto& key : state.keys())
    if (key.rfind("parametrizations.", 0) == 0 || key.find(".parametrizations.") != std::string::npos) return true;
  return false;
}

nn::StateDict read_weights(const JsonNode& node, const QString& path) {
  try {
    nn::StateDict state;
    for (auto& [key, tensor] : read_safetensors(path).tensors) state.set(key, tensor);
    return state;
  } catch (const Error& e) {
    throw ModelFileReadError(node.file(), node.path(), QString::fromStdString(e.what()));
  }
}

void load_weights(nn::Module& module, const nn::StateDict& state, const JsonNode& node) {
  try {
    module.load_state_dict(state, /*strict=*/true);
  } catch (const Error& e) {
    throw ModelFileWeightsError(node.file(), node.path(), QString::fromStdString(e.what()));
  }
}

// Tensors a parametrization keeps out of the state_dict (FakeSparsity's
// mask), copied into the registered buffers so they keep their identity.
void load_kept_buffers(nn::Module& root, const JsonNode& node, const QString& path) {
  io::SafetensorsContents contents;
  try {
    contents = read_safetensors(path);
  } catch (const Error& e) {
    throw ModelFileReadError(node.file(), node.path(), QString::fromStdString(e.what()));
  }
  for (const auto& [key, value] : contents.tensors) {
    Tensor buffer;
    try {
      buffer = root.get_buffer(key);
    } catch (const Error& e) {
      throw ModelFileWeightsError(node.file(), node.path(), QString::fromStdString(e.what()));
    }
    if (!buffer.defined() || buffer.sizes() != value.sizes() || buffer.dtype() != value.dtype())
      throw ModelFileWeightsError(node.file(), node.path(),
                                  ModelFileText::tr("the buffer %1 does not match the file's tensor in shape or dtype")
                                      .arg(QString::fromStdString(key)));
    autograd::NoGradGuard no_grad;
    buffer.copy_(value);
  }
}

ParametrizationSpec read_spec(const JsonNode& node) {
  ObjectReader in(node);
  ParametrizationSpec spec;
  spec.module = in.string(QStringLiteral("module"), QString());
  spec.tensor = in.string(QStringLiteral("tensor"));
  spec.type = in.string(QStringLiteral("type"));
  const JsonNode options = in.get(QStringLiteral("options"));
  if (options.present()) spec.options = options.object().toVariantMap();
  spec.unsafe = in.boolean(QStringLiteral("unsafe"), false);
  in.finish();
  return spec;
}

void apply_parametrization(nn::Module& root, ParametrizationSpec& spec, const JsonNode& node,
                           const pluginhost::PluginManager& plugins) {
  const auto error = [&](const QString& key, const QString& reason) {
    return ModelFilePluginError(node.file(), key.isEmpty() ? node.path() : node.member(key).path(), reason);
  };
  nn::ModulePtr target;
  try {
    target = spec.module.isEmpty() ? root.shared_from_this() : root.get_submodule(spec.module.toStdString());
  } catch (const Error& e) {
    node.member(QStringLiteral("module")).fail(QString::fromStdString(e.what()));
  }
  const std::string tensor_name = spec.tensor.toStdString();
  if (!target->has_parameter(tensor_name) && !target->has_buffer(tensor_name) && !target->has_property(tensor_name))
    node.member(QStringLiteral("tensor"))
        .fail(ModelFileText::tr("%1 has no parameter or buffer \"%2\"").arg(QString::fromStdString(target->type_name()), spec.tensor));
  const auto type = plugins.type(spec.type);
  if (!type) {
    const QStringList known = plugins.type_names();
    throw error(QStringLiteral("type"),
                ModelFileText::tr("no loaded plugin provides the parametrization \"%1\" (available: %2)")
                    .arg(spec.type, known.isEmpty() ? ModelFileText::tr("none") : known.join(QLatin1String(", "))));
  }
  const Tensor current = target->attr(tensor_name);
  std::shared_ptr<nn::Parametrization> parametrization;
  std::optional<QString> reason;
  try {
    // Options that cannot fit the tensor (a rank above its size) are named
    // at "tensor", before anything is built.
    reason = plugins.check(spec.type, {current.sizes(), current.dtype()}, spec.options);
    if (!reason) parametrization = plugins.create(spec.type, spec.options);
    spec.options = pluginhost::resolve_options(type->options(), spec.options);
  } catch (const plugin::OptionError& e) {
    throw ModelFilePluginError(node.file(), node.member(QStringLiteral("options")).member(e.option()).path(),
                               QString::fromStdString(e.what()));
  } catch (const Error& e) {
    throw error(QString(), QString::fromStdString(e.what()));
  }
  if (reason) throw error(QStringLiteral("tensor"), *reason);
  try {
    nn::parametrize::register_parametrization(*target, tensor_name, parametrization, spec.unsafe);
  } catch (const Error& e) {
    throw error(QString(), QString::fromStdString(e.what()));
  }
}

}  // namespace

ModelFile load_model(const QString& path, const pluginhost::PluginManager& plugins) {
  ModelFile model;
  model.path = QFileInfo(path).absoluteFilePath();
  const JsonNode root = read_document(model.path);
  model.document = children_as_arrays(root).toObject();
  const QDir base = QFileInfo(model.path).absoluteDir();
  ObjectReader in(root);

  const JsonNode format = in.required(QStringLiteral("format"));
  if (format.string() != QLatin1String("paratrace-model"))
    format.fail(ModelFileText::tr("expected \"paratrace-model\", got \"%1\"").arg(format.string()));
  const JsonNode version = in.required(QStringLiteral("version"));
  if (version.integer() != kModelFormatVersion)
    version.fail(ModelFileText::tr("unsupported version %1 (this Paratrace reads version %2)").arg(version.integer()).arg(kModelFormatVersion));
  model.name = in.string(QStringLiteral("name"));
  model.seed = static_cast<std::uint64_t>(in.integer(QStringLiteral("seed"), 0));
  const bool training = in.boolean(QStringLiteral("training"), false);

  manual_seed(model.seed);
  const JsonNode module_node = in.required(QStringLiteral("module"));
  model.module = with_methods(build_module(module_node), in.get(QStringLiteral("methods")));

  const JsonNode weights_node = in.get(QStringLiteral("weights"));
  nn::StateDict weights;
  if (weights_node.present()) {
    model.weights_path = base.absoluteFilePath(weights_node.string());
    weights = read_weights(weights_node, model.weights_path);
    model.weights_kind =
        has_parametrized_keys(weights) ? WeightsKind::AfterParametrizing : WeightsKind::BeforeParametrizing;
  }
  // PyTorch's order: a state_dict saved before parametrizing is loaded into
  // the plain module, and registration then runs right_inverse on it.
  if (model.weights_kind == WeightsKind::BeforeParametrizing) load_weights(*model.module, weights, weights_node);

  const JsonNode list = in.get(QStringLiteral("parametrizations"));
  if (list.present()) {
    for (qsizetype i = 0; i < list.array().size(); ++i) {
      const JsonNode node = list.element(i);
      ParametrizationSpec spec = read_spec(node);
      apply_parametrization(*model.module, spec, node, plugins);
      model.parametrizations.push_back(spec);
    }
  }
  if (model.weights_kind == WeightsKind::AfterParametrizing) load_weights(*model.module, weights, weights_node);
  const JsonNode buffers_node = in.get(QStringLiteral("buffers"));
  if (buffers_node.present()) load_kept_buffers(*model.module, buffers_node, base.absoluteFilePath(buffers_node.string()));

  const JsonNode inputs = in.get(QStringLiteral("example_inputs"));
  if (inputs.present()) {
    inputs.object();
    model.example_inputs = read_example_inputs(inputs, base);
    for (const auto& [method, stack] : model.example_inputs) {
      if (method == "forward") continue;
      const auto* with = dynamic_cast<const MethodSequential*>(model.module.get());
      if (!with || !with->methods().count(method))
        inputs.member(QString::fromStdString(method)).fail(ModelFileText::tr("the model has no method \"%1\"").arg(QString::fromStdString(method)));
    }
    std::stable_partition(model.example_inputs.begin(), model.example_inputs.end(),
                          [](const auto& entry) { return entry.first == "forward"; });
  }
  in.finish();
  model.module->train(training);
  return model;
}

}  // namespace paratrace::model
