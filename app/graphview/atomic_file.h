#pragma once
#include <filesystem>
#include <string_view>

namespace paratrace::graphview {

// Writes `bytes` to a temporary file next to `path`, then renames it over
// `path`, so a reader (or a crash) never sees half a file. Throws
// FileWriteError naming the path and the system's reason; the temporary file
// is removed on failure.
void write_file_atomically(const std::filesystem::path& path, std::string_view bytes);

}  // namespace paratrace::graphview
