"""Keystrokes, clicks and page loads per case decision in the console, the old way and the #20 way, in Chromium.

A moderator works ``--decisions`` cases (default 50) of one filtered queue view (``?reason=negative_text``):
three in five get a public reply from the site's template in the customer's language, two in five are dismissed
as false alarms. Nothing is read for real: the figures are the input and the page loads a decision costs, and
the wall time of the browser and the server doing it (no reading time). Two modes, on the same seeded data:

- before: open the case from the queue (click), act with the mouse (template menu, Publish or Dismiss), go back
  to the queue (click) — the way the console was worked before #20.
- after: the queue's own actions, then the keyboard. First down the list: ``j`` selects a row, ``d`` dismisses a
  false alarm in place (no page load, the next row is selected), ``j`` passes a case that needs an answer. Then
  "Open the most urgent case" (one click) opens the first of those; ``r`` focuses the reply box, Shift+Tab and
  an arrow put the template in the customer's language in it, Tab and Enter publish, and the next case of the
  same filter opens by itself.
- keys: the keyboard alone, case by case in queue order (``Enter``, then ``d`` or the reply keys; the next case
  of the filter opens by itself), to show what the list actions add to it.

Every decision is checked in the database afterwards (answered or dismissed, as planned).

    PYTHONPATH=. python bench/console_decisions.py [--cases 100000] [--decisions 50] [--database-url ...]
"""

from __future__ import annotations

import argparse
import logging
import os
import platform
import random
import threading
import time
from collections import Counter
from dataclasses import dataclass, field

from bench.console import seed, throwaway_app

FILTER = "reason=negative_text"
TEMPLATES = [
    {"name": "Excuses", "lang": "fr", "body": "Bonjour {name}, toutes nos excuses : nous vous recontactons."},
    {"name": "Sorry", "lang": "en", "body": "Hello {name}, we are sorry: we will contact you shortly."},
]


def plan(index: int) -> str:
    """The decision for the index-th case: three replies, then two dismissals, in every five."""
    return "reply" if index % 5 < 3 else "dismiss"


@dataclass
class Tally:
    """What one mode cost, counted as the moderator would: keys pressed, clicks, documents loaded, htmx swaps."""

    keys: int = 0
    clicks: int = 0
    loads: int = 0
    fragments: int = 0
    seconds: float = 0.0
    decided: Counter = field(default_factory=Counter)


class Moderator:
    """A Chromium page whose every key press and click goes through here, so none escapes the count."""

    def __init__(self, page, tally: Tally):
        self.page, self.tally = page, tally
        page.on("load", lambda _page: self.count("loads"))
        page.on("request", self.on_request)

    def count(self, what: str) -> None:
        setattr(self.tally, what, getattr(self.tally, what) + 1)

    def on_request(self, request) -> None:
        if request.resource_type in ("xhr", "fetch") and request.headers.get("hx-request"):
            self.count("fragments")

    def press(self, key: str) -> None:
        self.tally.keys += 1
        self.page.keyboard.press(key)

    def click(self, selector: str) -> None:
        self.tally.clicks += 1
        self.page.click(selector)

    def pick(self, selector: str, index: int) -> None:
        self.tally.clicks += 2  # open the menu, choose the line
        self.page.select_option(selector, index=index)


def case_id_here(page) -> int:
    return int(page.url.split("/cases/")[1].split("?")[0])


def before(mod: Moderator, base: str, count: int) -> list[tuple[int, str]]:
    """The old way: from the queue open the top case, act with the mouse, come back to the queue."""
    page, done = mod.page, []
    page.goto(f"{base}/console/?{FILTER}")
    mod.tally.loads = 0  # the count starts on the filtered queue, as in the other mode
    for index in range(count):
        with page.expect_navigation():
            mod.click("table.queue tbody tr:first-child a.case-link")
        case_id, decision = case_id_here(page), plan(index)
        with page.expect_navigation():
            if decision == "reply":
                mod.pick("#reply-template", 1)
                mod.click("#reply button.primary")
            else:
                mod.click("button[data-shortcut=d]")
        with page.expect_navigation():
            mod.click("nav.case-nav a[href*='/console/?']")
        done.append((case_id, decision))
    return done


def reply_by_keyboard(mod: Moderator) -> None:
    """r: the reply box; Shift+Tab: the template menu; ArrowDown: the first template (the customer's language)
    goes into the box; Tab: Publish; Enter."""
    mod.press("r")
    mod.press("Shift+Tab")
    mod.press("ArrowDown")
    mod.page.wait_for_function("document.getElementById('reply-body').value.length > 0")
    mod.press("Tab")
    with mod.page.expect_navigation():
        mod.press("Enter")


