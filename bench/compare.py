#!/usr/bin/python3
"""Runs bench_core and the PyTorch reference in the same run and prints a
Markdown table of the ratios (PyTorch time / Paratrace time; > 1 means
Paratrace is faster). Usage:
    bench/compare.py build/release/bench/bench_core
    bench/compare.py build/release/bench/bench_jit bench/pytorch_reference_jit.py
"""
import json
import os
import subprocess
import sys

here = os.path.dirname(os.path.abspath(__file__))
binary = sys.argv[1]
reference = sys.argv[2] if len(sys.argv) > 2 else os.path.join(here, "pytorch_reference.py")
env = dict(os.environ, OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1")
# Both sides report the best of three timed runs of at least a second each
# (pytorch_reference.py takes min(timeit.repeat(..., repeat=3))), so one
# noisy run on a shared machine does not decide the ratio.
ours = json.loads(subprocess.check_output(
    [binary, "--benchmark_format=json", "--benchmark_min_time=1", "--benchmark_repetitions=3"], env=env))
ref = json.loads(subprocess.check_output(["/usr/bin/python3", reference], env=env))

best = {}
for b in ours["benchmarks"]:
    if b.get("run_type") == "aggregate":
        continue
    unit = {"ns": 1, "us": 1e3, "ms": 1e6}[b["time_unit"]]
    name = b.get("run_name", b["name"])
    best[name] = min(best.get(name, float("inf")), b["real_time"] * unit)

print(f"PyTorch {ref['torch_version']} (OpenBLAS: {ref['blas']}), one thread\n")
print("| benchmark | Paratrace | PyTorch | PyTorch / Paratrace |")
print("|---|---:|---:|---:|")
for name, t_ours in best.items():
    if name not in ref["results"]:
        continue
    t_ref = ref["results"][name]
    print(f"| {name} | {t_ours / 1e3:.2f} µs | {t_ref / 1e3:.2f} µs | {t_ref / t_ours:.2f}× |")
