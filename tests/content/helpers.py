"""Builders shared by the content-rule tests (not in conftest: tests import them by name)."""

from __future__ import annotations

from moderation.content import Match, Verdict, evaluate


def verdict_of(text: str, **kwargs) -> Verdict:
    return evaluate({"body": text}, **kwargs)


def spans(text: str, reason: str, **kwargs) -> list[str]:
    """The original substrings the rules report for ``reason``."""
    return [text[m.start : m.end] for m in verdict_of(text, **kwargs).matches if m.reason == reason]


def rules(matches: list[Match]) -> list[str]:
    return [m.rule for m in matches]


def assert_held_as_abuse(text: str, rule: str | None = None, **kwargs) -> None:
    """``text`` is held as ``abusive`` only; when ``rule`` is given ("threat: ", "hate: "), by a rule whose label
    starts with it. Without it, any rule may hold the text (a list of texts that different rules hold)."""
    verdict = verdict_of(text, **kwargs)
    assert verdict.hold_reasons == ["abusive"], verdict.matches
    if rule is not None:
        assert rule, "name the rule's prefix, or leave it out"
        assert any(m.rule.startswith(rule) for m in verdict.matches), verdict.matches


def assert_published(text: str, **kwargs) -> None:
    """``text`` is held for nothing (it may still flag or lift)."""
    verdict = verdict_of(text, **kwargs)
    assert verdict.hold_reasons == [], verdict.matches
