"""CPU per call of the content work one submission does: the phone matcher, ``evaluate`` and the duplicate
fingerprint, on the real reviews of ``../shared/data`` (column ``text``), old code against new in one run.

    PYTHONPATH=$PWD python bench/submission_cpu.py --baseline /tmp/base_tree [--rounds 5] [--evaluate-every 10]

``--baseline`` is a checkout of the old code (``git worktree add /tmp/base_tree <commit>``). Each round runs the
measuring part once per tree, old then new, each in a fresh interpreter with its tree first on ``PYTHONPATH``, so
the two alternate under the same load; the medians over the rounds are printed side by side with their ratio.
Figures are process CPU time (``time.process_time``), in microseconds per call:

* ``phones``: the phone matcher (``personal_data.phones``) over every text, its base view built beforehand (the
  engine builds it for the earlier phases);
* ``evaluate``: ``evaluate({"title": "", "body": text, "author_name": "Client"})`` over every Nth text, and over
  the submissions ``bench/ingest.py`` and ``bench/requests_profile.py`` post (short texts with a number);
* ``fingerprint``: the submission's fingerprint of title and body once the rules have run (texts as ``evaluate``),
  as ``services.submissions.create_item`` takes it: ``content.fingerprint`` of the joined text in the old code,
  ``Verdict.fingerprint_of("title", "body")`` where the verdict has it.
"""

from __future__ import annotations

import argparse
import csv
import glob
import importlib
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data"
# What the two load benches post: one review with a number in it, as the API receives it.
BENCH_SUBMISSIONS = [
    {"title": "", "body": f"Avis numéro {k}, chaussures correctes.", "author_name": "Client"} for k in range(1000, 1200)
] + [
    {"title": "", "body": f"Profile review {k}: the light is fine for reading at night.", "author_name": "Profile"}
    for k in range(200)
]


def load_texts(data: Path) -> list[str]:
    texts = []
    csv.field_size_limit(10_000_000)
    for path in sorted(glob.glob(str(data / "*.csv"))):
        with open(path, newline="", encoding="utf-8") as f:
            texts.extend(row["text"] or "" for row in csv.DictReader(f))
    return texts


def _cpu_per_call(calls) -> float:
    started = time.process_time()
    for call in calls:
        call()
    return (time.process_time() - started) / max(1, len(calls)) * 1e6


def measure(data: Path, evaluate_every: int) -> dict[str, float]:
    """One tree's figures (run in the tree's own interpreter)."""
    from moderation.content import evaluate, fingerprint, normalise, warm
    from moderation.content.verdict import Context

    phones = importlib.import_module("moderation.content.phases.personal_data").phones
    warm()
    texts = load_texts(data)
    if not texts:
        raise SystemExit(f"no CSV texts under {data} (--data)")
    contexts = [Context(normalise(t), "und") for t in texts]
    for ctx in contexts:
        ctx.text.base  # noqa: B018 (built, as the engine's earlier phases build it)
    figures = {"phones": _cpu_per_call([lambda c=c: phones(c) for c in contexts])}
    posted = [Context(normalise(f["body"]), "und") for f in BENCH_SUBMISSIONS]
    for ctx in posted:
        ctx.text.base  # noqa: B018
    figures["phones (bench posts)"] = _cpu_per_call([lambda c=c: phones(c) for c in posted])

    sample = [{"title": "", "body": t, "author_name": "Client"} for t in texts[::evaluate_every]]
    verdicts: list[tuple[dict, object]] = []
    figures["evaluate"] = _cpu_per_call([lambda f=f: verdicts.append((f, evaluate(f))) for f in sample])
    figures["evaluate (bench posts)"] = _cpu_per_call(
        [lambda f=f: verdicts.append((f, evaluate(f))) for f in BENCH_SUBMISSIONS]
    )
    if hasattr(verdicts[0][1], "fingerprint_of"):
        calls = [lambda v=v: v.fingerprint_of("title", "body") for _, v in verdicts]
    else:
        calls = [lambda f=f: fingerprint(f"{f['title'] or ''}\n{f['body']}") for f, _ in verdicts]
    figures["fingerprint"] = _cpu_per_call(calls)
    figures["texts"] = len(texts)
    figures["evaluated"] = len(sample)
    return figures


def run_tree(tree: str, args: argparse.Namespace) -> dict[str, float]:
    env = {**os.environ, "PYTHONPATH": tree}
    command = [sys.executable, str(Path(__file__).resolve()), "--measure", "--data", str(args.data)]
    command += ["--evaluate-every", str(args.evaluate_every)]
    out = subprocess.run(command, env=env, cwd=tree, check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", help="a checkout of the old code")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--evaluate-every", type=int, default=10, help="evaluate every Nth text (all: 1)")
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--measure", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(args.data, args.evaluate_every)))
        return 0
    new_tree = str(Path(__file__).resolve().parent.parent)
    trees = {"old": args.baseline, "new": new_tree} if args.baseline else {"new": new_tree}
    results: dict[str, list[dict[str, float]]] = {name: [] for name in trees}
    for round_number in range(1, args.rounds + 1):
        for name, tree in trees.items():
            figures = run_tree(tree, args)
            results[name].append(figures)
            shown = ", ".join(f"{k} {v:.1f}" for k, v in figures.items() if k not in ("texts", "evaluated"))
            print(f"round {round_number} {name}: {shown} µs  (load {os.getloadavg()[0]:.2f})", flush=True)
    first = results[next(iter(trees))][0]
    print(
        f"== {first['texts']} texts for phones, {first['evaluated']} (every {args.evaluate_every}th) for evaluate "
        f"and fingerprint, plus {len(BENCH_SUBMISSIONS)} bench posts; medians of {args.rounds} rounds, "
        "µs CPU per call"
    )
    for key in ("phones", "phones (bench posts)", "evaluate", "evaluate (bench posts)", "fingerprint"):
        medians = {name: statistics.median(r[key] for r in rounds) for name, rounds in results.items()}
        line = "  ".join(f"{name} {value:9.1f}" for name, value in medians.items())
        if "old" in medians:
            ratios = ", ".join(f"{n[key] / o[key]:.3f}" for o, n in zip(results["old"], results["new"], strict=True))
            line += f"  new/old {medians['new'] / medians['old']:.3f} (per round {ratios})"
        print(f"  {key:24s} {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
