// The basic layers (Identity, Linear, Bilinear, activations, Dropout, Flatten,
// Conv2d, MaxPool2d, AvgPool2d, Embedding): reprs, parameter names, shapes
// and order, initialisation ranges and errors as torch.nn 1.13 has them;
// Dropout's train/eval behaviour; forward reading tensors by name (what
// parametrize and clone rely on); clone and state_dict round trips; and
// conformance with PyTorch through tests/fixtures/layers/ (written by
// tests/fixtures/generate_layer_fixtures_basic.py).
#include <cmath>
#include <functional>

#include "layer_fixture.h"
#include "paratrace/nn/activation.h"
#include "paratrace/nn/containers.h"
#include "paratrace/nn/conv.h"
#include "paratrace/nn/dropout.h"
#include "paratrace/nn/flatten.h"
#include "paratrace/nn/linear.h"
#include "paratrace/nn/pooling.h"
#include "paratrace/nn/sparse.h"
#include "paratrace/tensor/generator.h"
#include "test_util.h"

using namespace paratrace;
using namespace paratrace::nn;

namespace {

using Factory = std::function<ModulePtr()>;
using CaseTable = std::vector<std::pair<std::string, Factory>>;

template <typename M, typename... Args> Factory make(Args... args) {
  return [=] { return ModulePtr(std::make_shared<M>(args...)); };
}

std::vector<std::string> keys_of(const NamedTensorList& list) {
  std::vector<std::string> keys;
  for (const auto& [name, t] : list) keys.push_back(name);
  return keys;
}

double max_abs(const Tensor& t) { return t.abs().max().item<double>(); }

// The layer's weight scaled by two, computed on every access: a stand-in for
// a parametrization, which replaces `weight` by such a property.
class DoubledWeight : public TensorProperty {
 public:
  Tensor get(Module& owner, const std::string& name) const override { return owner.param(name) * 2.0; }
  void set(Module&, const std::string&, const Tensor&) const override {}
};

}  // namespace

class TestNnLayers : public QObject {
  Q_OBJECT
 private slots:
  void init() { manual_seed(7); }

