// The normalisation layers and recurrent cells: construction (names, shapes,
// order, initial values, repr as PyTorch 1.13 prints it), PyTorch's error
// texts, BatchNorm's running statistics, reading tensors by name, clone and
// state_dict, and conformance with PyTorch through tests/fixtures/layers/
// (written by tests/fixtures/generate_layer_fixtures_norm_rnn.py).
#include <functional>

#include "layer_fixture.h"
#include "paratrace/nn/normalization.h"
#include "paratrace/nn/rnn.h"
#include "paratrace/tensor/generator.h"
#include "test_util.h"

using namespace paratrace;
using namespace paratrace::nn;

namespace {

using Keys = std::vector<std::string>;

Keys parameter_names(const Module& m) { return m.local_parameters().keys(); }
Keys buffer_names(const Module& m) { return m.local_buffers().keys(); }

// A computed `name`, as parametrize installs: factor * the registered parameter or buffer.
class ScaledProperty : public TensorProperty {
 public:
  explicit ScaledProperty(double factor) : factor_(factor) {}
  Tensor get(Module& owner, const std::string& name) const override {
    return (owner.has_parameter(name) ? owner.param(name) : owner.buffer(name)) * factor_;
  }
  void set(Module&, const std::string&, const Tensor&) const override {}

 private:
  double factor_;
};

// x = [[0, 1], [2, 3], [4, 5], [6, 7]]: per channel mean 3 and 4, biased
// variance 5, unbiased 20/3.
Tensor two_channel_batch() { return test::seq({4, 2}, 1.0, 0.0); }

bool all_within(const Tensor& t, double bound) { return t.abs().max().item<double>() <= bound; }

struct ConformanceCase {
  const char* name;
  std::function<ModulePtr()> make;
};

// Each fixture with the C++ module built like the PyTorch one.
const std::vector<ConformanceCase>& conformance_cases() {
  static const std::vector<ConformanceCase> cases = {
      {"layernorm_2d_shape", [] { return std::make_shared<LayerNorm>(IntList{3, 4}); }},
      {"layernorm_no_affine", [] { return std::make_shared<LayerNorm>(5, 1e-3, false); }},
      {"groupnorm", [] { return std::make_shared<GroupNorm>(2, 6); }},
      {"groupnorm_no_affine_4d", [] { return std::make_shared<GroupNorm>(3, 6, 1e-3, false); }},
      {"batchnorm1d_2d_train", [] { return std::make_shared<BatchNorm1d>(3); }},
      {"batchnorm1d_3d_train", [] { return std::make_shared<BatchNorm1d>(4); }},
      {"batchnorm1d_2d_eval", [] { return std::make_shared<BatchNorm1d>(3); }},
      {"batchnorm1d_3d_eval", [] { return std::make_shared<BatchNorm1d>(4); }},
      {"batchnorm1d_momentum_none", [] { return std::make_shared<BatchNorm1d>(3, 1e-5, std::nullopt); }},
      {"batchnorm2d_train", [] { return std::make_shared<BatchNorm2d>(3, 1e-3, 0.3); }},
      {"batchnorm2d_eval", [] { return std::make_shared<BatchNorm2d>(3); }},
      {"batchnorm2d_no_affine", [] { return std::make_shared<BatchNorm2d>(3, 1e-5, 0.1, false); }},
      {"batchnorm2d_no_tracking_train", [] { return std::make_shared<BatchNorm2d>(3, 1e-5, 0.1, true, false); }},
      {"batchnorm2d_no_tracking_eval", [] { return std::make_shared<BatchNorm2d>(3, 1e-5, 0.1, true, false); }},
      {"rnncell_tanh", [] { return std::make_shared<RNNCell>(4, 3); }},
      {"rnncell_relu", [] { return std::make_shared<RNNCell>(4, 3, true, "relu"); }},
      {"rnncell_no_bias_unbatched_no_state", [] { return std::make_shared<RNNCell>(4, 3, false); }},
      {"grucell", [] { return std::make_shared<GRUCell>(4, 3); }},
      {"grucell_unbatched_no_state", [] { return std::make_shared<GRUCell>(4, 3); }},
      {"lstmcell", [] { return std::make_shared<LSTMCell>(4, 3); }},
      {"lstmcell_no_state", [] { return std::make_shared<LSTMCell>(4, 3); }},
      {"lstmcell_unbatched", [] { return std::make_shared<LSTMCell>(4, 3, false); }},
  };
  return cases;
}

}  // namespace

