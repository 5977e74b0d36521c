// gradcheck itself, then every differentiable op through it (float64).
#include "paratrace/autograd/gradcheck.h"
#include "paratrace/tensor/generator.h"
#include "paratrace/tensor/indexing.h"
#include "test_util.h"

using namespace paratrace;
using Fn = std::function<TensorList(const TensorList&)>;
Q_DECLARE_METATYPE(Fn)
Q_DECLARE_METATYPE(paratrace::TensorList)

namespace {
Tensor r(const IntList& shape, double lo = -1.0, double hi = 1.0) {
  return rand(shape, ScalarType::Float64).mul(hi - lo).add(lo).requires_grad_();
}
Tensor pos(const IntList& shape) { return r(shape, 0.5, 2.0); }
}  // namespace

class TestGradcheck : public QObject {
  Q_OBJECT
 private slots:
  void initTestCase() { manual_seed(1234); }

  void detectsAWrongGradient() {
    // y = x * stop_grad(x): the analytical gradient misses one of the two terms.
    Tensor x = r({3});
    auto res = autograd::gradcheck([](const TensorList& in) { return TensorList{in[0] * in[0].detach()}; }, {x});
    QVERIFY(!res.ok);
    QVERIFY(res.message.find("Jacobian mismatch for output 0 with respect to input 0") != std::string::npos);
  }