  void reprsMatchPyTorch() {
    // Expected strings printed by torch 1.13 for the same constructor calls.
    const std::vector<std::pair<ModulePtr, std::string>> cases{
        {std::make_shared<Identity>(), "Identity()"},
        {std::make_shared<Linear>(3, 4), "Linear(in_features=3, out_features=4, bias=True)"},
        {std::make_shared<Linear>(3, 4, false), "Linear(in_features=3, out_features=4, bias=False)"},
        {std::make_shared<Bilinear>(2, 3, 4), "Bilinear(in1_features=2, in2_features=3, out_features=4, bias=True)"},
        {std::make_shared<ReLU>(), "ReLU()"},
        {std::make_shared<LeakyReLU>(), "LeakyReLU(negative_slope=0.01)"},
        {std::make_shared<LeakyReLU>(0.2), "LeakyReLU(negative_slope=0.2)"},
        {std::make_shared<LeakyReLU>(1e-5), "LeakyReLU(negative_slope=1e-05)"},
        // Floats print as Python's repr does: shortest round trip, fixed or scientific by exponent.
        {std::make_shared<LeakyReLU>(100.0), "LeakyReLU(negative_slope=100.0)"},
        {std::make_shared<LeakyReLU>(0.0001), "LeakyReLU(negative_slope=0.0001)"},
        {std::make_shared<LeakyReLU>(1e16), "LeakyReLU(negative_slope=1e+16)"},
        {std::make_shared<LeakyReLU>(0.1 + 0.2), "LeakyReLU(negative_slope=0.30000000000000004)"},
        {std::make_shared<LeakyReLU>(0.0), "LeakyReLU(negative_slope=0.0)"},
        {std::make_shared<LeakyReLU>(123456.789), "LeakyReLU(negative_slope=123456.789)"},
        {std::make_shared<LeakyReLU>(2.5e-7), "LeakyReLU(negative_slope=2.5e-07)"},
        {std::make_shared<Hardtanh>(), "Hardtanh(min_val=-1.0, max_val=1.0)"},
        {std::make_shared<Hardtanh>(-0.5, 2.25), "Hardtanh(min_val=-0.5, max_val=2.25)"},
        {std::make_shared<ReLU6>(), "ReLU6()"},
        {std::make_shared<GELU>(), "GELU(approximate='none')"},
        {std::make_shared<GELU>("tanh"), "GELU(approximate='tanh')"},
        {std::make_shared<Sigmoid>(), "Sigmoid()"},
        {std::make_shared<Tanh>(), "Tanh()"},
        {std::make_shared<Softmax>(1), "Softmax(dim=1)"},
        {std::make_shared<Softmax>(-1), "Softmax(dim=-1)"},
        {std::make_shared<Dropout>(), "Dropout(p=0.5, inplace=False)"},
        {std::make_shared<Dropout>(0.1), "Dropout(p=0.1, inplace=False)"},
        {std::make_shared<Dropout>(1.0), "Dropout(p=1.0, inplace=False)"},
        {std::make_shared<Flatten>(), "Flatten(start_dim=1, end_dim=-1)"},
        {std::make_shared<Flatten>(0, 2), "Flatten(start_dim=0, end_dim=2)"},
        {std::make_shared<Conv2d>(2, 4, 3), "Conv2d(2, 4, kernel_size=(3, 3), stride=(1, 1))"},
        {std::make_shared<Conv2d>(2, 4, Size2(3, 1),
                                  Conv2dOptions{.stride = 2, .padding = 1, .dilation = 2, .groups = 2, .bias = false}),
         "Conv2d(2, 4, kernel_size=(3, 1), stride=(2, 2), padding=(1, 1), dilation=(2, 2), groups=2, bias=False)"},
        {std::make_shared<MaxPool2d>(2), "MaxPool2d(kernel_size=2, stride=2, padding=0, dilation=1, ceil_mode=False)"},
        {std::make_shared<MaxPool2d>(Size2(2, 3), MaxPool2dOptions{.stride = 1, .padding = 1, .ceil_mode = true}),
         "MaxPool2d(kernel_size=(2, 3), stride=1, padding=1, dilation=1, ceil_mode=True)"},
        {std::make_shared<AvgPool2d>(2), "AvgPool2d(kernel_size=2, stride=2, padding=0)"},
        {std::make_shared<AvgPool2d>(3, AvgPool2dOptions{.stride = 2, .padding = 1, .ceil_mode = true,
                                                         .count_include_pad = false}),
         "AvgPool2d(kernel_size=3, stride=2, padding=1)"},
        {std::make_shared<Embedding>(3, 4), "Embedding(3, 4)"},
        {std::make_shared<Embedding>(3, 4, -1), "Embedding(3, 4, padding_idx=2)"},
    };
    for (const auto& [module, expected] : cases) QCOMPARE(module->repr(), expected);
  }

  void parametersUnderPyTorchsNamesAndShapes() {
    Linear linear(4, 3);
    QCOMPARE(keys_of(linear.named_parameters()), (std::vector<std::string>{"weight", "bias"}));
    QCOMPARE(linear.param("weight").sizes(), (Shape{3, 4}));
    QCOMPARE(linear.param("bias").sizes(), (Shape{3}));
    QVERIFY(linear.param("weight").requires_grad() && linear.param("weight").is_leaf());
    // bias=false registers None, as PyTorch does: the name exists, holds nothing, and is not saved.
    Linear no_bias(4, 3, false);
    QVERIFY(no_bias.has_parameter("bias"));
    QVERIFY(!no_bias.attr("bias").defined());
    QCOMPARE(keys_of(no_bias.named_parameters()), (std::vector<std::string>{"weight"}));
    QCOMPARE(no_bias.state_dict().keys(), (std::vector<std::string>{"weight"}));
    QCOMPARE(Bilinear(2, 3, 4).param("weight").sizes(), (Shape{4, 2, 3}));
    Conv2d conv(4, 6, Size2(3, 2), {.groups = 2});
    QCOMPARE(keys_of(conv.named_parameters()), (std::vector<std::string>{"weight", "bias"}));
    QCOMPARE(conv.param("weight").sizes(), (Shape{6, 2, 3, 2}));
    QCOMPARE(conv.param("bias").sizes(), (Shape{6}));
    QCOMPARE(Embedding(5, 3).param("weight").sizes(), (Shape{5, 3}));
    // Stateless layers have nothing to save.
    for (const ModulePtr& m : std::vector<ModulePtr>{std::make_shared<ReLU>(), std::make_shared<Dropout>(),
                                                     std::make_shared<MaxPool2d>(2), std::make_shared<Flatten>()})
      QVERIFY(m->state_dict().empty());
  }

