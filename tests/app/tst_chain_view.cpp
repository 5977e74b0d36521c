// The parametrization chain: stages read through core's introspection API,
// statistics, the measured properties, the heat map and the dock widget.
#include <QtTest>

#include "chain_stages.h"
#include "chain_view.h"
#include "demo_model.h"
#include "heat_map_widget.h"
#include "main_window.h"
#include "model_document.h"
#include "modules_panel.h"
#include "tensor_stats.h"

using namespace paratrace;
using namespace paratrace::inspector;

class TstChainView : public QObject {
  Q_OBJECT

 private slots:
  void skewThenCayleyGivesOriginalAndTwoSteps() {
    LoadedModel demo = testing::demoModel();
    nn::Module& linear = *demo.module->child("0");
    const auto stages = ChainStages::build(linear, "weight");
    QCOMPARE(stages.size(), std::size_t(3));
    QCOMPARE(stages[0].kind, ChainStage::Kind::Original);
    QCOMPARE(stages[0].title, QStringLiteral("original"));
    QCOMPARE(stages[1].title, QStringLiteral("1 · Skew"));
    QCOMPARE(stages[2].title, QStringLiteral("2 · Cayley"));
    QVERIFY(stages[2].effective);
    QVERIFY(!stages[1].effective);
    // The last stage is what module.weight returns.
    const Tensor effective = linear.attr("weight");
    QVERIFY(stages[2].values.allclose(effective));
    QCOMPARE(stages[2].stats.numel, 64);
  }

  void measuresWhatEachStepPromises() {
    LoadedModel demo = testing::demoModel();
    const auto chain = ChainStages::build(*demo.module->child("0"), "weight");
    QVERIFY(!chain[0].property);
    QCOMPARE(chain[1].property->name, QStringLiteral("‖X + Xᵀ‖"));
    QVERIFY(*chain[1].property->holds);
    QVERIFY(chain[1].property->value < 1e-6);
    QCOMPARE(chain[2].property->name, QStringLiteral("‖XᵀX − I‖"));
    QVERIFY(*chain[2].property->holds);
    // The original is not skew-symmetric: the same measure fails on it.
    nn::parametrizations::Skew skew;
    const auto onOriginal = PropertyMeasures::measure(skew, chain[0].values);
    QVERIFY(onOriginal && !*onOriginal->holds);
    QVERIFY(onOriginal->value > 0.1);

    const auto sparse = ChainStages::build(*demo.module->child("2"), "weight");
    QCOMPARE(sparse.size(), std::size_t(2));
    QVERIFY(sparse[1].ownTensors.join(QString()).contains(QStringLiteral("mask [4, 8]")));
    QCOMPARE(sparse[1].property->value, 0.0);
    QVERIFY(*sparse[1].property->holds);
    const Tensor mask = demo.module->child("2")->get_buffer("parametrizations.weight.0.mask");
    const double zeros = 100.0 * (32 - mask.sum().item<double>()) / 32;
    QVERIFY(std::abs(sparse[1].stats.sparsity - zeros) < 1e-9);
  }

  void spectralNormReportsSigmaMax() {
    manual_seed(1);
    nn::Linear linear(6, 4);
    nn::parametrizations::spectral_norm(linear);
    const auto stages = ChainStages::build(linear, "weight");
    const PropertyMeasure sigma = *stages.back().property;
    QCOMPARE(sigma.name, QStringLiteral("σ_max"));
    QVERIFY(!sigma.holds);
    QVERIFY(std::abs(sigma.value - 1.0) < 0.05);
    const double exact = linalg_svdvals(stages.back().values).max().item<double>();
    QVERIFY(std::abs(sigma.value - exact) < 1e-5);
  }

  void statisticsOfAKnownTensor() {
    const Tensor t = tensor({0.0, -2.0, 0.0, 4.0}).reshape({2, 2});
    const TensorStats s = computeStats(t);
    QCOMPARE(s.min, -2.0);
    QCOMPARE(s.max, 4.0);
    QCOMPARE(s.mean, 0.5);
    QVERIFY(std::abs(s.norm - std::sqrt(20.0)) < 1e-12);
    QCOMPARE(s.sparsity, 50.0);
  }

  void plainTensorIsOneStage() {
    LoadedModel demo = testing::demoModel();
    const auto stages = ChainStages::build(*demo.module->child("0"), "bias");
    QCOMPARE(stages.size(), std::size_t(1));
    QCOMPARE(stages[0].kind, ChainStage::Kind::Plain);
  }

  void heatMapColoursAndTooltip() {
    QCOMPARE(HeatMapWidget::colourFor(0.0, 2.0), QColor(0xf7, 0xf7, 0xf7));
    QCOMPARE(HeatMapWidget::colourFor(2.0, 2.0), QColor(0xd7, 0x19, 0x1c));
    QCOMPARE(HeatMapWidget::colourFor(-2.0, 2.0), QColor(0x2c, 0x7b, 0xb6));
    HeatMapWidget heat;
    heat.setTensor(arange(6.0).reshape({2, 3}));
    heat.resize(300, heat.heightForWidth(300));
    // Cells are 18 px (the cap): row 1, column 2 holds 5.
    QCOMPARE(heat.toolTipAt(QPoint(18 * 2 + 5, 18 + 5)), QStringLiteral("[1, 2] = 5"));
    QCOMPARE(heat.toolTipAt(QPoint(5, 5)), QStringLiteral("[0, 0] = 0"));
    QVERIFY(heat.toolTipAt(QPoint(299, 5)).isEmpty());
  }

  void windowShowsTheChainOfTheSelectedTensor() {
    MainWindow window;
    window.setModel(testing::demoModel());
    // Opening a model selects its first parametrized tensor.
    QCOMPARE(window.chainView()->stages().size(), std::size_t(3));
    QCOMPARE(window.chainView()->cards().size(), 3);
    QVERIFY(window.modulesPanel()->selectPath(QStringLiteral("2.weight")));
    QCOMPARE(window.chainView()->stages().size(), std::size_t(2));
    QVERIFY(window.modulesPanel()->selectPath(QStringLiteral("0")));
    QVERIFY(window.chainView()->stages().empty());
  }
};

QTEST_MAIN(TstChainView)
#include "tst_chain_view.moc"
