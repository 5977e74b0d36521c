#pragma once
// What the Re-trace dialog edits: the tensors in one method's argument list
// (nested tuples, lists and dicts walked in order), the user's choice for
// each, and the argument list rebuilt from those choices. New tensors are
// made by the model-file reader (model::read_example_value), so a shape, a
// dtype or a safetensors file is checked exactly as in a model file.
#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <vector>

#include "paratrace/ops/ivalue.h"

namespace paratrace::inspector {

enum class InputSource { Keep, RandomNormal, Zeros, Ones, File };

struct InputChoice {
  InputSource source = InputSource::Keep;
  QString shape;       // "2, 8": integers >= 0, for RandomNormal, Zeros and Ones
  QString dtype;       // a model-file dtype name ("float32"); empty: float32
  qint64 seed = 0;     // RandomNormal
  QString file;        // File: a safetensors file
  QString tensorName;  // File: the tensor's name in it
};

// One row of the argument tree as the dialog lists it.
struct InputRow {
  QString label;    // "input", "[1]", "\"key\""
  QString path;     // the whole way there: "input[1]", "input[\"key\"]"
  int depth = 0;    // 0 for an argument, 1 for its elements, ...
  int tensor = -1;  // index among the tensors (tensorsOf order); -1 otherwise
  QString type;     // "Tensor", "(Tensor, int)", "int", ...
  IValue value;
};

struct RetraceInputs {
  Q_DECLARE_TR_FUNCTIONS(RetraceInputs)

 public:
  // Rows in order, parents before their elements; `names` label the
  // arguments (missing ones become "argument N").
  static std::vector<InputRow> rows(const Stack& inputs, const QStringList& names);
  // The tensors of `inputs`, in the rows' order.
  static std::vector<Tensor> tensorsOf(const Stack& inputs);
  // `inputs` with its tensors replaced, in order, by `tensors`.
  static Stack withTensors(const Stack& inputs, const std::vector<Tensor>& tensors);
  // The tensor `choice` describes (`current` for Keep). Throws ValueError
  // with the reason, such as "a size must not be negative, got -1".
  static Tensor make(const InputChoice& choice, const Tensor& current);
  // "2, 8" for a shape, as the shape field shows it.
  static QString shapeText(const Shape& shape);
};

}  // namespace paratrace::inspector
