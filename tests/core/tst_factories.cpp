// Tensor factories against PyTorch 1.13: shapes, dtypes, values and error texts.
// arange/linspace are compared bit for bit with tests/fixtures/factories.safetensors
// (tests/fixtures/generate_factory_fixtures.py). Random values cannot match
// PyTorch's generator, so random factories are checked for seed
// reproducibility, ranges and moments instead.
#include <algorithm>
#include <cmath>
#include <cstring>
#include <map>
#include <nlohmann/json.hpp>

#include "paratrace/io/safetensors.h"
#include "paratrace/tensor/generator.h"
#include "test_util.h"

using namespace paratrace;

namespace {

struct FactoryCase {
  Tensor expected;
  nlohmann::json call;  // {"args": [...], "dtype": ...}
};

const std::map<std::string, FactoryCase>& factory_cases() {
  static const std::map<std::string, FactoryCase> cases = [] {
    const auto file = io::load_safetensors(PARATRACE_TEST_DATA_DIR "/factories.safetensors");
    std::map<std::string, FactoryCase> out;
    for (const auto& [name, t] : file.tensors) out[name] = {t, nlohmann::json::parse(file.metadata.at(name))};
    return out;
  }();
  return cases;
}

// JSON ints stay ints (arange infers int64 from them); "nan"/"inf"/"-inf" stand for the non-finite floats.
Scalar scalar_arg(const nlohmann::json& j) {
  if (j.is_number_integer()) return Scalar(j.get<std::int64_t>());
  if (j.is_string()) return Scalar(std::strtod(j.get<std::string>().c_str(), nullptr));
  return Scalar(j.get<double>());
}

std::optional<ScalarType> dtype_of(const nlohmann::json& call) {
  if (call["dtype"].is_null()) return std::nullopt;
  ScalarType t{};
  const bool known = parse_dtype_name(call["dtype"].get<std::string>(), t);
  Q_ASSERT(known);
  return t;
}

// Same dtype, shape and bytes (any NaN matches any NaN: the payload's sign is not PyTorch's contract).
bool bitwise_equal(const Tensor& a, const Tensor& b, QString* why) {
  if (a.dtype() != b.dtype() || a.sizes() != b.sizes()) {
    *why = QStringLiteral("got %1, expected %2").arg(QString::fromStdString(a.to_string()),
                                                     QString::fromStdString(b.to_string()));
    return false;
  }
  const auto x = a.contiguous(), y = b.contiguous();
  const auto bytes = static_cast<std::int64_t>(a.element_size());
  for (std::int64_t i = 0; i < a.numel(); ++i) {
    const auto* p = static_cast<const char*>(x.raw_data()) + i * bytes;
    const auto* q = static_cast<const char*>(y.raw_data()) + i * bytes;
    if (std::memcmp(p, q, static_cast<std::size_t>(bytes)) == 0) continue;
    const double u = x.reshape({-1}).select(0, i).item<double>(), v = y.reshape({-1}).select(0, i).item<double>();
    if (std::isnan(u) && std::isnan(v)) continue;
    *why = QStringLiteral("element %1: %2 vs PyTorch's %3").arg(i).arg(u, 0, 'g', 17).arg(v, 0, 'g', 17);
    return false;
  }
  return true;
}

#define PT_COMPARE_BITWISE(a, b)                                                \
  do {                                                                          \
    QString pt_why_;                                                            \
    QVERIFY2(bitwise_equal((a), (b), &pt_why_), qPrintable(pt_why_));           \
  } while (0)

double mean_of(const Tensor& t) { return t.to(ScalarType::Float64).mean().item<double>(); }
double var_of(const Tensor& t) { return t.to(ScalarType::Float64).var({0}).item<double>(); }

void add_fixture_rows(const std::string& op) {
  QTest::addColumn<QString>("name");
  for (const auto& [name, c] : factory_cases()) {
    if (name.rfind(op + "/", 0) == 0) {
      QTest::newRow((name + " " + c.call.dump()).c_str()) << QString::fromStdString(name);
    }
  }
}

}  // namespace

