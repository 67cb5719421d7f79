"""Which recipe ``train`` runs on which device, and the one call that trains with it.

``moderation model train`` and the console's "train a model on this site's data" job both come through
``train_with_recipe``, so a site's model is trained exactly as the command line would train it. This module is
cheap to import (the web process reads ``RECIPES`` to show the plan); torch loads only when training starts.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from typing import Any

# What `model train` does when not told otherwise. On a GPU: the bundled model's recipe, every layer trained
# (2-3 minutes for 17,000 texts on an H200); on a CPU: the top 4 layers on cached states (~30 minutes on 2 cores
# for the same texts; every layer would take hours).
RECIPES: dict[str, dict[str, Any]] = {
    "cuda": {"frozen_layers": 0, "epochs": 6, "lr_layers": 3e-5, "int8": True},
    "cpu": {"frozen_layers": 8, "epochs": 4, "lr_layers": 1e-4, "int8": False},
}
ENCODER_LAYERS = 12
# Seconds one text costs per pass through all 12 layers while training on 2 CPU cores, from the figure above:
# the CPU recipe (8 frozen layers cached once, 4 epochs of the top 4 at ~3x a forward pass each) is
# 8/12 + 4 x 4/12 x 3 = 4.67 passes per text, and 17,000 texts took ~30 minutes: 1800 / 17000 / 4.67.
CPU_SECONDS_PER_TEXT_PASS = 0.023


def passes_per_text(frozen_layers: int, epochs: int) -> float:
    """How many full-encoder passes one training text costs under this recipe (see ``CPU_SECONDS_PER_TEXT_PASS``)."""
    frozen = frozen_layers / ENCODER_LAYERS
    return frozen + epochs * (1 - frozen) * 3


def resolve_recipe(
    device: str = "auto",
    frozen_layers: int | None = None,
    epochs: int | None = None,
    lr_layers: float | None = None,
    int8: bool | None = None,
) -> dict[str, Any]:
    """The device's recipe (``RECIPES``), with any value given here in place of its default.

    Returns:
        ``frozen_layers``, ``epochs``, ``lr_layers``, ``int8`` and ``device`` (``"cpu"`` or ``"cuda"``).
    """
    from .transformer import choose_device  # imports torch: only when a training run starts

    device_type = choose_device(device).device.type
    recipe = dict(RECIPES[device_type])
    given = {"frozen_layers": frozen_layers, "epochs": epochs, "lr_layers": lr_layers, "int8": int8}
    recipe.update({k: v for k, v in given.items() if v is not None})
    recipe["device"] = device_type
    return recipe


def train_with_recipe(
    texts: Sequence[str],
    labels: Sequence[int],
    sources: Sequence[str],
    out_dir: str | os.PathLike[str],
    recipe: dict[str, Any],
    *,
    name: str = "e5-small-sentiment-fr-en",
    batch_size: int = 32,
    max_length: int = 256,
    seed: int = 0,
    val_texts: Sequence[str] | None = None,
    val_labels: Sequence[int] | None = None,
    val_groups: Sequence[str] | None = None,
    cache_dir: str | None = None,
    progress: Callable[[str], None] | None = None,
) -> dict:
    """Train ``texts`` (1 = negative, 0 = positive) into ``out_dir`` with ``recipe`` (``resolve_recipe``).

    Within each source, negatives and positives weigh the same in the loss (``source_balanced_weights``).

    Returns:
        ``train``'s summary (per-epoch figures, calibration, threshold, device, timings).
    """
    from .training import TrainConfig, source_balanced_weights, train  # imports torch

    config = TrainConfig(
        name=name,
        frozen_layers=int(recipe["frozen_layers"]),
        epochs=int(recipe["epochs"]),
        batch_size=batch_size,
        max_length=max_length,
        seed=seed,
        lr_layers=float(recipe["lr_layers"]),
        int8=bool(recipe["int8"]),
    )
    extra = {"progress": progress} if progress is not None else {}
    return train(
        texts,
        labels,
        out_dir,
        val_texts=val_texts,
        val_labels=val_labels,
        val_groups=val_groups,
        sample_weights=source_balanced_weights(labels, sources),
        config=config,
        cache_dir=cache_dir,
        device=recipe["device"],
        **extra,
    )
