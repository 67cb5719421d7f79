"""A site's own mail texts: an admin replaces the default subject and body of a kind of mail in one language.

The defaults are the files ``templates/mail/<kind>.<lang>.txt`` (first line ``Subject: …``). An override is kept
in ``Site.mail_templates`` under ``"<kind>.<lang>"`` and rendered sandboxed (``mail.render``): admins write it,
and a template must not reach the application's objects. Saving checks the syntax and renders the text once
with sample values, so a broken template is refused with a 422 naming the field instead of failing a mail later;
a name it does not know renders empty (``ChainableUndefined``, here and when mails are written), so a typo in a
variable costs a word, never a mail.
"""

from __future__ import annotations

import os
from types import SimpleNamespace
from typing import Any

from flask import current_app
from jinja2 import ChainableUndefined, TemplateError
from jinja2.sandbox import SandboxedEnvironment

from ...models import Site
from .. import audit
from ..errors import ServiceError

LANGS = ("fr", "en")
MAX_SUBJECT_CHARS = 300
MAX_BODY_CHARS = 20_000


def kinds() -> list[str]:
    """Every kind of mail that has a default text in both languages (new kinds appear here by themselves)."""
    folder = os.path.join(current_app.root_path, "templates", "mail")
    names = {name.rsplit(".", 2)[0] for name in os.listdir(folder) if name.endswith(".txt")}
    return sorted(k for k in names if all(os.path.exists(os.path.join(folder, f"{k}.{lang}.txt")) for lang in LANGS))


def default_text(kind: str, lang: str) -> tuple[str, str]:
    """The default template's source: (subject, body), as an admin starts editing it."""
    source, _path, _uptodate = current_app.jinja_loader.get_source(current_app.jinja_env, f"mail/{kind}.{lang}.txt")
    first, _, body = source.partition("\n")
    return first.removeprefix("Subject:").strip(), body.strip() + "\n"


def site_text(site: Site, kind: str, lang: str) -> tuple[str, str] | None:
    override = (site.mail_templates or {}).get(f"{kind}.{lang}")
    return (override.get("subject") or "", override["body"]) if override and override.get("body") else None


def sample_context(site: Site) -> dict[str, Any]:
    """Values a template may use, for the check at saving and the console's preview."""
    brand = site.brand_name or site.name
    item = SimpleNamespace(id=1, kind="review", title="Lampe de bureau", body="Cassée après deux jours.", rating=2)
    reply = SimpleNamespace(body="Nous sommes désolés : un échange est en route.")
    url = "https://example.org/…"
    return {
        "site": site, "brand": brand, "author_name": "Léa", "owner_name": "Ann", "item": item, "reply": reply,
        "signature": brand, "reply_url": url, "unsubscribe_url": url, "confirm_url": url, "contest_url": url,
        "edit_url": url, "withdraw_url": url, "review_url": url, "product_url": url, "charter_url": url,
        "product": "Lampe de bureau", "due": "14/01/2027", "notes": "-", "reason": "spam",
        "explanation": "La publicité et le spam ne sont pas autorisés.", "decision": "removed", "links": [],
    }  # fmt: skip


def check(text: str, field: str, context: dict[str, Any]) -> str:
    """Render ``text`` once, sandboxed, with sample values; the error says where the template is wrong."""
    env = SandboxedEnvironment(autoescape=False, keep_trailing_newline=True, undefined=ChainableUndefined)
    try:
        return env.from_string(text).render(context)
    except TemplateError as exc:
        line = f" (line {exc.lineno})" if getattr(exc, "lineno", None) else ""
        message = f"{exc.message or type(exc).__name__}{line}"
        raise ServiceError("invalid_template", message, field=field, status=422) from None


def set_text(site: Site, kind: str, lang: str, subject: str, body: str, moderator_id: int | None) -> bool:
    """Save the site's text for ``kind`` in ``lang``; an empty body goes back to the default. Audited.

    Returns:
        True when the site now has its own text, False when it uses the default.

    Raises:
        ServiceError: 422 naming ``kind``, ``lang``, ``subject`` or ``body`` (unknown, too long, a template error).
    """
    if kind not in kinds():
        raise ServiceError("invalid_kind", "no mail of this kind", field="kind", status=422)
    if lang not in LANGS:
        raise ServiceError("invalid_lang", "lang must be fr or en", field="lang", status=422)
    subject = " ".join((subject or "").split())
    body = (body or "").replace("\r\n", "\n").strip()
    if len(subject) > MAX_SUBJECT_CHARS:
        raise ServiceError("too_long", f"at most {MAX_SUBJECT_CHARS} characters", field="subject", status=422)
    if len(body) > MAX_BODY_CHARS:
        raise ServiceError("too_long", f"at most {MAX_BODY_CHARS} characters", field="body", status=422)
    key = f"{kind}.{lang}"
    templates = dict(site.mail_templates or {})  # a new dict: the JSON column sees the change
    before = templates.get(key)
    if body:
        if not subject:
            raise ServiceError("required", "a mail needs a subject", field="subject", status=422)
        context = sample_context(site)
        check(subject, "subject", context)
        check(body, "body", context)
        templates[key] = {"subject": subject, "body": body + "\n"}
    else:
        templates.pop(key, None)
    site.mail_templates = templates
    audit.record("site.mail_template_updated", "site", site.id, moderator_id=moderator_id, site_id=site.id,
                 before={key: before}, after={key: templates.get(key)})  # fmt: skip
    return bool(body)
