"""Resident memory of a process that loads the bundled classifier, loading as shipped against copying the weights.

    python bench/model_memory.py [--dtype auto] [--rounds 2]

Each round starts two fresh interpreters, one after the other: ``copy`` loads with ``load_state_dict`` copying the
weights into the ones ``from_config`` initialised (what ``partial.load_partial_model`` did before), ``assign`` as
shipped (``assign=True``: the loaded tensors become the parameters). Each prints its resident memory (VmRSS) after
importing torch, after loading, and after glibc's ``malloc_trim``, and the negative probability of three texts, so
the two are checked to score alike. Then (``--score``) it scores held-out reviews in claims of 256, as the
worker does, and prints its resident memory before and after ``jobs.release_freed_memory``, which the model jobs
call when they end.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CHILD = r"""
import ctypes, json, os, sys, time
sys.path.insert(0, sys.argv[1])

def rss():
    with open(f"/proc/{os.getpid()}/status") as status:
        return next(int(line.split()[1]) // 1024 for line in status if line.startswith("VmRSS"))

import torch
torch.set_num_threads(2)
figures = {"torch": rss()}
if sys.argv[2] == "copy":
    shipped = torch.nn.Module.load_state_dict
    torch.nn.Module.load_state_dict = lambda self, state, strict=True, assign=False: shipped(self, state, strict)
from moderation.classifier import load_classifier
started = time.perf_counter()
classifier = load_classifier(device="cpu", dtype=sys.argv[3])
figures["load_s"] = round(time.perf_counter() - started, 1)
figures["loaded"] = rss()
ctypes.CDLL("libc.so.6").malloc_trim(0)
figures["trimmed"] = rss()
texts = ["Nul", "Super produit, je recommande", "Broke after two days, the strap snapped"]
figures["p"] = [round(p.negative_probability, 6) for p in classifier.predict(texts)]
if sys.argv[4] != "0":
    sys.path.insert(0, os.path.join(sys.argv[1], "bench"))
    from pathlib import Path
    from worker import sample_texts  # bench/worker.py: held-out reviews, the same for every run
    root = Path(sys.argv[1])
    reviews, _ = sample_texts(int(sys.argv[4]), root / "data" / "eval", root.parent / "shared" / "data")
    for start in range(0, len(reviews), 256):  # as the worker claims them
        classifier.predict(reviews[start : start + 256], batch_size=32)
    figures["scored"] = rss()
    from moderation.jobs import release_freed_memory
    release_freed_memory()
    figures["released"] = rss()
print(json.dumps(figures))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dtype", default="auto")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--score", type=int, default=2000, help="then score this many held-out reviews (0: none)")
    args = parser.parse_args()
    for round_no in range(1, args.rounds + 1):
        for mode in ("copy", "assign"):
            out = subprocess.run(
                [sys.executable, "-c", CHILD, str(ROOT), mode, args.dtype, str(args.score)],
                check=True, capture_output=True, text=True,
            ).stdout  # fmt: skip
            f = json.loads(out.strip().splitlines()[-1])
            print(f"round {round_no} {mode:<6} RSS after torch {f['torch']} MiB, after load {f['loaded']} MiB "
                  f"({f['load_s']} s), after malloc_trim {f['trimmed']} MiB; p(negative) {f['p']}")  # fmt: skip
            if "scored" in f:
                print(f"    after scoring {args.score} reviews in claims of 256: {f['scored']} MiB; after the job's "
                      f"release_freed_memory: {f['released']} MiB")  # fmt: skip


if __name__ == "__main__":
    main()
