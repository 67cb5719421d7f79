"""The audit log reads as sentences (#20): names instead of ids, labels instead of codes, accents as typed."""

from __future__ import annotations

import re

from moderation.extensions import db
from tests.console.conftest import moderator_id, post, seed_case

NOTE = "Problème réglé à l'entrepôt, colis renvoyé"


def cells(html: str, column: str) -> list[str]:
    """The text of each row's Before or After cell, tags stripped."""
    index = {"before": 5, "after": 6}[column]
    rows = re.findall(r"<tr>\s*<td>\d+</td>(.*?)</tr>", html, re.S)
    return [
        re.sub(r"<[^>]+>", " ", re.findall(r"<td[^>]*>(.*?)</td>", "<td>x</td>" + row, re.S)[index]) for row in rows
    ]


def test_audit_rows_name_the_moderator_label_the_fields_and_keep_accents(app, world, as_ann):
    with app.app_context():
        case_id = seed_case("shop", "sku-1").id
        db.session.commit()
    post(as_ann, f"/console/cases/{case_id}/claim")
    post(as_ann, f"/console/cases/{case_id}/escalate", {"note": NOTE})
    html = as_ann.get(f"/console/audit?target_type=case&target_id={case_id}").get_data(as_text=True)

    assert "\\u00e" not in html and "&#34;" not in html and "{&#" not in html  # no JSON left
    assert NOTE.replace("'", "&#39;") in html
    assert (
        "Case claimed" in html and "Case escalated" in html and '<code class="action-code">case.claimed</code>' in html
    )
    after = " ".join(cells(html, "after"))
    assert "Claimed by" in after and "Ann" in after
    assert f"Claimed by {moderator_id(app, 'ann@shop.test')}" not in re.sub(r"\s+", " ", after)
    assert "claimed_by_id" not in html and "Low rating" in after  # reasons by their label
    assert re.search(r"Claim ends\s*</dt>\s*<dd>\d{1,2}/\d{1,2}/\d{2}, ", html)  # a date, not 2026-…T…Z
    assert "Z</dd>" not in html

    case_page = as_ann.get(f"/console/cases/{case_id}").get_data(as_text=True)
    assert '<span class="action" title="case.escalated">Case escalated</span>' in case_page


def test_audit_labels_in_french(app, world, as_ann):
    with app.app_context():
        case_id = seed_case("shop", "sku-1").id
        db.session.commit()
    post(as_ann, f"/console/cases/{case_id}/claim")
    post(as_ann, "/console/language", {"lang": "fr", "next": "/console/"})
    html = as_ann.get("/console/audit").get_data(as_text=True)
    assert "Cas pris" in html and "Pris par" in html and "Ann" in html and "Case claimed" not in html
