"""Summarises a `pip install --dry-run --report FILE` report for scripts/install.

    python scripts/pip_report.py REPORT [--cpu]

Prints one line per package that pip would install: `name==version  source`. With --cpu, exits 3 when the
report holds a CUDA package (nvidia-*, cuda-*, triton, a torch build tagged +cu…/+rocm…), so the installer
can refuse before anything is downloaded. Standard library only: it runs on the bare system Python.
"""

from __future__ import annotations

import json
import re
import sys
from urllib.parse import unquote, urlsplit

CUDA_PREFIXES = ("nvidia-", "cuda-", "triton", "pytorch-triton")


def normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def is_cuda(name: str, version: str) -> bool:
    if normalise(name).startswith(CUDA_PREFIXES):
        return True
    local = version.partition("+")[2].lower()
    return normalise(name) == "torch" and local.startswith(("cu", "rocm"))


def source(item: dict) -> str:
    url = (item.get("download_info") or {}).get("url", "")
    parts = urlsplit(url)
    if parts.scheme == "file":
        return "editable" if (item.get("download_info") or {}).get("dir_info") else f"local {unquote(parts.path)}"
    return parts.netloc or "?"


def main(argv: list[str]) -> int:
    path, cpu = argv[0], "--cpu" in argv[1:]
    with open(path, encoding="utf-8") as f:
        report = json.load(f)
    cuda = []
    rows = []
    for item in report.get("install", []):
        meta = item["metadata"]
        name, version = meta["name"], meta["version"]
        rows.append((normalise(name), version, source(item)))
        if is_cuda(name, version):
            cuda.append(f"{name}=={version}")
    width = max((len(n) + len(v) + 2 for n, v, _ in rows), default=0)
    for name, version, src in sorted(rows):
        print(f"  {f'{name}=={version}':<{width}}  {src}")
    print(f"  {len(rows)} package(s); CUDA packages: {', '.join(sorted(cuda)) if cuda else 'none'}")
    return 3 if cpu and cuda else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
