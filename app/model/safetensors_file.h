#pragma once
// Reads a safetensors file named by a model file through QFile, so model
// files embedded as Qt resources (":/models/...") load like files on disk.
#include <QString>

#include "paratrace/io/safetensors.h"

namespace paratrace::model {

// SafetensorsError (naming `path`) for a file that cannot be read or parsed.
io::SafetensorsContents read_safetensors(const QString& path);

}  // namespace paratrace::model
