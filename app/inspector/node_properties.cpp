#include "node_properties.h"

#include <sstream>
#include <variant>

#include "graphview/node_labels.h"
#include "paratrace/jit/ir.h"

namespace paratrace::inspector {

namespace {

QString valueText(const jit::Value* v) {
  QString text = QLatin1Char('%') + QString::fromStdString(v->debug_name());
  if (v->type()) text += QStringLiteral(" : ") + QString::fromStdString(v->type()->str());
  return text;
}

QString attributeText(const jit::AttributeValue& value) {
  std::ostringstream out;
  std::visit(
      [&out](const auto& v) {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, Tensor>) {
          out << "Tensor";
        } else if constexpr (std::is_arithmetic_v<T> || std::is_same_v<T, std::string>) {
          out << v;
        } else {
          out << '[';
          for (std::size_t i = 0; i < v.size(); ++i) out << (i ? ", " : "") << v[i];
          out << ']';
        }
      },
      value);
  return QString::fromStdString(out.str());
}

QString roleName(PictureRole role) {
  switch (role) {
    case PictureRole::Op: return NodeProperties::tr("operation");
    case PictureRole::Input: return NodeProperties::tr("graph input");
    case PictureRole::Parameter: return NodeProperties::tr("parameter or buffer");
    case PictureRole::Output: return NodeProperties::tr("graph output");
    case PictureRole::Constant: return NodeProperties::tr("constant");
    case PictureRole::Pack: return NodeProperties::tr("list or tuple");
    case PictureRole::Module: return NodeProperties::tr("collapsed module");
  }
  return {};
}

// Input `index` of `ir`, with a constant's value, named when it is an
// enum code: "%5 : int = torch.float32".
QString inputText(const jit::Node& ir, std::size_t index) {
  const jit::Value* v = ir.inputs()[index];
  QString text = valueText(v);
  if (v->node()->kind() != "prim::Constant") return text;
  const std::string named = graphview::enum_argument_text(ir, index);
  return text + QStringLiteral(" = ") + QString::fromStdString(named.empty() ? graphview::constant_text(*v->node()) : named);
}

}  // namespace

QList<PropertySection> NodeProperties::forNode(const PictureNode& node) {
  QList<PropertySection> sections;
  PropertySection head{tr("Node"), {{tr("Title"), node.label.value(0)}, {tr("Role"), roleName(node.role)}}};
  if (!node.kind.isEmpty()) head.rows.append({tr("Kind"), node.kind});
  if (node.value) head.rows.append({tr("Value"), valueText(node.value)});
  if (node.role == PictureRole::Module) head.rows.append({tr("Operations"), QString::number(node.irNodes.size())});
  const jit::Node* ir = node.irNodes.empty() ? nullptr : node.irNodes.front();
  if (ir && !ir->scope().empty()) head.rows.append({tr("Scope"), QString::fromStdString(ir->scope())});
  sections.append(head);
  if (!ir || node.role == PictureRole::Module) return sections;
  PropertySection inputs{tr("Inputs"), {}};
  for (std::size_t i = 0; i < ir->inputs().size(); ++i)
    inputs.rows.append({QString::fromStdString(graphview::argument_name(*ir, i)), inputText(*ir, i)});
  PropertySection outputs{tr("Outputs"), {}};
  for (std::size_t i = 0; i < ir->outputs().size(); ++i)
    outputs.rows.append({QString::number(i), valueText(ir->outputs()[i])});
  PropertySection attributes{tr("Attributes"), {}};
  for (const auto& [name, value] : ir->attributes())
    attributes.rows.append({QString::fromStdString(name), attributeText(value)});
  for (const PropertySection& s : {inputs, outputs, attributes})
    if (!s.rows.isEmpty()) sections.append(s);
  return sections;
}

}  // namespace paratrace::inspector