  void initialisationRanges() {
    // Linear/Conv2d: kaiming_uniform_(a=sqrt(5)) = U(-1/sqrt(fan_in), 1/sqrt(fan_in)), bias the same bound.
    Linear linear(400, 300);
    const double bound = 1.0 / std::sqrt(400.0);
    QVERIFY(max_abs(linear.param("weight")) <= bound && max_abs(linear.param("weight")) > 0.99 * bound);
    QVERIFY(max_abs(linear.param("bias")) <= bound && max_abs(linear.param("bias")) > 0.9 * bound);
    Conv2d conv(16, 32, 3, {.groups = 2});  // fan_in = 8 * 3 * 3
    const double conv_bound = 1.0 / std::sqrt(72.0);
    QVERIFY(max_abs(conv.param("weight")) <= conv_bound && max_abs(conv.param("weight")) > 0.99 * conv_bound);
    QVERIFY(max_abs(conv.param("bias")) <= conv_bound);
    // Bilinear: U(-1/sqrt(in1), 1/sqrt(in1)) for weight and bias.
    Bilinear bilinear(50, 20, 30);
    QVERIFY(max_abs(bilinear.param("weight")) <= 1.0 / std::sqrt(50.0));
    QVERIFY(max_abs(bilinear.param("weight")) > 0.99 / std::sqrt(50.0));
    QVERIFY(max_abs(bilinear.param("bias")) <= 1.0 / std::sqrt(50.0));
    // Embedding: N(0, 1), with the padding row zeroed.
    Embedding embedding(1000, 64, 3);
    const Tensor w = embedding.param("weight");
    QVERIFY(std::abs(w.mean().item<double>()) < 0.02);
    QVERIFY(std::abs(w.flatten().std({0}).item<double>() - 1.0) < 0.02);
    PT_COMPARE_CLOSE(w.select(0, 3), zeros({64}), 0, 0);
    QVERIFY(w.is_leaf());
    QCOMPARE(*embedding.padding_idx(), std::int64_t{3});
  }

  void constructorErrorsMatchPyTorch() {
    PT_VERIFY_THROWS(ValueError, Dropout(1.5), "dropout probability has to be between 0 and 1, but got 1.5");
    PT_VERIFY_THROWS(ValueError, Dropout(-0.1), "dropout probability has to be between 0 and 1, but got -0.1");
    PT_VERIFY_THROWS(ValueError, Conv2d(3, 4, 3, {.groups = 0}), "groups must be a positive integer");
    PT_VERIFY_THROWS(ValueError, Conv2d(3, 4, 3, {.groups = 2}), "in_channels must be divisible by groups");
    PT_VERIFY_THROWS(ValueError, Conv2d(4, 3, 3, {.groups = 2}), "out_channels must be divisible by groups");
    PT_VERIFY_THROWS(AssertionError, Embedding(3, 4, 3), "Padding_idx must be within num_embeddings");
    PT_VERIFY_THROWS(AssertionError, Embedding(3, 4, -4), "Padding_idx must be within num_embeddings");
  }

  void forwardErrors() {
    Bilinear bilinear(2, 3, 4);
    PT_VERIFY_THROWS(TypeError, bilinear(ones({1, 2})), "takes two tensor arguments");
    PT_VERIFY_THROWS(RuntimeError, GELU("fast")(ones({2})), "approximate argument must be either none or tanh.");
    // The ops' own checks surface unchanged.
    PT_VERIFY_THROWS(RuntimeError, Conv2d(3, 4, 3)(ones({1, 2, 5, 5})),
                     "expected input[1, 2, 5, 5] to have 3 channels, but got 2 channels instead");
    PT_VERIFY_THROWS(IndexError, Embedding(3, 2)(tensor({0, 3})), "index out of range in self");
  }

  void dropoutTrainsAndEvaluates() {
    Dropout dropout(0.5);
    QVERIFY(dropout.is_training());
    const Tensor x = ones({20000}).requires_grad_();
    const Tensor y = dropout(x);
    // Kept elements are scaled by 1 / (1 - p); about half are dropped.
    const auto values = y.to_vector<float>();
    QVERIFY(std::all_of(values.begin(), values.end(), [](float v) { return v == 0.0f || v == 2.0f; }));
    const double dropped = static_cast<double>(std::count(values.begin(), values.end(), 0.0f)) / values.size();
    QVERIFY2(std::abs(dropped - 0.5) < 0.02, qPrintable(QString::number(dropped)));
    // The gradient goes through the same mask.
    y.sum().backward();
    PT_COMPARE_CLOSE(x.grad(), y.detach(), 0, 0);
    // A new mask on every call.
    QVERIFY(!equal(dropout(x), y));
    dropout.eval();
    PT_COMPARE_CLOSE(dropout(x), x, 0, 0);
    dropout.train();
    PT_COMPARE_CLOSE(Dropout(0.0)(x), x, 0, 0);
    PT_COMPARE_CLOSE(Dropout(1.0)(x), zeros({20000}), 0, 0);
  }

