// Reads the legacy tensor format of ir_legacy_tensor_format.cpp back: the
// trailer "[ CPUFloatType{2,2} ]" gives dtype and shape, the numbers before
// it the values (divided by a "1e-05 *" scale, split into "Columns a to b"
// chunks and "(i,j,.,.) = " matrices as the printer lays them out).
#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "ir_parser_parts.h"
#include "ir_text_format.h"
#include "paratrace/tensor/factories.h"

namespace paratrace::jit::parse {

namespace {

// The whitespace-separated words of the body, read in order; failures point
// at the start of the tensor text.
class Words {
 public:
  Words(Cursor& c, std::size_t start, std::string_view body) : c_(c), start_(start) {
    for (std::size_t i = 0; i < body.size();) {
      const std::size_t end = std::min(body.find(' ', i), body.size());
      if (end > i) words_.push_back(body.substr(i, end - i));
      i = end + 1;
    }
  }
  bool done() const { return next_ == words_.size(); }
  bool accept(std::string_view word) {
    if (done() || words_[next_] != word) return false;
    ++next_;
    return true;
  }
  void expect(std::string_view word) {
    if (!accept(word)) fail("'" + std::string(word) + "'");
  }
  double number() {
    if (done()) fail("a number");
    const std::string word(words_[next_]);
    char* end = nullptr;
    const double v = std::strtod(word.c_str(), &end);
    if (end != word.c_str() + word.size()) fail("a number");
    ++next_;
    return v;
  }
  // The last number of "Columns 1 to 7": ATen writes no space after it, so
  // a value wider than its column follows at once ("7-1.72705e+08"). It is
  // at most `cols` (10 at most), hence one digit unless it is 10.
  std::int64_t column_bound(std::int64_t cols) {
    if (done()) fail("a column number");
    std::string_view& word = words_[next_];
    const std::size_t digits = cols >= 10 && word.starts_with("10") ? 2 : 1;
    if (word.size() < digits || word[0] < '1' || word[0] > '9') fail("a column number");
    const std::int64_t bound = std::stoll(std::string(word.substr(0, digits)));
    word.remove_prefix(digits);
    if (word.empty()) ++next_;
    return bound;
  }
  // A "1e-05 *" scale, or 1.
  double scale() {
    if (next_ + 1 >= words_.size() || words_[next_ + 1] != "*") return 1;
    const double s = number();
    ++next_;
    return s;
  }
  [[noreturn]] void fail(const std::string& expected) const {
    const std::string found = done() ? "the end of its values" : "'" + std::string(words_[next_]) + "'";
    c_.fail_at(start_, "in this tensor constant, expected " + expected + " but found " + found);
  }