class TestFactories : public QObject {
  Q_OBJECT
 private slots:
  void constantFills() {
    const Tensor z = zeros({2, 3});
    QCOMPARE(z.sizes(), (Shape{2, 3}));
    QCOMPARE(z.dtype(), ScalarType::Float32);
    QCOMPARE(z.to_vector<double>(), std::vector<double>(6, 0.0));
    const Tensor o = ones({4}, ScalarType::Int64);
    QCOMPARE(o.dtype(), ScalarType::Int64);
    QCOMPARE(o.to_vector<std::int64_t>(), std::vector<std::int64_t>(4, 1));
    QCOMPARE(ones({2}, ScalarType::Bool).to_vector<bool>(), (std::vector<bool>{true, true}));
    QCOMPARE(zeros({}).dim(), std::int64_t{0});
    QCOMPARE(zeros({}).numel(), std::int64_t{1});
    QCOMPARE(zeros({2, 0}).numel(), std::int64_t{0});
    const Tensor e = empty({3, 1}, ScalarType::Float64);
    QCOMPARE(e.sizes(), (Shape{3, 1}));
    QCOMPARE(e.dtype(), ScalarType::Float64);
    QVERIFY(!z.requires_grad());
    QVERIFY(z.is_leaf());
  }

  void fullInfersItsDtypeFromTheFillValue() {
    // torch.full((2,), 3) -> int64; True -> bool; 1.5 -> float32; 1.5 with dtype=int64 -> [1, 1]
    QCOMPARE(full({2}, 3).dtype(), ScalarType::Int64);
    QCOMPARE(full({2}, true).dtype(), ScalarType::Bool);
    QCOMPARE(full({2}, 1.5).dtype(), ScalarType::Float32);
    QCOMPARE(full({2}, 1.5).to_vector<double>(), (std::vector<double>{1.5, 1.5}));
    QCOMPARE(full({2}, 1.5, ScalarType::Int64).to_vector<std::int64_t>(), (std::vector<std::int64_t>{1, 1}));
    QVERIFY(std::isnan(full({2, 2}, NAN).to_vector<double>()[3]));
  }

  void likeFactoriesKeepShapeAndDtype() {
    const Tensor src = tensor({{1, 2, 3}, {4, 5, 6}});
    const Tensor z = zeros_like(src);
    QCOMPARE(z.sizes(), (Shape{2, 3}));
    QCOMPARE(z.dtype(), ScalarType::Int64);
    QCOMPARE(z.to_vector<std::int64_t>(), std::vector<std::int64_t>(6, 0));
    QCOMPARE(ones_like(src, ScalarType::Float64).dtype(), ScalarType::Float64);
    QCOMPARE(ones_like(src).to_vector<std::int64_t>(), std::vector<std::int64_t>(6, 1));
    QCOMPARE(full_like(src, 2.7).to_vector<std::int64_t>(), std::vector<std::int64_t>(6, 2));
    QCOMPARE(full_like(src, 2.5, ScalarType::Float32).to_vector<double>(), std::vector<double>(6, 2.5));
    QCOMPARE(empty_like(src).sizes(), src.sizes());
    QCOMPARE(empty_like(src).dtype(), ScalarType::Int64);
    QVERIFY(!z.is_same(src));
  }

  void negativeDimensionsAreRejected() {
    PT_VERIFY_THROWS(RuntimeError, zeros({-1}), "Trying to create tensor with negative dimension -1: [-1]");
    PT_VERIFY_THROWS(RuntimeError, zeros({2, -1}), "Trying to create tensor with negative dimension -1: [2, -1]");
    PT_VERIFY_THROWS(RuntimeError, ones({2, -3}), "Trying to create tensor with negative dimension -3: [2, -3]");
    PT_VERIFY_THROWS(RuntimeError, empty({-1}), "Trying to create tensor with negative dimension -1: [-1]");
    PT_VERIFY_THROWS(RuntimeError, full({-1}, 2.0), "Trying to create tensor with negative dimension -1: [-1]");
    PT_VERIFY_THROWS(RuntimeError, rand({-1}), "Trying to create tensor with negative dimension -1: [-1]");
    PT_VERIFY_THROWS(RuntimeError, randn({-1}), "Trying to create tensor with negative dimension -1: [-1]");
    PT_VERIFY_THROWS(RuntimeError, randint(0, 3, {-1}), "Trying to create tensor with negative dimension -1: [-1]");
    PT_VERIFY_THROWS(RuntimeError, randperm(-1), "Trying to create tensor with negative dimension -1: [-1]");
  }

