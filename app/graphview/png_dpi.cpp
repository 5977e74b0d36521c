#include "graphview/png_dpi.h"

#include <array>
#include <cmath>
#include <cstdint>
#include <string_view>

namespace paratrace::graphview {

namespace {

constexpr std::string_view kSignature("\x89PNG\r\n\x1a\n", 8);
constexpr std::size_t kIhdrEnd = 8 + 4 + 4 + 13 + 4;  // signature, length, type, data, CRC

// CRC-32 as the PNG specification defines it (ISO 3309, reflected 0xEDB88320).
std::uint32_t crc32(std::string_view bytes) {
  static const auto table = [] {
    std::array<std::uint32_t, 256> t{};
    for (std::uint32_t n = 0; n < 256; ++n) {
      std::uint32_t c = n;
      for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
      t[n] = c;
    }
    return t;
  }();
  std::uint32_t c = 0xFFFFFFFFu;
  for (unsigned char b : bytes) c = table[(c ^ b) & 0xFF] ^ (c >> 8);
  return c ^ 0xFFFFFFFFu;
}

void put_u32(std::string& out, std::uint32_t v) {
  for (int shift = 24; shift >= 0; shift -= 8) out += static_cast<char>((v >> shift) & 0xFF);
}

}  // namespace

std::string with_png_dpi(std::string png, double dpi) {
  if (!std::string_view(png).starts_with(kSignature) || png.size() < kIhdrEnd) return png;
  const auto pixels_per_metre = static_cast<std::uint32_t>(std::lround(dpi / 0.0254));
  std::string body = "pHYs";
  put_u32(body, pixels_per_metre);
  put_u32(body, pixels_per_metre);
  body += '\x01';  // unit: metre
  std::string chunk;
  put_u32(chunk, 9);
  chunk += body;
  put_u32(chunk, crc32(body));
  png.insert(kIhdrEnd, chunk);
  return png;
}

}  // namespace paratrace::graphview
