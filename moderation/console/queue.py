"""The queue: waiting cases by priority, with filters, text search and keyset pages."""

from __future__ import annotations

from flask import current_app, redirect, render_template, request, url_for
from flask_babel import lazy_gettext as _l

from ..models import Case
from ..services import access, case_queue, search
from ..services import cases as case_service
from ..vocabulary import ACTIVE_CASE_STATES, REPLY_REASONS, ItemStatus, RejectionReason
from .auth import me
from .blueprint import bp
from .forms import ActionForm

# Reasons a moderator can judge from the row alone: a published item that only waits for a possible answer.
# A reported item, the safety lane or an appeal needs its case page (evidence, readers' words), never a row button.
SIMPLE_REASONS = frozenset(REPLY_REASONS)
# A row's reject menu: the code the author is told (services.cases.REJECTION_REASONS), named briefly.
REJECT_LABELS = {
    RejectionReason.SPAM: _l("Spam"),
    RejectionReason.LINKS: _l("Links"),
    RejectionReason.ABUSIVE: _l("Abusive"),
    RejectionReason.PERSONAL_DATA: _l("Personal data"),
    RejectionReason.OFF_TOPIC: _l("Off topic"),
    RejectionReason.DUPLICATE: _l("Duplicate"),
    RejectionReason.OTHER: _l("Other"),
}


def parse_filters():
    """The queue view in the request's query string: sites, parsed filters, and the args to carry in links."""
    sites = access.visible_sites(me())
    filters = case_queue.QueueFilters.from_args(request.args, {s.slug: s.id for s in sites})
    return sites, filters, filters.as_args({s.id: s.slug for s in sites})


def view_args() -> dict[str, str]:
    """The queue view's args with its page (``after``), so an action from a row comes back to the same page."""
    after = request.args.get("after")
    return {**parse_filters()[2], **({"after": after} if after else {})}


def row_actions(case: Case) -> tuple[str, ...]:
    """What a queue row offers: approve/reject for a held item, dismiss for a simple reply case, else nothing.

    The services enforce the same rules (a held item's case closes only by approve or reject); this only
    decides which buttons a row shows.
    """
    if case.state not in ACTIVE_CASE_STATES:
        return ()
    if case_service.claim_is_live(case) and case.claimed_by_id != me().id:
        return ()
    if case.item.status == ItemStatus.HELD.value:
        return ("approve", "reject")
    if case.item.status == ItemStatus.PUBLISHED.value and case.reasons and set(case.reasons) <= SIMPLE_REASONS:
        return ("dismiss",)
    return ()


def results_context() -> dict:
    """What ``_queue_results.html`` needs for the request's view and page (the page, a refresh, a row action)."""
    sites, filters, args = parse_filters()
    after = request.args.get("after")
    return dict(
        page=case_queue.page(me(), filters, after),
        sites=sites,
        filters=filters,
        args=args,
        paged=bool(after),
        form=ActionForm(),
        row_actions=row_actions,
        reject_labels=REJECT_LABELS,
        here={**args, **({"after": after} if after else {})},
        refresh_seconds=current_app.config["QUEUE_REFRESH_SECONDS"],
        refresh_url=url_for("console.queue", after=after or None, **args),
    )


def render_queue(status: int = 200):
    """The queue page for the request's view and page; only its results for htmx."""
    fragment = bool(request.headers.get("HX-Request"))
    page = render_template(
        "console/_queue_results.html" if fragment else "console/queue.html",
        fragment=fragment,
        reasons=case_queue.REASONS,
        states=case_queue.STATE_FILTERS,
        **results_context(),
    )
    return page, status


@bp.get("/")
def queue():
    """Cases waiting for a moderator, most urgent first."""
    return render_queue()


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