  void eyeValuesAndErrors() {
    // torch.eye(2, 3), torch.eye(3, 2, dtype=torch.bool), torch.eye(0)
    QCOMPARE(eye(2, 3).to_vector<double>(), (std::vector<double>{1, 0, 0, 0, 1, 0}));
    const Tensor b = eye(3, 2, ScalarType::Bool);
    QCOMPARE(b.sizes(), (Shape{3, 2}));
    QCOMPARE(b.to_vector<bool>(), (std::vector<bool>{true, false, false, true, false, false}));
    QCOMPARE(eye(0).sizes(), (Shape{0, 0}));
    QCOMPARE(eye(3).sizes(), (Shape{3, 3}));
    PT_VERIFY_THROWS(RuntimeError, eye(-1), "n must be greater or equal to 0, got -1");
    PT_VERIFY_THROWS(RuntimeError, eye(2, -1), "m must be greater or equal to 0, got -1");
  }

  void arangeMatchesPyTorch_data() { add_fixture_rows("arange"); }
  void arangeMatchesPyTorch() {
    QFETCH(QString, name);
    const FactoryCase& c = factory_cases().at(name.toStdString());
    const auto& args = c.call["args"];
    const auto dtype = dtype_of(c.call);
    const Tensor got = args.size() == 1 ? arange(scalar_arg(args[0]), dtype)
                                        : arange(scalar_arg(args[0]), scalar_arg(args[1]),
                                                 args.size() > 2 ? scalar_arg(args[2]) : Scalar(1), dtype);
    PT_COMPARE_BITWISE(got, c.expected);
  }

  void arangeDtypeRules() {
    QCOMPARE(arange(5).dtype(), ScalarType::Int64);
    QCOMPARE(arange(2.5).dtype(), ScalarType::Float32);
    QCOMPARE(arange(0, 5, 0.5).dtype(), ScalarType::Float32);
    QCOMPARE(arange(0.0, 5, 1).dtype(), ScalarType::Float32);
    QCOMPARE(arange(1, 10, 3, ScalarType::Float64).dtype(), ScalarType::Float64);
    // int64 steps are integers: torch.arange(1, 10, 3) == [1, 4, 7], torch.arange(10, 1, -3) == [10, 7, 4]
    QCOMPARE(arange(1, 10, 3).to_vector<std::int64_t>(), (std::vector<std::int64_t>{1, 4, 7}));
    QCOMPARE(arange(10, 1, -3).to_vector<std::int64_t>(), (std::vector<std::int64_t>{10, 7, 4}));
    // An int64 output converts the step to int64 first: 0.5 becomes 0.
    PT_VERIFY_THROWS(RuntimeError, arange(0, 5, 0.5, ScalarType::Int64), "step must be nonzero");
  }

  void arangeErrors() {
    PT_VERIFY_THROWS(RuntimeError, arange(0, NAN), "unsupported range: 0 -> nan");
    PT_VERIFY_THROWS(RuntimeError, arange(NAN), "unsupported range: 0 -> nan");
    PT_VERIFY_THROWS(RuntimeError, arange(0, INFINITY), "unsupported range: 0 -> inf");
    PT_VERIFY_THROWS(RuntimeError, arange(NAN, 5), "unsupported range: nan -> 5");
    PT_VERIFY_THROWS(RuntimeError, arange(-INFINITY, 5), "unsupported range: -inf -> 5");
    PT_VERIFY_THROWS(RuntimeError, arange(0.5, NAN), "unsupported range: 0.5 -> nan");
    PT_VERIFY_THROWS(RuntimeError, arange(0, INFINITY, 1, ScalarType::Float64), "unsupported range: 0 -> inf");
    PT_VERIFY_THROWS(RuntimeError, arange(0, 5, NAN), "step must be nonzero");
    PT_VERIFY_THROWS(RuntimeError, arange(0, 5, 0), "step must be nonzero");
    PT_VERIFY_THROWS(RuntimeError, arange(0, 5, -1), "upper bound and larger bound inconsistent with step sign");
    PT_VERIFY_THROWS(RuntimeError, arange(5, 0, 1), "upper bound and larger bound inconsistent with step sign");
    PT_VERIFY_THROWS(RuntimeError, arange(1e20, 0, -1), "invalid size, possible overflow?");
    PT_VERIFY_THROWS(RuntimeError, arange(0, NAN, 1, ScalarType::Int64),
                     "value cannot be converted to type int64_t without overflow");
    PT_VERIFY_THROWS(RuntimeError, arange(0, 2, 1, ScalarType::Bool), "\"arange_cpu\" not implemented for 'Bool'");
  }

