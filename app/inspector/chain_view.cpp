#include "chain_view.h"

#include <QEvent>
#include <QGroupBox>
#include <QLabel>
#include <QVBoxLayout>

#include "heat_map_widget.h"
#include "shape_text.h"

namespace paratrace::inspector {

namespace {

QString number(double v) { return QString::number(v, 'g', 4); }

QLabel* smallLabel(const QString& text, QWidget* parent) {
  auto* label = new QLabel(text, parent);
  label->setWordWrap(true);
  label->setTextInteractionFlags(Qt::TextSelectableByMouse);
  return label;
}

}  // namespace

ChainView::ChainView(QWidget* parent) : QScrollArea(parent), content_(new QWidget), layout_(new QVBoxLayout(content_)) {
  setWidgetResizable(true);
  layout_->addStretch(1);
  setWidget(content_);
  rebuild();
}

void ChainView::setTensor(nn::Module* module, const std::string& tensor_name) {
  module_ = module;
  tensorName_ = tensor_name;
  stages_.clear();
  error_.clear();
  if (module_) {
    try {
      stages_ = ChainStages::build(*module_, tensor_name);
    } catch (const std::exception& e) {
      error_ = QString::fromStdString(e.what());
    }
  }
  rebuild();
}

void ChainView::clear() { setTensor(nullptr, {}); }

QWidget* ChainView::makeCard(const ChainStage& stage) {
  QString title = stage.title;
  if (stage.kind == ChainStage::Kind::Original) title = tr("Original: %1").arg(stage.title);
  if (stage.effective && stage.kind == ChainStage::Kind::Step)
    title = tr("%1 → effective %2").arg(stage.title, QString::fromStdString(tensorName_));
  auto* card = new QGroupBox(title, content_);
  auto* layout = new QVBoxLayout(card);
  layout->addWidget(smallLabel(
      tr("shape %1 · %2 · %3 elements")
          .arg(shapeText(stage.values.defined() ? stage.values.sizes() : paratrace::Shape{}),
               stage.values.defined() ? dtypeText(stage.values.dtype()) : QString(), QString::number(stage.stats.numel)),
      card));
  if (!stage.details.isEmpty()) layout->addWidget(smallLabel(stage.details, card));
  if (!stage.ownTensors.isEmpty())
    layout->addWidget(smallLabel(tr("own tensors: %1").arg(stage.ownTensors.join(QStringLiteral("; "))), card));
  auto* heat = new HeatMapWidget(card);
  heat->setTensor(stage.values);
  layout->addWidget(heat);
  const TensorStats& s = stage.stats;
  layout->addWidget(smallLabel(tr("min %1 · max %2 · mean %3 · norm %4 · sparsity %5%")
                                   .arg(number(s.min), number(s.max), number(s.mean), number(s.norm),
                                        QString::number(s.sparsity, 'f', 1)),
                               card));
  if (stage.property) {
    const PropertyMeasure& p = *stage.property;
    QString text = QStringLiteral("%1 = %2").arg(p.name, number(p.value));
    if (p.holds) text += *p.holds ? tr("  ✓ holds") : tr("  ✗ does not hold");
    auto* label = smallLabel(text, card);
    label->setObjectName(QStringLiteral("propertyLabel"));
    if (p.holds) label->setStyleSheet(*p.holds ? QStringLiteral("color: #1e7e34; font-weight: bold;")
                                               : QStringLiteral("color: #c0392b; font-weight: bold;"));
    layout->addWidget(label);
  }
  return card;
}

void ChainView::rebuild() {
  cards_.clear();
  while (QLayoutItem* item = layout_->takeAt(0)) {
    delete item->widget();
    delete item;
  }
  if (!error_.isEmpty()) {
    cards_ << smallLabel(tr("The chain could not be evaluated: %1").arg(error_), content_);
  } else if (stages_.empty()) {
    cards_ << smallLabel(tr("Select a parameter, buffer or parametrized tensor in the Modules dock."), content_);
  } else {
    for (std::size_t i = 0; i < stages_.size(); ++i) {
      if (i > 0) {
        auto* arrow = new QLabel(QStringLiteral("↓"), content_);
        arrow->setAlignment(Qt::AlignCenter);
        layout_->addWidget(arrow);
      }
      cards_ << makeCard(stages_[i]);
      layout_->addWidget(cards_.back());
    }
    layout_->addStretch(1);
    return;
  }
  layout_->addWidget(cards_.back());
  layout_->addStretch(1);
}

void ChainView::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) rebuild();
  QScrollArea::changeEvent(event);
}

}  // namespace paratrace::inspector
