#pragma once
// What Save writes for the open model, and writing it. A model file is saved
// as a model file (JSON + safetensors, app/model/model_saver.h); a
// traced-module file, or a traced model built in memory, as a traced-module
// file; IR text as IR text. Every file is written atomically.
#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

#include "loaded_model.h"

namespace paratrace::inspector {

enum class SaveFormat { None, ModelFile, TracedModule, IrText };

struct DocumentSaver {
  Q_DECLARE_TR_FUNCTIONS(DocumentSaver)

 public:
  // `edited`: whether edits made since the file was opened are in effect.
  // An edited module without example inputs cannot be traced again, so its
  // old graph no longer describes it: such a traced-module file is None.
  static SaveFormat format(const LoadedModel& model, bool edited);
  // Why format() is None, for the Save actions' tooltips; empty otherwise.
  static QString whyNot(const LoadedModel& model, bool edited);
  // Whether Save writes back to model.path: a file on disk, not a Qt
  // resource (a bundled example) nor a model built in memory.
  static bool savesInPlace(const LoadedModel& model);
  // The Save As dialog's filter, and `path` with the format's suffix added
  // when it has none of its own.
  static QString fileFilter(SaveFormat format);
  static QString withSuffix(const QString& path, SaveFormat format);
  // A file name to start the Save As dialog with.
  static QString suggestedPath(const LoadedModel& model, SaveFormat format);
  // Writes `model` to `path`; for a model file returns the document written
  // (example-input files named from the new place). Throws std::exception
  // whose message names the file and the reason; nothing is replaced then.
  static QJsonObject write(const LoadedModel& model, SaveFormat format, const QString& path);
};

}  // namespace paratrace::inspector