  void linspaceMatchesPyTorch_data() { add_fixture_rows("linspace"); }
  void linspaceMatchesPyTorch() {
    QFETCH(QString, name);
    const FactoryCase& c = factory_cases().at(name.toStdString());
    const auto& args = c.call["args"];
    TensorOptions options;
    if (const auto dtype = dtype_of(c.call)) options.dtype = *dtype;
    const Tensor got = linspace(scalar_arg(args[0]).to_double(), scalar_arg(args[1]).to_double(),
                                args[2].get<std::int64_t>(), options);
    PT_COMPARE_BITWISE(got, c.expected);
  }

  void linspaceErrors() {
    PT_VERIFY_THROWS(RuntimeError, linspace(0, 1, -1), "number of steps must be non-negative");
    PT_VERIFY_THROWS(RuntimeError, linspace(0, 1, 3, ScalarType::Bool), "\"linspace_cpu\" not implemented for 'Bool'");
    PT_VERIFY_THROWS(RuntimeError, linspace(0, NAN, 3, ScalarType::Int64),
                     "value cannot be converted to type int64_t without overflow");
    PT_VERIFY_THROWS(RuntimeError, linspace(-1, 3, 3, ScalarType::UInt8),
                     "value cannot be converted to type uint8_t without overflow");
  }

  void requiresGradOnlyForFloatingFactories() {
    const auto rg = [](ScalarType t) { return TensorOptions(t).with_requires_grad(true); };
    const Tensor z = zeros({2}, rg(ScalarType::Float32));
    QVERIFY(z.requires_grad());
    QVERIFY(z.is_leaf());
    QVERIFY(eye(2, std::nullopt, rg(ScalarType::Float64)).requires_grad());
    QVERIFY(linspace(0, 1, 3, rg(ScalarType::Float32)).requires_grad());
    QVERIFY(randint(0, 3, {2}, rg(ScalarType::Float32)).requires_grad());
    QVERIFY(randperm(3, rg(ScalarType::Float64)).requires_grad());
    // torch.zeros(2, dtype=torch.long, requires_grad=True) and friends
    const char* factory_text = "Only Tensors of floating point and complex dtype can require gradients";
    PT_VERIFY_THROWS(RuntimeError, zeros({2}, rg(ScalarType::Int64)), factory_text);
    PT_VERIFY_THROWS(RuntimeError, ones({2}, rg(ScalarType::Bool)), factory_text);
    PT_VERIFY_THROWS(RuntimeError, empty({2}, rg(ScalarType::UInt8)), factory_text);
    PT_VERIFY_THROWS(RuntimeError, eye(2, std::nullopt, rg(ScalarType::Int64)), factory_text);
    PT_VERIFY_THROWS(RuntimeError, linspace(0, 4, 3, rg(ScalarType::Int64)), factory_text);
    PT_VERIFY_THROWS(RuntimeError, randint(0, 3, {2}, rg(ScalarType::Int64)), factory_text);
    PT_VERIFY_THROWS(RuntimeError, randperm(3, rg(ScalarType::Int64)), factory_text);
    // The sampling kernels refuse the dtype before requires_grad is looked at.
    PT_VERIFY_THROWS(RuntimeError, rand({2}, rg(ScalarType::Int64)), "\"check_uniform_bounds\" not implemented for 'Long'");
    PT_VERIFY_THROWS(RuntimeError, randn({2}, rg(ScalarType::Int64)), "\"normal_kernel_cpu\" not implemented for 'Long'");
    // Tensor.requires_grad_() words it differently in PyTorch 1.13.
    PT_VERIFY_THROWS(RuntimeError, zeros({2}, ScalarType::Int64).requires_grad_(),
                     "only Tensors of floating point dtype can require gradients");
  }

