"""Training a model on one site's own labelled items, from the console, and activating it only when it is better.

The modules, in the order a run meets them: ``plan`` (labels, the held-out slice, the plan and its refusals),
``runs`` (start, enqueue, lost jobs, "rescore and activate"), ``work`` (the job: train, compare, register),
``compare`` (both models' held-out figures and the "better" rule).
"""

from __future__ import annotations

from .compare import HeldOutFigures, held_out_figures, is_better
from .plan import LabelCounts, TrainingPlan, is_held_out, make_plan
from .runs import (
    TrainingRefused,
    active_run,
    enqueue_rescore,
    enqueue_training,
    fail_lost_runs,
    job_id,
    progress_of,
    recent_runs,
    rescore_and_activate,
    run_for_site,
    start_training,
)
from .work import train_site_model

__all__ = [
    "HeldOutFigures",
    "LabelCounts",
    "TrainingPlan",
    "TrainingRefused",
    "active_run",
    "enqueue_rescore",
    "enqueue_training",
    "fail_lost_runs",
    "held_out_figures",
    "is_better",
    "is_held_out",
    "job_id",
    "make_plan",
    "progress_of",
    "recent_runs",
    "rescore_and_activate",
    "run_for_site",
    "start_training",
    "train_site_model",
]