class TestNnNormRnn : public QObject {
  Q_OBJECT
 private slots:
  // ---- construction -----------------------------------------------------------------

  void layerNormConstruction() {
    LayerNorm ln(IntList{3, 4});
    QCOMPARE(parameter_names(ln), (Keys{"weight", "bias"}));
    QCOMPARE(ln.param("weight").sizes(), (Shape{3, 4}));
    PT_COMPARE_CLOSE(ln.param("weight"), ones({3, 4}), 0, 0);
    PT_COMPARE_CLOSE(ln.param("bias"), zeros({3, 4}), 0, 0);
    QVERIFY(ln.param("weight").requires_grad());
    QCOMPARE(ln.repr(), std::string("LayerNorm((3, 4), eps=1e-05, elementwise_affine=True)"));
    QCOMPARE(LayerNorm(4).repr(), std::string("LayerNorm((4,), eps=1e-05, elementwise_affine=True)"));
    // Without affine the parameters are registered as None, as PyTorch does.
    LayerNorm plain(IntList{3, 4}, 1e-3, false);
    QCOMPARE(parameter_names(plain), (Keys{"weight", "bias"}));
    QVERIFY(!plain.attr("weight").defined() && !plain.attr("bias").defined());
    QVERIFY(plain.parameters().empty());
    QVERIFY(plain.state_dict().empty());
    QCOMPARE(plain.repr(), std::string("LayerNorm((3, 4), eps=0.001, elementwise_affine=False)"));
  }

  void groupNormConstruction() {
    GroupNorm gn(2, 4);
    QCOMPARE(parameter_names(gn), (Keys{"weight", "bias"}));
    PT_COMPARE_CLOSE(gn.param("weight"), ones({4}), 0, 0);
    PT_COMPARE_CLOSE(gn.param("bias"), zeros({4}), 0, 0);
    QCOMPARE(gn.repr(), std::string("GroupNorm(2, 4, eps=1e-05, affine=True)"));
    GroupNorm plain(2, 4, 1.0, false);
    QVERIFY(!plain.attr("weight").defined());
    QCOMPARE(plain.repr(), std::string("GroupNorm(2, 4, eps=1.0, affine=False)"));
    PT_VERIFY_THROWS(ValueError, GroupNorm(3, 4), "num_channels must be divisible by num_groups");
    PT_VERIFY_THROWS(ValueError, GroupNorm(0, 4), "num_channels must be divisible by num_groups");
  }

  void batchNormConstruction() {
    BatchNorm1d bn(3);
    QCOMPARE(parameter_names(bn), (Keys{"weight", "bias"}));
    QCOMPARE(buffer_names(bn), (Keys{"running_mean", "running_var", "num_batches_tracked"}));
    PT_COMPARE_CLOSE(bn.param("weight"), ones({3}), 0, 0);
    PT_COMPARE_CLOSE(bn.param("bias"), zeros({3}), 0, 0);
    PT_COMPARE_CLOSE(bn.buffer("running_mean"), zeros({3}), 0, 0);
    PT_COMPARE_CLOSE(bn.buffer("running_var"), ones({3}), 0, 0);
    const Tensor tracked = bn.buffer("num_batches_tracked");
    QCOMPARE(tracked.dtype(), ScalarType::Int64);
    QCOMPARE(tracked.dim(), std::int64_t{0});
    QCOMPARE(tracked.item<std::int64_t>(), std::int64_t{0});
    QVERIFY(!bn.buffer("running_mean").requires_grad());
    QCOMPARE(bn.repr(), std::string("BatchNorm1d(3, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True)"));
    // Python's float repr, including its switch to exponents.
    QCOMPARE(BatchNorm1d(3, 100000.0, 1e-16).repr(),
             std::string("BatchNorm1d(3, eps=100000.0, momentum=1e-16, affine=True, track_running_stats=True)"));
    BatchNorm2d bare(3, 1e-5, std::nullopt, false, false);
    QCOMPARE(bare.repr(),
             std::string("BatchNorm2d(3, eps=1e-05, momentum=None, affine=False, track_running_stats=False)"));
    // PyTorch keeps None entries for both parameters and all three buffers.
    QCOMPARE(parameter_names(bare), (Keys{"weight", "bias"}));
    QCOMPARE(buffer_names(bare), (Keys{"running_mean", "running_var", "num_batches_tracked"}));
    QVERIFY(!bare.attr("running_mean").defined() && !bare.attr("num_batches_tracked").defined());
    QVERIFY(bare.named_buffers().empty());
    QVERIFY(bare.state_dict().empty());
  }

