#include "tensor_files.h"

#include <QRegularExpression>
#include <map>

namespace paratrace::cli {

namespace {

void flatten_into(const IValue& value, std::vector<Tensor>& out) {
  if (value.is_tensor()) {
    out.push_back(value.to_tensor());
  } else if (value.is_tuple()) {
    for (const IValue& element : value.tuple_elements()) flatten_into(element, out);
  } else if (value.is_list()) {
    for (const IValue& element : value.list_elements()) flatten_into(element, out);
  } else if (value.is_tensor_list()) {
    for (const Tensor& t : value.to_tensor_list()) out.push_back(t);
  } else if (value.is_dict()) {
    for (const auto& item : value.dict_items()) flatten_into(item.second, out);
  } else {
    PT_THROW(TypeError, "output " << out.size() << " is a " << value.type_name() << ", not a tensor");
  }
}

}  // namespace

Stack read_inputs(const QString& path) {
  const std::string file = path.toStdString();
  const io::SafetensorsContents contents = io::load_safetensors(file);
  static const QRegularExpression input_name(QStringLiteral("^input(0|[1-9][0-9]*)$"));
  std::map<int, Tensor> numbered;
  for (const auto& [name, tensor] : contents.tensors) {
    const auto match = input_name.match(QString::fromStdString(name));
    PT_CHECK(match.hasMatch(), ValueError,
             file << ": unexpected tensor '" << name << "' (inputs are named input0, input1, ...)");
    numbered[match.captured(1).toInt()] = tensor;
  }
  PT_CHECK(!numbered.empty(), ValueError, file << ": no inputs (tensors named input0, input1, ...)");
  Stack inputs;
  for (const auto& [index, tensor] : numbered) {
    PT_CHECK(index == static_cast<int>(inputs.size()), ValueError,
             file << ": input" << inputs.size() << " is missing (found input" << index << ")");
    inputs.push_back(tensor);
  }
  return inputs;
}

std::vector<Tensor> flatten_outputs(const IValue& value) {
  std::vector<Tensor> out;
  flatten_into(value, out);
  return out;
}

}  // namespace paratrace::cli
