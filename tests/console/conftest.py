"""Console fixtures: sign-in with a real CSRF token, cases made through the real scoring path, a live server."""

from __future__ import annotations

import functools
import re
from datetime import timedelta

import pytest

from moderation.extensions import db
from moderation.models import Case, Item, Moderator, utcnow
from tests.conftest import LiveServer, review, run_worker, submit

CSRF_RE = re.compile(r'name="csrf-token" content="([^"]+)"')


@pytest.fixture(autouse=True)
def fast_password_hashing(monkeypatch):
    """Hash cost protects production; here every test hashes several passwords and would spend its time there."""
    from werkzeug import security

    fast = functools.partial(security.generate_password_hash, method="pbkdf2:sha256:1000")
    monkeypatch.setattr("moderation.models.core.generate_password_hash", fast)


def csrf_token(client, path: str = "/console/login") -> str:
    html = client.get(path).get_data(as_text=True)
    match = CSRF_RE.search(html)
    assert match, f"no CSRF token on {path}"
    return match.group(1)


def login(client, email: str, password: str):
    token = csrf_token(client)
    return client.post("/console/login", data={"csrf_token": token, "email": email, "password": password})


def post(client, path: str, data: dict | None = None, **kwargs):
    """A console POST carrying the session's CSRF token, as the browser would send it."""
    return client.post(path, data={"csrf_token": csrf_token(client, "/console/audit"), **(data or {})}, **kwargs)


@pytest.fixture
def as_ann(app, world):
    client = app.test_client()
    assert login(client, "ann@shop.test", "password-ann").status_code == 302
    return client


@pytest.fixture
def as_bob(app, world):
    client = app.test_client()
    assert login(client, "bob@shop.test", "password-bob").status_code == 302
    return client


@pytest.fixture
def as_olga(app, world):
    client = app.test_client()
    assert login(client, "olga@other.test", "password-olga").status_code == 302
    return client


@pytest.fixture
def as_root(app, world):
    client = app.test_client()
    assert login(client, "root@shop.test", "password-root").status_code == 302
    return client


def flagged(app, client, payloads: list[tuple[str, dict]], site: str = "shop") -> list[int]:
    """Submit reviews through the API and score them with the real worker; returns the ids of the cases opened."""
    item_ids = []
    for subject, payload in payloads:
        headers = {"Origin": "http://shop.test" if site == "shop" else "http://other.test"}
        response = submit(client, payload, subject=subject, site=site, headers=headers)
        assert response.status_code == 202, response.get_json()
        item_ids.append(response.get_json()["id"])
    run_worker(app)
    with app.app_context():
        rows = db.session.execute(db.select(Case.id, Case.item_id).where(Case.item_id.in_(item_ids))).all()
    by_item = dict((item, case) for case, item in rows)
    return [by_item[i] for i in item_ids if i in by_item]


@pytest.fixture
def shop_cases(app, client, world):
    """Three reply cases on shop (a 1★ one is the most urgent) and one on the other site."""
    ids = flagged(
        app,
        client,
        [
            ("sku-1", review(1, "Produit cassé, horrible", lang="fr", title="Déçu")),
            ("sku-1", review(5, "Super mais arrivé cassé", lang="fr")),
            ("sku-2", review(2, "Bof, pas terrible")),
        ],
    )
    other = flagged(app, client, [("sku-9", review(1, "Worst purchase ever, broken"))], site="other")
    assert len(ids) == 3 and len(other) == 1
    return {"shop": ids, "other": other}


def moderator_id(app, email: str) -> int:
    with app.app_context():
        return db.session.execute(db.select(Moderator.id).where(Moderator.email == email)).scalar_one()


def age_items(app, days: int) -> None:
    with app.app_context():
        for item in db.session.execute(db.select(Item)).scalars():
            item.created_at = utcnow() - timedelta(days=days)
        db.session.commit()


@pytest.fixture
def live_server(app):
    server = LiveServer(app)
    yield server
    server.stop()


def browser_login(page, server, email: str, password: str) -> None:
    page.goto(server.url + "/console/login")
    page.fill("input[name=email]", email)
    page.fill("input[name=password]", password)
    page.click("button[type=submit].primary")
    page.wait_for_url(re.compile(r".*/console/(\?.*)?$"))


def seed_case(
    site_slug: str,
    subject: str,
    *,
    rating: int | None = 1,
    body: str = "Pas content",
    reasons: list[str] | None = None,
    priority: int = 50,
    created_at=None,
    state: str = "open",
    lang: str | None = None,
    email: str | None = None,
    title: str | None = None,
    name: str = "Client",
    model_version: str | None = "stub-keyword-1",
    probability: float | None = None,
) -> Case:
    """An item and its case written directly (inside an app context), for tests that need many of them fast."""
    from moderation.models import Score
    from moderation.services.accounts import get_site
    from moderation.services.submissions import Submission, create_item

    site = get_site(site_slug)
    created_at = created_at or utcnow()
    item = create_item(
        site,
        subject,
        Submission(
            kind="review", body=body, author_name=name, rating=rating, title=title, author_email=email, lang=lang
        ),
        created_at=created_at,
    )
    item.scored_at = created_at
    opened = item.case
    assert opened is None or opened.reasons == ["low_rating"], "seed text that no content rule holds"
    if opened is not None:  # a 1–2★ review's case opens at submit (#12); the seed sets the case's fields itself
        db.session.delete(opened)
        db.session.flush()
    case = Case(
        site_id=site.id,
        item=item,
        reasons=reasons or ["low_rating"],
        evidence={},
        priority=priority,
        due_at=created_at + timedelta(hours=24),
        state=state,
        model_version=model_version,
        created_at=created_at,
    )
    db.session.add(case)
    if probability is not None:
        db.session.add(
            Score(
                item=item,
                model_version=model_version,
                label="negative" if probability >= 0.5 else "positive",
                negative_probability=probability,
            )
        )
    db.session.flush()
    return case
