#include "export_command.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
#include <exception>
#include <optional>

#include "graphview/graphviz_renderer.h"

namespace paratrace::cli {

namespace {

// Above this many nodes dot takes seconds rather than milliseconds.
constexpr std::size_t kSlowDotNodes = 8000;

struct ExportCommand {
  Q_DECLARE_TR_FUNCTIONS(ExportCommand)
};

// A bad command line; the message is printed with a pointer to --help.
struct UsageError {
  QString message;
};

struct ExportRequest {
  QString input, output;
  graphview::Format format = graphview::Format::Svg;
  graphview::GraphModelOptions model;
  graphview::RenderOptions render;
  std::string method;
};

template <typename F>
auto parse_or_usage_error(F&& parse, const QString& option, const QString& value) {
  try {
    return parse();
  } catch (const std::exception&) {
    throw UsageError{ExportCommand::tr("Invalid value for --%1: '%2'").arg(option, value)};
  }
}

ExportRequest read_request(QCommandLineParser& parser, const QStringList& arguments) {
  const QCommandLineOption format({QStringLiteral("f"), QStringLiteral("format")},
                                  ExportCommand::tr("Image format: svg, png, pdf or dot (default: the output's suffix)."),
                                  QStringLiteral("format"));
  const QCommandLineOption output({QStringLiteral("o"), QStringLiteral("output")},
                                  ExportCommand::tr("The file to write (replaced atomically)."), QStringLiteral("file"));
  const QCommandLineOption collapse(QStringLiteral("collapse-depth"),
                                    ExportCommand::tr("Draw every module scope deeper than N as one node (0: only "
                                                      "top-level modules). Default: everything expanded."),
                                    QStringLiteral("N"));
  const QCommandLineOption dpi(QStringLiteral("dpi"), ExportCommand::tr("PNG resolution in dots per inch (default 96)."),
                               QStringLiteral("D"));
  const QCommandLineOption rankdir(QStringLiteral("rankdir"),
                                   ExportCommand::tr("Dataflow direction: TB (top to bottom, default) or LR."),
                                   QStringLiteral("TB|LR"));
  const QCommandLineOption theme(QStringLiteral("theme"), ExportCommand::tr("Colours: light (default) or dark."),
                                 QStringLiteral("light|dark"));
  const QCommandLineOption method(QStringLiteral("method"),
                                  ExportCommand::tr("The traced method to draw (default forward)."),
                                  QStringLiteral("name"));
  const QCommandLineOption engine(QStringLiteral("layout"),
                                  ExportCommand::tr("Layout engine: dot (layered, module clusters; default) or sfdp "
                                                    "(force-directed, no clusters, for very large flat graphs)."),
                                  QStringLiteral("dot|sfdp"));
  const QCommandLineOption constants(QStringLiteral("show-constants"),
                                     ExportCommand::tr("Draw constants as nodes instead of folding them into the "
                                                       "label of the op that uses them."));
  parser.addOptions({format, output, collapse, dpi, rankdir, theme, method, engine, constants});
  parser.addPositionalArgument(QStringLiteral("input"),
                               ExportCommand::tr("A traced-module file (paratrace-cli trace --save), IR text (ours or "
                                                 "printed by PyTorch) or a model file."),
                               QStringLiteral("INPUT"));
  if (!parser.parse(arguments)) throw UsageError{parser.errorText()};
  if (parser.isSet(QStringLiteral("help"))) return {};

  ExportRequest request;
  const QStringList positional = parser.positionalArguments();
  if (positional.isEmpty()) throw UsageError{ExportCommand::tr("No input file given.")};
  if (positional.size() > 1) {
    throw UsageError{ExportCommand::tr("Too many arguments: %1").arg(positional.join(QLatin1Char(' ')))};
  }
  request.input = positional.first();
  if (!parser.isSet(output)) throw UsageError{ExportCommand::tr("No output file given (--output FILE).")};
  request.output = parser.value(output);

  const QString format_name = parser.isSet(format) ? parser.value(format) : QFileInfo(request.output).suffix();
  try {
    request.format = graphview::format_from_name(format_name.toStdString());
  } catch (const graphview::UnknownFormatError&) {
    throw UsageError{parser.isSet(format)
                         ? ExportCommand::tr("Unknown format '%1' (expected svg, png, pdf or dot).").arg(format_name)
                         : ExportCommand::tr("No --format given and the output's suffix '%1' is not svg, png, pdf "
                                             "or dot.")
                               .arg(format_name)};
  }
  if (parser.isSet(collapse)) {
    bool ok = false;
    const int depth = parser.value(collapse).toInt(&ok);
    if (!ok || depth < 0) {
      throw UsageError{ExportCommand::tr("Invalid value for --collapse-depth: '%1' (expected 0 or more)")
                           .arg(parser.value(collapse))};
    }
    request.model.collapse_depth = depth;
  }
  request.model.show_constants = parser.isSet(constants);
  if (parser.isSet(dpi)) {
    bool ok = false;
    const double value = parser.value(dpi).toDouble(&ok);
    if (!ok || !(value > 0) || value > 10000) {
      throw UsageError{ExportCommand::tr("Invalid value for --dpi: '%1' (expected a number of dots per inch)")
                           .arg(parser.value(dpi))};
    }
    request.render.dpi = value;
  }
  if (parser.isSet(rankdir)) {
    request.render.rankdir = parse_or_usage_error(
        [&] { return graphview::rankdir_from_name(parser.value(rankdir).toStdString()); }, QStringLiteral("rankdir"),
        parser.value(rankdir));
  }
  if (parser.isSet(theme)) {
    const QString name = parser.value(theme).toLower();
    if (name == QLatin1String("light")) {
      request.render.theme = graphview::light_theme();
    } else if (name == QLatin1String("dark")) {
      request.render.theme = graphview::dark_theme();
    } else {
      throw UsageError{ExportCommand::tr("Invalid value for --theme: '%1' (expected light or dark)").arg(parser.value(theme))};
    }
  }
  if (parser.isSet(engine)) {
    const QString name = parser.value(engine).toLower();
    if (name == QLatin1String("dot")) {
      request.render.engine = graphview::Engine::Dot;
    } else if (name == QLatin1String("sfdp")) {
      request.render.engine = graphview::Engine::Sfdp;
    } else {
      throw UsageError{ExportCommand::tr("Invalid value for --layout: '%1' (expected dot or sfdp)").arg(parser.value(engine))};
    }
  }
  if (parser.isSet(method)) request.method = parser.value(method).toStdString();
  return request;
}

}  // namespace

int run_export_command(const QStringList& arguments, QTextStream& out, QTextStream& err,
                       const ModelFileLoader& load_model) {
  QCommandLineParser parser;
  parser.setApplicationDescription(
      ExportCommand::tr("Draws a traced graph: one node per op with its output shapes, one cluster per module.\n"
                        "Exit code 0 when the file was written, 2 for bad usage or bad input."));
  parser.addHelpOption();
  // The parser takes "paratrace-cli export" for the program's name.
  const QStringList command_line = QStringList{QStringLiteral("paratrace-cli export")} + arguments;

  ExportRequest request;
  try {
    request = read_request(parser, command_line);
  } catch (const UsageError& e) {
    err << e.message << '\n' << ExportCommand::tr("Try 'paratrace-cli export --help'.") << '\n';
    return 2;
  }
  if (parser.isSet(QStringLiteral("help"))) {
    out << parser.helpText();
    return 0;
  }

  try {
    const ExportInput input = load_export_input(request.input, load_model);
    const graphview::DisplayGraph graph = display_graph(input, request.input, request.method, request.model);
    // dot's crossing minimisation is super-linear: 18,000 nodes in 6,000
    // clusters take a minute or more (docs/graph-rendering.md, Performance).
    if (request.render.engine == graphview::Engine::Dot && graph.nodes.size() > kSlowDotNodes) {
      err << ExportCommand::tr("Note: %1 nodes; if the layout takes too long, try --collapse-depth N or --layout sfdp.")
                 .arg(graph.nodes.size())
          << '\n';
      err.flush();
    }
    const graphview::LaidOutGraph laid = graphview::layout(graph, request.render);
    for (const std::string& warning : laid.warnings()) err << QString::fromStdString(warning) << '\n';
    if (request.format == graphview::Format::Png && laid.png_dpi() < request.render.dpi) {
      err << ExportCommand::tr("Note: the PNG is written at %1 dpi instead of %2: larger pictures exceed "
                               "32,767 pixels per side. SVG and PDF have no such limit.")
                 .arg(laid.png_dpi(), 0, 'f', 1)
                 .arg(request.render.dpi)
          << '\n';
    }
    laid.write(request.format, request.output.toStdString());
    out << ExportCommand::tr("Wrote %1 (%2 nodes, %3 edges, %4 module clusters)")
               .arg(request.output)
               .arg(graph.nodes.size())
               .arg(graph.edges.size())
               .arg(request.render.engine == graphview::Engine::Dot ? graph.clusters.size() : 0)
        << '\n';
    return 0;
  } catch (const ExportInputError& e) {
    err << QString::fromStdString(e.what()) << '\n';
  } catch (const graphview::FileWriteError& e) {
    err << QString::fromStdString(e.what()) << '\n';
  } catch (const std::exception& e) {
    // Layout and render errors carry Graphviz's message; say which input.
    err << request.input << QStringLiteral(": ") << QString::fromStdString(e.what()) << '\n';
  }
  return 2;
}

}  // namespace paratrace::cli
