#include "graphview/atomic_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <string>

#include "graphview/graphview_errors.h"

namespace paratrace::graphview {

namespace {

[[noreturn]] void fail(const std::filesystem::path& path, const char* step, int error) {
  throw FileWriteError("cannot write " + path.string() + ": " + step + ": " + std::strerror(error));
}

}  // namespace

void write_file_atomically(const std::filesystem::path& path, std::string_view bytes) {
  // Same directory, so the rename stays within one file system and is
  // atomic. open() with 0666 rather than mkstemp's 0600, so the file gets
  // the permissions the umask gives any new file; O_EXCL keeps names unique.
  static std::atomic<unsigned> counter{0};
  std::string temp;
  int fd = -1;
  do {
    temp = path.string() + ".tmp-" + std::to_string(getpid()) + "-" + std::to_string(counter++);
    fd = open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
  } while (fd < 0 && errno == EEXIST);
  if (fd < 0) fail(path, "creating a temporary file", errno);

  auto abandon = [&](const char* step) {
    const int error = errno;
    close(fd);
    unlink(temp.c_str());
    fail(path, step, error);
  };
  for (std::size_t done = 0; done < bytes.size();) {
    const ssize_t n = write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) abandon("writing");
    done += static_cast<std::size_t>(n);
  }
  if (fsync(fd) != 0) abandon("flushing");
  if (close(fd) != 0) {
    const int error = errno;
    unlink(temp.c_str());
    fail(path, "closing", error);
  }
  if (rename(temp.c_str(), path.c_str()) != 0) {
    const int error = errno;
    unlink(temp.c_str());
    fail(path, "renaming the temporary file", error);
  }
}

}  // namespace paratrace::graphview