def after(mod: Moderator, base: str, count: int) -> list[tuple[int, str]]:
    """The #20 way: the false alarms dismissed from the list, then the answers by keyboard, next within the filter."""
    page, done, passed = mod.page, [], []
    page.goto(f"{base}/console/?{FILTER}")
    mod.tally.loads = 0
    mod.press("j")  # select the first row
    for index in range(count):
        case_id = int(page.locator("tr.selected").get_attribute("data-case-id"))
        if plan(index) == "dismiss":
            mod.press("d")  # in place: the row goes, the next one is selected
            page.locator(f'tr[data-case-id="{case_id}"]').wait_for(state="detached")
            done.append((case_id, "dismiss"))
        else:
            mod.press("j")
            passed.append(case_id)
    with page.expect_navigation():
        mod.click("a.button.primary[href*='/console/next']")
    for _ in passed:
        done.append((case_id_here(page), "reply"))
        reply_by_keyboard(mod)
    answered = [i for i, d in done if d == "reply"]
    assert answered == passed, f"the answers went to other cases than those passed on the list: {answered[:5]}"
    return done


def keys(mod: Moderator, base: str, count: int) -> list[tuple[int, str]]:
    """The keyboard alone, case after case: open, reply or dismiss, and the next case of the filter opens."""
    page, done = mod.page, []
    page.goto(f"{base}/console/?{FILTER}")
    mod.tally.loads = 0
    mod.press("j")  # select the first row
    for index in range(count):
        if "/cases/" not in page.url:  # only the first time: after it the next case opens by itself
            with page.expect_navigation():
                mod.press("Enter")
        case_id, decision = case_id_here(page), plan(index)
        if decision == "dismiss":
            with page.expect_navigation():
                mod.press("d")
        else:
            reply_by_keyboard(mod)
        done.append((case_id, decision))
    return done


def serve(app):
    from werkzeug.serving import make_server  # the bench's own server thread, only when the bench runs

    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # one line per request would bury the figures

    server = make_server("127.0.0.1", 0, app, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_port}"


def login(page, base: str) -> None:
    page.goto(base + "/console/login")
    page.fill("input[name=email]", "ann@shop.test")
    page.fill("input[name=password]", "password-ann")
    with page.expect_navigation():
        page.click("button[type=submit].primary")


def check(app, done: list[tuple[int, str]]) -> Counter:
    """The state each planned decision left in the database: answered for a reply, dismissed for a dismissal."""
    from moderation.extensions import db  # the app's modules after argument parsing, as in bench/console.py
    from moderation.models import Case

    wanted = {"reply": "answered", "dismiss": "dismissed"}
    with app.app_context():
        states = {c.id: c.state for c in db.session.query(Case).filter(Case.id.in_([i for i, _ in done]))}
    wrong = [(i, d, states.get(i)) for i, d in done if states.get(i) != wanted[d]]
    assert not wrong, f"decisions not recorded as planned: {wrong[:5]}"
    return Counter(d for _, d in done)


def report(mode: str, tally: Tally, n: int) -> None:
    print(
        f"{mode:7s} {n} decisions ({tally.decided['reply']} replies, {tally.decided['dismiss']} dismissals): "
        f"per decision {tally.keys / n:.2f} keys + {tally.clicks / n:.2f} clicks = "
        f"{(tally.keys + tally.clicks) / n:.2f} inputs, {tally.loads / n:.2f} page loads, "
        f"{tally.fragments / n:.2f} htmx swaps; {tally.seconds / n * 1000:.0f} ms each, {tally.seconds:.1f} s in all"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--decisions", type=int, default=50)
    parser.add_argument(
        "--database-url",
        default=os.environ.get("MODERATION_BENCH_DATABASE_URL", "postgresql://postgres@127.0.0.1/postgres"),
    )
    parser.add_argument("--redis-url", default=os.environ.get("MODERATION_BENCH_REDIS_URL", "redis://127.0.0.1:6379/0"))
    parser.add_argument("--chromium", default=os.environ.get("MODERATION_TEST_CHROMIUM", "/usr/bin/chromium"))
    args = parser.parse_args()

    # Imported after parsing: ``--help`` answers without loading the app or Playwright.
    from playwright.sync_api import sync_playwright

    from moderation.extensions import db
    from moderation.services.accounts import create_moderator, get_site

    # No self-refresh of the queue: its polls would count as swaps the moderator never asked for.
    with throwaway_app(args.database_url, args.redis_url, QUEUE_REFRESH_SECONDS=0) as app:
        with app.app_context():
            seed(db.engine, args.cases, random.Random(42))
            get_site("shop").reply_templates = TEMPLATES
            create_moderator("ann@shop.test", "Ann", "password-ann", site_slugs=["shop"])
            db.session.commit()
        server, base = serve(app)
        print(f"console decisions bench: {args.cases} open cases, queue view ?{FILTER}, Chromium at 1366 px")
        print(f"Python {platform.python_version()}; {os.cpu_count()} CPUs; load average {os.getloadavg()}")
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=args.chromium, args=["--headless", "--no-sandbox"])
                for mode, run in (("before", before), ("after", after), ("keys", keys)):
                    context = browser.new_context(viewport={"width": 1366, "height": 900})
                    page = context.new_page()
                    login(page, base)
                    tally = Tally()
                    started = time.perf_counter()
                    done = run(Moderator(page, tally), base, args.decisions)
                    tally.seconds = time.perf_counter() - started
                    tally.decided = check(app, done)
                    report(mode, tally, args.decisions)
                    context.close()
                browser.close()
        finally:
            server.shutdown()


if __name__ == "__main__":
    main()
