#include "safetensors_file.h"

#include <QFile>

namespace paratrace::model {

io::SafetensorsContents read_safetensors(const QString& path) {
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly))
    throw io::SafetensorsError(path.toStdString() + ": cannot open the file: " + file.errorString().toStdString());
  // A resource is already in memory; a file on disk is mapped read-only.
  const qint64 size = file.size();
  if (const uchar* mapped = size > 0 ? file.map(0, size) : nullptr)
    return io::parse_safetensors(mapped, static_cast<std::size_t>(size), path.toStdString());
  const QByteArray bytes = file.readAll();
  return io::parse_safetensors(bytes.constData(), static_cast<std::size_t>(bytes.size()), path.toStdString());
}

}  // namespace paratrace::model
