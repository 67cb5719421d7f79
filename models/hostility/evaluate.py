"""How the content rules and each hostility head read a probe no head was trained on.

    PYTHONPATH=. python models/hostility/evaluate.py [--probe models/hostility/probe46.jsonl] [HEAD.json ...]

Default heads: the separate reader's (``moderation/default_model/hostility.json``, over the e5 base) and the tap
head (``hostility-tap.json``, over the bundled classifier's own layer). For each it prints the hostile texts that
reach a moderator (held by a rule or flagged by the head), per category, and the clean texts it flags.

``probe46.jsonl``: 100 texts (50 hostile, 50 clean that a naive filter would flag; half French) written on
2026-12-06 by a helper session that read neither the rules, the training rows nor the code. **Evaluation only**:
no head is trained on it (``train.py`` never reads it) and no rule may be written from it, or its figures stop
meaning anything. A new probe, written the same way, is the measure of the next head.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from moderation.classifier.hostility import (  # noqa: E402
    DEFAULT_HEAD,
    DEFAULT_TAP_HEAD,
    HostilityHead,
    load_head,
    tap_of,
)
from moderation.content import evaluate  # noqa: E402


def vectors_for(head: HostilityHead, texts: list[str], classifiers: dict) -> np.ndarray:
    """The vectors ``head`` reads: the bundled classifier's tapped layer, or the e5 base cut as its name says."""
    # Imported here: torch and the models load only once the rules have been read.
    from moderation.classifier import load_classifier
    from moderation.classifier.embedding import TappedEmbedder, embedder_for

    tap = tap_of(head.embedder)
    if tap is None:
        return embedder_for(head.embedder, "cpu").embed(texts)
    classifier = classifiers.setdefault("bundled", load_classifier(device="cpu"))
    embedder = TappedEmbedder(classifier, tap[1])
    if not head.matches(embedder.name):
        raise SystemExit(f"{head.embedder}: the bundled classifier gives {embedder.name}")
    return embedder.embed(texts)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--probe", type=Path, default=Path(__file__).resolve().parent / "probe46.jsonl")
    parser.add_argument("heads", nargs="*", type=Path, default=[DEFAULT_HEAD, DEFAULT_TAP_HEAD])
    args = parser.parse_args(argv)

    rows = [json.loads(line) for line in args.probe.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts = [row["text"] for row in rows]
    hostile = np.array([bool(row["hostile"]) for row in rows])
    held = np.array([bool(evaluate({"body": text}).hold_reasons) for text in texts])
    print(f"{args.probe.name}: {int(hostile.sum())} hostile, {int((~hostile).sum())} clean")
    print(f"rules alone: hostile held {int((held & hostile).sum())}/{int(hostile.sum())}, "
          f"clean held {int((held & ~hostile).sum())}/{int((~hostile).sum())}")  # fmt: skip
    classifiers: dict = {}
    for path in args.heads:
        head = load_head(path)
        flagged = head.probabilities(vectors_for(head, texts, classifiers)) >= head.threshold
        reach = flagged | held
        print(f"{path.name} ({head.version}, {head.embedder}, bar {head.threshold:.3f}): hostile reaching a moderator "
              f"{int((reach & hostile).sum())}/{int(hostile.sum())} (the head flags {int((flagged & hostile).sum())}); "
              f"clean flagged by the head {int((flagged & ~hostile).sum())}/{int((~hostile).sum())}")  # fmt: skip
        categories: dict[str, list[int]] = {}
        for row, reached in zip(rows, reach, strict=True):
            if row["hostile"]:
                tally = categories.setdefault(row["category"], [0, 0])
                tally[0] += bool(reached)
                tally[1] += 1
        print("   per hostile category: " + ", ".join(f"{k} {a}/{b}" for k, (a, b) in sorted(categories.items())))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
