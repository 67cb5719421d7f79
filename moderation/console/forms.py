"""Console forms (Flask-WTF): each carries the CSRF token that every console POST must present."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    EmailField,
    IntegerField,
    PasswordField,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
)
from wtforms.validators import DataRequired, Email, Length, NumberRange, Optional

from ..services.authors import MAX_STANDING_NOTE
from ..services.cases import MAX_REPLY_CHARS, REJECTION_REASONS
from ..services.notes import MAX_NOTE_CHARS


class LoginForm(FlaskForm):
    email = EmailField(_l("E-mail"), validators=[DataRequired(), Length(max=320)])
    password = PasswordField(_l("Password"), validators=[DataRequired(), Length(max=200)])


class ActionForm(FlaskForm):
    """A button that changes a case (claim, release, approve): only the CSRF token."""


class CloseForm(FlaskForm):
    note = StringField(_l("Note (optional)"), validators=[Optional(), Length(max=2000)])


class ReplyForm(FlaskForm):
    body = TextAreaField(_l("Public reply"), validators=[DataRequired(), Length(max=MAX_REPLY_CHARS)])


class NoteForm(FlaskForm):
    body = TextAreaField(_l("Internal note"), validators=[DataRequired(), Length(max=MAX_NOTE_CHARS)])


class RejectForm(FlaskForm):
    reason = SelectField(_l("Reason shown to the author"), choices=list(REJECTION_REASONS))


class AuthorStandingForm(FlaskForm):
    standing = SelectField(
        _l("Standing"),
        choices=[
            ("normal", _l("Normal: the rules decide")),
            ("trusted", _l("Trusted: skip the rules that hold (never the safety lane)")),
            ("always_hold", _l("Always hold: each new post waits for a moderator")),
            ("blocked", _l("Blocked: each new post is held as from a blocked author")),
        ],
    )
    note = StringField(_l("Why (kept in the audit log)"), validators=[Optional(), Length(max=MAX_STANDING_NOTE)])


class BulkForm(FlaskForm):
    action = SelectField(
        _l("Action"),
        choices=[("dismiss", _l("Dismiss (false alarm)")), ("resolve", _l("Resolve")), ("escalate", _l("Escalate"))],
    )
    note = StringField(_l("Note (optional)"), validators=[Optional(), Length(max=2000)])
    expected = IntegerField(validators=[DataRequired(), NumberRange(min=1)])


class NewSiteForm(FlaskForm):
    slug = StringField(_l("Slug"), validators=[DataRequired(), Length(max=64)])
    name = StringField(_l("Name"), validators=[Optional(), Length(max=200)])
    origins = TextAreaField(_l("Allowed widget origins (one per line)"), validators=[Optional()])


class SiteForm(FlaskForm):
    name = StringField(_l("Name"), validators=[DataRequired(), Length(max=200)])
    origins = TextAreaField(_l("Allowed widget origins (one per line)"), validators=[Optional()])
    words = TextAreaField(_l("Site rules (one per line: pattern action)"), validators=[Optional()])
    sla_low_rating_hours = IntegerField(_l("SLA for low ratings (hours)"), validators=[NumberRange(1, 720)])
    sla_default_hours = IntegerField(_l("SLA otherwise (hours)"), validators=[NumberRange(1, 720)])
    rewards_reviews = BooleanField(_l("Some reviews are rewarded (a gift, a draw, points): said on the public charter"))
    subjects = SelectField(
        _l("Subjects"),
        choices=[
            ("open", _l("Open: a first review or comment on a new page or product creates it")),
            ("catalogue", _l("Catalogue: only the subjects declared here, by import or at the command line")),
        ],
        validate_choice=False,  # checked by services.subjects; a form without it keeps the site's mode
    )
    new_subjects = TextAreaField(_l("Declare subjects (one id a line)"), validators=[Optional()])


class NewModeratorForm(FlaskForm):
    email = EmailField(_l("E-mail"), validators=[DataRequired(), Email(check_deliverability=False), Length(max=320)])
    name = StringField(_l("Name"), validators=[DataRequired(), Length(max=200)])
    password = PasswordField(_l("Password"), validators=[DataRequired(), Length(min=8, max=200)])
    role = SelectField(_l("Role"), choices=[("moderator", _l("Moderator")), ("admin", _l("Admin"))])
    sites = SelectMultipleField(_l("Sites"), choices=[])


class ModeratorForm(FlaskForm):
    name = StringField(_l("Name"), validators=[DataRequired(), Length(max=200)])
    role = SelectField(_l("Role"), choices=[("moderator", _l("Moderator")), ("admin", _l("Admin"))])
    active = BooleanField(_l("Active"))
    sites = SelectMultipleField(_l("Sites"), choices=[])
    password = PasswordField(_l("New password (optional)"), validators=[Optional(), Length(min=8, max=200)])


class TokenForm(FlaskForm):
    """A new API token: a site's (server integrations) or a moderator's (acts with their role and sites)."""

    name = StringField(_l("Name (what uses it)"), validators=[DataRequired(), Length(max=200)])
    owner = SelectField(_l("Belongs to"), choices=[])


class WebhookForm(FlaskForm):
    url = StringField(_l("URL"), validators=[DataRequired(), Length(max=2000)])
    secret = StringField(
        _l("Signing secret (empty: generated and shown once)"), validators=[Optional(), Length(max=200)]
    )
    events = SelectMultipleField(_l("Events (none ticked: every event)"), choices=[])
    allow_private = BooleanField(
        _l("Allow loopback and private-network addresses (SSRF risk: only for your own network)")
    )
