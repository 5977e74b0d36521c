#include "graphview/geometry_reader.h"

#include <string_view>

namespace paratrace::graphview {

namespace {

constexpr double kPointsPerInch = 72.0;

// The display id stored in the "id" attribute, else the Graphviz name
// (graphs read from DOT text written by hand).
std::string id_of(void* object, std::string_view fallback) {
  const char* id = agget(object, const_cast<char*>("id"));
  return id && *id ? std::string(id) : std::string(fallback);
}

class Reader {
 public:
  explicit Reader(Agraph_t* graph) : bb_(GD_bb(graph)) {}

  Point point(pointf p) const { return {p.x - bb_.LL.x, bb_.UR.y - p.y}; }
  Box box(boxf b) const { return {b.LL.x - bb_.LL.x, bb_.UR.y - b.UR.y, b.UR.x - b.LL.x, b.UR.y - b.LL.y}; }

  NodeGeometry node(Agnode_t* n) const {
    const double w = ND_width(n) * kPointsPerInch, h = ND_height(n) * kPointsPerInch;
    const Point centre = point(ND_coord(n));
    return {id_of(n, agnameof(n)), {centre.x - w / 2, centre.y - h / 2, w, h}};
  }

  EdgeGeometry edge(Agedge_t* e) const {
    EdgeGeometry g{id_of(e, ""), id_of(agtail(e), agnameof(agtail(e))), id_of(aghead(e), agnameof(aghead(e))),
                   {}, {}, {}};
    if (const splines* spl = ED_spl(e)) {
      for (int i = 0; i < spl->size; ++i) {
        const bezier& b = spl->list[i];
        for (int k = 0; k < b.size; ++k) g.path.push_back(point(b.list[k]));
        if (b.eflag) g.arrow_tip = point(b.ep);
      }
    }
    if (const textlabel_t* label = ED_label(e); label && label->set) g.label_centre = point(label->pos);
    return g;
  }

  // Graphviz keeps each graph's clusters in a 1-based array.
  void clusters(Agraph_t* g, std::vector<ClusterGeometry>& out) const {
    for (int i = 1; i <= GD_n_cluster(g); ++i) {
      Agraph_t* sub = GD_clust(g)[i];
      std::string id = id_of(sub, agnameof(sub));
      if (id.starts_with("cluster:")) id.erase(0, 8);
      ClusterGeometry c{std::move(id), box(GD_bb(sub)), {}};
      if (const textlabel_t* label = GD_label(sub); label && label->set) c.label_centre = point(label->pos);
      out.push_back(std::move(c));
      clusters(sub, out);
    }
  }

 private:
  boxf bb_;
};

}  // namespace

Geometry read_geometry(Agraph_t* graph) {
  const Reader reader(graph);
  const boxf bb = GD_bb(graph);
  Geometry geometry;
  geometry.width = bb.UR.x - bb.LL.x;
  geometry.height = bb.UR.y - bb.LL.y;
  for (Agnode_t* n = agfstnode(graph); n; n = agnxtnode(graph, n)) {
    geometry.nodes.push_back(reader.node(n));
    for (Agedge_t* e = agfstout(graph, n); e; e = agnxtout(graph, e)) geometry.edges.push_back(reader.edge(e));
  }
  reader.clusters(graph, geometry.clusters);
  return geometry;
}

}  // namespace paratrace::graphview
