"""Submitting: validation names the field, content rules hold before the 202, text is stored as given."""

from __future__ import annotations

import pytest

from moderation.extensions import db
from moderation.models import Case, Item
from tests.conftest import ORIGIN, auth, review, submit


def error_of(response):
    return response.get_json()["error"]


@pytest.mark.parametrize(
    ("payload", "status", "field"),
    [
        (review(rating=0), 422, "rating"),
        (review(rating=6), 422, "rating"),
        (review(rating="5"), 422, "rating"),
        (review(rating=True), 422, "rating"),
        ({"kind": "review", "body": "sans note", "author": {"name": "A"}}, 422, "rating"),
        ({"kind": "comment", "rating": 3, "body": "x", "author": {"name": "A"}}, 422, "rating"),
        (review(body=""), 422, "body"),
        (review(body="   \n "), 422, "body"),
        (review(body="x" * 5001), 422, "body"),
        (review(author={"name": "A", "email": "not-an-email"}), 422, "author.email"),
        (review(author={"name": ""}), 422, "author.name"),
        (review(author="Lea"), 422, "author"),
        (review(kind="essay"), 422, "kind"),
        (review(lang="français!"), 422, "lang"),
        (review(title="t" * 201), 422, "title"),
        (review(parent_id=1), 422, "parent_id"),
        (review(spam="yes"), 422, "spam"),
    ],
)
def test_bad_input_is_refused_naming_the_field(client, world, payload, status, field):
    response = submit(client, payload)
    assert response.status_code == status
    assert error_of(response)["field"] == field


def test_body_of_exactly_5000_characters_is_accepted(client, world):
    assert submit(client, review(body="é" * 5000)).status_code == 202


def test_unknown_site_is_404_naming_site(client, world):
    response = submit(client, review(), site="nowhere")
    assert response.status_code == 404
    assert error_of(response)["field"] == "site"


