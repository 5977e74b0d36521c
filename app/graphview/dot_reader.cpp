#include "graphview/dot_reader.h"

#include <string>

#include "graphview/graphview_errors.h"

namespace paratrace::graphview {

namespace {

// cgraph's scanner keeps whatever follows a graph for the next read: a
// trailing newline shifts the line numbers of later errors, a second graph
// would be returned by the next call. Reading empty text until no graph
// comes back consumes the rest and lets the scanner flush its buffer.
std::size_t drain_scanner() {
  std::size_t graphs = 0;
  while (Agraph_t* leftover = agmemread("")) {
    agclose(leftover);
    ++graphs;
  }
  return graphs;
}

}  // namespace

AgraphPtr read_dot(std::string_view text, const GraphvizLock& lock) {
  drain_scanner();
  agsetfile(nullptr);  // line numbers from 1 again
  const std::string terminated(text);
  AgraphPtr graph(agmemread(terminated.c_str()));
  if (!graph) {
    const bool silent = lock.messages().empty();
    throw DotSyntaxError("cannot read the DOT text: " + (silent ? std::string("it holds no graph") : lock.details()));
  }
  if (const std::size_t more = drain_scanner(); more > 0) {
    throw DotSyntaxError("cannot read the DOT text: it holds " + std::to_string(more + 1) + " graphs, expected one");
  }
  return graph;
}

}  // namespace paratrace::graphview
