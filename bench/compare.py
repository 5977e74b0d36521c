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
ours = json.loads(subprocess.check_output([binary, "--benchmark_format=json", "--benchmark_min_time=1"], env=env))
ref = json.loads(subprocess.check_output(["/usr/bin/python3", reference], env=env))

print(f"PyTorch {ref['torch_version']} (OpenBLAS: {ref['blas']}), one thread\n")
print("| benchmark | Paratrace | PyTorch | PyTorch / Paratrace |")
print("|---|---:|---:|---:|")
for b in ours["benchmarks"]:
    name = b["name"]
    if name not in ref["results"]:
        continue
    unit = {"ns": 1, "us": 1e3, "ms": 1e6}[b["time_unit"]]
    t_ours = b["real_time"] * unit
    t_ref = ref["results"][name]
    print(f"| {name} | {t_ours / 1e3:.2f} µs | {t_ref / 1e3:.2f} µs | {t_ref / t_ours:.1f}× |")
