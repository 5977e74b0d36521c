// Core speed targets, each measured beside the same workload in PyTorch by
// bench/compare.py: a Linear(8, 8) training step (batch 4, MSE loss, SGD)
// and a 512x512 float32 matrix product.
#include <benchmark/benchmark.h>

#include "paratrace/optim/sgd.h"
#include "paratrace/paratrace.h"

using namespace paratrace;

static void BM_LinearTrainingStep(benchmark::State& state) {
  manual_seed(0);
  Tensor w = randn({8, 8}).requires_grad_();
  Tensor b = randn({8}).requires_grad_();
  Tensor x = randn({4, 8});
  Tensor y = randn({4, 8});
  optim::SGD opt({w, b}, optim::SGDOptions{.lr = 0.01});
  for (auto _ : state) {
    // Zeroed in place, as PyTorch 1.13's zero_grad() does in the reference.
    opt.zero_grad(/*set_to_none=*/false);
    Tensor loss = mse_loss(linear(x, w, b), y);
    loss.backward();
    opt.step();
  }
  benchmark::DoNotOptimize(w.raw_data());
}
BENCHMARK(BM_LinearTrainingStep);

static void BM_Matmul512(benchmark::State& state) {
  manual_seed(0);
  Tensor a = randn({512, 512});
  Tensor b = randn({512, 512});
  for (auto _ : state) {
    Tensor c = mm(a, b);
    benchmark::DoNotOptimize(c.raw_data());
  }
}
BENCHMARK(BM_Matmul512)->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
