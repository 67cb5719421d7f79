"""Bulk actions on a queue filter: count preview, apply, undo."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from ..extensions import db
from ..services import access, case_queue
from ..services import bulk as bulk_service
from ..services.errors import ServiceError
from .auth import me
from .blueprint import bp
from .forms import ActionForm, BulkForm


def filters_from(values):
    sites = access.visible_sites(me())
    filters = case_queue.QueueFilters.from_args(values, {s.slug: s.id for s in sites})
    return sites, filters, filters.as_args({s.id: s.slug for s in sites})


@bp.get("/bulk")
def bulk():
    """Choose a filter, see how many cases it matches, then act on all of them."""
    sites, filters, args = filters_from(request.args)
    previewed = request.args.get("preview") == "1"
    preview = bulk_service.preview(me(), filters) if previewed else None
    count = preview.count if preview else None
    form = BulkForm(expected=count)
    template = "console/_bulk_preview.html" if request.headers.get("HX-Request") else "console/bulk.html"
    return render_template(
        template,
        sites=sites,
        filters=filters,
        args=args,
        count=count,
        sample=preview.sample if preview else [],
        held=preview.held if preview else 0,
        form=form,
        undo_form=ActionForm(),
        reasons=case_queue.REASONS,
        states=case_queue.STATE_FILTERS,
        limit=bulk_service.BULK_MAX,
        runs=bulk_service.recent_runs(me()),
    )


@bp.post("/bulk")
def bulk_apply():
    """Apply the chosen action to every case the filter matches."""
    sites, filters, args = filters_from(request.form)
    form = BulkForm()
    if not form.validate_on_submit():
        flash(_("Preview the count before applying a bulk action."), "error")
        return redirect(url_for("console.bulk", **args))
    try:
        result = bulk_service.apply(
            me(), filters, form.action.data, note=form.note.data or None, filter_args=args, expected=form.expected.data
        )
        db.session.commit()
    except ServiceError as exc:
        db.session.rollback()
        flash(exc.message, "error")
        return redirect(url_for("console.bulk", preview="1", **args))
    flash(
        _("%(done)s cases changed, %(skipped)s skipped.", done=result.done, skipped=len(result.skipped)),
        "ok",
    )
    return redirect(url_for("console.bulk_run", bulk_id=result.bulk_id))


@bp.get("/bulk/<int:bulk_id>")
def bulk_run(bulk_id: int):
    """What a bulk run changed, with its undo button."""
    run = bulk_service.get_bulk(me(), bulk_id)
    return render_template(
        "console/bulk_run.html",
        run=run,
        undone=bulk_service.was_undone(bulk_id),
        case_ids=sorted(int(i) for i in (run.before or {}).get("cases", {})),
        undo_form=ActionForm(),
    )


@bp.post("/bulk/<int:bulk_id>/undo")
def bulk_undo(bulk_id: int):
    """Put back every case the run changed that nobody touched since."""
    try:
        result = bulk_service.undo(me(), bulk_id)
        db.session.commit()
        flash(
            _(
                "%(restored)s cases restored, %(skipped)s left as they are.",
                restored=result.restored,
                skipped=len(result.skipped),
            ),
            "ok",
        )
    except ServiceError as exc:
        db.session.rollback()
        flash(exc.message, "error")
    return redirect(url_for("console.bulk_run", bulk_id=bulk_id))
