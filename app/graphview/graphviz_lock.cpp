#include "graphview/graphviz_lock.h"

#include <memory>
#include <sstream>

namespace paratrace::graphview {

namespace {

std::recursive_mutex& graphviz_mutex() {
  static std::recursive_mutex mutex;
  return mutex;
}

// Written by Graphviz's error hook, read under the lock only.
std::string& message_buffer() {
  static std::string buffer;
  return buffer;
}

// How deeply the lock is held (only changed under it): the outermost lock empties the
// buffer when it ends, so messages do not pile up over a long session.
int& lock_depth() {
  static int depth = 0;
  return depth;
}

// Graphviz hands over a message in pieces ("Error", ": ", text).
int collect_message(char* piece) {
  message_buffer() += piece;
  return 0;
}

GVC_t* shared_context() {
  struct Free {
    void operator()(GVC_t* gvc) const { gvFreeContext(gvc); }
  };
  static const std::unique_ptr<GVC_t, Free> context = [] {
    agseterrf(collect_message);
    return std::unique_ptr<GVC_t, Free>(gvContext());
  }();
  return context.get();
}

}  // namespace

GraphvizLock::GraphvizLock() : lock_(graphviz_mutex()), first_message_(message_buffer().size()) {
  ++lock_depth();
  shared_context();
}

GraphvizLock::~GraphvizLock() {
  if (--lock_depth() == 0) message_buffer().clear();
}

GVC_t* GraphvizLock::context() const { return shared_context(); }

std::vector<std::string> GraphvizLock::messages() const {
  std::vector<std::string> lines;
  std::istringstream in(message_buffer().substr(first_message_));
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) lines.push_back(line);
  }
  return lines;
}

std::string GraphvizLock::details() const {
  std::string joined;
  for (const std::string& line : messages()) joined += (joined.empty() ? "" : "; ") + line;
  return joined.empty() ? "no details from Graphviz" : joined;
}

}  // namespace paratrace::graphview