def test_wrong_content_type_is_415(client, world):
    response = client.post(
        "/api/v1/sites/shop/subjects/sku-1/items",
        data="rating=5",
        headers={"Origin": ORIGIN},
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 415
    assert error_of(response)["field"] == "Content-Type"


def test_malformed_json_is_400(client, world):
    response = client.post(
        "/api/v1/sites/shop/subjects/sku-1/items",
        data="{nope",
        headers={"Origin": ORIGIN},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert error_of(response)["code"] == "invalid_json"


def test_oversized_request_is_413(client, world):
    response = submit(client, review(body="x" * 70_000))
    assert response.status_code == 413
    assert error_of(response)["code"] == "too_large"


def test_parent_from_another_subject_is_refused(app, client, world):
    first = submit(client, {"kind": "comment", "body": "Premier !", "author": {"name": "A"}}, subject="thread-1")
    parent_id = first.get_json()["id"]
    answer = {"kind": "comment", "body": "Réponse", "author": {"name": "B"}, "parent_id": parent_id}
    wrong = submit(client, answer, subject="thread-2")
    # The body is well-formed (no schema can say which ids are in which thread): a conflict with what is stored,
    # in the API's one error shape, naming the field; the document declares it.
    assert wrong.status_code == 409
    assert wrong.get_json() == {
        "error": {
            "code": "parent_other_subject",
            "message": "parent_id belongs to another subject",
            "field": "parent_id",
        }
    }
    spec = client.get("/api/v1/openapi.json").get_json()
    assert "409" in spec["paths"]["/api/v1/sites/{site}/subjects/{subject}/items"]["post"]["responses"]
    assert submit(client, answer, subject="thread-1").status_code == 202
    listing = client.get("/api/v1/sites/shop/subjects/thread-1").get_json()
    assert [c["body"] for c in listing["items"][0]["children"]] == ["Réponse"]


def test_parent_that_was_removed_is_409_naming_parent_id(app, client, world):
    first = submit(client, {"kind": "comment", "body": "Premier !", "author": {"name": "A"}}, subject="t")
    parent_id = first.get_json()["id"]
    with app.app_context():
        db.session.get(Item, parent_id).status = "removed"
        db.session.commit()
    answer = {"kind": "comment", "body": "Réponse", "author": {"name": "B"}, "parent_id": parent_id}
    response = submit(client, answer, subject="t")
    assert response.status_code == 409
    assert error_of(response) == {
        "code": "parent_removed",
        "message": "parent_id names a removed item",
        "field": "parent_id",
    }


def test_origin_not_on_the_list_is_refused(client, world):
    response = submit(client, review(), headers={"Origin": "http://evil.test"})
    assert response.status_code == 403
    assert error_of(response)["code"] == "origin_not_allowed"


def test_server_integration_needs_a_token_of_that_site(client, world):
    assert submit(client, review(), headers={}).status_code == 401
    assert submit(client, review(), headers=auth("mod_wrong")).status_code == 401
    assert submit(client, review(), headers=auth(world.other_site_moderator_token)).status_code == 403
    assert submit(client, review(), headers=auth(world.site_token)).status_code == 202


def test_link_is_held_before_the_202_and_never_public(app, client, world):
    response = submit(client, review(rating=5, body="Moins cher ici : bit.ly/promo-xyz"))
    assert response.status_code == 202
    assert response.get_json()["status"] == "held"
    listing = client.get("/api/v1/sites/shop/subjects/sku-1").get_json()
    assert listing["items"] == [] and listing["aggregate"]["count"] == 0
    with app.app_context():
        item = db.session.get(Item, response.get_json()["id"])
        assert item.hold_reasons == ["links"]
        case = db.session.query(Case).filter_by(item_id=item.id).one()
        assert case.reasons == ["links"] and case.state == "open"


def test_site_word_list_holds_as_abusive(client, world):
    response = submit(client, review(rating=4, body="Le vendeur est une CRAPULE"))
    assert response.get_json()["status"] == "held"


def test_html_is_stored_as_given_and_returned_as_data(app, client, world):
    payload = review(body='<img src=x onerror="alert(1)"> très bien', title="<script>alert(1)</script>")
    item_id = submit(client, payload).get_json()["id"]
    listing = client.get("/api/v1/sites/shop/subjects/sku-1")
    assert listing.mimetype == "application/json"
    item = listing.get_json()["items"][0]
    assert item["id"] == item_id
    assert item["body"] == payload["body"] and item["title"] == payload["title"]


def test_listing_aggregates_and_paginates(client, world):
    # Distinct texts: the same text twice from one address within a day is held as a duplicate.
    for n, rating in enumerate((5, 4, 4, 1)):
        assert submit(client, review(rating=rating, body=f"avis {rating} étoiles, numéro {n}")).status_code == 202
    data = client.get("/api/v1/sites/shop/subjects/sku-1?per_page=3&sort=lowest").get_json()
    assert data["aggregate"] == {"count": 4, "average": 3.5, "histogram": {"1": 1, "2": 0, "3": 0, "4": 2, "5": 1}}
    assert [i["rating"] for i in data["items"]] == [1, 4, 4]
    assert data["pages"] == 2
    assert client.get("/api/v1/sites/shop/subjects/sku-1?per_page=500").status_code == 422
    assert client.get("/api/v1/sites/shop/subjects/sku-1?sort=random").status_code == 422
    assert client.get("/api/v1/sites/shop/subjects/never-reviewed").get_json()["aggregate"]["count"] == 0


def test_author_email_is_never_public(client, world):
    submit(client, review(author={"name": "Lea", "email": "Lea@Example.com"}))
    body = client.get("/api/v1/sites/shop/subjects/sku-1").get_data(as_text=True)
    assert "example.com" not in body.lower()


def test_rate_limit_answers_429(make_app, world):
    app = make_app(SUBMIT_RATE_LIMIT="3 per minute")
    client = app.test_client()
    statuses = [submit(client, review()).status_code for _ in range(5)]
    assert statuses == [202, 202, 202, 429, 429]
    limited = submit(client, review())
    assert limited.get_json()["error"]["code"] == "rate_limited"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Très déçu, les chaussures sont trop petites et la qualité n'est pas là", "fr"),
        ("Very disappointed, the shoes are too small and the quality is not there", "en"),
        ("OK", None),
    ],
)
def test_language_is_guessed_when_not_given(app, client, world, text, expected):
    item_id = submit(client, review(rating=3, body=text)).get_json()["id"]
    with app.app_context():
        assert db.session.get(Item, item_id).lang == expected


def test_language_given_by_the_client_wins(app, client, world):
    item_id = submit(client, review(body="Very good", lang="fr-CA")).get_json()["id"]
    with app.app_context():
        assert db.session.get(Item, item_id).lang == "fr-ca"


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        (review(body="bien\x00"), "body"),
        (review(author={"name": "A\x00"}), "author.name"),
        (review(title="\x00"), "title"),
    ],
)
def test_nul_characters_are_refused_naming_the_field(client, world, payload, field):
    response = submit(client, payload)
    assert response.status_code == 422
    assert error_of(response)["field"] == field


