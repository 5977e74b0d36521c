#pragma once
// Reads DOT text with cgraph's parser (internal to the renderer; call with
// a GraphvizLock held).
#include <string_view>

#include "graphview/cgraph_builder.h"

namespace paratrace::graphview {

// The one graph in `text`. Throws DotSyntaxError with Graphviz's message, or
// when the text holds no graph or more than one.
AgraphPtr read_dot(std::string_view text, const GraphvizLock& lock);

}  // namespace paratrace::graphview
