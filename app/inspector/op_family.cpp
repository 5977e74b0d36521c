#include "op_family.h"

#include <QRegularExpression>
#include <QSet>

namespace paratrace::inspector {

OpFamily opFamily(const QString& kind) {
  const QString op = kind.section(QStringLiteral("::"), 1).remove(QRegularExpression(QStringLiteral("_$")));
  static const QSet<QString> linear{"linear", "matmul", "mm", "bmm", "addmm", "conv1d", "conv2d", "conv3d",
                                    "_convolution", "einsum", "embedding", "lstm_cell", "gru_cell", "rnn_tanh_cell"};
  static const QSet<QString> activation{"relu", "sigmoid", "tanh", "gelu", "softmax", "log_softmax", "leaky_relu",
                                        "elu", "silu", "softplus", "hardtanh"};
  static const QSet<QString> elementwise{"add", "sub", "mul", "div", "neg", "exp", "log", "pow", "sqrt", "rsqrt",
                                         "abs", "clamp", "where", "eq", "ne", "gt", "lt", "ge", "le", "rsub"};
  static const QSet<QString> reduction{"sum", "mean", "norm", "max", "min", "amax", "amin", "prod", "var", "std",
                                       "argmax", "argmin", "linalg_vector_norm"};
  static const QSet<QString> shape{"view", "reshape", "transpose", "permute", "t", "mT", "flatten", "cat", "stack",
                                   "select", "slice", "unsqueeze", "squeeze", "expand", "contiguous", "triu", "tril",
                                   "chunk", "split", "unbind", "size", "numel", "to", "detach", "clone", "index"};
  static const QSet<QString> normalization{"batch_norm", "layer_norm", "group_norm", "dropout", "max_pool2d",
                                           "avg_pool2d", "adaptive_avg_pool2d"};
  static const QSet<QString> random{"rand", "randn", "randint", "bernoulli", "normal", "uniform"};
  if (!kind.startsWith(QLatin1String("aten::"))) return OpFamily::Other;
  if (linear.contains(op) || op.startsWith(QLatin1String("linalg_"))) return OpFamily::LinearAlgebra;
  if (activation.contains(op)) return OpFamily::Activation;
  if (elementwise.contains(op)) return OpFamily::Elementwise;
  if (reduction.contains(op)) return OpFamily::Reduction;
  if (shape.contains(op)) return OpFamily::Shape;
  if (normalization.contains(op)) return OpFamily::Normalization;
  if (random.contains(op)) return OpFamily::Random;
  return OpFamily::Other;
}

NodeStyle nodeStyle(PictureRole role, const QString& kind, bool dark) {
  // Light fills with dark text in the light theme; deep fills with light text in the dark one.
  auto style = [dark](const char* light, const char* deep) {
    return dark ? NodeStyle{QColor(deep), QColor(deep).lighter(150), QColor("#eeeeee")}
                : NodeStyle{QColor(light), QColor(light).darker(160), QColor("#202020")};
  };
  switch (role) {
    case PictureRole::Input: return style("#c8e6c9", "#2e5e31");
    case PictureRole::Parameter: return style("#fff3c4", "#6b5a1e");
    case PictureRole::Output: return style("#f8bbd0", "#6d2a40");
    case PictureRole::Constant: return style("#eeeeee", "#444444");
    case PictureRole::Pack: return style("#e0e0e0", "#3c3c3c");
    case PictureRole::Module: return style("#d1c4e9", "#4a3b6b");
    case PictureRole::Op: break;
  }
  switch (opFamily(kind)) {
    case OpFamily::LinearAlgebra: return style("#bbdefb", "#1f4e79");
    case OpFamily::Activation: return style("#dcedc8", "#3d5a1f");
    case OpFamily::Elementwise: return style("#ffe0b2", "#7a4a12");
    case OpFamily::Reduction: return style("#e1bee7", "#5b2a66");
    case OpFamily::Shape: return style("#eceff1", "#37474f");
    case OpFamily::Normalization: return style("#b2ebf2", "#1d5c63");
    case OpFamily::Random: return style("#ffcdd2", "#7a2a2a");
    case OpFamily::Other: break;
  }
  return style("#f5f5f5", "#424242");
}

}  // namespace paratrace::inspector