  void forwardReadsTensorsByName() {
    // parametrize replaces `weight` by a computed property; forward must see it.
    Linear linear(3, 2);
    const Tensor x = test::seq({4, 3}, 0.5, -1.0);
    const Tensor expected = matmul(x, (linear.param("weight") * 2.0).t()) + linear.param("bias");
    linear.define_property("weight", std::make_shared<DoubledWeight>());
    PT_COMPARE_CLOSE(linear(x), expected, 1e-6, 1e-6);
    Conv2d conv(1, 1, 1, {.bias = false});
    conv.define_property("weight", std::make_shared<DoubledWeight>());
    const Tensor image = test::seq({1, 1, 2, 2}, 1.0, 0.0);
    PT_COMPARE_CLOSE(conv(image), image * (conv.param("weight").item<double>() * 2.0), 1e-6, 1e-6);
    // A replaced parameter is picked up too.
    Embedding embedding(2, 2);
    embedding.register_parameter("weight", tensor({{1.0, 2.0}, {3.0, 4.0}}));
    PT_COMPARE_CLOSE(embedding(tensor({1})), tensor({{3.0, 4.0}}), 0, 0);
  }

  void cloneIsIndependent() {
    Conv2d conv(2, 4, 3, {.stride = 2, .padding = 1, .bias = false});
    conv.eval();
    auto copy = std::dynamic_pointer_cast<Conv2d>(conv.clone());
    QVERIFY(copy);
    QCOMPARE(copy->repr(), conv.repr());
    QVERIFY(!copy->is_training());
    QVERIFY(!copy->param("weight").is_same(conv.param("weight")));
    QVERIFY(copy->has_parameter("bias") && !copy->attr("bias").defined());
    const Tensor x = test::seq({1, 2, 5, 5}, 0.1, -1.0);
    PT_COMPARE_CLOSE((*copy)(x), conv(x), 0, 0);
    copy->param("weight").detach().zero_();
    PT_COMPARE_CLOSE((*copy)(x), zeros({1, 4, 3, 3}), 0, 0);
    QVERIFY(max_abs(conv(x)) > 0);
    // A clone keeps a property and evaluates it on its own parameter.
    Linear linear(3, 2);
    linear.define_property("weight", std::make_shared<DoubledWeight>());
    auto linear_copy = linear.clone();
    linear_copy->param("weight").detach().fill_(1.0);
    PT_COMPARE_CLOSE(linear_copy->attr("weight"), full({2, 3}, 2.0), 0, 0);
    QVERIFY(!equal(linear.attr("weight"), linear_copy->attr("weight")));
  }

  void stateDictRoundTrip() {
    auto build = [] {
      return std::make_shared<Sequential>(std::vector<ModulePtr>{
          std::make_shared<Conv2d>(1, 2, 3, Conv2dOptions{.padding = 1}), std::make_shared<ReLU>(),
          std::make_shared<Flatten>(), std::make_shared<Linear>(2 * 4 * 4, 3), std::make_shared<Embedding>(4, 2, 0)});
    };
    auto a = build();
    auto b = build();
    const StateDict sd = a->state_dict();
    QCOMPARE(sd.keys(), (std::vector<std::string>{"0.weight", "0.bias", "3.weight", "3.bias", "4.weight"}));
    const Tensor x = test::seq({2, 1, 4, 4}, 0.1, -0.5);
    auto head = [](const std::shared_ptr<Sequential>& s, const Tensor& x) {
      Tensor y = x;
      for (int i = 0; i < 4; ++i) y = (*s->at(i))(y);
      return y;
    };
    QVERIFY(!equal(head(a, x), head(b, x)));
    const Tensor b_weight = b->get_parameter("3.weight");
    b->load_state_dict(sd);
    QVERIFY(b->get_parameter("3.weight").is_same(b_weight));  // loaded in place
    PT_COMPARE_CLOSE(head(b, x), head(a, x), 0, 0);
    PT_COMPARE_CLOSE(b->get_parameter("4.weight"), a->get_parameter("4.weight"), 0, 0);
    // A bias-less layer has no "bias" key to load.
    StateDict with_bias = Linear(4, 3).state_dict();
    PT_VERIFY_THROWS(RuntimeError, Linear(4, 3, false).load_state_dict(with_bias),
                     "Unexpected key(s) in state_dict: \"bias\".");
  }

