#pragma once
// `paratrace-cli export INPUT --format svg|png|pdf|dot --output FILE ...`:
// draws a traced graph with Graphviz (in-process) and writes the file
// atomically. docs/graph-rendering.md describes the options.
#include <QStringList>
#include <QTextStream>

#include "export_input.h"

namespace paratrace::cli {

// `arguments` are the command's own (the words after "export").
// Returns the exit code: 0 written, 2 bad usage or bad input (the message,
// naming the file, goes to `err`). Model files are read through
// `load_model`; without one they are refused.
int run_export_command(const QStringList& arguments, QTextStream& out, QTextStream& err,
                       const ModelFileLoader& load_model = {});

}  // namespace paratrace::cli
