#include "graphview/graphviz_renderer.h"

#include <algorithm>
#include <cctype>

#include "graphview/atomic_file.h"
#include "graphview/cgraph_builder.h"
#include "graphview/dot_reader.h"
#include "graphview/geometry_reader.h"
#include "graphview/graphviz_lock.h"
#include "graphview/png_dpi.h"

namespace paratrace::graphview {

struct LaidOutGraph::State {
  AgraphPtr graph;
  Geometry geometry;
  std::vector<std::string> warnings;
  double dpi = 96.0;
};

namespace {

const char* engine_name(Engine engine) { return engine == Engine::Dot ? "dot" : "sfdp"; }

// Graphviz's "format:renderer" names: PNG and PDF explicitly through cairo,
// whose output is antialiased and whose PDF is vector (gd's is neither).
const char* graphviz_format(Format format) {
  switch (format) {
    case Format::Svg: return "svg";
    case Format::Png: return "png:cairo";
    case Format::Pdf: return "pdf:cairo";
    case Format::Dot: return "dot";
  }
  return "svg";
}

std::vector<std::string> warnings_of(const GraphvizLock& lock) {
  std::vector<std::string> warnings = lock.messages();
  std::erase_if(warnings, [](const std::string& m) { return !m.starts_with("Warning"); });
  return warnings;
}

LaidOutGraph run_layout(AgraphPtr graph, const RenderOptions& options, const GraphvizLock& lock) {
  if (gvLayout(lock.context(), graph.get(), engine_name(options.engine)) != 0) {
    throw LayoutError(std::string("Graphviz could not lay out the graph with ") + engine_name(options.engine) +
                      ": " + lock.details());
  }
  auto state = std::make_unique<LaidOutGraph::State>();
  state->geometry = read_geometry(graph.get());
  state->graph = std::move(graph);
  state->warnings = warnings_of(lock);
  state->dpi = options.dpi;
  return LaidOutGraph(std::move(state));
}

}  // namespace

Format format_from_name(std::string_view name) {
  std::string lower(name);
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char ch) { return std::tolower(ch); });
  if (lower == "svg") return Format::Svg;
  if (lower == "png") return Format::Png;
  if (lower == "pdf") return Format::Pdf;
  if (lower == "dot" || lower == "gv") return Format::Dot;
  throw UnknownFormatError("unknown export format '" + std::string(name) + "' (expected svg, png, pdf or dot)");
}

RankDir rankdir_from_name(std::string_view name) {
  std::string upper(name);
  std::transform(upper.begin(), upper.end(), upper.begin(), [](unsigned char ch) { return std::toupper(ch); });
  if (upper == "TB") return RankDir::TopToBottom;
  if (upper == "LR") return RankDir::LeftToRight;
  throw std::invalid_argument("unknown rank direction '" + std::string(name) + "' (expected TB or LR)");
}

std::string_view format_name(Format format) {
  switch (format) {
    case Format::Svg: return "svg";
    case Format::Png: return "png";
    case Format::Pdf: return "pdf";
    case Format::Dot: return "dot";
  }
  return "svg";
}

LaidOutGraph::LaidOutGraph(std::unique_ptr<State> state) : state_(std::move(state)) {}
LaidOutGraph::LaidOutGraph(LaidOutGraph&&) noexcept = default;
LaidOutGraph& LaidOutGraph::operator=(LaidOutGraph&&) noexcept = default;
LaidOutGraph::~LaidOutGraph() = default;

const Geometry& LaidOutGraph::geometry() const { return state_->geometry; }
const std::vector<std::string>& LaidOutGraph::warnings() const { return state_->warnings; }

double LaidOutGraph::png_dpi() const {
  // Cairo's limit; above it Graphviz scales the picture down itself, saying
  // so on stderr, and the recorded resolution would be wrong.
  constexpr double kMaxPixels = 32767 - 1;
  // The page adds the graph's pad on each side (0.2 in here; allow 0.5 in
  // for DOT text that sets its own).
  constexpr double kPadPoints = 2 * 36.0;
  const double points = std::max(state_->geometry.width, state_->geometry.height) + kPadPoints;
  return std::min(state_->dpi, kMaxPixels * 72.0 / points);
}

std::string LaidOutGraph::render(Format format) const {
  if (format == Format::Png && !(state_->dpi > 0)) {
    throw RenderError("PNG resolution must be positive, got " + std::to_string(state_->dpi) + " dpi");
  }
  const double dpi = png_dpi();
  GraphvizLock lock;
  Agraph_t* g = state_->graph.get();
  // The renderer takes the resolution from the layout's drawing record at
  // render time; only the raster gets ours, SVG and PDF stay in points.
  const double layout_dpi = GD_drawing(g)->dpi;
  if (format == Format::Png) GD_drawing(g)->dpi = dpi;
  char* data = nullptr;
  unsigned int length = 0;
  const int status = gvRenderData(lock.context(), g, graphviz_format(format), &data, &length);
  GD_drawing(g)->dpi = layout_dpi;
  std::string bytes = data ? std::string(data, length) : std::string();
  if (data) gvFreeRenderData(data);
  if (status != 0) {
    std::string hint;
    if (format == Format::Png || format == Format::Pdf) {
      hint = " (PNG and PDF need Graphviz's cairo plugin, libgvplugin_pango, registered in libgvc's config: "
             "check `dot -T" + std::string(format_name(format)) + "`)";
    }
    throw RenderError("Graphviz could not render " + std::string(format_name(format)) + hint + ": " + lock.details());
  }
  return format == Format::Png ? with_png_dpi(std::move(bytes), dpi) : bytes;
}

void LaidOutGraph::write(Format format, const std::filesystem::path& path) const {
  write_file_atomically(path, render(format));
}

LaidOutGraph layout(const DisplayGraph& graph, const RenderOptions& options) {
  GraphvizLock lock;
  return run_layout(make_agraph(graph, options), options, lock);
}

LaidOutGraph layout_dot(std::string_view dot_text, const RenderOptions& options) {
  GraphvizLock lock;
  return run_layout(read_dot(dot_text, lock), options, lock);
}

std::string to_dot(const DisplayGraph& graph, const RenderOptions& options) {
  GraphvizLock lock;
  return write_dot(make_agraph(graph, options).get());
}

}  // namespace paratrace::graphview
