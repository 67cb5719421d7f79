"""Dates as the moderator reads them (#20): the browser's regional format and time zone, deadlines as relative
time ("in 3 hr", "2 hr overdue") in English and French, claim times in local time instead of UTC."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from moderation.extensions import db
from moderation.models import Case, utcnow
from tests.console.conftest import post, seed_case

GB = {"Accept-Language": "en-GB,en;q=0.8"}


def seed(app, *, due_in: timedelta, created_at: datetime | None = None, priority: int = 50) -> int:
    with app.app_context():
        case = seed_case("shop", "sku-1", priority=priority, created_at=created_at)
        case.due_at = utcnow() + due_in
        db.session.commit()
        return case.id


def test_an_en_gb_browser_reads_day_month_year(app, world, as_ann):
    case_id = seed(app, due_in=timedelta(hours=5), created_at=datetime(2026, 3, 4, 15, 30))
    html = as_ann.get(f"/console/cases/{case_id}", headers=GB).get_data(as_text=True)
    assert '<html lang="en-GB">' in html and "04/03/2026, 15:30" in html
    us = as_ann.get(f"/console/cases/{case_id}", headers={"Accept-Language": "en-US"}).get_data(as_text=True)
    assert '<html lang="en-US">' in us and "3/4/26, 3:30\u202fPM" in us
    odd = as_ann.get(f"/console/cases/{case_id}", headers={"Accept-Language": "en-ZZ, xx"}).get_data(as_text=True)
    assert '<html lang="en">' in odd  # an unknown region: the language's own format, never an error


def test_the_browsers_time_zone_from_its_cookie(app, world, as_ann):
    case_id = seed(app, due_in=timedelta(hours=5), created_at=datetime(2026, 12, 1, 9, 0))
    as_ann.set_cookie("tz", "Europe/Paris")
    html = as_ann.get(f"/console/cases/{case_id}", headers=GB).get_data(as_text=True)
    assert "01/12/2026, 10:00" in html  # 09:00 UTC is 10:00 in Paris in December
    as_ann.set_cookie("tz", "../../etc/passwd")
    assert "01/12/2026, 09:00" in as_ann.get(f"/console/cases/{case_id}", headers=GB).get_data(as_text=True)


def test_a_claim_ends_at_a_local_time_not_utc(app, world, as_ann):
    case_id = seed(app, due_in=timedelta(hours=5))
    as_ann.set_cookie("tz", "Asia/Kolkata")  # UTC+5:30, no daylight saving: the expected time is plain arithmetic
    response = post(as_ann, f"/console/cases/{case_id}/claim", headers=GB)
    html = as_ann.get(response.headers["Location"], headers=GB).get_data(as_text=True)
    with app.app_context():
        until = db.session.get(Case, case_id).claim_expires_at + timedelta(hours=5, minutes=30)
    assert f"You hold this case until {until:%H:%M}." in html and "UTC" not in html


def test_deadlines_read_as_relative_time_in_english_and_french(app, world, as_ann):
    soon = seed(app, due_in=timedelta(hours=3, minutes=20), priority=60)
    seed(app, due_in=-timedelta(hours=2, minutes=10), priority=50)
    queue = as_ann.get("/console/", headers=GB).get_data(as_text=True)
    dues = re.findall(r'<time datetime="[^"]+" title="[^"]+" class="due[^"]*">([^<]+)</time>', queue)
    assert dues == ["in 3 hrs", "2 hrs overdue"]
    assert 'class="due late"' in queue
    case = as_ann.get(f"/console/cases/{soon}", headers=GB).get_data(as_text=True)
    assert "in 3 hrs" in case

    post(as_ann, "/console/language", {"lang": "fr", "next": "/console/"})
    french = as_ann.get("/console/", headers={"Accept-Language": "fr-FR"}).get_data(as_text=True)
    dues = re.findall(r'class="due[^"]*">([^<]+)</time>', french)
    assert dues == ["dans 3\u202fh", "en retard de 2\u202fh"]
