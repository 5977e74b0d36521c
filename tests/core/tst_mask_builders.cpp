// nn::sparsity mask builders: exact masks on small hand-checked tensors
// (rounding, ties, edge blocks, errors), the masks of PyTorch 1.13's
// WeightNormSparsifier (tests/fixtures/sparsity/masks.safetensors), and
// FakeSparsity computing its mask from the weight it is registered on.
#include <nlohmann/json.hpp>

#include "paratrace/io/safetensors.h"
#include "paratrace/nn/linear.h"
#include "paratrace/nn/parametrizations/fake_sparsity.h"
#include "paratrace/nn/parametrize.h"
#include "paratrace/nn/sparsity/mask_builders.h"
#include "paratrace/optim/sgd.h"
#include "paratrace/tensor/generator.h"
#include "test_util.h"

using namespace paratrace;
using namespace paratrace::nn::sparsity;

class TestMaskBuilders : public QObject {
  Q_OBJECT

 private slots:
  void init() { manual_seed(0); }

  void unstructuredZeroesTheSmallestMagnitudes() {
    QVERIFY(equal(unstructured_mask(tensor({{1.0, -4.0}, {3.0, -2.0}}), 0.5), tensor({{0.0, 1.0}, {1.0, 0.0}})));
    // round(2.5) = 2 and round(3.5) = 4: Python's rounding, half to even.
    const Tensor five = tensor({5.0, 1.0, 4.0, 2.0, 3.0});
    QVERIFY(equal(unstructured_mask(five, 0.5), tensor({1.0, 0.0, 1.0, 0.0, 1.0})));
    QVERIFY(equal(unstructured_mask(five, 0.7), tensor({1.0, 0.0, 0.0, 0.0, 0.0})));
    // Below a level of 1, one entry always survives.
    QVERIFY(equal(unstructured_mask(five, 0.99), tensor({1.0, 0.0, 0.0, 0.0, 0.0})));
    QVERIFY(equal(unstructured_mask(five, 1.0), zeros({5})));
    QVERIFY(equal(unstructured_mask(five, 0.0), ones({5})));
    // Ties: the earlier entry goes first.
    QVERIFY(equal(unstructured_mask(tensor({2.0, 2.0, 2.0, 2.0}), 0.5), tensor({0.0, 0.0, 1.0, 1.0})));
  }

  void masksKeepShapeAndDtype() {
    const Tensor w = randn({2, 3, 4}, ScalarType::Float64);
    for (const Tensor& mask : {unstructured_mask(w, 0.5), nm_mask(w, 2, 4), block_mask(w, 1, 4, 0.5)}) {
      QCOMPARE(mask.sizes(), w.sizes());
      QVERIFY(mask.dtype() == ScalarType::Float64);
      QVERIFY(!mask.requires_grad());
    }
  }

  void nmKeepsNOfEveryMAlongTheLastDimension() {
    const Tensor w = tensor({{1.0, -5.0, 3.0, 2.0, 0.5, 4.0, -6.0, 1.0}});
    QVERIFY(equal(nm_mask(w, 2, 4), tensor({{0.0, 1.0, 1.0, 0.0, 0.0, 1.0, 1.0, 0.0}})));
    QVERIFY(equal(nm_mask(w, 1, 4), tensor({{0.0, 1.0, 0.0, 0.0, 0.0, 0.0, 1.0, 0.0}})));
    QVERIFY(equal(nm_mask(w, 4, 4), ones({1, 8})));
    // Every row and group on its own: 2 of 4 kept everywhere.
    const Tensor mask = nm_mask(randn({6, 3, 8}), 2, 4);
    QVERIFY(equal(mask.reshape({-1, 4}).sum({1}), full({36}, 2.0)));
  }

  void nmErrors() {
    QString why;
    QVERIFY2(test::throws_with<ValueError>([] { nm_mask(ones({3, 6}), 2, 4); },
                                           "N:M sparsity needs the last dimension to be divisible by m=4, got shape "
                                           "torch.Size([3, 6])",
                                           &why),
             qPrintable(why));
    QVERIFY2(test::throws_with<ValueError>([] { nm_mask(ones({3, 8}), 5, 4); }, "so 0 <= n <= m; got n=5, m=4", &why),
             qPrintable(why));
    QVERIFY2(test::throws_with<ValueError>([] { nm_mask(ones({3, 8}), 1, 0); }, "N:M sparsity needs m >= 1, got m=0", &why),
             qPrintable(why));
  }

  // Blocks are ranked by their mean square, over the entries an edge block
  // has: the 1x1 corner (1.44) outranks the full top-left block (mean 1,
  // though its sum, 4, is larger).
  void blockZeroesWholeBlocksByMeanSquare() {
    const Tensor w = tensor({{1.0, 1.0, 9.0}, {1.0, -1.0, 9.0}, {2.0, 2.0, 1.2}});
    QVERIFY(equal(block_mask(w, 2, 2, 0.25), tensor({{0.0, 0.0, 1.0}, {0.0, 0.0, 1.0}, {1.0, 1.0, 1.0}})));
    QVERIFY(equal(block_mask(w, 2, 2, 0.5), tensor({{0.0, 0.0, 1.0}, {0.0, 0.0, 1.0}, {1.0, 1.0, 0.0}})));
    QVERIFY(equal(block_mask(w, 2, 2, 1.0), zeros({3, 3})));
    // 1x4 blocks along rows.
    const Tensor rows = tensor({{1.0, 1.0, 1.0, 1.0, 5.0, 5.0, 5.0, 5.0}, {3.0, 3.0, 3.0, 3.0, 0.1, 0.1, 0.1, 0.1}});
    QVERIFY(equal(block_mask(rows, 1, 4, 0.5),
                  tensor({{0.0, 0.0, 0.0, 0.0, 1.0, 1.0, 1.0, 1.0}, {1.0, 1.0, 1.0, 1.0, 0.0, 0.0, 0.0, 0.0}})));
  }

