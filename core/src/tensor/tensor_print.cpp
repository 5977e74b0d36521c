// Tensor printing in the style of PyTorch's repr.
#include <sstream>

#include "paratrace/tensor/tensor.h"

namespace paratrace {

std::string Tensor::to_string() const {
  if (!defined()) return "tensor(undefined)";
  std::ostringstream os;
  os << "tensor(";
  const auto v = to_vector<double>();
  os << '[';
  for (std::size_t i = 0; i < v.size(); ++i) os << (i ? ", " : "") << v[i];
  os << "])";
  return os.str();
}

}  // namespace paratrace