  void linearConformance() {
    check_cases({
        {"identity", make<Identity>()},
        {"linear", make<Linear>(4, 3)},
        {"linear_3d_input", make<Linear>(4, 3)},
        {"linear_no_bias", make<Linear>(4, 3, false)},
        {"bilinear", make<Bilinear>(3, 4, 2)},
        {"bilinear_no_bias_3d_input", make<Bilinear>(2, 3, 4, false)},
    });
  }

  void activationConformance() {
    check_cases({
        {"relu", make<ReLU>()},
        {"leaky_relu", make<LeakyReLU>(0.2)},
        {"hardtanh", make<Hardtanh>(-0.5, 1.5)},
        {"relu6", make<ReLU6>()},
        {"gelu", make<GELU>()},
        {"gelu_tanh", make<GELU>("tanh")},
        {"sigmoid", make<Sigmoid>()},
        {"tanh", make<Tanh>()},
        {"softmax_dim1", make<Softmax>(1)},
        {"softmax_last_dim_3d", make<Softmax>(-1)},
    });
  }

  void dropoutAndFlattenConformance() {
    check_cases({
        {"dropout_eval", make<Dropout>(0.3)},
        {"flatten", make<Flatten>()},
        {"flatten_0_2", make<Flatten>(0, 2)},
    });
  }

  void convConformance() {
    check_cases({
        {"conv2d", make<Conv2d>(3, 4, 3)},
        {"conv2d_stride_padding", make<Conv2d>(3, 4, Size2(3, 2), Conv2dOptions{.stride = 2, .padding = 1})},
        {"conv2d_dilation_groups_no_bias",
         make<Conv2d>(4, 6, 3,
                      Conv2dOptions{.stride = Size2(1, 2), .padding = Size2(2, 1), .dilation = 2, .groups = 2,
                                    .bias = false})},
        {"conv2d_unbatched", make<Conv2d>(2, 3, 2)},
    });
  }

  void poolingConformance() {
    check_cases({
        {"max_pool2d", make<MaxPool2d>(2)},
        {"max_pool2d_ceil_mode",
         make<MaxPool2d>(Size2(3, 2), MaxPool2dOptions{.stride = 2, .padding = 1, .ceil_mode = true})},
        {"max_pool2d_dilation", make<MaxPool2d>(3, MaxPool2dOptions{.stride = 1, .dilation = 2})},
        {"avg_pool2d", make<AvgPool2d>(2)},
        {"avg_pool2d_ceil_mode_exclude_pad",
         make<AvgPool2d>(3, AvgPool2dOptions{.stride = 2, .padding = 1, .ceil_mode = true, .count_include_pad = false})},
        {"avg_pool2d_include_pad", make<AvgPool2d>(Size2(2, 3), AvgPool2dOptions{.stride = Size2(1, 2), .padding = 1})},
    });
  }

  void embeddingConformance() {
    check_cases({
        {"embedding", make<Embedding>(5, 3)},
        {"embedding_padding_idx", make<Embedding>(5, 3, 0)},
        {"embedding_negative_padding_idx", make<Embedding>(5, 3, -3)},
    });
  }

  void sequentialConformance() {
    Sequential model{std::make_shared<Conv2d>(2, 4, 3, Conv2dOptions{.padding = 1}),
                     std::make_shared<ReLU>(),
                     std::make_shared<MaxPool2d>(2),
                     std::make_shared<Flatten>(),
                     std::make_shared<Linear>(4 * 3 * 3, 5),
                     std::make_shared<Dropout>(0.5),
                     std::make_shared<Softmax>(1)};
    PT_CHECK_LAYER_CASE(model, "small_cnn", 1e-4, 1e-5);
  }

 private:
  // float32 layers against PyTorch's float32 results.
  void check_cases(const CaseTable& cases) {
    for (const auto& [name, factory] : cases) {
      const ModulePtr module = factory();
      PT_CHECK_LAYER_CASE(*module, name, 1e-4, 1e-5);
    }
  }
};

QTEST_GUILESS_MAIN(TestNnLayers)
#include "tst_nn_layers.moc"
