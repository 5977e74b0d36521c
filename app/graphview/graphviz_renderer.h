#pragma once
// Lays out a DisplayGraph in-process with libgvc (no `dot` subprocess),
// exposes the positions for a GUI and renders SVG, PNG, PDF and DOT.
// Every Graphviz call is serialised behind one process-wide lock
// (graphviz_lock.h), so these functions may be called from any thread.
#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "graphview/display_graph.h"
#include "graphview/geometry.h"
#include "graphview/graphview_errors.h"
#include "graphview/theme.h"

namespace paratrace::graphview {

enum class Engine {
  Dot,   // layered, with module clusters: the default
  Sfdp,  // force-directed, for very large flat graphs; draws no clusters
};

// The direction of the dataflow (Graphviz's rankdir); dot only.
enum class RankDir {
  TopToBottom,  // "TB", the default
  LeftToRight,  // "LR": wide screens, long chains
};

// "TB" or "LR", in any case; std::invalid_argument otherwise.
RankDir rankdir_from_name(std::string_view name);

enum class Format {
  Svg,
  Png,  // cairo, at RenderOptions::dpi, which is also written into the file
  Pdf,  // cairo
  Dot,  // DOT text; after layout it carries the positions (as `dot -Tdot`)
};

// "svg", "png", "pdf", "dot" or "gv", in any case; UnknownFormatError otherwise.
Format format_from_name(std::string_view name);
std::string_view format_name(Format format);

struct RenderOptions {
  Engine engine = Engine::Dot;
  Theme theme = light_theme();
  RankDir rankdir = RankDir::TopToBottom;
  double dpi = 96.0;  // PNG only; SVG and PDF are in points
  // Graphs with more nodes than this get the large-graph settings: no edge
  // labels (dot turns each into a node), global ranking and no x-coordinate
  // optimisation (docs/graph-rendering.md has the measurements).
  std::size_t large_graph_nodes = 1000;
};

// A graph after layout: positions plus renderers. Holds the Graphviz graph,
// freed (under the lock) on destruction.
class LaidOutGraph {
 public:
  struct State;
  explicit LaidOutGraph(std::unique_ptr<State> state);
  LaidOutGraph(LaidOutGraph&&) noexcept;
  LaidOutGraph& operator=(LaidOutGraph&&) noexcept;
  ~LaidOutGraph();

  const Geometry& geometry() const;
  // Graphviz's warnings from the layout ("Warning: ...").
  const std::vector<std::string>& warnings() const;
  // The resolution a PNG is rendered at and records: RenderOptions::dpi,
  // lowered so that the picture stays within cairo's 32,767 pixels per side
  // (a 10,000-op chain is 400,000 points tall). SVG and PDF have no limit.
  double png_dpi() const;
  // The file's bytes. Throws RenderError.
  std::string render(Format format) const;
  // Renders, then replaces `path` atomically (temporary file + rename):
  // readers never see a partial file. Throws RenderError, FileWriteError.
  void write(Format format, const std::filesystem::path& path) const;

 private:
  std::unique_ptr<State> state_;
};

// Throws LayoutError.
LaidOutGraph layout(const DisplayGraph& graph, const RenderOptions& options = {});
// Lays out DOT text holding one graph (a file saved earlier, or written by
// hand); a `layout` attribute in the text overrides options.engine, as with
// `dot`. Throws DotSyntaxError, LayoutError.
LaidOutGraph layout_dot(std::string_view dot_text, const RenderOptions& options = {});
// The styled DOT text without layout: what `dot` would be given.
std::string to_dot(const DisplayGraph& graph, const RenderOptions& options = {});

}  // namespace paratrace::graphview