  void blockSeesAConvWeightAsAMatrix() {
    // (2, 1, 2, 2) is a 2 x 4 matrix: two 1x4 blocks, one per output channel.
    const Tensor w = cat({full({1, 1, 2, 2}, 0.5), full({1, 1, 2, 2}, 2.0)}, 0);
    QVERIFY(equal(block_mask(w, 1, 4, 0.5), cat({zeros({1, 1, 2, 2}), ones({1, 1, 2, 2})}, 0)));
  }

  void blockErrors() {
    QString why;
    QVERIFY2(test::throws_with<ValueError>([] { block_mask(ones({8}), 1, 4, 0.5); },
                                           "block sparsity needs a matrix (or a tensor seen as one), got shape "
                                           "torch.Size([8])",
                                           &why),
             qPrintable(why));
    QVERIFY2(test::throws_with<ValueError>([] { block_mask(ones({4, 4}), 0, 4, 0.5); },
                                           "block sparsity needs blocks of at least 1x1, got 0x4", &why),
             qPrintable(why));
    QVERIFY2(test::throws_with<ValueError>([] { unstructured_mask(ones({4}), 1.5); },
                                           "sparsity_level must be in [0, 1], got 1.5", &why),
             qPrintable(why));
  }

  // The masks torch.ao.sparsity's WeightNormSparsifier computes.
  void matchesWeightNormSparsifier_data() {
    QTest::addColumn<QString>("name");
    const auto contents = io::load_safetensors(PARATRACE_TEST_DATA_DIR "/sparsity/masks.safetensors");
    for (const auto& c : nlohmann::json::parse(contents.metadata.at("cases"))) {
      const auto name = c.at("name").get<std::string>();
      QTest::newRow(name.c_str()) << QString::fromStdString(name);
    }
  }
  void matchesWeightNormSparsifier() {
    QFETCH(QString, name);
    const auto contents = io::load_safetensors(PARATRACE_TEST_DATA_DIR "/sparsity/masks.safetensors");
    nlohmann::json c;
    for (const auto& each : nlohmann::json::parse(contents.metadata.at("cases")))
      if (each.at("name") == name.toStdString()) c = each;
    const std::string key = name.toStdString();
    Tensor weight, expected;
    for (const auto& [tensor_name, value] : contents.tensors) {
      if (tensor_name == key + ".weight") weight = value;
      if (tensor_name == key + ".mask") expected = value;
    }
    QVERIFY(weight.defined() && expected.defined());
    Tensor mask;
    const std::string kind = c.at("kind");
    if (kind == "unstructured") mask = unstructured_mask(weight, c.at("sparsity_level"));
    else if (kind == "nm") mask = nm_mask(weight, c.at("n"), c.at("m"));
    else mask = block_mask(weight, c.at("block")[0], c.at("block")[1], c.at("sparsity_level"));
    QVERIFY2(equal(mask, expected), qPrintable(QString::fromStdString(mask.to_string() + "\nvs PyTorch's\n" +
                                                                      expected.to_string())));
  }

  // Built from a builder, FakeSparsity computes the mask at registration,
  // keeps it through training and leaves it out of the state_dict.
  void fakeSparsityBuildsItsMaskAtRegistration() {
    nn::Linear layer(8, 4);
    const Tensor weight = layer.attr("weight").detach().clone();
    auto sparsity = std::make_shared<nn::FakeSparsity>([](const Tensor& w) { return nm_mask(w, 2, 4); });
    QVERIFY(!sparsity->is_prepared());
    nn::parametrize::register_parametrization(layer, "weight", sparsity);
    QVERIFY(sparsity->is_prepared());
    const Tensor mask = layer.get_buffer("parametrizations.weight.0.mask");
    QVERIFY(equal(mask, nm_mask(weight, 2, 4)));
    QVERIFY(equal(layer.attr("weight"), weight * mask));
    optim::SGD sgd(layer.parameters(), {.lr = 0.5});
    const Tensor x = randn({16, 8}), target = randn({16, 4});
    for (int i = 0; i < 3; ++i) {
      sgd.zero_grad();
      mse_loss(layer(x), target).backward();
      sgd.step();
    }
    QVERIFY(equal(layer.attr("weight") * (1.0 - mask), zeros({4, 8})));
    QVERIFY(!layer.state_dict().contains("parametrizations.weight.0.mask"));
  }

  void fakeSparsityRejectsAMaskOfAnotherShape() {
    nn::Linear layer(8, 4);
    QString why;
    QVERIFY2(test::throws_with<ValueError>(
                 [&] {
                   nn::parametrize::register_parametrization(
                       layer, "weight", std::make_shared<nn::FakeSparsity>([](const Tensor&) { return ones({2}); }));
                 },
                 "FakeSparsity: the mask builder returned a mask of shape torch.Size([2]) for a weight of shape "
                 "torch.Size([4, 8])",
                 &why),
             qPrintable(why));
    QVERIFY(!nn::parametrize::is_parametrized(layer));
  }
};

QTEST_GUILESS_MAIN(TestMaskBuilders)
#include "tst_mask_builders.moc"
