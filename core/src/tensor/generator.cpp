#include "paratrace/tensor/generator.h"

namespace paratrace {

Generator& default_generator() {
  static Generator g;
  return g;
}

void manual_seed(std::uint64_t seed) { default_generator().manual_seed(seed); }

}  // namespace paratrace
