#include "module_factory.h"

#include <QCoreApplication>
#include <functional>
#include <map>
#include <optional>

#include "model_error.h"

#include "model_modules.h"
#include "paratrace/nn/activation.h"
#include "paratrace/nn/containers.h"
#include "paratrace/nn/conv.h"
#include "paratrace/nn/dropout.h"
#include "paratrace/nn/flatten.h"
#include "paratrace/nn/linear.h"
#include "paratrace/nn/normalization.h"
#include "paratrace/nn/pooling.h"
#include "paratrace/nn/rnn.h"
#include "paratrace/nn/sparse.h"

namespace paratrace::model {

namespace {

struct ModuleFactoryText {
  Q_DECLARE_TR_FUNCTIONS(ModuleFactory)
};

using NamedModules = std::vector<std::pair<std::string, nn::ModulePtr>>;

// One module type: reads its keywords from `in` and builds the module.
using Builder = std::function<nn::ModulePtr(ObjectReader& in)>;

// kernel_size=3 or kernel_size=[3, 5], as PyTorch's _size_2_t.
nn::Size2 size2(const JsonNode& node) {
  if (node.value().isArray()) {
    const QJsonArray pair = node.array();
    if (pair.size() != 2) node.fail(ModuleFactoryText::tr("expected an integer or a list of 2 integers, got %1 values").arg(pair.size()));
    return nn::Size2(node.element(0).integer(), node.element(1).integer());
  }
  return nn::Size2(node.integer());
}

nn::Size2 size2(ObjectReader& in, const QString& key, nn::Size2 fallback) {
  const JsonNode node = in.get(key);
  return node.present() ? size2(node) : fallback;
}

std::optional<nn::Size2> optional_size2(ObjectReader& in, const QString& key) {
  const JsonNode node = in.get(key);
  if (!node.present() || node.is_null()) return std::nullopt;
  return size2(node);
}

void no_inplace(ObjectReader& in) {
  in.expect(QStringLiteral("inplace"), false, ModuleFactoryText::tr("inplace=true is not supported: layers return a new tensor"));
}

// Layers PyTorch constructs with a dtype keyword: cast after construction,
// as Module.to(dtype) would.
Builder with_dtype(Builder build) {
  return [build](ObjectReader& in) {
    const JsonNode dtype_node = in.get(QStringLiteral("dtype"));
    nn::ModulePtr module = build(in);
    if (dtype_node.present()) {
      ScalarType dtype;
      const QString name = dtype_node.string();
      if (!parse_dtype_name(name.toStdString(), dtype) || !is_floating_point(dtype))
        dtype_node.fail(ModuleFactoryText::tr("expected a floating-point dtype (\"float32\" or \"float64\"), got \"%1\"").arg(name));
      module->to(dtype);
    }
    return module;
  };
}

// The children of a container: an object (names kept, in the file's order)
// or an array, whose elements are named "0", "1", ... unless they carry a
// "name" key (the form the saver writes).
NamedModules children(ObjectReader& in) {
  const JsonNode node = in.get(QStringLiteral("children"));
  NamedModules out;
  if (!node.present()) return out;
  if (node.value().isArray()) {
    for (qsizetype i = 0; i < node.array().size(); ++i) {
      const JsonNode element = node.element(i);
      const JsonNode name = element.member(QStringLiteral("name"));
      out.emplace_back(name.present() ? name.string().toStdString() : std::to_string(i), build_module(element));
    }
  } else {
    for (const QString& key : node.keys()) out.emplace_back(key.toStdString(), build_module(node.member(key)));
  }
  return out;
}

nn::ModulePtr build_sequential(ObjectReader& in) { return std::make_shared<nn::Sequential>(children(in)); }

nn::ModulePtr build_module_list(ObjectReader& in) {
  auto list = std::make_shared<nn::ModuleList>();
  for (auto& [name, module] : children(in)) {
    if (name != std::to_string(list->size()))
      in.node().fail(ModuleFactoryText::tr("ModuleList children are numbered 0, 1, ...; got \"%1\"").arg(QString::fromStdString(name)));
    list->append(module);
  }
  return list;
}

nn::ModulePtr build_module_dict(ObjectReader& in) {
  auto dict = std::make_shared<nn::ModuleDict>();
  for (auto& [name, module] : children(in)) dict->insert(name, module);
  return dict;
}

nn::ModulePtr build_recurrence(ObjectReader& in) {
  const JsonNode cell_node = in.required(QStringLiteral("cell"));
  nn::ModulePtr cell = build_module(cell_node);
  const QString type = cell->class_name().c_str();
  if (type != QLatin1String("RNNCell") && type != QLatin1String("GRUCell") && type != QLatin1String("LSTMCell"))
    cell_node.fail(ModuleFactoryText::tr("the cell must be an RNNCell, GRUCell or LSTMCell, got %1").arg(type));
  return std::make_shared<Recurrence>(cell, in.integer(QStringLiteral("seq_len")));
}

std::optional<double> momentum(ObjectReader& in) {
  const JsonNode node = in.get(QStringLiteral("momentum"));
  if (!node.present()) return 0.1;
  if (node.is_null()) return std::nullopt;
  return node.number();
}

template <typename BatchNorm> nn::ModulePtr build_batch_norm(ObjectReader& in) {
  const auto num_features = in.integer(QStringLiteral("num_features"));
  const double eps = in.number(QStringLiteral("eps"), 1e-5);
  const auto m = momentum(in);
  const bool affine = in.boolean(QStringLiteral("affine"), true);
  const bool track = in.boolean(QStringLiteral("track_running_stats"), true);
  return std::make_shared<BatchNorm>(num_features, eps, m, affine, track);
}

template <typename Cell> nn::ModulePtr build_cell(ObjectReader& in) {
  const auto input_size = in.integer(QStringLiteral("input_size"));
  const auto hidden_size = in.integer(QStringLiteral("hidden_size"));
  return std::make_shared<Cell>(input_size, hidden_size, in.boolean(QStringLiteral("bias"), true));
}

const std::map<QString, Builder>& builders() {
  static const std::map<QString, Builder> table = {
      {QStringLiteral("Identity"), [](ObjectReader&) { return std::make_shared<nn::Identity>(); }},
      {QStringLiteral("Linear"), with_dtype([](ObjectReader& in) {
         const auto in_features = in.integer(QStringLiteral("in_features"));
         const auto out_features = in.integer(QStringLiteral("out_features"));
         return std::make_shared<nn::Linear>(in_features, out_features, in.boolean(QStringLiteral("bias"), true));
       })},
      {QStringLiteral("Bilinear"), with_dtype([](ObjectReader& in) {
         const auto in1 = in.integer(QStringLiteral("in1_features"));
         const auto in2 = in.integer(QStringLiteral("in2_features"));
         const auto out = in.integer(QStringLiteral("out_features"));
         return std::make_shared<nn::Bilinear>(in1, in2, out, in.boolean(QStringLiteral("bias"), true));
       })},
      {QStringLiteral("Conv2d"), with_dtype([](ObjectReader& in) {
         const auto in_channels = in.integer(QStringLiteral("in_channels"));
         const auto out_channels = in.integer(QStringLiteral("out_channels"));
         const JsonNode kernel = in.required(QStringLiteral("kernel_size"));
         nn::Conv2dOptions options;
         if (in.get(QStringLiteral("padding")).value().isString())
           in.get(QStringLiteral("padding")).fail(ModuleFactoryText::tr("padding must be an integer or a pair: 'same' and 'valid' are not supported"));
         options.stride = size2(in, QStringLiteral("stride"), 1);
         options.padding = size2(in, QStringLiteral("padding"), 0);
         options.dilation = size2(in, QStringLiteral("dilation"), 1);
         options.groups = in.integer(QStringLiteral("groups"), 1);
         options.bias = in.boolean(QStringLiteral("bias"), true);
         in.expect(QStringLiteral("padding_mode"), QStringLiteral("zeros"), ModuleFactoryText::tr("only padding_mode \"zeros\" is supported"));
         return std::make_shared<nn::Conv2d>(in_channels, out_channels, size2(kernel), options);
       })},
      {QStringLiteral("ReLU"), [](ObjectReader& in) {
         no_inplace(in);
         return std::make_shared<nn::ReLU>();
       }},
      {QStringLiteral("LeakyReLU"), [](ObjectReader& in) {
         no_inplace(in);
         return std::make_shared<nn::LeakyReLU>(in.number(QStringLiteral("negative_slope"), 0.01));
       }},
      {QStringLiteral("ReLU6"), [](ObjectReader& in) {
         no_inplace(in);
         return std::make_shared<nn::ReLU6>();
       }},
      {QStringLiteral("Hardtanh"), [](ObjectReader& in) {
         no_inplace(in);
         const double min_val = in.number(QStringLiteral("min_val"), -1.0);
         return std::make_shared<nn::Hardtanh>(min_val, in.number(QStringLiteral("max_val"), 1.0));
       }},
      {QStringLiteral("GELU"), [](ObjectReader& in) {
         const JsonNode node = in.get(QStringLiteral("approximate"));
         const QString approximate = node.present() ? node.string() : QStringLiteral("none");
         if (approximate != QLatin1String("none") && approximate != QLatin1String("tanh"))
           node.fail(ModuleFactoryText::tr("approximate must be \"none\" or \"tanh\", got \"%1\"").arg(approximate));
         return std::make_shared<nn::GELU>(approximate.toStdString());
       }},
      {QStringLiteral("Sigmoid"), [](ObjectReader&) { return std::make_shared<nn::Sigmoid>(); }},
      {QStringLiteral("Tanh"), [](ObjectReader&) { return std::make_shared<nn::Tanh>(); }},
      {QStringLiteral("Softmax"), [](ObjectReader& in) { return std::make_shared<nn::Softmax>(in.integer(QStringLiteral("dim"))); }},
      {QStringLiteral("Dropout"), [](ObjectReader& in) {
         no_inplace(in);
         return std::make_shared<nn::Dropout>(in.number(QStringLiteral("p"), 0.5));
       }},
      {QStringLiteral("Flatten"), [](ObjectReader& in) {
         const auto start = in.integer(QStringLiteral("start_dim"), 1);
         return std::make_shared<nn::Flatten>(start, in.integer(QStringLiteral("end_dim"), -1));
       }},
      {QStringLiteral("LayerNorm"), with_dtype([](ObjectReader& in) {
         const JsonNode shape_node = in.required(QStringLiteral("normalized_shape"));
         IntList shape;
         if (shape_node.value().isArray()) {
           for (qsizetype i = 0; i < shape_node.array().size(); ++i) shape.push_back(shape_node.element(i).integer());
         } else {
           shape.push_back(shape_node.integer());
         }
         const double eps = in.number(QStringLiteral("eps"), 1e-5);
         return std::make_shared<nn::LayerNorm>(shape, eps, in.boolean(QStringLiteral("elementwise_affine"), true));
       })},
      {QStringLiteral("GroupNorm"), with_dtype([](ObjectReader& in) {
         const auto groups = in.integer(QStringLiteral("num_groups"));
         const auto channels = in.integer(QStringLiteral("num_channels"));
         const double eps = in.number(QStringLiteral("eps"), 1e-5);
         return std::make_shared<nn::GroupNorm>(groups, channels, eps, in.boolean(QStringLiteral("affine"), true));
       })},
      {QStringLiteral("BatchNorm1d"), with_dtype(build_batch_norm<nn::BatchNorm1d>)},
      {QStringLiteral("BatchNorm2d"), with_dtype(build_batch_norm<nn::BatchNorm2d>)},
      {QStringLiteral("MaxPool2d"), [](ObjectReader& in) {
         const nn::Size2 kernel = size2(in.required(QStringLiteral("kernel_size")));
         nn::MaxPool2dOptions options;
         options.stride = optional_size2(in, QStringLiteral("stride"));
         options.padding = size2(in, QStringLiteral("padding"), 0);
         options.dilation = size2(in, QStringLiteral("dilation"), 1);
         options.ceil_mode = in.boolean(QStringLiteral("ceil_mode"), false);
         in.expect(QStringLiteral("return_indices"), false, ModuleFactoryText::tr("return_indices=true is not supported"));
         return std::make_shared<nn::MaxPool2d>(kernel, options);
       }},
      {QStringLiteral("AvgPool2d"), [](ObjectReader& in) {
         const nn::Size2 kernel = size2(in.required(QStringLiteral("kernel_size")));
         nn::AvgPool2dOptions options;
         options.stride = optional_size2(in, QStringLiteral("stride"));
         options.padding = size2(in, QStringLiteral("padding"), 0);
         options.ceil_mode = in.boolean(QStringLiteral("ceil_mode"), false);
         options.count_include_pad = in.boolean(QStringLiteral("count_include_pad"), true);
         in.expect(QStringLiteral("divisor_override"), QJsonValue::Null, ModuleFactoryText::tr("divisor_override is not supported"));
         return std::make_shared<nn::AvgPool2d>(kernel, options);
       }},
      {QStringLiteral("RNNCell"), with_dtype([](ObjectReader& in) {
         const auto input_size = in.integer(QStringLiteral("input_size"));
         const auto hidden_size = in.integer(QStringLiteral("hidden_size"));
         const bool bias = in.boolean(QStringLiteral("bias"), true);
         const JsonNode node = in.get(QStringLiteral("nonlinearity"));
         const QString nonlinearity = node.present() ? node.string() : QStringLiteral("tanh");
         if (nonlinearity != QLatin1String("tanh") && nonlinearity != QLatin1String("relu"))
           node.fail(ModuleFactoryText::tr("nonlinearity must be \"tanh\" or \"relu\", got \"%1\"").arg(nonlinearity));
         return std::make_shared<nn::RNNCell>(input_size, hidden_size, bias, nonlinearity.toStdString());
       })},
      {QStringLiteral("GRUCell"), with_dtype(build_cell<nn::GRUCell>)},
      {QStringLiteral("LSTMCell"), with_dtype(build_cell<nn::LSTMCell>)},
      {QStringLiteral("Embedding"), with_dtype([](ObjectReader& in) {
         const auto num = in.integer(QStringLiteral("num_embeddings"));
         const auto dim = in.integer(QStringLiteral("embedding_dim"));
         const JsonNode padding = in.get(QStringLiteral("padding_idx"));
         std::optional<std::int64_t> padding_idx;
         if (padding.present() && !padding.is_null()) padding_idx = padding.integer();
         return std::make_shared<nn::Embedding>(num, dim, padding_idx);
       })},
      {QStringLiteral("Sequential"), build_sequential},
      {QStringLiteral("ModuleList"), build_module_list},
      {QStringLiteral("ModuleDict"), build_module_dict},
      {QStringLiteral("Recurrence"), build_recurrence},
  };
  return table;
}

}  // namespace

nn::ModulePtr build_module(const JsonNode& node) {
  ObjectReader in(node);
  const JsonNode type_node = in.required(QStringLiteral("type"));
  const QString type = type_node.string();
  const auto it = builders().find(type);
  if (it == builders().end())
    type_node.fail(ModuleFactoryText::tr("unknown module type \"%1\" (known: %2)").arg(type, module_type_names().join(QLatin1String(", "))));
  // The name key belongs to the parent (a child listed in an array).
  in.get(QStringLiteral("name"));
  nn::ModulePtr module;
  try {
    module = it->second(in);
  } catch (const ModelFileError&) {
    throw;
  } catch (const Error& e) {
    // What core's constructor rejects (groups, padding_idx, p ...).
    node.fail(QString::fromStdString(e.what()));
  }
  in.finish();
  return module;
}

QStringList module_type_names() {
  QStringList names;
  for (const auto& entry : builders()) names << entry.first;
  return names;
}

}  // namespace paratrace::model
