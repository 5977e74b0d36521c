#pragma once
// Reads Graphviz's layout records after gvLayout (internal to the renderer;
// call with a GraphvizLock held).
#include "graphview/geometry.h"
#include "graphview/graphviz_lock.h"

namespace paratrace::graphview {

Geometry read_geometry(Agraph_t* graph);

}  // namespace paratrace::graphview
