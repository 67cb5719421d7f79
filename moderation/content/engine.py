"""One entry point for the content rules: texts in, a verdict out."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping

from moderation.content import lexicon
from moderation.content.language import identifier, identify
from moderation.content.normalise import normalise
from moderation.content.phases import NAME_ONLY, PHASES, PROSE_ONLY, Phase
from moderation.content.phases.hate import hate_pattern
from moderation.content.verdict import Action, Context, Match, SiteRule, Verdict


def _language_sample(texts: Mapping[str, str]) -> str:
    joined = "\n".join(t for t in texts.values() if t)
    if joined.isascii():
        return joined
    # Accents stay: they are half of what tells French from English. Format characters go.
    return "".join(c for c in unicodedata.normalize("NFKC", joined) if unicodedata.category(c) != "Cf")


def _add(reasons: list[str], reason: str) -> None:
    if reason not in reasons:
        reasons.append(reason)


# Fields that hold a person's name rather than prose (see phases.PROSE_ONLY).
NAME_FIELDS = frozenset({"author_name", "name"})


def evaluate(
    texts: Mapping[str, str],
    site_rules: Iterable[SiteRule] = (),
    *,
    language: str | None = None,
    phases: tuple[Phase, ...] = PHASES,
    brand: str | None = None,
    own_sites: Iterable[str] = (),
) -> Verdict:
    """Run every phase over every field.

    Args:
        texts: field name → text as the customer typed it (``{"title": …, "body": …, "author_name": …}``).
        site_rules: the site's own word list.
        language: the language the client declared; identified from the texts when ``None``.
        phases: the rules to run, in order (tests pass a subset).
        brand: the site's name, for names signed on this platform: an author name that is the brand's, or its
            staff's, is held. None (an imported post, a test) checks no name for it.
        own_sites: the site's own origins or host names (``https://www.shop.fr``): a link to one of their
            registered domains ("commandé sur shop.fr") is the brand's own page, not a link away from it.

    Returns:
        A :class:`Verdict`; its matches' ``start``/``end`` index the original text of their ``field``.
    """
    rules = tuple(site_rules)
    brand_view = normalise(brand).words.text.strip() if brand else ""
    own_domains = lexicon.registered_domains(own_sites)
    detected = language or identify(_language_sample(texts))
    verdict = Verdict(language=detected)
    for field_name, text in texts.items():
        if not text:
            continue
        ctx = Context(normalise(text), detected, rules, brand_view, own_domains)
        verdict.views[field_name] = ctx.text
        is_name = field_name in NAME_FIELDS
        for phase in phases:
            if (is_name and phase in PROSE_ONLY) or (not is_name and phase in NAME_ONLY):
                continue
            for match in phase(ctx):
                _record(verdict, Match(**{**match.__dict__, "field": field_name}))
    verdict.fingerprint_fields = tuple(sorted(texts))
    return verdict


def _record(verdict: Verdict, match: Match) -> None:
    if match.action is Action.LOG:
        verdict.log_matches.append(match)
        return
    verdict.matches.append(match)
    if match.action is Action.HOLD:
        _add(verdict.hold_reasons, match.reason)
    elif match.action is Action.FLAG:
        _add(verdict.flag_reasons, match.reason)
    elif match.action is Action.LIFT:
        _add(verdict.lifts, match.reason)


def warm() -> None:
    """Load the language model, the suffix list, the dictionaries and the place names now (about 3 s), not on the
    first review."""
    identifier()
    lexicon.warm()
    hate_pattern()
