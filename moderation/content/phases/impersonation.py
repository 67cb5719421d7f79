"""Author names that pose as the brand or its staff: held as ``impersonation``.

A customer signing "Service client", "Modérateur", "Admin" or "Décathlon Support" reads, under a product, as the
brand speaking: the usual opening of a phishing reply ("Décathlon Support: write to us on WhatsApp") and of fake
brand answers to complaints. The brand answers through the console, where its replies carry its badge; a customer's
name that claims a staff role, or is the brand's own name, waits for a moderator. Names only: a review that says
"le service client m'a rappelé" is about the staff, not signed by it.

The name is read on the ``words`` view (accents, case, leetspeak folded) with its punctuation dropped, and must be
the claim as a whole ("Support", "Équipe Décathlon", "the admin team"): "Léa from support" or "Max Modo" is not.
"""

from __future__ import annotations

import re

from moderation.content.verdict import Context, Match, Reason

_ROLE = (
    r"(?:admin|administrat(?:or|eur|rice)|moderat(?:or|eur|rice|ion)|modo|staff|support|helpdesk|help desk|"
    r"customer (?:service|support|care|team|relations)|client (?:service|support)|service (?:client|clients|"
    r"clientele|consommateurs?|apres vente|apres-vente)|sav|equipe|team|official|officiel|officielle|webmaster|"
    r"community manager|la marque)"
)
_TEAM = r"(?:team|equipe|officiel|officielle|official|france|fr|uk|us|support|care)"
_ARTICLE = r"(?:the|le|la|l|les|votre|your|notre|our)"
_PUNCTUATION = re.compile(r"[^\w\s-]+")


def _claims(name: str, brand: str) -> bool:
    name = " ".join(_PUNCTUATION.sub(" ", name).split())
    if not name:
        return False
    role = rf"(?:{_ARTICLE} )?{_ROLE}(?: {_TEAM})?"
    if re.fullmatch(role, name):
        return True
    b = re.escape(brand)
    return bool(
        re.fullmatch(rf"(?:{_ARTICLE} )?{b}(?: {_TEAM})*", name)  # "Décathlon", "Décathlon France"
        or re.fullmatch(rf"(?:{_ARTICLE} )?{b}(?: -)? {role}", name)  # "Décathlon Support", "Décathlon - SAV"
        or re.fullmatch(rf"{role}(?: -)? (?:de |of |from |chez |at )?{b}", name)  # "Service client Décathlon"
    )


def impersonation(ctx: Context) -> list[Match]:
    """Run on name fields only (``phases.NAME_ONLY``), and only for names signed on this platform: the caller
    gives the brand's name then, and none for an imported or outside post, whose name came from where it was
    written (where the brand's own account may well have written it)."""
    view = ctx.text.words
    if not ctx.brand or not _claims(view.text, ctx.brand):
        return []
    start, end = view.span(0, len(view.text))
    return [Match(Reason.IMPERSONATION.value, "impersonation", start, end, ctx.text.original[start:end])]
