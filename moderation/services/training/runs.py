"""Training runs: started by an admin, enqueued on the training queue, watched, and turned into a rescore run.

Each step is audited: ``training.started`` (who, the plan), ``training.finished`` / ``training.failed`` (the
worker), ``training.activation_requested`` (who asked to rescore and activate; the activation itself is the
rescore run's ``site.model_activated``).
"""

from __future__ import annotations

import logging
from datetime import timedelta

import redis
from rq import Retry
from rq.exceptions import NoSuchJobError
from rq.job import Job
from sqlalchemy import select, update

from ...broker import enqueue, get_redis
from ...extensions import db
from ...models import (
    ACTIVE_TRAINING_STATES,
    Moderator,
    RescoreRun,
    RescoreRunState,
    Site,
    TrainingRun,
    TrainingRunState,
    utcnow,
)
from .. import audit, rescoring
from ..access import require_admin
from ..errors import Conflict, NotFound, ServiceError
from ..model_versions import register_model_version, setting
from .plan import TrainingPlan, make_plan

log = logging.getLogger(__name__)

# A queued or running run whose rq job is gone (Redis lost it) is failed after this long; one whose job rq
# marked failed or stopped (a killed worker, the time limit), at once.
LOST_JOB_GRACE_S = 120


class TrainingRefused(ServiceError):
    """Not enough labelled items for a run; ``code`` and ``figures`` say which minimum is missed."""

    def __init__(self, code: str, figures: dict[str, int]):
        super().__init__(code, f"cannot train on this site's data: {code} {figures}", status=409)
        self.figures = figures


def job_id(run_id: int) -> str:
    return f"training-{run_id}"


def recent_runs(site_id: int, limit: int = 5) -> list[TrainingRun]:
    query = select(TrainingRun).where(TrainingRun.site_id == site_id).order_by(TrainingRun.id.desc()).limit(limit)
    return list(db.session.execute(query).scalars())


def active_run(site_id: int) -> TrainingRun | None:
    query = select(TrainingRun).where(TrainingRun.site_id == site_id, TrainingRun.state.in_(ACTIVE_TRAINING_STATES))
    return db.session.execute(query.order_by(TrainingRun.id.desc()).limit(1)).scalar_one_or_none()


def start_training(actor: Moderator, site: Site) -> tuple[TrainingRun, TrainingPlan]:
    """Store a queued run of the site's plan and audit it; the caller commits, then calls ``enqueue_training``.

    Raises:
        Forbidden: not an admin. Conflict: a run of this site is queued or running.
        TrainingRefused: too few labelled items (the plan's refusal).
    """
    require_admin(actor)
    # One run per site at a time: two admins clicking together queue one run, the second is refused.
    db.session.execute(select(Site.id).where(Site.id == site.id).with_for_update()).scalar_one()
    fail_lost_runs(site.id)
    if active_run(site.id) is not None:
        raise Conflict("training_running", "a training run is already queued or running for this site")
    plan = make_plan(site.id)
    if plan.refusal is not None:
        raise TrainingRefused(*plan.refusal)
    run = TrainingRun(
        site_id=site.id,
        state=TrainingRunState.QUEUED.value,
        progress=0.0,
        stage="queued",
        plan=plan.as_dict(),
        active_version=site.active_model_version,
        started_by_id=actor.id,
    )
    db.session.add(run)
    db.session.flush()
    audit.record("training.started", "training_run", run.id, moderator_id=actor.id, site_id=site.id, after=run.plan)
    return run, plan


def enqueue_training(run: TrainingRun) -> None:
    """Put the committed run on the training queue; if Redis refuses, the run is failed (and committed).

    Raises:
        ServiceError: the queue is unreachable.
    """
    try:
        enqueue(
            setting("TRAINING_QUEUE"),
            "moderation.jobs.train_site_model",
            run.id,
            job_id=job_id(run.id),
            timeout=int(run.plan.get("timeout_s") or setting("TRAINING_JOB_TIMEOUT")),
            # A retry finds the run failed and does nothing: an admin starts a new run when the cause is fixed.
            retry=Retry(max=1),
        )
    except redis.RedisError as exc:
        db.session.rollback()
        mark_failed(run.id, f"could not enqueue the job: {exc}")
        db.session.commit()
        raise ServiceError("queue_unavailable", "the job queue is unreachable; try again shortly", status=503) from exc


