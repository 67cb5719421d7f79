"""Subjects: a site may keep a catalogue (unknown subject → 404), and a subject id is checked wherever it enters."""

from __future__ import annotations

import json
import unicodedata
from urllib.parse import quote

import pytest
from sqlalchemy import select

from moderation.extensions import db
from moderation.models import AuditEvent, Site, Subject
from moderation.schemas import common
from tests.conftest import ORIGIN, review, submit
from tests.console.conftest import post


def subjects_of(app, slug: str = "shop") -> list[str]:
    with app.app_context():
        site = db.session.execute(select(Site).where(Site.slug == slug)).scalar_one()
        return sorted(db.session.execute(select(Subject.external_id).where(Subject.site_id == site.id)).scalars())


def set_mode(runner, mode: str, slug: str = "shop") -> None:
    result = runner.invoke(args=["subject", "mode", slug, mode])
    assert result.exit_code == 0, result.output


def read(client, subject: str, site: str = "shop"):
    return client.get(f"/api/v1/sites/{site}/subjects/{quote(subject, safe='')}", headers={"Origin": ORIGIN})


def test_open_sites_still_create_a_subject_on_first_post(app, client, world):
    assert submit(client, review(), subject="new-sku").status_code == 202
    assert subjects_of(app) == ["new-sku"]


def test_a_catalogue_answers_404_for_an_undeclared_subject(app, client, runner, world):
    set_mode(runner, "catalogue")
    response = submit(client, review(), subject="invented-page")
    assert response.status_code == 404
    assert response.get_json()["error"]["field"] == "subject"
    assert read(client, "invented-page").status_code == 404
    assert subjects_of(app) == []

    result = runner.invoke(args=["subject", "add", "shop", "sku-1", "--name", "Blue shoes"])
    assert result.exit_code == 0, result.output
    assert submit(client, review(), subject="sku-1").status_code == 202
    assert read(client, "sku-1").status_code == 200
    assert subjects_of(app) == ["sku-1"]
    # The other site keeps open subjects.
    other = submit(client, review(), site="other", subject="x", headers={"Origin": "http://other.test"})
    assert other.status_code == 202


def test_a_catalogue_still_takes_imports(app, runner, world, tmp_path):
    set_mode(runner, "catalogue")
    path = tmp_path / "items.jsonl"
    row = {"site": "shop", "subject": "sku-9", "external_id": "r1", "kind": "review", "rating": 4, "body": "Bien",
           "author": {"name": "Paul"}}  # fmt: skip
    path.write_text(json.dumps(row) + "\n", encoding="utf-8")
    result = runner.invoke(args=["import", str(path)])
    assert "created 1" in result.output, result.output
    assert subjects_of(app) == ["sku-9"]


HOSTILE_IDS = [
    "x" * 201,
    " sku-1",
    "sku-1 ",
    "sku\t1",
    "sku\x001",
    "sku\u200b1",  # zero-width space
    "sku\u202e1",  # right-to-left override
    "sku\u20281",  # line separator
]


@pytest.mark.parametrize("subject", HOSTILE_IDS)
def test_hostile_subject_ids_are_refused_on_submit_and_read(app, client, world, subject):
    for response in (submit(client, review(), subject=quote(subject, safe="")), read(client, subject)):
        assert response.status_code == 422, (subject, response.status_code)
        assert response.get_json()["error"]["field"] == "subject"
    assert subjects_of(app) == []


def test_hostile_subject_ids_are_refused_by_the_command_line_and_import(app, runner, world, tmp_path):
    result = runner.invoke(args=["subject", "add", "shop", "sku\u200b1"])
    assert result.exit_code != 0 and "subject" in result.output
    path = tmp_path / "items.jsonl"
    row = {"site": "shop", "subject": " sku-1", "external_id": "r1", "kind": "review", "rating": 4, "body": "Bien",
           "author": {"name": "Paul"}}  # fmt: skip
    path.write_text(json.dumps(row) + "\n", encoding="utf-8")
    result = runner.invoke(args=["import", str(path)])
    assert "refused 1" in result.output and "subject" in result.output, result.output
    assert subjects_of(app) == []


def test_unicode_ids_that_show_what_they_are_are_fine(app, client, world):
    assert submit(client, review(), subject=quote("chaussure-été-42", safe="")).status_code == 202
    assert subjects_of(app) == ["chaussure-été-42"]


def test_admins_choose_the_mode_and_declare_subjects_in_the_console(app, world, as_root):
    page = as_root.get("/console/admin/sites/shop").get_data(as_text=True)
    assert 'name="subjects"' in page and 'value="catalogue"' in page
    data = {"name": "Shop", "origins": ORIGIN, "words": "", "sla_low_rating_hours": "24", "sla_default_hours": "72",
            "subjects": "catalogue", "new_subjects": "sku-1\nsku-2"}  # fmt: skip
    assert post(as_root, "/console/admin/sites/shop", data).status_code == 302
    with app.app_context():
        assert db.session.execute(select(Site.subjects).where(Site.slug == "shop")).scalar_one() == "catalogue"
        actions = set(db.session.execute(select(AuditEvent.action)).scalars())
        assert {"site.subjects", "subject.declared"} <= actions
    assert subjects_of(app) == ["sku-1", "sku-2"]
    bad = post(as_root, "/console/admin/sites/shop", {**data, "new_subjects": "sku\u200b3"})
    assert bad.status_code == 200 and "invisible" in bad.get_data(as_text=True)
    assert subjects_of(app) == ["sku-1", "sku-2"]


def test_moderators_cannot_change_the_mode(app, world, as_ann):
    response = post(as_ann, "/console/admin/sites/shop", {"name": "Shop", "subjects": "open"})
    assert response.status_code == 403


def char_class(chars: list[str]) -> str:
    codes = sorted({ord(c) for c in chars})
    ranges: list[list[int]] = []
    for code in codes:
        if ranges and code == ranges[-1][1] + 1:
            ranges[-1][1] = code
        else:
            ranges.append([code, code])
    return "".join(f"\\u{a:04x}" if a == b else f"\\u{a:04x}-\\u{b:04x}" for a, b in ranges)


def test_the_published_pattern_matches_this_pythons_unicode_data():
    bmp = [chr(c) for c in range(0x10000)]
    hidden = [c for c in bmp if unicodedata.category(c) in common.HIDDEN_IN_IDS]
    assert common.SUBJECT_ID_REFUSED == char_class(["/", *hidden])
    assert common.SUBJECT_ID_REFUSED_AT_ENDS == char_class(["/", *hidden, *[c for c in bmp if c.isspace()]])
