#pragma once
// Serialises every use of Graphviz in the process. cgraph and libgvc are not
// thread safe, not even for reads (cdt dictionaries reorder on lookup), so
// all of it goes through one GVC_t behind one mutex, as KGraphViewer does.
// The mutex is recursive so that a graph handle can free itself under the
// lock whether or not its owner already holds it.
#include <graphviz/gvc.h>

#include <mutex>
#include <string>
#include <vector>

namespace paratrace::graphview {

class GraphvizLock {
 public:
  // Takes the lock and starts collecting Graphviz's messages afresh.
  GraphvizLock();
  ~GraphvizLock();
  GraphvizLock(const GraphvizLock&) = delete;
  GraphvizLock& operator=(const GraphvizLock&) = delete;

  // The process-wide context; plugins come from libgvc's installed config.
  GVC_t* context() const;
  // Graphviz's errors and warnings since this lock was taken, one per line,
  // as "Error: ..." / "Warning: ..." (they never reach stderr).
  std::vector<std::string> messages() const;
  // The messages joined for an exception text; "no details" when there are none.
  std::string details() const;

 private:
  std::unique_lock<std::recursive_mutex> lock_;
  std::size_t first_message_;
};

}  // namespace paratrace::graphview