def test_nul_in_url_is_refused(client, world):
    assert submit(client, review(), subject="sku%00").status_code == 422
    assert client.get("/api/v1/cases?site=%00", headers=auth(world.admin_token)).status_code == 422


def test_behind_a_trusted_proxy_each_customer_has_their_own_limit(make_app, world):
    app = make_app(SUBMIT_RATE_LIMIT="2 per minute", TRUSTED_PROXIES=1)
    client = app.test_client()

    def from_address(address: str) -> int:
        return submit(client, review(), headers={"Origin": ORIGIN, "X-Forwarded-For": address}).status_code

    assert [from_address("203.0.113.7") for _ in range(3)] == [202, 202, 429]
    assert from_address("198.51.100.4") == 202  # another customer behind the same proxy


def test_without_trusted_proxies_a_forged_forwarded_for_does_not_escape_the_limit(make_app, world):
    app = make_app(SUBMIT_RATE_LIMIT="2 per minute")
    client = app.test_client()
    statuses = [
        submit(client, review(), headers={"Origin": ORIGIN, "X-Forwarded-For": f"203.0.113.{n}"}).status_code
        for n in range(3)
    ]
    assert statuses == [202, 202, 429]


@pytest.mark.parametrize(
    ("payload", "code"),
    [
        ({"kind": "review", "body": "sans note", "author": {"name": "A"}}, "required"),
        (review(rating=6), "invalid_rating"),
        (review(body="  "), "required"),
        (review(body="x" * 5001), "too_long"),
        (review(author={"name": "A", "email": "not-an-email"}), "invalid_email"),
        ({"kind": "comment", "rating": 3, "body": "x", "author": {"name": "A"}}, "rating_not_allowed"),
        (review(parent_id=1), "parent_not_allowed"),
        (review(spam="yes"), "unknown_field"),
    ],
)
def test_refusals_keep_the_codes_the_widget_translates(client, world, payload, code):
    assert error_of(submit(client, payload))["code"] == code


def test_a_rating_written_4_point_0_is_the_number_4(client, world):
    """JSON has one number type; the document's "integer" includes 4.0, so the server takes it too."""
    assert submit(client, review(rating=4.0)).status_code == 202
    assert error_of(submit(client, review(rating=4.5)))["field"] == "rating"


def test_an_unknown_parent_is_404_naming_parent_id(client, world):
    response = submit(client, {"kind": "comment", "body": "Réponse", "author": {"name": "B"}, "parent_id": 999})
    assert response.status_code == 404
    assert error_of(response) == {
        "code": "unknown_parent",
        "message": "parent_id names no item of this site",
        "field": "parent_id",
    }


def test_an_address_domain_checked_once_is_checked_alike_every_time():
    """email-validator's domain check is remembered per domain (``schemas.submissions.checked_domain_name``): the
    next address there normalises as the first did, and a refused domain is refused every time, with its reason."""
    from pydantic_core import PydanticCustomError

    from moderation.schemas.submissions import normalised_email

    assert [normalised_email(a) for a in (" Lea@Example.COM", "max@EXAMPLE.com", "lea@example.com")] == [
        "lea@example.com",
        "max@example.com",
        "lea@example.com",
    ]
    assert normalised_email("a@xn--bcher-kva.de") == normalised_email("a@bücher.de") == "a@bücher.de"
    for _ in range(2):
        with pytest.raises(PydanticCustomError, match="special-use or reserved name"):
            normalised_email("a@shop.invalid")
        with pytest.raises(PydanticCustomError, match="two periods"):
            normalised_email("a@shop..com")


def test_the_domain_cache_is_installed_only_over_the_check_it_was_written_for(monkeypatch):
    """Another email-validator release that changes the check keeps its own (uncached) check: no wrapper that would
    call it with the wrong arguments at every address."""
    import importlib

    from moderation.schemas import submissions

    module = importlib.import_module("email_validator.validate_email")
    assert submissions.DOMAIN_CACHE_INSTALLED and module.validate_email_domain_name is submissions.checked_domain_name

    def changed_check(domain, *, options):  # a later release's signature
        return {"domain": domain}

    monkeypatch.setattr(module, "validate_email_domain_name", changed_check)
    monkeypatch.setattr(submissions, "_check_domain_name", submissions._check_domain_name)
    assert submissions._install_domain_cache() is False
    assert module.validate_email_domain_name is changed_check
