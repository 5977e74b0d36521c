// Tensors of 2 to 10 elements as PyTorch 1.13 prints them in IR text: ATen's
// legacy at::print (Formatting.cpp) with newlines turned into spaces. Its
// quirks are kept on purpose, since the text must match byte for byte: the
// largest magnitude ignores negative values, leading dimensions count
// fastest first, and a matrix's precision carries over to the next one.
#include <algorithm>
#include <cmath>
#include <iomanip>
#include <sstream>

#include "ir_text_format.h"

namespace paratrace::jit::text {

namespace {

struct Layout {
  double scale = 1;
  int width = 0;
};

// __printFormat: sets the stream's float format and picks a scale and width.
Layout choose_layout(std::ostream& os, const double* v, std::size_t n) {
  bool integral = true;
  for (std::size_t i = 0; i < n; ++i) {
    if (std::isfinite(v[i]) && v[i] != std::ceil(v[i])) integral = false;
  }
  std::size_t first = 0;
  while (first < n && !std::isfinite(v[first])) ++first;
  double exp_min = 1, exp_max = 1;
  if (first < n) {
    exp_min = exp_max = std::fabs(v[first]);
    for (std::size_t i = first; i < n; ++i) {
      if (!std::isfinite(v[i])) continue;
      const double z = std::fabs(v[i]);
      if (z < exp_min) exp_min = z;
      if (v[i] > exp_max) exp_max = z;  // signed comparison, as ATen
    }
    exp_min = exp_min != 0 ? std::floor(std::log10(exp_min)) + 1 : 1;
    exp_max = exp_max != 0 ? std::floor(std::log10(exp_max)) + 1 : 1;
  }
  Layout layout;
  if (integral) {
    if (exp_max > 9) {
      layout.width = 11;
      os << std::scientific << std::setprecision(4);
    } else {
      layout.width = static_cast<int>(exp_max) + 1;
      os << std::defaultfloat;  // precision left as it was
    }
  } else if (exp_max - exp_min > 4) {
    layout.width = std::fabs(exp_max) > 99 || std::fabs(exp_min) > 99 ? 12 : 11;
    os << std::scientific << std::setprecision(4);
  } else {
    if (exp_max > 5 || exp_max < 0) {
      layout.width = 7;
      layout.scale = std::pow(10, exp_max - 1);
    } else {
      layout.width = exp_max == 0 ? 7 : static_cast<int>(exp_max) + 6;
    }
    os << std::fixed << std::setprecision(4);
  }
  return layout;
}

void print_scale(std::ostream& os, double scale) {
  const auto flags = os.flags();
  os << std::defaultfloat << scale << " *\n";
  os.flags(flags);
}

// __printMatrix for a rows x cols block at v, 80 columns wide.
void print_matrix(std::ostream& os, const double* v, std::int64_t rows, std::int64_t cols, int indent) {
  const Layout layout = choose_layout(os, v, static_cast<std::size_t>(rows * cols));
  const std::string pad(static_cast<std::size_t>(indent), ' ');
  os << pad;
  const std::int64_t per_line = (80 - indent) / (layout.width + 1);
  for (std::int64_t first = 0; first < cols;) {
    const std::int64_t last = std::min(first + per_line, cols) - 1;
    if (per_line < cols) {
      if (first != 0) os << "\n";
      os << "Columns " << first + 1 << " to " << last + 1 << pad;
    }
    if (layout.scale != 1) {
      print_scale(os, layout.scale);
      os << pad;
    }
    for (std::int64_t r = 0; r < rows; ++r) {
      for (std::int64_t c = first; c <= last; ++c) {
        os << std::setw(layout.width) << v[r * cols + c] / layout.scale;
        if (c != last) {
          os << " ";
        } else {
          os << "\n";
          if (r != rows - 1) os << pad << (layout.scale != 1 ? " " : "");
        }
      }
    }
    first = last + 1;
  }
}

}  // namespace

std::string format_legacy_tensor(const Tensor& t) {
  std::ostringstream os;
  const std::vector<double> v = t.to_vector<double>();
  const Shape& sizes = t.sizes();
  if (!v.empty() && sizes.size() == 1) {
    const Layout layout = choose_layout(os, v.data(), v.size());
    if (layout.scale != 1) print_scale(os, layout.scale);
    for (const double x : v) os << std::setw(layout.width) << x / layout.scale << "\n";
  } else if (!v.empty() && sizes.size() == 2) {
    print_matrix(os, v.data(), sizes[0], sizes[1], 0);
  } else if (!v.empty()) {
    const std::size_t lead = sizes.size() - 2;
    const std::int64_t rows = sizes[lead], cols = sizes[lead + 1];
    std::int64_t count = 1;
    for (std::size_t i = 0; i < lead; ++i) count *= sizes[i];
    for (std::int64_t k = 0; k < count; ++k) {
      // The first leading index counts fastest.
      std::int64_t rest = k, offset = 0, stride = rows * cols;
      std::vector<std::int64_t> index(lead);
      for (std::size_t i = 0; i < lead; ++i) {
        index[i] = rest % sizes[i];
        rest /= sizes[i];
      }
      for (std::size_t i = lead; i-- > 0;) {
        offset += index[i] * stride;
        stride *= sizes[i];
      }
      if (k != 0) os << "\n";
      os << "(";
      for (const auto i : index) os << i + 1 << ",";
      os << ".,.) = \n";
      print_matrix(os, v.data() + offset, rows, cols, 1);
    }
  }
  os << "[ CPU" << ir_type_name(t.dtype()) << "Type{";
  for (std::size_t i = 0; i < sizes.size(); ++i) os << (i ? "," : "") << sizes[i];
  os << "} ]";
  std::string text = os.str();
  std::replace(text.begin(), text.end(), '\n', ' ');
  return text;
}

}  // namespace paratrace::jit::text
