#!/usr/bin/python3
"""PyTorch 1.13 timings of the same workloads as bench_core, on one thread.

Prints JSON {benchmark name: nanoseconds per iteration}. Run with Debian's
/usr/bin/python3 (python3-torch) and libopenblas0-pthread installed, or
torch falls back to reference BLAS and the comparison means nothing.
"""
import json
import sys
import timeit

import torch

torch.set_num_threads(1)
torch.manual_seed(0)


def linear_training_step():
    model = torch.nn.Linear(8, 8)
    opt = torch.optim.SGD(model.parameters(), lr=0.01)
    x = torch.randn(4, 8)
    y = torch.randn(4, 8)

    def step():
        opt.zero_grad()
        loss = torch.nn.functional.mse_loss(model(x), y)
        loss.backward()
        opt.step()

    return step


def matmul_512():
    a = torch.randn(512, 512)
    b = torch.randn(512, 512)
    return lambda: torch.mm(a, b)


def ns_per_call(fn, min_time=1.0):
    fn()
    number = 1
    while True:
        t = timeit.timeit(fn, number=number)
        if t >= min_time:
            break
        number *= 2
    best = min(timeit.repeat(fn, number=number, repeat=3))
    return best / number * 1e9


def openblas_loaded():
    """Whether the process maps OpenBLAS. Debian's torch reports BLAS_INFO=generic
    because it links the libblas.so.3 alternative, which is OpenBLAS when
    libopenblas0-pthread is installed."""
    with open("/proc/self/maps") as maps:
        return "openblas" in maps.read().lower()


if __name__ == "__main__":
    results = {
        "BM_LinearTrainingStep": ns_per_call(linear_training_step()),
        "BM_Matmul512": ns_per_call(matmul_512()),
    }
    json.dump({"torch_version": torch.__version__, "blas": openblas_loaded(),
               "results": results}, sys.stdout, indent=2)
    print()
