#include "paratrace/io/safetensors.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <nlohmann/json.hpp>
#include <set>

#include "paratrace/autograd/grad_mode.h"

namespace paratrace::io {
namespace {

using json = nlohmann::ordered_json;  // keeps header order

constexpr std::size_t kAlign = 8;

[[noreturn]] void fail(const std::string& file, const std::string& reason) {
  throw SafetensorsError("safetensors file '" + file + "': " + reason);
}

std::uint64_t read_le_u64(const unsigned char* p) {
  std::uint64_t v = 0;
  for (int i = 7; i >= 0; --i) v = (v << 8) | p[i];
  return v;
}

void write_le_u64(std::string& out, std::uint64_t v) {
  for (int i = 0; i < 8; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}

// nlohmann keeps the last of duplicate keys silently; a callback parse sees
// every key, so duplicates (at any nesting level) are caught here.
json parse_header(const char* begin, std::size_t size, const std::string& file) {
  std::vector<std::set<std::string>> keys_per_object;
  std::string duplicate;
  auto callback = [&](int, json::parse_event_t event, json& parsed) {
    switch (event) {
      case json::parse_event_t::object_start:
        keys_per_object.emplace_back();
        break;
      case json::parse_event_t::object_end:
        if (!keys_per_object.empty()) keys_per_object.pop_back();
        break;
      case json::parse_event_t::key:
        if (!keys_per_object.empty() && !keys_per_object.back().insert(parsed.get<std::string>()).second &&
            duplicate.empty()) {
          duplicate = parsed.get<std::string>();
        }
        break;
      default:
        break;
    }
    return true;
  };
  json header;
  try {
    header = json::parse(begin, begin + size, callback);
  } catch (const json::exception& e) {
    fail(file, std::string("invalid JSON header: ") + e.what());
  }
  if (!duplicate.empty()) fail(file, "duplicate key '" + duplicate + "' in header");
  if (!header.is_object()) fail(file, "header is not a JSON object");
  return header;
}

struct Entry {
  std::string name;
  ScalarType dtype;
  Shape shape;
  std::uint64_t begin;
  std::uint64_t end;
};

Shape parse_shape(const json& j, const std::string& name, const std::string& file) {
  if (!j.is_array()) fail(file, "tensor '" + name + "': 'shape' must be a list of integers");
  Shape shape;
  for (const auto& d : j) {
    if (d.is_number_integer() && !d.is_number_unsigned() && d.get<std::int64_t>() < 0) {
      fail(file, "tensor '" + name + "': negative dimension " + d.dump() + " in shape");
    }
    if (!d.is_number_unsigned()) fail(file, "tensor '" + name + "': 'shape' must be a list of integers");
    const auto v = d.get<std::uint64_t>();
    if (v > static_cast<std::uint64_t>(INT64_MAX))
      fail(file, "tensor '" + name + "': dimension " + d.dump() + " is too large");
    shape.push_back(static_cast<std::int64_t>(v));
  }
  return shape;
}

Entry parse_entry(const std::string& name, const json& j, const std::string& file) {
  if (!j.is_object()) fail(file, "tensor '" + name + "': entry is not a JSON object");
  Entry e{name, ScalarType::Float32, {}, 0, 0};
  const auto dtype = j.find("dtype");
  if (dtype == j.end() || !dtype->is_string()) fail(file, "tensor '" + name + "': missing or non-string 'dtype'");
  if (!parse_safetensors_name(dtype->get<std::string>(), e.dtype)) {
    fail(file, "tensor '" + name + "': unsupported dtype '" + dtype->get<std::string>() +
                   "' (supported: F32, F64, I64, U8, BOOL)");
  }
  const auto shape = j.find("shape");
  if (shape == j.end()) fail(file, "tensor '" + name + "': missing 'shape'");
  e.shape = parse_shape(*shape, name, file);
  const auto offsets = j.find("data_offsets");
  if (offsets == j.end() || !offsets->is_array() || offsets->size() != 2 || !(*offsets)[0].is_number_unsigned() ||
      !(*offsets)[1].is_number_unsigned()) {
    fail(file, "tensor '" + name + "': 'data_offsets' must be a list of two non-negative integers");
  }
  e.begin = (*offsets)[0].get<std::uint64_t>();
  e.end = (*offsets)[1].get<std::uint64_t>();
  if (e.end < e.begin) fail(file, "tensor '" + name + "': data_offsets end is before begin");

  std::uint64_t nbytes = element_size(e.dtype);
  for (auto d : e.shape) {
    if (__builtin_mul_overflow(nbytes, static_cast<std::uint64_t>(d), &nbytes)) {
      fail(file, "tensor '" + name + "': shape " + shape->dump() + " overflows the byte count");
    }
  }
  if (nbytes != e.end - e.begin) {
    fail(file, "tensor '" + name + "': shape " + shape->dump() + " with dtype " + dtype->get<std::string>() +
                   " needs " + std::to_string(nbytes) + " bytes but data_offsets span " +
                   std::to_string(e.end - e.begin));
  }
  return e;
}

struct Layout {
  std::vector<Entry> entries;  // header order
  SafetensorsMetadata metadata;
  std::size_t buffer_start = 0;
};

// Validates the whole file layout before any tensor is built.
Layout parse_layout(const unsigned char* data, std::size_t size, const std::string& file) {
  if (size < 8) fail(file, "file is " + std::to_string(size) + " bytes, too short to hold the 8-byte header length");
  const std::uint64_t header_len = read_le_u64(data);
  if (header_len > size - 8) {
    fail(file, "header length " + std::to_string(header_len) + " exceeds the " + std::to_string(size - 8) +
                   " bytes after the length field");
  }
  const auto header = parse_header(reinterpret_cast<const char*>(data) + 8, header_len, file);
  Layout layout;
  layout.buffer_start = 8 + header_len;
  const std::uint64_t buffer_size = size - layout.buffer_start;
  for (const auto& [name, value] : header.items()) {
    if (name == "__metadata__") {
      if (!value.is_object()) fail(file, "'__metadata__' must be an object of strings");
      for (const auto& [k, v] : value.items()) {
        if (!v.is_string()) fail(file, "'__metadata__' value for '" + k + "' is not a string");
        layout.metadata[k] = v.get<std::string>();
      }
      continue;
    }
    Entry e = parse_entry(name, value, file);
    if (e.end > buffer_size) {
      fail(file, "tensor '" + name + "': data_offsets [" + std::to_string(e.begin) + ", " + std::to_string(e.end) +
                     "] run past the end of the " + std::to_string(buffer_size) + "-byte data buffer");
    }
    layout.entries.push_back(std::move(e));
  }
  // Sorted by begin, a tensor overlaps an earlier one iff it starts before the furthest end seen so far.
  // Empty tensors occupy no bytes and cannot overlap anything.
  std::vector<const Entry*> by_offset;
  for (const auto& e : layout.entries) {
    if (e.begin != e.end) by_offset.push_back(&e);
  }
  std::sort(by_offset.begin(), by_offset.end(), [](const Entry* a, const Entry* b) { return a->begin < b->begin; });
  const Entry* furthest = nullptr;
  for (const Entry* cur : by_offset) {
    if (furthest != nullptr && cur->begin < furthest->end) {
      fail(file, "tensors '" + furthest->name + "' and '" + cur->name + "' have overlapping data_offsets");
    }
    if (furthest == nullptr || cur->end > furthest->end) furthest = cur;
  }
  return layout;
}

Tensor make_tensor(std::shared_ptr<Storage> storage, const Entry& e) {
  auto impl = std::make_shared<TensorImpl>();
  impl->storage = std::move(storage);
  impl->sizes = e.shape;
  impl->strides = contiguous_strides(e.shape);
  impl->dtype = e.dtype;
  return Tensor(std::move(impl));
}

Tensor copy_tensor(const unsigned char* src, const Entry& e) {
  const std::size_t nbytes = e.end - e.begin;
  auto storage = Storage::allocate(nbytes);
  if (nbytes > 0) std::memcpy(storage->data(), src, nbytes);
  if (e.dtype == ScalarType::Bool) {
    // Any nonzero byte is true; a bool object holding e.g. 2 would be undefined behaviour.
    auto* p = static_cast<unsigned char*>(storage->data());
    for (std::size_t i = 0; i < nbytes; ++i) p[i] = p[i] != 0 ? 1 : 0;
  }
  return make_tensor(std::move(storage), e);
}

class Mapping {
 public:
  Mapping(void* addr, std::size_t size) : addr_(addr), size_(size) {}
  Mapping(const Mapping&) = delete;
  Mapping& operator=(const Mapping&) = delete;
  ~Mapping() {
    if (addr_ != nullptr) munmap(addr_, size_);
  }
  unsigned char* data() const { return static_cast<unsigned char*>(addr_); }

 private:
  void* addr_;
  std::size_t size_;
};

class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  int get() const { return fd_; }

 private:
  int fd_;
};

std::string errno_text() { return std::strerror(errno); }

void write_all(int fd, const char* data, std::size_t size, const std::string& file) {
  while (size > 0) {
    const ssize_t n = ::write(fd, data, size);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) fail(file, "write failed: " + errno_text());
    data += n;
    size -= static_cast<std::size_t>(n);
  }
}

std::string directory_of(const std::string& path) {
  const auto slash = path.find_last_of('/');
  if (slash == std::string::npos) return ".";
  return slash == 0 ? "/" : path.substr(0, slash);
}

}  // namespace

