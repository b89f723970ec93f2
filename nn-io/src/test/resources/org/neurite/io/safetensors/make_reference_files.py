#!/usr/bin/env python3
"""Writes the safetensors reference files that SafetensorsReferenceTest checks the Java reader and writer against.

An implementation independent of Neurite's, from the format's specification alone (the safetensors package is
not installed here): 8 bytes of little-endian unsigned header length N, N bytes of compact UTF-8 JSON padded
with spaces to a multiple of 8, then the tensors' little-endian bytes back to back. As the reference writer
does, tensors are laid out by dtype alignment, largest first (F64, F32, BF16, F16), then by name in code point
order; "__metadata__" comes first (its keys sorted); each entry is {"dtype", "shape", "data_offsets"}.

Beside the .safetensors files it writes expected.txt, one line per tensor or metadata entry, every name and
string as the hex of its UTF-8 bytes:
  tensor FILE NAME_HEX DTYPE SHAPE D:<float64 bits,...> F:<float32 bits,...>
  meta FILE KEY_HEX VALUE_HEX
SHAPE is the dimensions joined by 'x', or '-' for a scalar; D are the values decoded exactly as float64, F as
float32 (float64 rounded to nearest), both as hex bit patterns, so NaN payloads and -0 are compared exactly.

Run with python3 (numpy only) from any folder: python3 make_reference_files.py
"""
import json
import os
import struct

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
ORDER = ["F64", "F32", "BF16", "F16"]  # alignment, largest first, as the reference sorts

F16_BITS = [0x0000, 0x8000, 0x0001, 0x8001, 0x03FF, 0x0400, 0x7BFF, 0xFBFF, 0x7C00, 0xFC00, 0x7E00,
            0xFE01, 0x3C00, 0x3555, 0xC000, 0x3BFF]
BF16_BITS = [0x0000, 0x8000, 0x0001, 0x807F, 0x007F, 0x0080, 0x7F7F, 0xFF7F, 0x7F80, 0xFF80, 0x7FC0,
             0xFFC1, 0x3F80, 0x3EAB, 0xC000, 0x4049]
F32_BITS = [0x00000000, 0x80000000, 0x00000001, 0x807FFFFF, 0x00800000, 0x7F7FFFFF, 0xFF7FFFFF,
            0x7F800000, 0xFF800000, 0x7FC00000, 0xFFC00123, 0x3F800000, 0x3EAAAAAB, 0x40490FDB]
F64_VALUES = [0.0, -0.0, 5e-324, -2.225073858507201e-308, 2.2250738585072014e-308, 1.7976931348623157e308,
              -1.7976931348623157e308, float("inf"), float("-inf"), float("nan"), 0.1, 1 / 3, 1e300, 1e-50,
              1 + 2.0 ** -24, 1 + 3 * 2.0 ** -24, -np.pi, 65504.0]


def decoded(dtype, raw):
    """The exact float64 and float32 values of the raw little-endian array raw of the given dtype."""
    if dtype == "F16":
        h = raw.view(np.float16)
        return h.astype(np.float64), h.astype(np.float32)
    if dtype == "BF16":
        f = (raw.astype(np.uint32) << 16).view(np.float32)
        return f.astype(np.float64), f
    if dtype == "F32":
        f = raw.view(np.float32)
        return f.astype(np.float64), f
    d = raw.view(np.float64)
    with np.errstate(over="ignore"):
        return d, d.astype(np.float32)


def raw_of(dtype, values):
    if dtype in ("F16", "BF16"):
        return np.array(values, dtype="<u2")
    if dtype == "F32":
        return np.array(values, dtype="<u4")
    return np.array(values, dtype="<u8")  # F64 values are given as their bits too


def key(tensor):
    name, dtype = tensor[0], tensor[1]
    return ORDER.index(dtype), [ord(c) for c in name]


def write(file_name, tensors, metadata):
    """tensors: (name, dtype, shape, raw values) tuples; metadata: dict of strings."""
    tensors = sorted(tensors, key=key)
    header = {}
    if metadata:
        header["__metadata__"] = {k: metadata[k] for k in sorted(metadata, key=lambda s: [ord(c) for c in s])}
    data = bytearray()
    lines = []
    for name, dtype, shape, values in tensors:
        raw = raw_of(dtype, values).reshape(shape)
        begin = len(data)
        data += raw.tobytes()
        header[name] = {"dtype": dtype, "shape": list(shape), "data_offsets": [begin, len(data)]}
        d, f = decoded(dtype, raw.reshape(-1))
        lines.append("tensor %s %s %s %s D:%s F:%s" % (
            file_name, name.encode("utf-8").hex(), dtype, "x".join(map(str, shape)) if shape else "-",
            ",".join("%016x" % b for b in d.view(np.uint64)), ",".join("%08x" % b for b in f.view(np.uint32))))
    for k, v in header.get("__metadata__", {}).items():
        lines.append("meta %s %s %s" % (file_name, k.encode("utf-8").hex(), v.encode("utf-8").hex()))
    text = json.dumps(header, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    text += b" " * (-len(text) % 8)
    with open(os.path.join(HERE, file_name), "wb") as out:
        out.write(struct.pack("<Q", len(text)) + text + bytes(data))
    return lines


def main():
    lines = []
    lines += write("f16.safetensors", [("half", "F16", (16,), F16_BITS)], {})
    lines += write("bf16.safetensors", [("bfloat", "BF16", (4, 4), BF16_BITS)], {})
    lines += write("f32.safetensors", [("single", "F32", (2, 7), F32_BITS)], {})
    lines += write("f64.safetensors", [("double", "F64", (3, 6), np.array(F64_VALUES).view("<u8"))], {})
    lines += write("mixed.safetensors", [
        ("weight", "F32", (2, 3), F32_BITS[:6]),
        ("bias", "F32", (3,), F32_BITS[6:9]),
        ("scalar", "F64", (), np.array([np.pi]).view("<u8")),
        ("empty", "F64", (0,), np.zeros(0, dtype="<u8")),
        ("wide", "F16", (2, 0, 5), []),
        ("h", "F16", (2, 2), F16_BITS[:4]),
        ("b", "BF16", (3, 1), BF16_BITS[:3]),
        ("\u00e9t\u00e9", "F16", (1,), [0x3C00]),
        ("\uff5e", "BF16", (1,), [0x3F80]),
        ("\U0001f600", "BF16", (1,), [0x4000]),
        ("quote\"back\\slash\ttab", "F32", (1,), [0x3F800000]),
    ], {"format": "pt", "note": "line\nbreak \"quoted\" \\ \u0001 caf\u00e9 \u65e5\u672c", "": "empty key",
        "\U0001f600": "emoji", "\uff5e": "fullwidth tilde"})
    with open(os.path.join(HERE, "expected.txt"), "w", encoding="ascii") as out:
        out.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
