"""The queue: waiting cases by priority, with filters, text search and keyset pages."""

from __future__ import annotations

from flask import current_app, redirect, render_template, request, url_for

from ..services import access, case_queue, search
from .auth import me
from .blueprint import bp
from .forms import ActionForm


def parse_filters():
    """The queue view in the request's query string: sites, parsed filters, and the args to carry in links."""
    sites = access.visible_sites(me())
    filters = case_queue.QueueFilters.from_args(request.args, {s.slug: s.id for s in sites})
    return sites, filters, filters.as_args({s.id: s.slug for s in sites})


@bp.get("/")
def queue():
    """Cases waiting for a moderator, most urgent first."""
    sites, filters, args = parse_filters()
    page = case_queue.page(me(), filters, request.args.get("after"))
    template = "console/_queue_results.html" if request.headers.get("HX-Request") else "console/queue.html"
    return render_template(
        template,
        page=page,
        sites=sites,
        filters=filters,
        args=args,
        reasons=case_queue.REASONS,
        states=case_queue.STATE_FILTERS,
        paged=bool(request.args.get("after")),
        form=ActionForm(),
        refresh_seconds=current_app.config["QUEUE_REFRESH_SECONDS"],
        refresh_url=url_for("console.queue", after=request.args.get("after") or None, **args),
    )


@bp.get("/next")
def next_case():
    """Open the first case of the moderator's queue view (by default the most urgent waiting case)."""
    _, filters, args = parse_filters()
    case_id = case_queue.top_case_id(me(), filters)
    return redirect(url_for("console.case", case_id=case_id, **args) if case_id else url_for("console.queue", **args))


@bp.get("/subjects")
def subject_picker():
    """The product picker's suggestions (options of a datalist): subjects whose id or name contains the words."""
    words = (request.args.get("subject") or request.args.get("q") or "").strip()[:200]
    site_ids = [s.id for s in parse_filters()[0]]
    choices = search.subject_choices(words, site_ids) if words else []
    return render_template("console/_subject_options.html", choices=choices)
