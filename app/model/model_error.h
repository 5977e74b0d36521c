#pragma once
// Errors of model files (docs/model-format.md). Each names the file, the
// JSON path of the offending value ("$.module.children.0.in_features", "$"
// for the file as a whole) and the reason, so a user can go straight to it.
#include <QString>

#include "paratrace/errors.h"

namespace paratrace::model {

class ModelFileError : public ValueError {
 public:
  ModelFileError(QString file, QString json_path, QString reason);
  const char* python_type() const noexcept override { return "ModelFileError"; }
  const QString& file() const { return file_; }
  const QString& json_path() const { return json_path_; }
  const QString& reason() const { return reason_; }

 private:
  QString file_, json_path_, reason_;
};

// The file (or a file it names) cannot be read, or is not valid JSON.
class ModelFileReadError : public ModelFileError {
 public:
  using ModelFileError::ModelFileError;
  const char* python_type() const noexcept override { return "ModelFileReadError"; }
};

// A value has the wrong type, is out of range, is unknown or is missing.
class ModelFileSchemaError : public ModelFileError {
 public:
  using ModelFileError::ModelFileError;
  const char* python_type() const noexcept override { return "ModelFileSchemaError"; }
};

// The weights do not fit the module tree (missing or unexpected keys, shapes).
class ModelFileWeightsError : public ModelFileError {
 public:
  using ModelFileError::ModelFileError;
  const char* python_type() const noexcept override { return "ModelFileWeightsError"; }
};

// A parametrization cannot be built or registered: no plugin provides the
// type, an option is invalid, or the tensor does not suit it.
class ModelFilePluginError : public ModelFileError {
 public:
  using ModelFileError::ModelFileError;
  const char* python_type() const noexcept override { return "ModelFilePluginError"; }
};

}  // namespace paratrace::model
