#include "selection_properties.h"

#include <QStringList>

#include "paratrace/nn/parametrize.h"
#include "paratrace/nn/parametrize_inspect.h"
#include "shape_text.h"

namespace paratrace::inspector {

namespace {
QString yesNo(bool v) { return v ? SelectionProperties::tr("yes") : SelectionProperties::tr("no"); }
}  // namespace

QList<PropertySection> SelectionProperties::forItem(const TreeItemRef& item) {
  const QString path = QString::fromStdString(item.path);
  if (item.kind == TreeItemKind::Module) {
    return {{tr("Module"),
             {{tr("Path"), path.isEmpty() ? tr("(root)") : path},
              {tr("Type"), QString::fromStdString(item.module->type_name())},
              {tr("Parameters"), QString::number(item.module->named_parameters().size())},
              {tr("Training"), yesNo(item.module->is_training())},
              {tr("Repr"), QString::fromStdString(item.module->repr())}}}};
  }
  namespace pz = nn::parametrize;
  QList<PropertySection> sections;
  if (item.kind == TreeItemKind::Parametrized) {
    const pz::ParametrizationInfo info = pz::describe(*item.module, item.name);
    QStringList steps, originals;
    for (const auto& step : info.steps) steps << QString::fromStdString(step.repr);
    for (const auto& original : info.originals)
      originals << QStringLiteral("%1 %2").arg(QString::fromStdString(original.name), shapeText(original.shape));
    const auto& last = info.steps.back();
    sections.append({tr("Parametrized tensor"),
                     {{tr("Path"), path},
                      {tr("Shape"), shapeText(last.output_shape)},
                      {tr("DType"), dtypeText(last.output_dtype)},
                      {tr("Chain"), steps.join(QStringLiteral(" → "))},
                      {tr("Originals"), originals.join(QStringLiteral(", "))},
                      {tr("Unsafe"), yesNo(info.unsafe)},
                      {tr("Nested"), yesNo(info.nested)}}});
    return sections;
  }
  const Tensor t = item.kind == TreeItemKind::Parameter ? item.module->param(item.name) : item.module->buffer(item.name);
  PropertySection section{item.kind == TreeItemKind::Parameter ? tr("Parameter") : tr("Buffer"), {{tr("Path"), path}}};
  if (t.defined()) {
    section.rows.append({tr("Shape"), shapeText(t.sizes())});
    section.rows.append({tr("DType"), dtypeText(t.dtype())});
    section.rows.append({tr("Elements"), QString::number(t.numel())});
    section.rows.append({tr("Requires grad"), yesNo(t.requires_grad())});
  } else {
    section.rows.append({tr("Value"), tr("None")});
  }
  if (item.kind == TreeItemKind::Buffer)
    section.rows.append({tr("Persistent"), yesNo(item.module->is_persistent_buffer(item.name))});
  sections.append(section);
  return sections;
}

}  // namespace paratrace::inspector