  void cellConstruction() {
    RNNCell rnn(4, 3);
    GRUCell gru(4, 3);
    LSTMCell lstm(4, 3);
    const Keys names{"weight_ih", "weight_hh", "bias_ih", "bias_hh"};
    const double bound = 1.0 / std::sqrt(3.0);
    const std::vector<std::pair<Module*, std::int64_t>> cells{{&rnn, 1}, {&gru, 3}, {&lstm, 4}};
    for (auto [cell, gates] : cells) {
      QCOMPARE(parameter_names(*cell), names);
      QCOMPARE(cell->param("weight_ih").sizes(), (Shape{gates * 3, 4}));
      QCOMPARE(cell->param("weight_hh").sizes(), (Shape{gates * 3, 3}));
      QCOMPARE(cell->param("bias_ih").sizes(), (Shape{gates * 3}));
      QCOMPARE(cell->param("bias_hh").sizes(), (Shape{gates * 3}));
      for (const Tensor& p : cell->parameters()) {
        QVERIFY(p.requires_grad());
        QVERIFY(all_within(p, bound));
        QVERIFY(p.flatten().std({0}).item<double>() > 0.05);  // actually drawn, not constant
      }
    }
    QCOMPARE(rnn.repr(), std::string("RNNCell(4, 3)"));
    QCOMPARE(gru.repr(), std::string("GRUCell(4, 3)"));
    QCOMPARE(lstm.repr(), std::string("LSTMCell(4, 3)"));
    QCOMPARE(RNNCell(4, 3, false, "relu").repr(), std::string("RNNCell(4, 3, bias=False, nonlinearity=relu)"));
    QCOMPARE(RNNCell(4, 3, true, "relu").repr(), std::string("RNNCell(4, 3, nonlinearity=relu)"));
    LSTMCell no_bias(4, 3, false);
    QCOMPARE(no_bias.repr(), std::string("LSTMCell(4, 3, bias=False)"));
    QCOMPARE(parameter_names(no_bias), names);
    QVERIFY(!no_bias.attr("bias_ih").defined() && !no_bias.attr("bias_hh").defined());
    QCOMPARE(no_bias.state_dict().keys(), (Keys{"weight_ih", "weight_hh"}));
    PT_VERIFY_THROWS(RuntimeError, RNNCell(4, 3, true, "sigmoid"), "Unknown nonlinearity: sigmoid");
  }

  void resetParametersRedraws() {
    GRUCell gru(2, 16);
    const Tensor w = gru.param("weight_ih");
    const Tensor before = w.clone();
    gru.reset_parameters();
    QVERIFY(gru.param("weight_ih").is_same(w));  // in place, same parameter object
    QVERIFY(!allclose(w, before));
    QVERIFY(all_within(w, 0.25));
    BatchNorm1d bn(2);
    bn.train();
    bn(two_channel_batch());
    bn.param("weight").detach().fill_(3.0);
    bn.reset_parameters();
    PT_COMPARE_CLOSE(bn.param("weight"), ones({2}), 0, 0);
    PT_COMPARE_CLOSE(bn.buffer("running_mean"), zeros({2}), 0, 0);
    QCOMPARE(bn.buffer("num_batches_tracked").item<std::int64_t>(), std::int64_t{0});
  }

  // ---- errors ---------------------------------------------------------------------------

