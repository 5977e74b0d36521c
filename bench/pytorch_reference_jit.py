#!/usr/bin/python3
"""PyTorch 1.13 timings of bench_jit's workloads, on one thread: eager and
traced (torch.jit.trace) forward of the same small MLP under no_grad.
Prints the same JSON as pytorch_reference.py."""
import json
import os
import sys

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pytorch_reference import ns_per_call, openblas_loaded  # noqa: E402

torch.set_num_threads(1)
torch.manual_seed(0)


def small_mlp():
    return torch.nn.Sequential(torch.nn.Linear(16, 16), torch.nn.ReLU(), torch.nn.Linear(16, 16), torch.nn.Tanh())


if __name__ == "__main__":
    mlp = small_mlp().eval()
    x = torch.randn(4, 16)
    with torch.no_grad():
        traced = torch.jit.trace(mlp, x)
        for _ in range(5):  # let the profiling executor settle
            traced(x)
        results = {
            "BM_EagerSmallMLP": ns_per_call(lambda: mlp(x)),
            "BM_ReplaySmallMLP": ns_per_call(lambda: traced(x)),
        }
    json.dump({"torch_version": torch.__version__, "blas": openblas_loaded(),
               "results": results}, sys.stdout, indent=2)
    print()