SafetensorsContents parse_safetensors(const void* data, std::size_t size, const std::string& name_for_errors) {
  const auto* bytes = static_cast<const unsigned char*>(data);
  Layout layout = parse_layout(bytes, size, name_for_errors);
  SafetensorsContents out;
  out.metadata = std::move(layout.metadata);
  for (const auto& e : layout.entries) {
    out.tensors.emplace_back(e.name, copy_tensor(bytes + layout.buffer_start + e.begin, e));
  }
  return out;
}

SafetensorsContents load_safetensors(const std::string& path) {
  Fd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (fd.get() < 0) fail(path, "cannot open: " + errno_text());
  struct stat st {};
  if (::fstat(fd.get(), &st) != 0) fail(path, "cannot stat: " + errno_text());
  if (!S_ISREG(st.st_mode)) fail(path, "not a regular file");
  const auto size = static_cast<std::size_t>(st.st_size);
  if (size == 0) return parse_safetensors(nullptr, 0, path);
  // MAP_PRIVATE + PROT_WRITE: copy-on-write, so in-place ops on wrapped tensors stay in memory.
  void* addr = ::mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd.get(), 0);
  if (addr == MAP_FAILED) fail(path, "mmap failed: " + errno_text());
  auto mapping = std::make_shared<Mapping>(addr, size);

  Layout layout = parse_layout(mapping->data(), size, path);
  SafetensorsContents out;
  out.metadata = std::move(layout.metadata);
  for (const auto& e : layout.entries) {
    unsigned char* src = mapping->data() + layout.buffer_start + e.begin;
    const bool aligned = reinterpret_cast<std::uintptr_t>(src) % element_size(e.dtype) == 0;
    if (aligned && e.dtype != ScalarType::Bool) {
      out.tensors.emplace_back(e.name, make_tensor(Storage::wrap(src, e.end - e.begin, mapping), e));
    } else {
      out.tensors.emplace_back(e.name, copy_tensor(src, e));
    }
  }
  return out;
}