  void normInputErrors() {
    PT_VERIFY_THROWS(ValueError, BatchNorm1d(3)(zeros({2, 3, 4, 5})), "expected 2D or 3D input (got 4D input)");
    PT_VERIFY_THROWS(ValueError, BatchNorm1d(3)(zeros({3})), "expected 2D or 3D input (got 1D input)");
    PT_VERIFY_THROWS(ValueError, BatchNorm2d(3)(zeros({2, 3, 4})), "expected 4D input (got 3D input)");
    PT_VERIFY_THROWS(ValueError, BatchNorm1d(3)(zeros({1, 3})),
                     "Expected more than 1 value per channel when training, got input size torch.Size([1, 3])");
    PT_VERIFY_THROWS(RuntimeError, BatchNorm1d(3)(zeros({2, 4})), "running_mean should contain 4 elements not 3");
    PT_VERIFY_THROWS(RuntimeError, LayerNorm(4)(zeros({2, 3})),
                     "Given normalized_shape=[4], expected input with shape [*, 4], but got input of size[2, 3]");
    PT_VERIFY_THROWS(RuntimeError, GroupNorm(2, 4)(zeros({2, 6})),
                     "Expected weight to be a vector of size equal to the number of channels in input, but got weight "
                     "of shape [4] and input of shape [2, 6]");
  }

  void cellInputErrors() {
    RNNCell rnn(4, 3);
    GRUCell gru(4, 3);
    LSTMCell lstm(4, 3);
    PT_VERIFY_THROWS(RuntimeError, rnn(zeros({2, 5})), "input has inconsistent input_size: got 5 expected 4");
    PT_VERIFY_THROWS(RuntimeError, rnn(zeros({5})), "input has inconsistent input_size: got 5 expected 4");
    PT_VERIFY_THROWS(RuntimeError, rnn(zeros({2, 4}), zeros({3, 3})),
                     "Input batch size 2 doesn't match hidden0 batch size 3");
    PT_VERIFY_THROWS(RuntimeError, rnn(zeros({2, 4}), zeros({2, 2})),
                     "hidden0 has inconsistent hidden_size: got 2, expected 3");
    PT_VERIFY_THROWS(RuntimeError, rnn(zeros({4}), zeros({4})), "hidden0 has inconsistent hidden_size: got 4, expected 3");
    PT_VERIFY_THROWS(RuntimeError, gru(zeros({2, 4}), zeros({2, 5})),
                     "hidden0 has inconsistent hidden_size: got 5, expected 3");
    // PyTorch 1.13 labels the LSTM cell state "hidden0" as well.
    PT_VERIFY_THROWS(RuntimeError, lstm.forward_cell(zeros({2, 4}), LSTMCell::State{zeros({2, 3}), zeros({2, 2})}),
                     "hidden0 has inconsistent hidden_size: got 2, expected 3");
    PT_VERIFY_THROWS(RuntimeError, lstm.forward_cell(zeros({2, 4}), LSTMCell::State{zeros({1, 3}), zeros({2, 3})}),
                     "Input batch size 2 doesn't match hidden0 batch size 1");
    PT_VERIFY_THROWS(AssertionError, rnn(zeros({2, 3, 4})),
                     "RNNCell: Expected input to be 1-D or 2-D but received 3-D tensor");
    PT_VERIFY_THROWS(AssertionError, gru(zeros({2, 3, 4})),
                     "GRUCell: Expected input to be 1-D or 2-D but received 3-D tensor");
    PT_VERIFY_THROWS(AssertionError, lstm.call({zeros({2, 3, 4})}),
                     "LSTMCell: Expected input to be 1-D or 2-D but received 3-D tensor");
    PT_VERIFY_THROWS(TypeError, lstm.call({zeros({2, 4}), zeros({2, 3})}), "LSTMCell expects its state as a tuple (h, c)");
    PT_VERIFY_THROWS(TypeError, rnn.call({zeros({2, 4}), zeros({2, 3}), zeros({2, 3})}),
                     "forward() of RNNCell takes an input tensor and an optional state but 3 arguments were given");
  }

  // ---- BatchNorm's running statistics ---------------------------------------------------

