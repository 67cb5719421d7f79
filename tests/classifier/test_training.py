"""The training recipe: validation weighted by source, the label threshold, int8 storage, and `model train`."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
import torch
from click.testing import CliRunner

from moderation.classifier.partial import SCALE_SUFFIX, dequantise, quantise_int8
from moderation.classifier.training import (
    balanced_accuracy,
    choose_threshold,
    false_alarm_rate,
    fit_platt,
    group_weights,
)


def test_sources_weigh_the_same_in_balanced_accuracy():
    # Source 0: 8 texts, all right. Source 1: 2 texts, one right.
    probability = torch.tensor([0.9, 0.9, 0.9, 0.9, 0.1, 0.1, 0.1, 0.1, 0.9, 0.9])
    is_negative = torch.tensor([True] * 4 + [False] * 4 + [True, False])
    groups = torch.tensor([0] * 8 + [1, 1])
    assert balanced_accuracy(probability, is_negative, 0.5) == pytest.approx((5 / 5 + 4 / 5) / 2)
    assert balanced_accuracy(probability, is_negative, 0.5, groups) == pytest.approx((1.0 + 0.5) / 2)
    assert false_alarm_rate(probability, is_negative, 0.5) == pytest.approx(1 / 5)
    assert false_alarm_rate(probability, is_negative, 0.5, groups) == pytest.approx((0 + 1) / 2)
    weights = group_weights(groups, 10)
    assert weights[:8].sum() == pytest.approx(weights[8:].sum())
    assert weights.mean() == pytest.approx(1.0)


def test_threshold_maximises_balanced_accuracy_within_the_false_alarm_cap():
    negatives = torch.tensor([0.55, 0.6, 0.65, 0.7, 0.8, 0.9])
    positives = torch.tensor([0.1, 0.2, 0.3, 0.52, 0.58, 0.62])
    probability = torch.cat([negatives, positives])
    is_negative = torch.tensor([True] * 6 + [False] * 6)
    # No cap that binds: 0.63 keeps every negative from 0.65 up and no positive: (4/6 + 6/6) / 2 — but 0.53
    # keeps all six negatives and labels two positives negative: (6/6 + 4/6) / 2, the same; the lowest wins.
    assert choose_threshold(probability, is_negative, 1.0) == 0.53
    # A 20% cap rules out 0.53 (2 of 6 positives); 0.59 gives (5/6 + 5/6) / 2, the best left.
    assert choose_threshold(probability, is_negative, 0.2) == 0.59
    # Nothing above 0.5 meets a zero cap until every positive is below: 0.63.
    assert choose_threshold(probability, is_negative, 0.0) == 0.63


def test_platt_fit_weighs_each_source_like_a_source_of_equal_size():
    # Source 0: 30 texts whose margins say little; source 1: 10 texts whose margins are reliable.
    torch.manual_seed(0)
    margins = torch.cat([torch.randn(30), torch.linspace(-3, 3, 10)])
    is_negative = torch.cat([torch.rand(30) > 0.5, torch.linspace(-3, 3, 10) + 0.3 * torch.randn(10) > 0])
    groups = torch.tensor([0] * 30 + [1] * 10)
    weighted = fit_platt(margins, is_negative, groups)
    # The same fit as with source 1 repeated three times and no weights.
    repeated = torch.cat([margins[:30], margins[30:].repeat(3)])
    repeated_labels = torch.cat([is_negative[:30], is_negative[30:].repeat(3)])
    assert weighted == pytest.approx(fit_platt(repeated, repeated_labels), abs=2e-3)
    # And not the unweighted fit of the original texts, where the noisy source dominates.
    assert weighted["scale"] > fit_platt(margins, is_negative)["scale"] + 0.05


def test_int8_storage_round_trips_within_half_a_step():
    torch.manual_seed(0)
    state = {"w": torch.randn(64, 32).to(torch.float16), "b": torch.randn(64).to(torch.float16)}
    stored = quantise_int8(state)
    assert stored["w"].dtype == torch.int8 and stored["b"].dtype == torch.float16
    scale = stored["w" + SCALE_SUFFIX]
    restored = dequantise(stored)
    assert set(restored) == {"w", "b"}
    error = (restored["w"] - state["w"].float()).abs()
    assert bool((error <= scale[:, None] / 2 + 1e-6).all())
    assert torch.equal(restored["b"], state["b"].float())


def _write(path: Path, rows: list[tuple[str, str, str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["text", "label", "source"])
        writer.writerows(rows)
    return path


POSITIVE = ["Très bon produit, je recommande.", "Great quality, love it.", "Parfait, livraison rapide.", "Works well."]
NEGATIVE = ["Cassé au bout de deux jours.", "Terrible, it broke at once.", "Nul, remboursement refusé.", "Awful."]


@pytest.mark.model
def test_train_command_writes_a_loadable_int8_model(tmp_path: Path, model_cache_dir: Path):
    from moderation.classifier.loading import load_transformer_classifier
    from moderation.cli.model import model_group

    train_rows = [(t, "pos", "a") for t in POSITIVE * 3] + [(t, "neg", "a") for t in NEGATIVE * 3]
    val_rows = [(t, "pos", "fr" if i % 2 == 0 else "en") for i, t in enumerate(POSITIVE)]
    val_rows += [(t, "neg", "fr" if i % 2 == 0 else "en") for i, t in enumerate(NEGATIVE)]
    out = tmp_path / "model"
    result = CliRunner().invoke(
        model_group,
        [
            "train",
            "--csv",
            str(_write(tmp_path / "train.csv", train_rows)),
            "--val-csv",
            str(_write(tmp_path / "val.csv", val_rows)),
            "--out",
            str(out),
            "--frozen-layers",
            "11",
            "--epochs",
            "1",
            "--device",
            "cpu",
            "--int8",
            "--cache-dir",
            str(model_cache_dir),
        ],
    )
    assert result.exit_code == 0, result.output
    summary = json.loads((out / "training.json").read_text())
    assert summary["config"]["int8"] is True and summary["val_weighting"] == "mean over sources"
    assert summary["device"] == "cpu"
    from safetensors.torch import load_file

    stored = load_file(str(out / "trained.safetensors"))
    assert stored["roberta.encoder.layer.11.attention.self.query.weight"].dtype == torch.int8
    assert not any(name.startswith("roberta.encoder.layer.10.") for name in stored)
    classifier = load_transformer_classifier(out, device="cpu", cache_dir=model_cache_dir)
    predictions = classifier.predict(POSITIVE + NEGATIVE)
    assert len(predictions) == 8 and all(0.0 <= p.negative_probability <= 1.0 for p in predictions)


def test_the_gpu_default_recipe_is_the_bundled_models():
    from moderation.classifier.folders import default_model_dir
    from moderation.cli.model import RECIPES

    shipped = json.loads((default_model_dir() / "training.json").read_text())["config"]
    assert {k: shipped[k] for k in RECIPES["cuda"]} == RECIPES["cuda"]


@pytest.mark.model
def test_train_without_recipe_options_takes_the_cpu_recipe_on_a_cpu(tmp_path: Path, model_cache_dir: Path):
    from moderation.cli.model import model_group

    rows = [(t, "pos", "a") for t in POSITIVE * 2] + [(t, "neg", "a") for t in NEGATIVE * 2]
    out = tmp_path / "model"
    args = ["train", "--csv", str(_write(tmp_path / "train.csv", rows)), "--out", str(out)]
    result = CliRunner().invoke(model_group, [*args, "--device", "cpu", "--cache-dir", str(model_cache_dir)])
    assert result.exit_code == 0, result.output
    assert "recipe: 8 frozen layers, 4 epochs, lr 0.0001, fp16" in result.output
    config = json.loads((out / "training.json").read_text())["config"]
    assert (config["frozen_layers"], config["epochs"], config["int8"]) == (8, 4, False)