  void differentiableOpsPass_data() {
    QTest::addColumn<Fn>("fn");
    QTest::addColumn<TensorList>("inputs");
    auto row = [](const char* name, Fn f, TensorList in) { QTest::newRow(name) << f << in; };
    row("add_broadcast", [](const TensorList& a) { return TensorList{add(a[0], a[1], 2.5)}; }, {r({2, 3}), r({3})});
    row("sub", [](const TensorList& a) { return TensorList{sub(a[0], a[1])}; }, {r({2, 3}), r({2, 1})});
    row("mul", [](const TensorList& a) { return TensorList{a[0] * a[1]}; }, {r({2, 3}), r({3})});
    row("div", [](const TensorList& a) { return TensorList{a[0] / a[1]}; }, {r({2, 3}), pos({2, 3})});
    row("pow_tensor", [](const TensorList& a) { return TensorList{pow(a[0], a[1])}; }, {pos({4}), r({4})});
    row("pow_scalar", [](const TensorList& a) { return TensorList{pow(a[0], 3)}; }, {r({4})});
    row("maximum", [](const TensorList& a) { return TensorList{maximum(a[0], a[1])}; }, {r({5}), r({5})});
    row("where", [](const TensorList& a) { return TensorList{where(gt(a[0], 0), a[0], a[1])}; }, {r({5}), r({5})});
    row("masked_fill", [](const TensorList& a) { return TensorList{masked_fill(a[0], lt(a[0], 0), 2.0)}; }, {r({5})});
    row("neg_exp_log", [](const TensorList& a) { return TensorList{log(exp(neg(a[0])) + 1.0)}; }, {r({4})});
    row("sqrt_rsqrt", [](const TensorList& a) { return TensorList{sqrt(a[0]) + rsqrt(a[0])}; }, {pos({4})});
    row("sin_cos", [](const TensorList& a) { return TensorList{sin(a[0]) * cos(a[0])}; }, {r({4})});
    row("reciprocal_abs", [](const TensorList& a) { return TensorList{reciprocal(a[0]) + abs(a[0])}; }, {pos({4})});
    row("clamp", [](const TensorList& a) { return TensorList{clamp(a[0], -0.5, 0.5)}; }, {r({6})});
    row("sigmoid_tanh", [](const TensorList& a) { return TensorList{sigmoid(a[0]) + tanh(a[0])}; }, {r({4})});
    row("relu_leaky_gelu", [](const TensorList& a) {
      return TensorList{relu(a[0]) + leaky_relu(a[0], 0.1) + gelu(a[0]) + gelu(a[0], "tanh")};
    }, {r({6})});
    row("sum_mean", [](const TensorList& a) { return TensorList{sum(a[0], {1}) + mean(a[0], {1})}; }, {r({2, 3})});
    row("prod", [](const TensorList& a) { return TensorList{prod(a[0])}; }, {r({4})});
    row("max_min_dim", [](const TensorList& a) {
      return TensorList{std::get<0>(max(a[0], 1)) + std::get<0>(min(a[0], 1))};
    }, {r({3, 4})});
    row("amax", [](const TensorList& a) { return TensorList{amax(a[0], {0})}; }, {r({3, 4})});
    row("norm", [](const TensorList& a) { return TensorList{norm(a[0]), norm(a[0], 1, {1})}; }, {r({3, 4})});
    row("var_std", [](const TensorList& a) { return TensorList{var(a[0], {1}), paratrace::std(a[0], {0})}; }, {r({3, 4})});
    row("logsumexp", [](const TensorList& a) { return TensorList{logsumexp(a[0], {1})}; }, {r({3, 4})});
    row("softmax", [](const TensorList& a) { return TensorList{softmax(a[0], 1), log_softmax(a[0], 0)}; }, {r({3, 4})});
    row("topk", [](const TensorList& a) { return TensorList{std::get<0>(topk(a[0], 2))}; }, {r({3, 4})});
    row("mm_bmm", [](const TensorList& a) { return TensorList{mm(a[0], a[1]), bmm(a[2], a[3])}; },
        {r({2, 3}), r({3, 4}), r({2, 2, 3}), r({2, 3, 2})});
    row("matmul_broadcast", [](const TensorList& a) { return TensorList{matmul(a[0], a[1])}; }, {r({2, 2, 3}), r({3, 2})});
    row("mv_dot_outer", [](const TensorList& a) {
      return TensorList{mv(a[0], a[1]), dot(a[1], a[1]), outer(a[1], a[2])};
    }, {r({2, 3}), r({3}), r({2})});
    row("linear", [](const TensorList& a) { return TensorList{linear(a[0], a[1], a[2])}; }, {r({4, 3}), r({2, 3}), r({2})});
    row("bilinear", [](const TensorList& a) { return TensorList{bilinear(a[0], a[1], a[2], a[3])}; },
        {r({2, 3}), r({2, 2}), r({4, 3, 2}), r({4})});
    row("views", [](const TensorList& a) {
      Tensor x = a[0];
      return TensorList{x.t().reshape({-1}), x.transpose(0, 1).contiguous(), x.permute({1, 0}).unsqueeze(0).squeeze(0),
                        x.expand({2, 2, 3}), x.flatten(), x.narrow(1, 1, 2), x.slice(1, 0, 3, 2), x.select(0, 1),
                        x.diagonal(), x.mT(), x.T()};
    }, {r({2, 3})});
    row("split_chunk_unbind", [](const TensorList& a) {
      auto c = chunk(a[0], 2, 1);
      auto s = split(a[0], 2, 0);
      auto u = unbind(a[0], 0);
      return TensorList{c[1], s[0], u[2] * 2.0};
    }, {r({3, 4})});
    row("cat_stack", [](const TensorList& a) { return TensorList{cat({a[0], a[1]}, 0), stack({a[0], a[0]}, 1)}; },
        {r({2, 3}), r({1, 3})});
    row("index_gather", [](const TensorList& a) {
      Tensor idx = tensor({2, 0, 2});
      return TensorList{index(a[0], {idx}), gather(a[0], 1, tensor({{0, 1}, {2, 2}, {1, 0}})),
                        index_select(a[0], 1, tensor({1}))};
    }, {r({3, 3})});
    row("index_put", [](const TensorList& a) {
      return TensorList{index_put(a[0], {tensor({0, 2})}, a[1], false), index_put(a[0], {tensor({1, 1})}, a[2], true)};
    }, {r({3, 2}), r({2, 2}), r({2})});
    row("tri_diag", [](const TensorList& a) {
      return TensorList{triu(a[0], 1), tril(a[0]), diag(a[0]), diag(diag(a[0])), diag_embed(a[1])};
    }, {r({3, 3}), r({2, 3})});
    row("repeat_flip", [](const TensorList& a) { return TensorList{repeat(a[0], {2, 1, 2}), flip(a[0], {0, 1})}; },
        {r({2, 3})});
    row("python_indexing", [](const TensorList& a) {
      return TensorList{a[0].index({Slice(0, 2), 1}), a[0].index({Ellipsis, None, Slice(1, None)}),
                        a[0].index({gt(a[0], 0.0)})};
    }, {r({3, 3})});
    row("clone", [](const TensorList& a) { return TensorList{clone(a[0])}; }, {r({3})});
    row("mse_loss", [](const TensorList& a) { return TensorList{mse_loss(a[0], a[1]), mse_loss(a[0], a[1], "none")}; },
        {r({2, 3}), r({2, 3})});
    row("conv2d", [](const TensorList& a) { return TensorList{conv2d(a[0], a[1], a[2], {1, 1}, {1, 1})}; },
        {r({1, 2, 4, 4}), r({3, 2, 3, 3}), r({3})});
    row("pools", [](const TensorList& a) {
      return TensorList{max_pool2d(a[0], {2, 2}), avg_pool2d(a[0], {2, 2}, {1, 1})};
    }, {r({1, 1, 4, 4})});
    row("layer_group_norm", [](const TensorList& a) {
      return TensorList{layer_norm(a[0], {4}, a[1], a[2]), group_norm(a[0].reshape({1, 4, 2}), 2)};
    }, {r({2, 4}), r({4}), r({4})});
    row("embedding_cross_entropy", [](const TensorList& a) {
      return TensorList{embedding(a[0], tensor({1, 0, 1})), cross_entropy(a[1], tensor({0, 2}))};
    }, {r({3, 2}), r({2, 3})});
  }

  void differentiableOpsPass() {
    QFETCH(Fn, fn);
    QFETCH(TensorList, inputs);
    const auto res = autograd::gradcheck(fn, inputs);
    QVERIFY2(res.ok, res.message.c_str());
  }
};

QTEST_GUILESS_MAIN(TestGradcheck)
#include "tst_gradcheck.moc"