  void batchNormTrainingMovesRunningStats() {
    BatchNorm1d bn(2);
    const Tensor mean_buffer = bn.buffer("running_mean");
    const Tensor x = two_channel_batch();
    const Tensor y = bn(x);
    // Normalised with the batch statistics (biased variance 5).
    const Tensor expected = (x - tensor({3.0, 4.0})) / std::sqrt(5.0 + 1e-5);
    PT_COMPARE_CLOSE(y, expected, 1e-6, 1e-6);
    // running = 0.9 * running + 0.1 * batch, with the unbiased variance 20/3; updated in place.
    QVERIFY(bn.buffer("running_mean").is_same(mean_buffer));
    PT_COMPARE_CLOSE(bn.buffer("running_mean"), tensor({0.3, 0.4}), 1e-6, 1e-7);
    PT_COMPARE_CLOSE(bn.buffer("running_var"), full({2}, 0.9 + 0.1 * 20.0 / 3.0), 1e-6, 1e-7);
    QCOMPARE(bn.buffer("num_batches_tracked").item<std::int64_t>(), std::int64_t{1});
    bn(x);
    QCOMPARE(bn.buffer("num_batches_tracked").item<std::int64_t>(), std::int64_t{2});
    PT_COMPARE_CLOSE(bn.buffer("running_mean"), tensor({0.57, 0.76}), 1e-6, 1e-7);
  }

  void batchNormEvalUsesRunningStats() {
    BatchNorm1d bn(2, 0.0);
    bn.buffer("running_mean").copy_(tensor({1.0, 2.0}));
    bn.buffer("running_var").copy_(tensor({4.0, 9.0}));
    bn.param("weight").detach().copy_(tensor({2.0, 3.0}));
    bn.param("bias").detach().copy_(tensor({0.5, -0.5}));
    bn.eval();
    const Tensor x = two_channel_batch();
    const Tensor y = bn(x);
    const Tensor expected = (x - tensor({1.0, 2.0})) / tensor({2.0, 3.0}) * tensor({2.0, 3.0}) + tensor({0.5, -0.5});
    PT_COMPARE_CLOSE(y, expected, 1e-6, 1e-6);
    // Nothing moves in eval, and a single sample is fine.
    PT_COMPARE_CLOSE(bn.buffer("running_mean"), tensor({1.0, 2.0}), 0, 0);
    QCOMPARE(bn.buffer("num_batches_tracked").item<std::int64_t>(), std::int64_t{0});
    QCOMPARE(bn(zeros({1, 2})).sizes(), (Shape{1, 2}));
  }

  void batchNormMomentumNoneIsCumulativeAverage() {
    BatchNorm1d bn(2, 1e-5, std::nullopt);
    const Tensor x = two_channel_batch();
    bn(x);
    // Factor 1/1: the first batch replaces the initial statistics entirely.
    PT_COMPARE_CLOSE(bn.buffer("running_mean"), tensor({3.0, 4.0}), 1e-6, 1e-6);
    PT_COMPARE_CLOSE(bn.buffer("running_var"), full({2}, 20.0 / 3.0), 1e-6, 1e-6);
    bn(x + 10.0);
    // Factor 1/2: the plain average of both batches.
    PT_COMPARE_CLOSE(bn.buffer("running_mean"), tensor({8.0, 9.0}), 1e-6, 1e-6);
    PT_COMPARE_CLOSE(bn.buffer("running_var"), full({2}, 20.0 / 3.0), 1e-6, 1e-6);
    QCOMPARE(bn.buffer("num_batches_tracked").item<std::int64_t>(), std::int64_t{2});
  }

  void batchNormWithoutTrackingUsesBatchStatsInEval() {
    BatchNorm2d bn(2, 1e-5, 0.1, true, false);
    const Tensor x = test::seq({2, 2, 2, 2}, 0.5, -1.0);
    const Tensor in_training = bn(x);
    bn.eval();
    PT_COMPARE_CLOSE(bn(x), in_training, 0, 0);
    PT_COMPARE_CLOSE(in_training.mean({0, 2, 3}), zeros({2}), 0, 1e-6);
    QVERIFY(!bn.attr("num_batches_tracked").defined());
  }