  void samplingKernelsRejectNonFloatingDtypes() {
    PT_VERIFY_THROWS(RuntimeError, rand({2}, ScalarType::Int64), "\"check_uniform_bounds\" not implemented for 'Long'");
    PT_VERIFY_THROWS(RuntimeError, rand({2}, ScalarType::Bool), "\"check_uniform_bounds\" not implemented for 'Bool'");
    PT_VERIFY_THROWS(RuntimeError, rand({2}, ScalarType::UInt8), "\"check_uniform_bounds\" not implemented for 'Byte'");
    PT_VERIFY_THROWS(RuntimeError, randn({2}, ScalarType::Int64), "\"normal_kernel_cpu\" not implemented for 'Long'");
    PT_VERIFY_THROWS(RuntimeError, randn({2}, ScalarType::Bool), "\"normal_kernel_cpu\" not implemented for 'Bool'");
    const Tensor longs = zeros({2}, ScalarType::Int64);
    PT_VERIFY_THROWS(RuntimeError, rand_like(longs), "\"check_uniform_bounds\" not implemented for 'Long'");
    PT_VERIFY_THROWS(RuntimeError, randn_like(longs), "\"normal_kernel_cpu\" not implemented for 'Long'");
    Tensor l = zeros({2}, ScalarType::Int64);
    PT_VERIFY_THROWS(RuntimeError, l.uniform_(), "\"check_uniform_bounds\" not implemented for 'Long'");
    PT_VERIFY_THROWS(RuntimeError, l.uniform_(2, 1), "\"check_uniform_bounds\" not implemented for 'Long'");
    PT_VERIFY_THROWS(RuntimeError, l.normal_(), "\"normal_kernel_cpu\" not implemented for 'Long'");
    Tensor f = zeros({2});
    PT_VERIFY_THROWS(RuntimeError, f.uniform_(2, 1), "uniform_ expects to return a [from, to) range, but found from=2 > to=1");
    PT_VERIFY_THROWS(RuntimeError, f.normal_(0, -1), "normal expects std >= 0.0, but found std -1");
    QCOMPARE(l.to_vector<std::int64_t>(), (std::vector<std::int64_t>{0, 0}));  // untouched by the failed calls
  }

  void manualSeedMakesDrawsReproducible() {
    const auto draw = [] {
      return std::vector<Tensor>{rand({5}), randn({5}, ScalarType::Float64), randint(0, 100, {5}), randperm(8),
                                 rand_like(zeros({3})), zeros({4}).uniform_(-1, 1), zeros({4}).normal_(2, 3)};
    };
    manual_seed(1234);
    const auto first = draw();
    manual_seed(1234);
    const auto second = draw();
    QCOMPARE(default_generator().initial_seed(), std::uint64_t{1234});
    for (std::size_t i = 0; i < first.size(); ++i) QVERIFY2(equal(first[i], second[i]), qPrintable(QString::number(i)));
    manual_seed(4321);
    QVERIFY(!equal(rand({5}), first[0]));
    QVERIFY(!equal(rand({5}), rand({5})));  // the stream advances
  }

  void uniformDrawsHaveTheirRangeAndMoments() {
    manual_seed(7);
    for (ScalarType dt : {ScalarType::Float32, ScalarType::Float64}) {
      const Tensor u = rand({200000}, dt);
      QCOMPARE(u.dtype(), dt);
      QVERIFY(u.min().item<double>() >= 0.0);
      QVERIFY(u.max().item<double>() < 1.0);
      QVERIFY(std::abs(mean_of(u) - 0.5) < 0.005);          // sd of the mean: 0.00065
      QVERIFY(std::abs(var_of(u) - 1.0 / 12.0) < 0.002);
    }
    const Tensor w = zeros({100000}, ScalarType::Float64).uniform_(-2, 3);
    QVERIFY(w.min().item<double>() >= -2.0);
    QVERIFY(w.max().item<double>() < 3.0);
    QVERIFY(std::abs(mean_of(w) - 0.5) < 0.05);
    const Tensor like = rand_like(ones({4, 5}, ScalarType::Float64));
    QCOMPARE(like.sizes(), (Shape{4, 5}));
    QCOMPARE(like.dtype(), ScalarType::Float64);
  }

