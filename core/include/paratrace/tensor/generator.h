#pragma once
// The random number source behind rand/randn/randint, dropout and init::*.
// One global default generator, seeded with manual_seed() like torch's.
// (Streams are not bit-identical to PyTorch's; tests that compare with
// PyTorch load the random values from fixtures instead.)
#include <cmath>
#include <cstdint>
#include <limits>
#include <random>

namespace paratrace {

class Generator {
 public:
  explicit Generator(std::uint64_t seed = 67280421310721ULL) : engine_(seed), seed_(seed) {}
  void manual_seed(std::uint64_t seed) {
    engine_.seed(seed);
    seed_ = seed;
  }
  std::uint64_t initial_seed() const { return seed_; }
  std::mt19937_64& engine() { return engine_; }

  // PyTorch's uniform_real: the low `digits` bits of one draw, scaled to [0, 1), so the value is exact
  // in T and a float32 draw in [0, 1) never rounds up to 1 the way a double draw cast to float can.
  template <typename T = double> double uniform(double from, double to) {
    constexpr int digits = std::numeric_limits<T>::digits;
    const std::uint64_t bits = engine_() & ((std::uint64_t{1} << digits) - 1);
    return std::ldexp(static_cast<double>(bits), -digits) * (to - from) + from;
  }
  double normal(double mean, double std) { return std::normal_distribution<double>(mean, std)(engine_); }
  std::int64_t randint(std::int64_t low, std::int64_t high) {
    return std::uniform_int_distribution<std::int64_t>(low, high - 1)(engine_);
  }

 private:
  std::mt19937_64 engine_;
  std::uint64_t seed_;
};

Generator& default_generator();
void manual_seed(std::uint64_t seed);

}  // namespace paratrace
