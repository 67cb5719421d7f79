"""The training job's work: the site's items trained into a candidate, both models scored on the held-out slice.

The candidate is trained by ``classifier.recipe.train_with_recipe`` (what ``moderation model train --from-db``
runs), on the device the worker has: CUDA with the GPU recipe where there is one, else the CPU recipe (top
layers on cached states) on at most ``TRAINING_MAX_EXAMPLES`` texts. It is registered as a model version and
never activated here.
"""

from __future__ import annotations

import json
import logging
import os
import re
import time
from pathlib import Path

from flask import current_app

from ...classifier import Classifier
from ...classifier.recipe import resolve_recipe
from ...extensions import db
from ...models import ACTIVE_TRAINING_STATES, TrainingRun, TrainingRunState, utcnow
from .. import audit
from ..model_versions import classifier_for_version, import_callable, load_model, register_model_version, setting
from ..policy import effective_policy
from ..training_data import labelled_items
from .compare import held_out_figures, is_better
from .plan import count, refusal, split
from .runs import mark_failed, set_progress

log = logging.getLogger(__name__)

_EPOCH_STEP = re.compile(r"^epoch (\d+) step (\d+)/(\d+)")
# Progress by stage: up to 5% reading and scoring with the active model, 5-25% caching the lower layers,
# 25-85% the epochs, then the candidate's scoring and its registration.
TRAIN_FROM, CACHED_AT, EPOCHS_END = 0.05, 0.25, 0.85
# The job's rq execution is renewed for this long at each progress line; ``train`` logs at least every few
# minutes on 2 cores (every 50 cached batches, every 100 training steps), so only a dead worker lets it lapse.
LEASE_S = 900


class ProgressReporter:
    """Turns ``train``'s log lines into the run's progress and stage, written at most every ``every_s``."""

    def __init__(self, run_id: int, epochs: int, every_s: float = 2.0, renew=None):
        self.run_id, self.epochs, self.every_s, self.renew = run_id, max(1, epochs), every_s, renew
        self.written_at = float("-inf")
        self.progress = TRAIN_FROM

    def fraction(self, message: str) -> float | None:
        if message.startswith("cached lower states"):
            return CACHED_AT
        if match := _EPOCH_STEP.match(message):
            epoch, step, steps = int(match[1]), int(match[2]), int(match[3])
            return CACHED_AT + (EPOCHS_END - CACHED_AT) * (epoch - 1 + step / max(1, steps)) / self.epochs
        if message.startswith("{"):
            epoch = json.loads(message).get("epoch")
            if epoch:
                return CACHED_AT + (EPOCHS_END - CACHED_AT) * int(epoch) / self.epochs
        return None

    def __call__(self, message: str) -> None:
        log.info("training run %d: %s", self.run_id, message)
        if self.renew is not None:
            self.renew()
        fraction = self.fraction(message)
        if fraction is not None:
            self.progress = max(self.progress, fraction)
        now = time.monotonic()
        if now - self.written_at >= self.every_s or message.startswith("{"):
            self.written_at = now
            set_progress(self.run_id, self.progress, message)


def models_root() -> Path:
    configured = setting("TRAINING_MODELS_DIR")
    return Path(configured) if configured else Path(current_app.config["DATA_DIR"]) / "trained-models"


def active_classifier(version: str | None, held: Classifier | None) -> Classifier:
    """The model that scores the site's items now: its active version, or the worker's own when it has none."""
    if held is not None and version in (None, getattr(held, "model_version", None)):
        return held
    if version is None:
        raise RuntimeError("this worker holds no classifier to compare with: run it as `moderation worker`")
    return classifier_for_version(version)


def train_site_model(run_id: int, held: Classifier | None, lease=None) -> str:
    """Run one training run to its end (see the module docstring). Returns the run's final state.

    A run that is no longer queued or running (failed by a lost job, or a retry of a failed one) is left alone.
    Any error fails the run (audited) and is raised again, so rq records it.
    """
    run = db.session.get(TrainingRun, run_id)
    if run is None or run.state not in ACTIVE_TRAINING_STATES:
        log.warning("training run %s is not queued or running; nothing to do", run_id)
        return run.state if run is not None else "missing"
    try:
        return _train(run, held, lease)
    except BaseException as exc:  # noqa: BLE001 - recorded on the run, then raised again for rq
        db.session.rollback()
        if mark_failed(run_id, f"{type(exc).__name__}: {exc}"):
            db.session.commit()
        raise


def _train(run: TrainingRun, held: Classifier | None, lease) -> str:
    renew = lease(LEASE_S).renew if lease else None
    site = run.site
    run.state, run.started_at, run.progress, run.stage = TrainingRunState.RUNNING.value, utcnow(), 0.01, "reading"
    db.session.commit()
    rows = labelled_items(site.id)
    carved = split(rows)
    refused = refusal(count(rows), count(carved.train), count(carved.held_out))
    if refused is not None:
        raise RuntimeError(f"the site no longer has enough labelled items: {refused[0]} {refused[1]}")
    policy = effective_policy(site.policy)
    set_progress(run.id, 0.02, "scoring the held-out items with the active model")
    active = active_classifier(site.active_model_version, held)
    run = db.session.get(TrainingRun, run.id)
    run.active_version = active.model_version
    run.active_metrics = held_out_figures(active, carved.held_out, policy).as_dict()
    recipe = resolve_recipe(setting("TRAINING_DEVICE") or current_app.config.get("DEVICE", "auto"))
    if setting("TRAINING_EPOCHS"):
        recipe["epochs"] = int(setting("TRAINING_EPOCHS"))
    run.plan = {**run.plan, "used": {"recipe": recipe, "train": count(carved.train).as_dict(),
                                     "held_out": count(carved.held_out).as_dict()}}  # fmt: skip
    db.session.commit()
    out_dir = models_root() / site.slug / f"run-{run.id}"
    trainer = import_callable(setting("TRAINING_TRAINER"))
    reporter = ProgressReporter(run.id, int(recipe["epochs"]), renew=renew)
    summary = trainer(
        [r.text for r in carved.train],
        [r.label for r in carved.train],
        [r.source for r in carved.train],
        out_dir,
        recipe,
        name=f"e5-small-sentiment-{site.slug}",
        progress=reporter,
    )
    set_progress(run.id, EPOCHS_END + 0.05, "scoring the held-out items with the trained model")
    candidate = load_model(str(out_dir))
    candidate_metrics = held_out_figures(candidate, carved.held_out, policy).as_dict()
    version = candidate.model_version
    del candidate
    run = db.session.get(TrainingRun, run.id)
    register_model_version(version, os.path.abspath(out_dir))
    run.candidate_version, run.candidate_dir = version, os.path.abspath(out_dir)
    run.candidate_metrics = candidate_metrics
    run.better = is_better(candidate_metrics, run.active_metrics or {})
    run.plan = {**run.plan, "used": {**run.plan["used"], "device": summary.get("device"),
                                     "seconds": (summary.get("seconds") or {}).get("total")}}  # fmt: skip
    run.state, run.progress, run.stage, run.finished_at = TrainingRunState.DONE.value, 1.0, "done", utcnow()
    audit.record(
        "training.finished",
        "training_run",
        run.id,
        site_id=run.site_id,
        after={
            "candidate_version": version,
            "active_version": run.active_version,
            "better": run.better,
            "candidate": candidate_metrics,
            "active": run.active_metrics,
        },
    )
    db.session.commit()
    log.info("training run %d: %s, better than %s: %s", run.id, version, run.active_version, run.better)
    return run.state
