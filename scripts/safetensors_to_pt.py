#!/usr/bin/python3
"""Converts a safetensors file (for instance a state_dict saved by Paratrace's
io::save_state_dict) into a PyTorch checkpoint, and back, without the python
safetensors package (not in Debian 12):

    /usr/bin/python3 scripts/safetensors_to_pt.py model.safetensors model.pt
    /usr/bin/python3 scripts/safetensors_to_pt.py --reverse model.pt model.safetensors

In Python, `load_safetensors(path)` returns the state_dict directly:
    model.load_state_dict(load_safetensors("model.safetensors"))
"""
import json
import os
import struct
import sys

import torch

DTYPES = {"F32": torch.float32, "F64": torch.float64, "I64": torch.int64, "BOOL": torch.bool, "U8": torch.uint8}


def load_safetensors(path):
    with open(path, "rb") as f:
        data = f.read()
    (n,) = struct.unpack("<Q", data[:8])
    header = json.loads(data[8:8 + n])
    body = data[8 + n:]
    out = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        begin, end = info["data_offsets"]
        dtype = DTYPES[info["dtype"]]
        if begin == end:
            out[name] = torch.empty(info["shape"], dtype=dtype)
        else:
            out[name] = torch.frombuffer(bytearray(body[begin:end]), dtype=dtype).reshape(info["shape"])
    return out


def main():
    reverse = "--reverse" in sys.argv
    args = [a for a in sys.argv[1:] if a != "--reverse"]
    if len(args) != 2:
        sys.exit(__doc__)
    src, dst = args
    if reverse:
        sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "fixtures"))
        from fixture_io import write_safetensors
        write_safetensors(dst, list(torch.load(src).items()), {"format": "pt"})
    else:
        torch.save(load_safetensors(src), dst)


if __name__ == "__main__":
    main()