 private:
  Cursor& c_;
  std::size_t start_;
  std::vector<std::string_view> words_;
  std::size_t next_ = 0;
};

// One matrix of rows x cols at `out`, possibly split into column chunks.
void read_matrix(Words& w, double* out, std::int64_t rows, std::int64_t cols) {
  for (std::int64_t first = 0; first < cols;) {
    std::int64_t last = cols - 1;
    if (w.accept("Columns")) {
      const double from = w.number();
      w.expect("to");
      const std::int64_t to = w.column_bound(cols);
      if (from != static_cast<double>(first + 1) || to < first + 1 || to > cols) w.fail("the next column range");
      last = to - 1;
    }
    const double scale = w.scale();
    for (std::int64_t r = 0; r < rows; ++r) {
      for (std::int64_t c = first; c <= last; ++c) out[r * cols + c] = w.number() * scale;
    }
    first = last + 1;
  }
}

std::vector<double> read_values(Words& w, const Shape& sizes, std::int64_t numel) {
  std::vector<double> v(static_cast<std::size_t>(numel));
  if (numel == 0) return v;
  if (sizes.size() == 1) {
    const double scale = w.scale();
    for (double& x : v) x = w.number() * scale;
    return v;
  }
  const std::size_t lead = sizes.size() - 2;
  const std::int64_t rows = sizes[lead], cols = sizes[lead + 1];
  for (std::int64_t k = 0; k < numel / (rows * cols); ++k) {
    std::int64_t rest = k, offset = 0, stride = rows * cols;
    std::vector<std::int64_t> index(lead);
    std::string header = "(";
    for (std::size_t i = 0; i < lead; ++i) {  // the first index counts fastest
      index[i] = rest % sizes[i];
      rest /= sizes[i];
      header += std::to_string(index[i] + 1) + ",";
    }
    for (std::size_t i = lead; i-- > 0;) {
      offset += index[i] * stride;
      stride *= sizes[i];
    }
    if (lead > 0) {
      w.expect(header + ".,.)");
      w.expect("=");
    }
    read_matrix(w, v.data() + offset, rows, cols);
  }
  return v;
}

// PyTorch rounds what it prints, so a fractional value can read back as an
// integer ("1e+06 * 0.3332" is 333200) and the tensor would then print in
// ATen's integer layout. Moving one value of each such matrix by one ulp,
// which the printed digits do not show, brings the text's layout back
// (unless every value is too large to have a fraction in its dtype).
Tensor keep_layout(std::vector<double> values, const Shape& sizes, ScalarType dtype, std::string_view text) {
  Tensor t = from_vector(values, sizes).to(dtype);
  if (!is_floating_point(dtype) || text::format_legacy_tensor(t) == text) return t;
  values = t.to_vector<double>();  // integral or not after rounding to the dtype
  const std::size_t block = sizes.size() == 1 ? values.size() : static_cast<std::size_t>(sizes.end()[-2] * sizes.end()[-1]);
  for (std::size_t start = 0; start < values.size(); start += block) {
    const auto first = values.begin() + static_cast<std::ptrdiff_t>(start);
    const auto last = first + static_cast<std::ptrdiff_t>(block);
    const bool integral = std::all_of(first, last, [](double x) { return !std::isfinite(x) || x == std::ceil(x); });
    // The smallest magnitude: the one whose ulp is most likely below 1.
    auto nonzero = last;
    for (auto it = first; it != last; ++it) {
      if (std::isfinite(*it) && *it != 0 && (nonzero == last || std::fabs(*it) < std::fabs(*nonzero))) nonzero = it;
    }
    if (!integral || nonzero == last) continue;
    *nonzero = dtype == ScalarType::Float32 ? std::nextafter(static_cast<float>(*nonzero), HUGE_VALF)
                                            : std::nextafter(*nonzero, HUGE_VAL);
  }
  Tensor nudged = from_vector(values, sizes).to(dtype);
  return text::format_legacy_tensor(nudged) == text ? nudged : t;
}

}  // namespace

bool at_legacy_tensor(const Cursor& c) {
  // The body holds numbers and headers only: the first bracket is the
  // trailer's. A list starts with '[' too, but not with "[ CPU".
  const std::size_t stop = c.find_first_of("[]\"\n");
  if (stop == std::string_view::npos) return false;
  Cursor probe = c;
  probe.set_pos(stop);
  return probe.starts_with("[ CPU");
}

Tensor parse_legacy_tensor(Cursor& c) {
  const std::size_t start = c.pos();
  const std::size_t trailer = c.find_first_of("[");
  c.set_pos(trailer);
  const std::string_view body = c.text_since(start);
  c.expect("[ CPU");
  const std::size_t type_pos = c.pos();
  const std::string_view type = c.take_while(is_identifier_char);
  std::optional<ScalarType> dtype;
  for (int i = 0; i < kNumScalarTypes; ++i) {
    const auto t = static_cast<ScalarType>(i);
    if (type == std::string(ir_type_name(t)) + "Type") dtype = t;
  }
  if (!dtype) c.fail_at(type_pos, "tensor type 'CPU" + std::string(type) + "' is not supported");
  c.expect("{");
  Shape sizes;
  while (!c.accept("}")) {
    if (!sizes.empty()) c.expect(",", "',' or '}'");
    sizes.push_back(c.integer());
  }
  c.expect(" ]", "' ]'");
  std::int64_t numel = 1;
  for (const auto s : sizes) numel *= s;
  if (sizes.empty() || numel < 0) c.fail_at(type_pos, "a tensor constant printed by value needs dimensions");

  Words words(c, start, body);
  std::vector<double> values = read_values(words, sizes, numel);
  if (!words.done()) words.fail("'[' after the values");
  return keep_layout(std::move(values), sizes, *dtype, c.text_since(start));
}

}  // namespace paratrace::jit::parse