  void normalDrawsHaveTheirMoments() {
    manual_seed(11);
    const Tensor n = randn({200000});
    QCOMPARE(n.dtype(), ScalarType::Float32);
    QVERIFY(std::abs(mean_of(n)) < 0.01);                   // sd of the mean: 0.0022
    QVERIFY(std::abs(std::sqrt(var_of(n)) - 1.0) < 0.01);
    const Tensor m = zeros({100000}, ScalarType::Float64).normal_(3, 0.5);
    QVERIFY(std::abs(mean_of(m) - 3.0) < 0.01);
    QVERIFY(std::abs(std::sqrt(var_of(m)) - 0.5) < 0.01);
    QCOMPARE(randn_like(zeros({2, 3})).sizes(), (Shape{2, 3}));
  }

  void randintCoversItsHalfOpenRange() {
    manual_seed(3);
    const Tensor r = randint(3, 10, {10000});
    QCOMPARE(r.dtype(), ScalarType::Int64);
    const auto v = r.to_vector<std::int64_t>();
    for (std::int64_t k = 3; k < 10; ++k) QVERIFY(std::count(v.begin(), v.end(), k) > 1000);  // ~1429 each
    QCOMPARE(std::count_if(v.begin(), v.end(), [](auto x) { return x < 3 || x >= 10; }), std::ptrdiff_t{0});
    const Tensor f = randint(0, 3, {50}, ScalarType::Float32);
    QCOMPARE(f.dtype(), ScalarType::Float32);
    QVERIFY(equal(f, div(f, 1, std::string("floor"))));
    QCOMPARE(randint(0, 2, {4}, ScalarType::Bool).dtype(), ScalarType::Bool);
    QVERIFY(randint(0, 256, {100}, ScalarType::UInt8).max().item<std::int64_t>() <= 255);
  }

  void randintErrors() {
    PT_VERIFY_THROWS(RuntimeError, randint(3, 3, {2}),
                     "random_ expects 'from' to be less than 'to', but got from=3 >= to=3");
    PT_VERIFY_THROWS(RuntimeError, randint(5, 3, {2}),
                     "random_ expects 'from' to be less than 'to', but got from=5 >= to=3");
    PT_VERIFY_THROWS(RuntimeError, randint(-3, 2, {2}, ScalarType::UInt8), "from is out of bounds for unsigned char");
    PT_VERIFY_THROWS(RuntimeError, randint(0, 300, {2}, ScalarType::UInt8), "to - 1 is out of bounds for unsigned char");
    PT_VERIFY_THROWS(RuntimeError, randint(0, 3, {2}, ScalarType::Bool), "to - 1 is out of bounds for bool");
    PT_VERIFY_THROWS(RuntimeError, randint(-1, 1, {2}, ScalarType::Bool), "from is out of bounds for bool");
  }

  void randpermIsAPermutation() {
    manual_seed(5);
    const Tensor p = randperm(50);
    QCOMPARE(p.dtype(), ScalarType::Int64);
    auto v = p.to_vector<std::int64_t>();
    std::vector<std::int64_t> sorted = v;
    std::sort(sorted.begin(), sorted.end());
    QCOMPARE(sorted, arange(50).to_vector<std::int64_t>());
    QVERIFY(v != sorted);  // 1/50! chance of a false failure
    QCOMPARE(randperm(0).numel(), std::int64_t{0});
    const Tensor f = randperm(4, ScalarType::Float32);
    QCOMPARE(f.dtype(), ScalarType::Float32);
    QCOMPARE(f.sum().item<double>(), 6.0);
    PT_VERIFY_THROWS(RuntimeError, randperm(3, ScalarType::Bool), "\"randperm\" not implemented for 'Bool'");
    PT_VERIFY_THROWS(RuntimeError, randperm(300, ScalarType::UInt8),
                     "value cannot be converted to type uint8_t without overflow");
    PT_VERIFY_THROWS(RuntimeError, randperm((1 << 24) + 2, ScalarType::Float32),
                     "n cannot be greater than 2^24+1 for Float type.");
  }

