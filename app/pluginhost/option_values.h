#pragma once
// Option values (from a GUI form or a model file) checked against a
// parametrization's options schema.
#include <QList>
#include <QVariantMap>

#include "paratrace/plugin/parametrization_plugin.h"

namespace paratrace::pluginhost {

// Every key of `values` must be an option of `schema` (a typo must not fall
// back to the default silently), every value must convert to its option's
// type and lie within its range or choices; options not given take their
// default. Text is parsed ("3", "0.5", "true"), as model files may store any
// value as a string. An option whose default is null may be left out or
// given as null, and then stays null. Returns every option, typed as
// OptionSpec documents;
// throws plugin::OptionError naming the first bad option.
QVariantMap resolve_options(const QList<plugin::OptionSpec>& schema, const QVariantMap& values);

}  // namespace paratrace::pluginhost
