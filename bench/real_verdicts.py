"""The content rules' verdicts on the real reviews of ../shared/data, dumped or compared.

    PYTHONPATH=$PWD python bench/real_verdicts.py --dump /tmp/before.jsonl
    PYTHONPATH=$PWD python bench/real_verdicts.py --dump /tmp/after.jsonl --against /tmp/before.jsonl

Every CSV there (columns ``text,stars,label,lang,source``) is real customer text: almost all of it should be
published and only real reports of harm lifted. A rule change is read against this stream, not only the labelled
set: the dump holds one line per text (file, row, hold reasons, lifts) and ``--against`` prints the counts of
both runs and every text whose verdict moved, so each one can be read.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import time
from collections import Counter
from pathlib import Path

from moderation.content import evaluate, warm

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data"


def texts(folder: Path = DATA):
    for path in sorted(folder.glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            for number, row in enumerate(csv.DictReader(handle)):
                yield f"{path.stem}:{number}", row["text"]


def verdicts(folder: Path = DATA) -> list[dict]:
    out = []
    for key, text in texts(folder):
        verdict = evaluate({"title": "", "body": text, "author_name": "Client"})
        out.append({"key": key, "hold": sorted(verdict.hold_reasons), "lifts": sorted(verdict.lifts), "text": text})
    return out


def counts(rows: list[dict]) -> str:
    held = Counter(reason for row in rows for reason in row["hold"])
    lifted = sum(1 for row in rows if "safety" in row["lifts"])
    holds = sum(1 for row in rows if row["hold"])
    return f"{len(rows)} texts, {holds} held {dict(sorted(held.items()))}, {lifted} lifted for safety"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dump", type=Path, required=True, help="where to write this run's verdicts")
    parser.add_argument("--against", type=Path, help="an earlier dump to compare with")
    parser.add_argument("--data", type=Path, default=DATA)
    args = parser.parse_args(argv)
    warm()
    started = time.process_time()
    rows = verdicts(args.data)
    seconds = time.process_time() - started
    args.dump.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8")
    print(f"now:    {counts(rows)}; {seconds / len(rows) * 1e6:.0f} µs CPU per text")
    if args.against:
        before = {row["key"]: row for row in map(json.loads, args.against.read_text(encoding="utf-8").splitlines())}
        print(f"before: {counts(list(before.values()))}")
        moved = [
            (before.get(row["key"]), row)
            for row in rows
            if before.get(row["key"], {}).get("hold") != row["hold"]
            or before.get(row["key"], {}).get("lifts") != row["lifts"]
        ]
        for old, new in moved:
            was = (old["hold"], old["lifts"]) if old else "absent"
            print(f"  {new['key']}: {was} -> {(new['hold'], new['lifts'])}: {new['text'][:160]!r}")
        print(f"{len(moved)} verdicts moved")
    return 0


if __name__ == "__main__":
    sys.exit(main())
