"""Product dashboard (each product's image over time) and model agreement."""

from __future__ import annotations

from flask import render_template, request
from flask_babel import gettext as _
from sqlalchemy import select

from ..extensions import db
from ..models import Case
from ..services import access, answers, flag_precision, hostility
from ..services import dashboard as dashboard_service
from ..services import health as health_service
from ..services import insights as insights_service
from ..services import listing as listing_service
from . import charts
from .auth import me
from .blueprint import bp
from .training import training_context


def charts_for(stats: dashboard_service.ImageStats) -> list[charts.LineChart]:
    labels = [m.month for m in stats.months]
    hours = [m.median_hours_to_answer for m in stats.months]
    top_hours = max([h for h in hours if h is not None] or [24.0])
    return [
        charts.line_chart(_("Average rating"), labels, [m.average for m in stats.months], 1, 5),
        charts.line_chart(_("Negative share"), labels, [m.negative_share for m in stats.months], 0, 1, fmt="{:.0%}"),
        charts.line_chart(_("Answered share"), labels, [m.answered_share for m in stats.months], 0, 1, fmt="{:.0%}"),
        charts.line_chart(_("Median hours to first answer"), labels, hours, 0, max(1.0, top_hours), fmt="{:.0f}"),
    ]


@bp.get("/dashboard")
def dashboard():
    """A site's products: their image, and those at risk."""
    site = access.site_for(me(), request.args.get("site"))
    stats = dashboard_service.image_stats(site.id)
    products = dashboard_service.product_rows(site.id)
    return render_template(
        "console/dashboard.html",
        site=site,
        sites=access.visible_sites(me()),
        stats=stats,
        products=products,
        at_risk=[p for p in products if p.at_risk],
        charts=charts_for(stats),
        bars=charts.histogram_bars(stats.histogram),
        rule=stats.rule,
        rising=insights_service.rising_topics(site.id, limit=10),
        health=health_service.site_overview(site.id),
        health_checked_at=site.health_checked_at,
        responsiveness=listing_service.responsiveness(site.id),
        satisfaction=answers.site_satisfaction(site.id),
        satisfaction_by_product={s.subject_id: s for s in answers.satisfaction_by_product(site.id)},
        satisfaction_by_team=answers.satisfaction_by_team(site.id),
    )


def case_ids_for(topics: list[dict]) -> dict[int, int]:
    """Quoted review → its case, so each quote links to where a moderator answers it."""
    item_ids = {example["item_id"] for topic in topics for example in topic["examples"]}
    if not item_ids:
        return {}
    return dict(db.session.execute(select(Case.item_id, Case.id).where(Case.item_id.in_(item_ids))).all())


@bp.get("/products/<int:subject_id>")
def product(subject_id: int):
    """One product's image over the last twelve months."""
    subject = access.subject_for(me(), subject_id)
    stats = dashboard_service.image_stats(subject.site_id, subject.id)
    stored = insights_service.stored_insights(subject.id)
    return render_template(
        "console/product.html",
        subject=subject,
        stats=stats,
        satisfaction=answers.site_satisfaction(subject.site_id, subject.id),
        charts=charts_for(stats),
        bars=charts.histogram_bars(stats.histogram),
        recent=dashboard_service.recent_reviews(subject.id, limit=20),
        rule=stats.rule,
        insights=stored,
        case_ids=case_ids_for(stored.topics if stored else []),
        health=health_service.health_json(subject),
        health_next=health_service.next_states(subject),
        health_owners=health_service.possible_owners(subject.site),
    )


@bp.get("/models")
def models():
    """Per model version: how often moderators answered its flags, and a threshold the labels suggest."""
    site = access.site_for(me(), request.args.get("site"))
    results = flag_precision.flag_precision_by_model(site)
    curves = [
        charts.line_chart(
            r.model_version,
            [f"{t:.2f}" for t, _p, _k in r.curve],
            [p for _t, p, _k in r.curve],
            0,
            1,
            fmt="{:.0%}",
        )
        if r.curve
        else None
        for r in results
    ]
    return render_template(
        "console/models.html",
        site=site,
        sites=access.visible_sites(me()),
        results=zip(results, curves, strict=True),
        readers=flag_precision.reader_flags(site),
        own_head=hostility.own_head(site),
        target=flag_precision.TARGET_PRECISION,
        min_labels=flag_precision.MIN_LABELS,
        **(training_context(site) if me().is_admin else {}),
    )
