#pragma once
// The Parametrization chain dock: for the selected tensor, one card per
// stage (originals → steps → effective tensor) with its shape, heat map,
// statistics and the property its step promises, measured live.
#include <QScrollArea>
#include <vector>

#include "chain_stages.h"

class QLabel;
class QVBoxLayout;

namespace paratrace::inspector {

class ChainView : public QScrollArea {
  Q_OBJECT

 public:
  explicit ChainView(QWidget* parent = nullptr);

  // Shows the chain of `module`.`tensor_name` (null module: nothing).
  void setTensor(nn::Module* module, const std::string& tensor_name);
  void clear();
  const std::vector<ChainStage>& stages() const { return stages_; }
  // The cards, in stage order (for tests and screenshots).
  QList<QWidget*> cards() const { return cards_; }

 protected:
  void changeEvent(QEvent* event) override;

 private:
  QWidget* makeCard(const ChainStage& stage);
  void rebuild();

  nn::Module* module_ = nullptr;
  std::string tensorName_;
  std::vector<ChainStage> stages_;
  QString error_;
  QWidget* content_;
  QVBoxLayout* layout_;
  QList<QWidget*> cards_;
};

}  // namespace paratrace::inspector