def mark_failed(run_id: int, error: str) -> bool:
    """Fail a queued or running run and audit it; False when it had already ended. The caller commits."""
    run = db.session.get(TrainingRun, run_id)
    if run is None or run.state not in ACTIVE_TRAINING_STATES:
        return False
    before = {"state": run.state, "progress": run.progress}
    run.state = TrainingRunState.FAILED.value
    run.error = error[:2000]
    run.stage = "failed"
    run.finished_at = utcnow()
    audit.record(
        "training.failed", "training_run", run.id, site_id=run.site_id, before=before, after={"error": run.error}
    )
    return True


def fail_lost_runs(site_id: int) -> int:
    """Fail the site's queued or running runs whose rq job ended without them (killed worker, time limit) or is
    gone. Returns how many; the caller commits. Redis unreachable: nothing is decided."""
    failed = 0
    for run in db.session.execute(
        select(TrainingRun).where(TrainingRun.site_id == site_id, TrainingRun.state.in_(ACTIVE_TRAINING_STATES))
    ).scalars():
        try:
            job = Job.fetch(job_id(run.id), connection=get_redis())
            status = str(job.get_status(refresh=False).value)
        except NoSuchJobError:
            status = None
        except redis.RedisError:
            log.warning("cannot read training job %s; its run stays %s", job_id(run.id), run.state, exc_info=True)
            return failed
        age = (utcnow() - run.created_at).total_seconds()
        if status in rescoring.TERMINAL_JOB_STATES or (status is None and age > LOST_JOB_GRACE_S):
            reason = f"the job ended without finishing the run ({status or 'gone from the queue'})"
            failed += mark_failed(run.id, reason)
    return failed


def run_for_site(site: Site, run_id: int) -> TrainingRun:
    run = db.session.get(TrainingRun, run_id)
    if run is None or run.site_id != site.id:
        raise NotFound("training run")
    return run


def rescore_and_activate(actor: Moderator, run: TrainingRun) -> RescoreRun:
    """Rescore the site's items with the run's candidate and activate it when the last chunk is done.

    Only for a finished run whose candidate beat the site's active model on the held-out items, and only while
    that model is still the site's. The caller commits, then calls ``enqueue_rescore``.

    Raises:
        Forbidden: not an admin. Conflict: not finished, not better, asked already, or the site moved on.
    """
    require_admin(actor)
    if run.state != TrainingRunState.DONE.value or not run.candidate_version:
        raise Conflict("not_finished", "this training run has not finished")
    if not run.better:
        raise Conflict("not_better", "the trained model did not beat the active model on the held-out items")
    if run.rescore_run_id is not None:
        raise Conflict("already_requested", "rescoring with this model was already started")
    site = run.site
    if site.active_model_version not in (None, run.active_version):
        raise Conflict("active_model_changed", "the site's active model changed since this comparison; train again")
    model = register_model_version(run.candidate_version, run.candidate_dir or "")
    rescore = rescoring.find_run(model.version, site.id, None)
    if rescore is None:
        rescore = rescoring.create_run(model, site.id, None, int(setting("RESCORE_CHUNK_SIZE")), activate=True)
    rescore.activate_requested = True
    run.rescore_run_id = rescore.id
    run.activation_requested_at = utcnow()
    run.activation_requested_by_id = actor.id
    audit.record(
        "training.activation_requested",
        "training_run",
        run.id,
        moderator_id=actor.id,
        site_id=site.id,
        before={"active_model_version": site.active_model_version},
        after={"model_version": model.version, "rescore_run": rescore.id, "items": rescore.total_items},
    )
    return rescore


def enqueue_rescore(rescore: RescoreRun) -> int:
    """Enqueue the committed rescore run's chunks; a run with no chunk is activated at once. Returns jobs."""
    if rescore.state == RescoreRunState.FINISHED.value and rescore.activated_at is None:
        rescoring.activate_run(rescore.id)
        return 0
    return rescoring.enqueue_pending_chunks(rescore)


def progress_of(run: TrainingRun) -> dict:
    """The rescore run's progress after "Rescore and activate", for the console."""
    if run.rescore_run_id is None:
        return {}
    rescore = db.session.get(RescoreRun, run.rescore_run_id)
    return rescoring.run_progress(rescore).as_dict() if rescore is not None else {}


def set_progress(run_id: int, progress: float, stage: str) -> None:
    """Write the job's progress in its own short transaction (the console reads it while the job runs)."""
    db.session.execute(
        update(TrainingRun).where(TrainingRun.id == run_id).values(progress=round(progress, 3), stage=stage[:300])
    )
    db.session.commit()


def elapsed(run: TrainingRun) -> timedelta | None:
    if run.started_at is None:
        return None
    return (run.finished_at or utcnow()) - run.started_at