  // ---- the cells' calling conventions ---------------------------------------------------

  void cellsTakeUnbatchedInputAndOptionalState() {
    manual_seed(3);
    const Tensor x = randn({2, 4});
    const Tensor h = randn({2, 3});
    RNNCell rnn(4, 3);
    GRUCell gru(4, 3);
    for (Module* cell : std::initializer_list<Module*>{&rnn, &gru}) {
      const Tensor batched = (*cell)(x, h);
      QCOMPARE(batched.sizes(), (Shape{2, 3}));
      // One row alone, unbatched, gives the same row.
      PT_COMPARE_CLOSE((*cell)(x.select(0, 1), h.select(0, 1)), batched.select(0, 1), 1e-6, 1e-6);
      // No state, or None, means zeros.
      PT_COMPARE_CLOSE((*cell)(x), (*cell)(x, zeros({2, 3})), 0, 0);
      PT_COMPARE_CLOSE(cell->call({x, IValue()}).to_tensor(), (*cell)(x), 0, 0);
      QCOMPARE((*cell)(x.select(0, 0)).sizes(), (Shape{3}));
    }
    LSTMCell lstm(4, 3);
    const Tensor c = randn({2, 3});
    const auto [h1, c1] = lstm.forward_cell(x, LSTMCell::State{h, c});
    const IValue out = lstm.call({x, IValue::tuple({h, c})});
    QVERIFY(out.is_tuple());
    QCOMPARE(out.tuple_elements().size(), std::size_t{2});
    PT_COMPARE_CLOSE(out.tuple_elements()[0].to_tensor(), h1, 0, 0);
    PT_COMPARE_CLOSE(out.tuple_elements()[1].to_tensor(), c1, 0, 0);
    const auto [h0, c0] = lstm.forward_cell(x.select(0, 0), LSTMCell::State{h.select(0, 0), c.select(0, 0)});
    QCOMPARE(h0.sizes(), (Shape{3}));
    PT_COMPARE_CLOSE(c0, c1.select(0, 0), 1e-6, 1e-6);
    const auto [hz, cz] = lstm.forward_cell(x);
    const auto [hz2, cz2] = lstm.forward_cell(x, LSTMCell::State{zeros({2, 3}), zeros({2, 3})});
    PT_COMPARE_CLOSE(hz, hz2, 0, 0);
    PT_COMPARE_CLOSE(cz, cz2, 0, 0);
  }

  // ---- tensors are read by name ---------------------------------------------------------

  void forwardReadsTensorsByName() {
    const Tensor x = test::seq({2, 3, 4}, 0.3, -1.0);
    LayerNorm ln(IntList{3, 4});
    ln.param("bias").detach().fill_(0.25);
    ln.define_property("weight", std::make_shared<ScaledProperty>(3.0));
    PT_COMPARE_CLOSE(ln(x), layer_norm(x, {3, 4}, full({3, 4}, 3.0), full({3, 4}, 0.25)), 1e-6, 1e-6);
    // A clone shares the property and still reads through it.
    PT_COMPARE_CLOSE((*ln.clone())(x), ln(x), 0, 0);

    BatchNorm1d bn(2);
    bn.eval();
    bn.define_property("running_var", std::make_shared<ScaledProperty>(0.0));
    // running_var read through the property as zeros: (x - 0) / sqrt(0 + eps).
    PT_COMPARE_CLOSE(bn(ones({2, 2})), full({2, 2}, 1.0 / std::sqrt(1e-5)), 1e-5, 0);

    LSTMCell lstm(4, 3);
    lstm.define_property("weight_ih", std::make_shared<ScaledProperty>(0.0));
    const LSTMCell::State state{full({1, 3}, 0.5), full({1, 3}, -0.5)};
    // With weight_ih read as zeros the input cannot matter.
    PT_COMPARE_CLOSE(lstm.forward_cell(ones({1, 4}), state).first, lstm.forward_cell(zeros({1, 4}), state).first, 0, 0);
  }

