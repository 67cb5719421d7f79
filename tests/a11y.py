"""Accessibility checks in real Chromium with axe-core (the ``axe.min.js`` that axe-playwright-python bundles).

``serious_violations(page)`` runs axe on the page as it is now and returns the violations whose impact is
"serious" or "critical", each as ``(rule id, [target selectors])``, so a failing assertion names what to fix.
Only WCAG 2.x A/AA rules run (``wcag2a``, ``wcag2aa``, ``wcag21a``, ``wcag21aa``): best-practice rules are not the bar.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
SERIOUS = {"serious", "critical"}


@cache
def _axe_source() -> str:
    return resources.files("axe_playwright_python").joinpath("axe.min.js").read_text(encoding="utf-8")


def run_axe(page, *, context: str | None = None) -> dict:
    """axe's raw results for ``context`` (a CSS selector) or the whole document."""
    page.evaluate(_axe_source())
    return page.evaluate(
        """([context, tags]) => axe.run(context ? document.querySelector(context) : document,
               {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})""",
        [context, WCAG_TAGS],
    )


def serious_violations(page, *, context: str | None = None) -> list[tuple[str, list[str]]]:
    results = run_axe(page, context=context)
    return [
        (v["id"], [", ".join(map(str, node["target"])) for node in v["nodes"]][:5])
        for v in results["violations"]
        if v.get("impact") in SERIOUS
    ]
