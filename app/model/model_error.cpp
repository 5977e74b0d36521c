#include "model_error.h"

#include <utility>

namespace paratrace::model {

ModelFileError::ModelFileError(QString file, QString json_path, QString reason)
    : ValueError(QStringLiteral("%1: %2: %3").arg(file, json_path, reason).toStdString()),
      file_(std::move(file)),
      json_path_(std::move(json_path)),
      reason_(std::move(reason)) {}

}  // namespace paratrace::model
