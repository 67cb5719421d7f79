"""Outside conversations in the console: a case of an external post marked "answered elsewhere", and the admin page
of the feeds a site follows."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, StringField
from wtforms.validators import DataRequired, Length

from ..extensions import db
from ..models import Feed
from ..services import accounts, external, feeds
from ..services.access import case_for
from ..services.errors import ServiceError
from .auth import admin_required, me
from .blueprint import bp
from .cases import back_to, onward
from .helpers import flash_refusal


class AnswerElsewhereForm(FlaskForm):
    url = StringField(_l("Link to your answer"), validators=[DataRequired(), Length(max=2000)])


class FeedForm(FlaskForm):
    url = StringField(_l("Feed URL (RSS or Atom)"), validators=[DataRequired(), Length(max=2000)])
    subject = StringField(_l("Subject"), validators=[DataRequired(), Length(max=200)])
    allow_private = BooleanField(_l("Allow a private-network address"))


@bp.post("/cases/<int:case_id>/answered-elsewhere")
def answered_elsewhere(case_id: int):
    """Close an external post's case: answered where it was written, with the link."""
    case = case_for(me(), case_id)
    form = AnswerElsewhereForm()
    if not form.validate_on_submit():
        flash(_("Give the link to your answer (http:// or https://)."), "error")
        return back_to(case, "#external")
    try:
        external.answer_elsewhere(me(), case, form.url.data)
        db.session.commit()
    except ServiceError as exc:
        if exc.field == "url":
            db.session.rollback()
            flash(_("Give the link to your answer (http:// or https://)."), "error")
        else:
            flash_refusal(exc, case)
        return back_to(case, "#external")
    flash(_("Case #%(id)s marked answered elsewhere.", id=case.id), "ok")
    return onward(case)


@bp.get("/admin/sites/<slug>/feeds")
@admin_required
def admin_feeds(slug: str):
    """The feeds a site follows, when each was last polled, and what it found."""
    site = accounts.get_site(slug)
    return render_template("console/admin_feeds.html", site=site, feeds=feeds.list_feeds(site), form=FeedForm())


@bp.post("/admin/sites/<slug>/feeds")
@admin_required
def admin_feed_add(slug: str):
    """Follow a feed."""
    site = accounts.get_site(slug)
    form = FeedForm()
    if not form.validate_on_submit():
        flash(_("A feed needs a URL and a subject."), "error")
        return redirect(url_for("console.admin_feeds", slug=slug))
    try:
        feeds.add_feed(site, form.url.data, form.subject.data.strip(), form.allow_private.data, moderator_id=me().id)
        db.session.commit()
        flash(_("Feed added; the next poll fetches it."), "ok")
    except ServiceError as exc:
        db.session.rollback()
        flash(_("Feed not added: %(why)s.", why=exc.message), "error")
    return redirect(url_for("console.admin_feeds", slug=slug))


@bp.post("/admin/sites/<slug>/feeds/<int:feed_id>/remove")
@admin_required
def admin_feed_remove(slug: str, feed_id: int):
    """Stop following a feed (what it brought stays)."""
    site = accounts.get_site(slug)
    feed = db.session.get(Feed, feed_id)
    if feed is None or feed.site_id != site.id or not FlaskForm().validate_on_submit():
        abort(404 if feed is None or feed.site_id != site.id else 400)
    feeds.remove_feed(feed, moderator_id=me().id)
    db.session.commit()
    flash(_("Feed removed."), "ok")
    return redirect(url_for("console.admin_feeds", slug=slug))