void save_safetensors(const std::string& path, const NamedTensors& tensors, const SafetensorsMetadata& metadata) {
  // nlohmann::ordered_json keeps insertion order, so the header lists tensors in the given order.
  nlohmann::ordered_json header = nlohmann::ordered_json::object();
  if (!metadata.empty()) header["__metadata__"] = metadata;
  std::vector<Tensor> contiguous_data;
  std::vector<std::uint64_t> begins;
  std::set<std::string> names;
  std::uint64_t offset = 0;
  // The data is packed without gaps, as the reference safetensors reader
  // requires; placing wider element types first (stable, like the reference
  // writer) keeps every tensor aligned to its element size anyway.
  std::vector<std::size_t> order(tensors.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    const auto size_of = [&](std::size_t i) { return tensors[i].second.defined() ? tensors[i].second.element_size() : 0; };
    return size_of(a) > size_of(b);
  });
  for (const auto& [name, t] : tensors) {
    if (!t.defined()) fail(path, "tensor '" + name + "' is undefined");
    if (name == "__metadata__") fail(path, "'__metadata__' is reserved and cannot name a tensor");
    if (!names.insert(name).second) fail(path, "duplicate tensor name '" + name + "'");
  }
  // Data in layout order; the header still lists the tensors in the given order.
  std::vector<std::uint64_t> offsets(tensors.size());
  for (std::size_t i : order) {
    Tensor c;
    {
      autograd::NoGradGuard no_grad;
      c = tensors[i].second.detach().contiguous();
    }
    offsets[i] = offset;
    begins.push_back(offset);
    offset += c.nbytes();
    contiguous_data.push_back(std::move(c));
  }
  for (std::size_t i = 0; i < tensors.size(); ++i) {
    const Tensor& t = tensors[i].second;
    header[tensors[i].first] = {{"dtype", std::string(safetensors_name(t.dtype()))},
                                {"shape", t.sizes()},
                                {"data_offsets", {offsets[i], offsets[i] + t.nbytes()}}};
  }
  std::string header_text = header.dump();
  // Pad with spaces (valid JSON whitespace) so the data buffer starts 8-aligned.
  header_text.append((kAlign - header_text.size() % kAlign) % kAlign, ' ');

  std::string bytes;
  write_le_u64(bytes, header_text.size());
  bytes += header_text;
  const std::size_t buffer_start = bytes.size();
  for (std::size_t i = 0; i < contiguous_data.size(); ++i) {
    bytes.resize(buffer_start + begins[i]);
    bytes.append(static_cast<const char*>(contiguous_data[i].raw_data()), contiguous_data[i].nbytes());
  }

  std::string tmp = path + ".tmp.XXXXXX";
  Fd fd(::mkstemp(tmp.data()));
  if (fd.get() < 0) fail(path, "cannot create temporary file: " + errno_text());
  try {
    write_all(fd.get(), bytes.data(), bytes.size(), path);
    if (::fsync(fd.get()) != 0) fail(path, "fsync failed: " + errno_text());
    if (::fchmod(fd.get(), 0644) != 0) fail(path, "chmod failed: " + errno_text());
    if (::rename(tmp.c_str(), path.c_str()) != 0) fail(path, "rename failed: " + errno_text());
  } catch (...) {
    ::unlink(tmp.c_str());
    throw;
  }
  // Persist the rename itself; failure here leaves a complete file either way.
  Fd dir(::open(directory_of(path).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (dir.get() >= 0) ::fsync(dir.get());
}

}  // namespace paratrace::io
