"""Content rules over the labelled set in tests/data/content_rules.jsonl, per split (dev, holdout, all).

    PYTHONPATH=$PWD python bench/content_rules.py [--misses]

Prints hold recall (target >= 0.95), wrong holds among clean texts (<= 2%), safety lift rate (>= 90%: a lifted
case goes above every ordinary negative, whatever its rating or model score), language identified on texts of
20 characters or more (>= 95%), and microseconds per text. ``duplicate`` is decided as the service will: the same
fingerprint from the same author earlier in the stream.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

from moderation.content import evaluate, warm

DATA = Path(__file__).resolve().parent.parent / "tests" / "data" / "content_rules.jsonl"


def load(path: Path = DATA) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def run(rows: list[dict]) -> list[dict]:
    seen: set[tuple[str, str]] = set()
    results = []
    for row in rows:
        texts = {"title": row.get("title", ""), "body": row["text"]}
        verdict = evaluate(texts)
        held = set(verdict.hold_reasons)
        author = row.get("author")
        if author:
            key = (author, verdict.fingerprint)
            if key in seen:
                held.add("duplicate")
            seen.add(key)
        results.append({"row": row, "verdict": verdict, "held": held})
    return results


def report(name: str, results: list[dict], show_misses: bool) -> None:
    should_hold = [r for r in results if r["row"]["hold"]]
    caught = [r for r in should_hold if set(r["row"]["hold"]) & r["held"]]
    clean = [r for r in results if not r["row"]["hold"]]
    wrong = [r for r in clean if r["held"]]
    safety = [r for r in results if r["row"]["safety"]]
    lifted = [r for r in safety if "safety" in r["verdict"].lifts]
    not_safety = [r for r in results if not r["row"]["safety"]]
    false_lifts = [r for r in not_safety if "safety" in r["verdict"].lifts]
    lang_rows = [r for r in results if r["row"]["lang"] != "und" and len(r["row"]["text"]) >= 20]
    lang_ok = [r for r in lang_rows if r["verdict"].language == r["row"]["lang"]]
    reasons_right = [r for r in results if r["held"] == set(r["row"]["hold"])]

    def share(a: list, b: list) -> str:
        return f"{len(a) / len(b):.3f} ({len(a)}/{len(b)})" if b else "n/a"

    print(f"== {name}: {len(results)} texts")
    print(f"  hold recall              {share(caught, should_hold)}   target >= 0.95")
    print(f"  wrong holds among clean  {share(wrong, clean)}   target <= 0.02")
    print(f"  exact reasons            {share(reasons_right, results)}")
    print(f"  safety lift rate         {share(lifted, safety)}   target >= 0.90")
    print(f"  safety lifts, not safety {share(false_lifts, not_safety)}")
    print(f"  language (>= 20 chars)   {share(lang_ok, lang_rows)}   target >= 0.95")
    if show_misses:
        for r in should_hold:
            if r not in caught:
                print("    MISSED", r["row"]["id"], r["row"]["hold"], repr(r["row"]["text"][:90]))
        for r in wrong:
            print("    WRONG HOLD", r["row"]["id"], sorted(r["held"]), repr(r["row"]["text"][:90]))
        for r in results:
            if r["held"] != set(r["row"]["hold"]) and r not in wrong and r in caught:
                print("    REASONS", r["row"]["id"], sorted(r["held"]), r["row"]["hold"], repr(r["row"]["text"][:70]))
        for r in safety:
            if r not in lifted:
                print("    NOT LIFTED", r["row"]["id"], repr(r["row"]["text"][:90]))
        for r in false_lifts:
            print(
                "    FALSE LIFT",
                r["row"]["id"],
                [m.rule for m in r["verdict"].matches if m.reason == "safety"],
                repr(r["row"]["text"][:70]),
            )
        for r in lang_rows:
            if r not in lang_ok:
                print(
                    "    LANGUAGE", r["row"]["id"], r["row"]["lang"], r["verdict"].language, repr(r["row"]["text"][:60])
                )


def timing(rows: list[dict]) -> None:
    # CPU time of this process, not wall time: the machines this runs on are shared, and a neighbour's load
    # would otherwise be billed to the rules.
    typical = [r for r in rows if 50 <= len(r["text"]) <= 600] or rows
    samples = []
    for _ in range(5):
        for row in typical:
            started = time.process_time()
            evaluate({"body": row["text"]})
            samples.append((time.process_time() - started) * 1e6)
    samples.sort()
    review = (
        "Reçu hier, très déçu : la poignée s'est cassée au bout de deux jours et le service client ne répond "
        "pas. Commande n° 2024-5531, payé 129.99€. Je demande un remboursement rapide, sinon je laisse tomber "
        "cette marque. Dommage, le design était joli et la livraison rapide."
    )
    started = time.process_time()
    for _ in range(500):
        evaluate({"body": review})
    per_review = (time.process_time() - started) / 500 * 1e6
    print(
        f"== speed: median {statistics.median(samples):.0f} µs, p95 {samples[int(len(samples) * 0.95)]:.0f} µs "
        f"per text (CPU time) over {len(typical)} texts of 50–600 chars; "
        f"a {len(review)}-char review: {per_review:.0f} µs"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="list every miss (do not use on the holdout split)")
    parser.add_argument("--split", choices=["dev", "holdout", "all"], default=None)
    args = parser.parse_args()
    started = time.perf_counter()
    warm()
    print(f"warm-up (language model, suffix list, dictionaries): {time.perf_counter() - started:.1f} s")
    rows = load()
    results = run(rows)
    splits = [args.split] if args.split else ["dev", "holdout", "all"]
    for split in splits:
        chosen = [r for r in results if split == "all" or r["row"]["split"] == split]
        report(split, chosen, args.misses)
    timing(rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
