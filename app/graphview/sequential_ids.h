#pragma once
// A cgraph id discipline numbering named objects in creation order.
// Graphviz's default uses the address of the interned name as the id, and
// keeps subgraphs ordered by id: clusters then come out of the renderers in
// an order that depends on the heap, and two renders of one graph in one
// process differ. With these ids every export is reproducible.
#include <graphviz/cgraph.h>

namespace paratrace::graphview {

extern Agiddisc_t sequential_ids;

}  // namespace paratrace::graphview
