// Tensor printing in the style of PyTorch's repr (torch/_tensor_str.py with
// the default print options: precision 4, linewidth 80, threshold 1000, edgeitems 3).
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>

#include "paratrace/autograd/node.h"
#include "paratrace/tensor/tensor.h"

namespace paratrace {
namespace {

constexpr int kPrecision = 4;
constexpr std::size_t kLinewidth = 80;
constexpr std::int64_t kThreshold = 1000;
constexpr std::int64_t kEdgeItems = 3;

std::string printf_str(const char* fmt, double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, fmt, kPrecision, v);
  return buf;
}

// Python's float formatting of nan/inf is lower case, as printf's.
std::string fixed(double v, int digits) {
  char buf[512];
  std::snprintf(buf, sizeof buf, "%.*f", digits, v);
  return buf;
}

// Chooses one element width and notation for the whole tensor (PyTorch's _Formatter).
class Formatter {
 public:
  Formatter(const std::vector<double>& values, ScalarType dtype) : floating_(is_floating_point(dtype)), dtype_(dtype) {
    if (!floating_) {
      for (double v : values) width_ = std::max(width_, plain(v).size());
      return;
    }
    std::vector<double> finite;
    for (double v : values)
      if (std::isfinite(v) && v != 0) finite.push_back(v);
    if (finite.empty()) return;
    double lo = std::abs(finite[0]), hi = lo;
    for (double v : finite) {
      lo = std::min(lo, std::abs(v));
      hi = std::max(hi, std::abs(v));
      if (v != std::ceil(v)) int_mode_ = false;
    }
    const bool sci_range = hi / lo > 1000.0 || hi > 1e8;
    sci_ = int_mode_ ? sci_range : (sci_range || lo < 1e-4);
    for (double v : finite) width_ = std::max(width_, raw(v).size());
  }

  std::size_t width() const { return width_; }

  std::string format(double v) const {
    const std::string s = raw(v);
    return std::string(width_ > s.size() ? width_ - s.size() : 0, ' ') + s;
  }

 private:
  std::string plain(double v) const {
    if (dtype_ == ScalarType::Bool) return v != 0 ? "True" : "False";
    return std::to_string(static_cast<long long>(v));
  }
  std::string raw(double v) const {
    if (!floating_) return plain(v);
    if (sci_) return printf_str("%.*e", v);
    if (int_mode_) return std::isfinite(v) ? fixed(v, 0) + "." : fixed(v, 0);
    return fixed(v, kPrecision);
  }

  bool floating_;
  ScalarType dtype_;
  bool int_mode_ = true;
  bool sci_ = false;
  std::size_t width_ = 1;
};

// Row-major element access into the flat value list.
struct View {
  const std::vector<double>* values;
  Shape sizes;
  std::int64_t offset = 0;  // flat index of this view's first element
  std::int64_t stride0() const {
    std::int64_t s = 1;
    for (std::size_t d = 1; d < sizes.size(); ++d) s *= sizes[d];
    return s;
  }
  View sub(std::int64_t i) const { return {values, Shape(sizes.begin() + 1, sizes.end()), offset + i * stride0()}; }
};

// Indices kept along a dim: all, or the first and last edgeitems around a "..." gap (-1).
std::vector<std::int64_t> kept(std::int64_t n, bool summarize) {
  std::vector<std::int64_t> r;
  if (summarize && n > 2 * kEdgeItems) {
    for (std::int64_t i = 0; i < kEdgeItems; ++i) r.push_back(i);
    r.push_back(-1);
    for (std::int64_t i = n - kEdgeItems; i < n; ++i) r.push_back(i);
  } else {
    for (std::int64_t i = 0; i < n; ++i) r.push_back(i);
  }
  return r;
}

// The values the formatter sees: the summarised subset when summarising.
void collect(const View& v, bool summarize, std::vector<double>& out) {
  if (v.sizes.empty()) {
    out.push_back((*v.values)[v.offset]);
    return;
  }
  for (std::int64_t i : kept(v.sizes[0], summarize))
    if (i >= 0) collect(v.sub(i), summarize, out);
}

std::string tensor_str(const View& v, std::size_t indent, bool summarize, const Formatter& f) {
  if (v.sizes.empty()) return f.format((*v.values)[v.offset]);
  if (v.sizes.size() == 1) {
    const std::size_t per_line = std::max<std::size_t>(1, (kLinewidth - indent) / (f.width() + 2));
    std::vector<std::string> data;
    for (std::int64_t i : kept(v.sizes[0], summarize)) data.push_back(i < 0 ? " ..." : f.format((*v.values)[v.offset + i]));
    std::string s = "[";
    for (std::size_t i = 0; i < data.size(); ++i) {
      if (i > 0) s += i % per_line == 0 ? ",\n" + std::string(indent + 1, ' ') : ", ";
      s += data[i];
    }
    return s + "]";
  }
  const std::string sep = "," + std::string(v.sizes.size() - 1, '\n') + std::string(indent + 1, ' ');
  std::string s = "[";
  bool first = true;
  for (std::int64_t i : kept(v.sizes[0], summarize)) {
    if (!first) s += sep;
    first = false;
    s += i < 0 ? "..." : tensor_str(v.sub(i), indent + 1, summarize, f);
  }
  return s + "]";
}

std::string size_tuple(const Shape& s) {
  std::string r = "(";
  for (std::size_t i = 0; i < s.size(); ++i) r += (i ? ", " : "") + std::to_string(s[i]);
  return r + (s.size() == 1 ? ",)" : ")");
}

}  // namespace

std::string Tensor::to_string() const {
  if (!defined()) return "tensor(undefined)";
  const std::string prefix = "tensor(";
  const std::size_t indent = prefix.size();
  std::vector<std::string> suffixes;
  std::string body;
  if (numel() == 0) {
    body = "[]";
    if (dim() != 1) suffixes.push_back("size=" + size_tuple(sizes()));
  } else {
    const std::vector<double> values = to_vector<double>();
    const View root{&values, sizes(), 0};
    const bool summarize = numel() > kThreshold;
    std::vector<double> shown;
    collect(root, summarize, shown);
    body = tensor_str(root, indent, summarize, Formatter(shown, dtype()));
  }
  if (dtype() != ScalarType::Float32 && dtype() != ScalarType::Int64 && dtype() != ScalarType::Bool) {
    suffixes.push_back("dtype=" + std::string(dtype_name(dtype())));
  }
  if (grad_fn()) suffixes.push_back("grad_fn=<" + grad_fn()->name() + ">");
  else if (requires_grad()) suffixes.push_back("requires_grad=True");

  // Suffixes wrap onto a new line when they would pass the line width.
  std::string s = prefix + body;
  // As Python's len(s) - s.rfind('\n') + 1, where rfind gives -1 when absent.
  const std::size_t nl = s.rfind('\n');
  std::size_t last_line = s.size() + 1 - (nl == std::string::npos ? static_cast<std::size_t>(-1) : nl);
  for (const std::string& suffix : suffixes) {
    if (last_line + suffix.size() + 2 > kLinewidth) {
      s += ",\n" + std::string(indent, ' ') + suffix;
      last_line = indent + suffix.size();
    } else {
      s += ", " + suffix;
      last_line += suffix.size() + 2;
    }
  }
  return s + ")";
}

}  // namespace paratrace
