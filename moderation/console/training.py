"""The Model page's training section (admins): the site's labelled items, the plan, runs, "rescore and activate"."""

from __future__ import annotations

from typing import Any

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _

from ..extensions import db
from ..models import Site
from ..services import accounts, training
from ..services.errors import ServiceError
from .auth import admin_required, me
from .blueprint import bp


def refusal_text(code: str, figures: dict[str, Any]) -> str:
    """Why a run cannot start, in the admin's language."""
    if code == "too_few_labelled":
        return _(
            "Not enough labelled items: this site has %(have)s, training needs %(need)s (stars and moderators' "
            "decisions).",
            **figures,
        )
    if code == "too_few_of_a_label":
        return _(
            "Not enough of each label: %(negative)s negative and %(positive)s positive items; training needs "
            "%(need)s of each.",
            **figures,
        )
    if code == "held_out_too_small":
        return _(
            "The held-out slice would have %(negative)s negative and %(positive)s positive items; comparing the "
            "models needs %(need)s of each.",
            **figures,
        )
    return code


def service_text(exc: ServiceError) -> str:
    messages = {
        "training_running": _("A training run is already queued or running for this site."),
        "queue_unavailable": _("The job queue is unreachable; try again shortly."),
        "not_finished": _("This training run has not finished."),
        "not_better": _("The trained model did not beat the active model on the held-out items."),
        "already_requested": _("Rescoring with this model was already started."),
        "active_model_changed": _("The site's active model changed since this comparison: train again."),
    }
    return messages.get(exc.code, exc.message)


def training_context(site: Site) -> dict[str, Any]:
    """What the Model page shows an admin about training on this site's data."""
    if training.fail_lost_runs(site.id):
        db.session.commit()
    plan = training.make_plan(site.id)
    runs = training.recent_runs(site.id)
    return {
        "plan": plan,
        "refusal": refusal_text(*plan.refusal) if plan.refusal else None,
        "running": training.active_run(site.id),
        "runs": [(run, training.progress_of(run)) for run in runs],
    }


@bp.get("/models/<slug>/training")
@admin_required
def training_panel(slug: str):
    """The training section alone, polled by the page while a run is queued or running."""
    site = accounts.get_site(slug)
    return render_template("console/_training.html", site=site, **training_context(site))


@bp.post("/models/<slug>/train")
@admin_required
def train_site(slug: str):
    """Queue a training run on the site's labelled items (refused below the minimums, or while one runs)."""
    site = accounts.get_site(slug)
    try:
        run, plan = training.start_training(me(), site)
        db.session.commit()
        training.enqueue_training(run)
        flash(
            _(
                "Training run %(id)s queued: %(n)s examples, about %(minutes)s min.",
                id=run.id,
                n=plan.train.total,
                minutes=max(1, round(plan.estimate_s / 60)),
            ),
            "ok",
        )
    except training.TrainingRefused as exc:
        db.session.rollback()
        flash(refusal_text(exc.code, exc.figures), "error")
    except ServiceError as exc:
        db.session.rollback()
        flash(service_text(exc), "error")
    return redirect(url_for("console.models", site=site.slug, _anchor="training"))


@bp.post("/models/<slug>/training-runs/<int:run_id>/activate")
@admin_required
def activate_trained_model(slug: str, run_id: int):
    """Rescore the site's items with a better trained model and activate it when done."""
    site = accounts.get_site(slug)
    run = training.run_for_site(site, run_id)
    try:
        rescore = training.rescore_and_activate(me(), run)
        db.session.commit()
        training.enqueue_rescore(rescore)
        flash(
            _("Rescoring %(n)s items with %(version)s; it becomes active when done.", n=rescore.total_items,
              version=run.candidate_version),
            "ok",
        )  # fmt: skip
    except ServiceError as exc:
        db.session.rollback()
        flash(service_text(exc), "error")
    return redirect(url_for("console.models", site=site.slug, _anchor="training"))
