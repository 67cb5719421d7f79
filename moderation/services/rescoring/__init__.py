"""Rescoring: every stored item scored again under a new model version, in chunks, with a diff before activation.

A run covers the items of one site (or all) created since a date (or ever). Its items are cut into chunks of
consecutive ids (keyset pages), one rq job per chunk. A chunk's scores and its ``done`` mark are written in one
transaction, and ``done`` is set by a compare-and-set, so a chunk is applied once or not at all however many times
its job runs (retries, a killed worker, a re-run of the command). Scores are new rows per model version: history
is never overwritten. Nothing touches the moderators' queue until the run is activated.

The modules, in the order a run meets them: ``runs`` (scope, plan, progress), ``dispatch`` (one rq job per chunk),
``chunks`` (a chunk job's work), ``diff`` (what the new model changes), ``activation`` (the queue follows it).
Model versions and the classifiers loaded for them are ``services.model_versions``, shared with live scoring.
"""

from __future__ import annotations

from ..model_versions import load_model, register_model_version
from .activation import activate_run
from .chunks import classifier_for_run, default_batch_size, model_text, rescore_chunk, score_texts, use_overlap
from .diff import Agreement, CaseAction, DiffReport, DiffRow, case_action, diff_csv_lines, diff_report, diff_rows
from .dispatch import TERMINAL_JOB_STATES, chunk_job_states, enqueue_pending_chunks, reclaim_abandoned
from .runs import (
    Progress,
    baseline_versions,
    create_run,
    find_run,
    finish_run_if_complete,
    plan_chunks,
    run_progress,
)
from .settings import setting

__all__ = [
    "TERMINAL_JOB_STATES",
    "Agreement",
    "CaseAction",
    "DiffReport",
    "DiffRow",
    "Progress",
    "activate_run",
    "baseline_versions",
    "case_action",
    "chunk_job_states",
    "classifier_for_run",
    "create_run",
    "default_batch_size",
    "diff_csv_lines",
    "diff_report",
    "diff_rows",
    "enqueue_pending_chunks",
    "find_run",
    "finish_run_if_complete",
    "load_model",
    "model_text",
    "plan_chunks",
    "reclaim_abandoned",
    "register_model_version",
    "rescore_chunk",
    "run_progress",
    "score_texts",
    "setting",
    "use_overlap",
]
