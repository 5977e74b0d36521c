#pragma once
// What rendering can throw. The texts name the input and Graphviz's own
// messages, so a CLI can print them as they are.
#include <stdexcept>

namespace paratrace::graphview {

class GraphViewError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// DOT text that Graphviz could not parse.
class DotSyntaxError : public GraphViewError {
 public:
  using GraphViewError::GraphViewError;
};

// gvLayout failed.
class LayoutError : public GraphViewError {
 public:
  using GraphViewError::GraphViewError;
};

// gvRender failed (for example: no plugin for the format on this machine).
class RenderError : public GraphViewError {
 public:
  using GraphViewError::GraphViewError;
};

// A format name we do not export.
class UnknownFormatError : public GraphViewError {
 public:
  using GraphViewError::GraphViewError;
};

// The output file could not be written; the destination is left untouched.
class FileWriteError : public GraphViewError {
 public:
  using GraphViewError::GraphViewError;
};

}  // namespace paratrace::graphview