  void batchNormReadsReplacedBuffers() {
    // A running statistic replaced through set_tensor is the one the next call reads.
    BatchNorm1d bn(2);
    bn.eval();
    bn.set_attr("running_mean", full({2}, 1.0));
    PT_COMPARE_CLOSE(bn(ones({2, 2})), zeros({2, 2}), 0, 1e-6);
  }

  // ---- clone and state_dict -------------------------------------------------------------

  void cloneIsIndependent() {
    BatchNorm1d bn(2, 1e-3, std::nullopt);
    auto copy = std::dynamic_pointer_cast<BatchNorm1d>(bn.clone());
    QVERIFY(copy);
    QCOMPARE(copy->repr(), bn.repr());
    QVERIFY(!copy->momentum().has_value());
    QVERIFY(!copy->buffer("running_mean").is_same(bn.buffer("running_mean")));
    (*copy)(two_channel_batch());
    PT_COMPARE_CLOSE(copy->buffer("running_mean"), tensor({3.0, 4.0}), 1e-6, 1e-6);
    PT_COMPARE_CLOSE(bn.buffer("running_mean"), zeros({2}), 0, 0);
    QCOMPARE(bn.buffer("num_batches_tracked").item<std::int64_t>(), std::int64_t{0});

    LSTMCell lstm(3, 2);
    auto lstm_copy = std::dynamic_pointer_cast<LSTMCell>(lstm.clone());
    QVERIFY(lstm_copy);
    QVERIFY(!lstm_copy->param("weight_ih").is_same(lstm.param("weight_ih")));
    const Tensor x = test::seq({2, 3}, 0.2, -0.3);
    PT_COMPARE_CLOSE(lstm_copy->forward_cell(x).first, lstm.forward_cell(x).first, 0, 0);
    lstm_copy->param("weight_ih").detach().zero_();
    QVERIFY(!allclose(lstm_copy->forward_cell(x).first, lstm.forward_cell(x).first));

    auto rnn_copy = std::dynamic_pointer_cast<RNNCell>(RNNCell(3, 2, false, "relu").clone());
    QVERIFY(rnn_copy);
    QCOMPARE(rnn_copy->nonlinearity(), std::string("relu"));
    QCOMPARE(rnn_copy->repr(), std::string("RNNCell(3, 2, bias=False, nonlinearity=relu)"));
  }

  void stateDictKeysMatchPyTorch() {
    QCOMPARE(BatchNorm2d(3).state_dict().keys(),
             (Keys{"weight", "bias", "running_mean", "running_var", "num_batches_tracked"}));
    QCOMPARE(BatchNorm1d(3, 1e-5, 0.1, false).state_dict().keys(),
             (Keys{"running_mean", "running_var", "num_batches_tracked"}));
    QCOMPARE(LayerNorm(3).state_dict().keys(), (Keys{"weight", "bias"}));
    QCOMPARE(GroupNorm(1, 3).state_dict().keys(), (Keys{"weight", "bias"}));
    QCOMPARE(GRUCell(2, 3).state_dict().keys(), (Keys{"weight_ih", "weight_hh", "bias_ih", "bias_hh"}));
    // A round trip through state_dict carries the running statistics and the counter.
    BatchNorm1d trained(2), fresh(2);
    trained(two_channel_batch());
    fresh.load_state_dict(trained.state_dict());
    PT_COMPARE_CLOSE(fresh.buffer("running_var"), trained.buffer("running_var"), 0, 0);
    QCOMPARE(fresh.buffer("num_batches_tracked").item<std::int64_t>(), std::int64_t{1});
  }

  // ---- conformance with PyTorch ---------------------------------------------------------

  void conformance_data() {
    QTest::addColumn<int>("index");
    const auto& cases = conformance_cases();
    for (std::size_t i = 0; i < cases.size(); ++i) QTest::newRow(cases[i].name) << static_cast<int>(i);
  }

  void conformance() {
    QFETCH(int, index);
    const ConformanceCase& c = conformance_cases().at(static_cast<std::size_t>(index));
    const ModulePtr module = c.make();
    PT_CHECK_LAYER_CASE(*module, c.name, 1e-4, 1e-5);
  }
};

QTEST_GUILESS_MAIN(TestNnNormRnn)
#include "tst_nn_norm_rnn.moc"
