#pragma once
// QJsonObject keeps its keys sorted, but a model file's module children run
// in the order the file lists them. This recovers the document order of
// every object's keys from the (already validated) JSON text.
#include <QByteArray>
#include <QHash>
#include <QString>
#include <QStringList>

namespace paratrace::model {

// JSON path of an object ("$", "$.module", "$.a[2]", as JsonNode names
// them) -> its keys in document order.
using KeyOrder = QHash<QString, QStringList>;

// `text` must be valid JSON (QJsonDocument accepted it).
KeyOrder scan_key_order(const QByteArray& text);

// "$.a.key", or "$.a[\"odd key\"]" for keys that are not plain identifiers.
QString member_path(const QString& parent, const QString& key);

}  // namespace paratrace::model