  void tensorLiterals() {
    const Tensor f = tensor({1.5, -2.0});
    QCOMPARE(f.dtype(), ScalarType::Float32);
    QCOMPARE(f.to_vector<double>(), (std::vector<double>{1.5, -2.0}));
    QCOMPARE(tensor({1, 2}).dtype(), ScalarType::Int64);
    QCOMPARE(tensor({std::int64_t{1} << 40}).item<std::int64_t>(), std::int64_t{1} << 40);
    QCOMPARE(tensor({true, false}).dtype(), ScalarType::Bool);
    QCOMPARE(tensor({1, 2}, ScalarType::Float64).dtype(), ScalarType::Float64);
    const Tensor m = tensor({{1.0, 2.0, 3.0}, {4.0, 5.0, 6.0}});
    QCOMPARE(m.sizes(), (Shape{2, 3}));
    QCOMPARE(m.to_vector<double>(), (std::vector<double>{1, 2, 3, 4, 5, 6}));
    QCOMPARE(tensor({{1, 2}, {3, 4}}).dtype(), ScalarType::Int64);
    const Tensor c = tensor({{{1.0, 2.0}, {3.0, 4.0}}, {{5.0, 6.0}, {7.0, 8.0}}});
    QCOMPARE(c.sizes(), (Shape{2, 2, 2}));
    QCOMPARE(c.to_vector<double>().back(), 8.0);
    // torch.tensor([[1., 2], [3.]]) and torch.tensor([[[1., 2], [3, 4]], [[1., 2], [3]]])
    PT_VERIFY_THROWS(ValueError, tensor({{1.0, 2.0}, {3.0}}), "expected sequence of length 2 at dim 1 (got 1)");
    PT_VERIFY_THROWS(ValueError, tensor({{{1.0, 2.0}, {3.0, 4.0}}, {{1.0, 2.0}, {3.0}}}),
                     "expected sequence of length 2 at dim 2 (got 1)");
    QCOMPARE(scalar_tensor(2.5).dtype(), ScalarType::Float32);
    QCOMPARE(scalar_tensor(2.5).dim(), std::int64_t{0});
    QCOMPARE(scalar_tensor(3).dtype(), ScalarType::Float32);  // torch.scalar_tensor(3) -> tensor(3.)
    QCOMPARE(scalar_tensor(3, ScalarType::Int64).item<std::int64_t>(), std::int64_t{3});
  }

  void fromVectorIsTensorThenView() {
    const Tensor t = from_vector(std::vector<float>{1, 2, 3, 4, 5, 6}, {2, 3});
    QCOMPARE(t.sizes(), (Shape{2, 3}));
    QCOMPARE(t.dtype(), ScalarType::Float32);
    QCOMPARE(t.to_vector<double>(), (std::vector<double>{1, 2, 3, 4, 5, 6}));
    QCOMPARE(from_vector(std::vector<std::int64_t>{1, 2, 3, 4, 5, 6}, {-1, 2}).sizes(), (Shape{3, 2}));
    QCOMPARE(from_vector(std::vector<double>{7}, {}).dim(), std::int64_t{0});
    QCOMPARE(from_vector(std::vector<bool>{true, false}, {2}).dtype(), ScalarType::Bool);
    QCOMPARE(from_vector(std::vector<std::uint8_t>{200}, {1}).item<std::int64_t>(), std::int64_t{200});
    // torch.tensor([1., 2, 3, 4, 5]).view(2, 3) / .view(-1, -1)
    PT_VERIFY_THROWS(RuntimeError, from_vector(std::vector<double>{1, 2, 3, 4, 5}, {2, 3}),
                     "shape '[2, 3]' is invalid for input of size 5");
    PT_VERIFY_THROWS(RuntimeError, from_vector(std::vector<double>{1, 2, 3, 4}, {-1, -1}),
                     "only one dimension can be inferred");
  }
};

QTEST_GUILESS_MAIN(TestFactories)
#include "tst_factories.moc"
