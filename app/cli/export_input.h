#pragma once
// What `paratrace-cli export` reads: a traced-module file
// (jit::TracedModule::save), IR text (ours or PyTorch's print(graph)), or a
// model file, told apart by their first bytes rather than by their names.
#include <QString>
#include <functional>
#include <memory>
#include <string>

#include "graphview/display_graph.h"
#include "graphview/graph_model.h"
#include "paratrace/jit/ir.h"
#include "paratrace/jit/traced_module.h"

namespace paratrace::cli {

enum class ExportInputKind { TracedModule, IrText, ModelFile };

// Loads a model file (docs/model-format.md) and traces it. The export command
// takes one so that it does not depend on the model loader.
using ModelFileLoader = std::function<std::shared_ptr<jit::TracedModule>(const QString& path)>;

// A loaded input: the graph to draw, and what keeps it alive.
struct ExportInput {
  ExportInputKind kind = ExportInputKind::IrText;
  std::shared_ptr<jit::TracedModule> traced;  // traced modules and model files
  std::shared_ptr<jit::Graph> graph;          // IR text
};

// Thrown for input that cannot be read; what() names the file, the place
// where there is one ("FILE:3:17: ...") and the reason.
class ExportInputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// `load_model` may be empty when no model loader is linked; model files are
// then refused with an ExportInputError.
ExportInput load_export_input(const QString& path, const ModelFileLoader& load_model);

// The display graph of `method` (traced modules and model files; IR text
// holds one graph and accepts only "forward"). Throws ExportInputError when
// the method does not exist.
graphview::DisplayGraph display_graph(const ExportInput& input, const QString& path, const std::string& method,
                                      const graphview::GraphModelOptions& options);

}  // namespace paratrace::cli
