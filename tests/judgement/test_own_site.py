"""A customer who names the brand's own site or service address is not sending readers away (phases.links,
phases.personal_data: the site's origins say which domains are its own)."""

from __future__ import annotations

from sqlalchemy import select

from moderation.extensions import db
from moderation.models import Site
from tests.conftest import ORIGIN, auth, review, submit
from tests.judgement.helpers import item_and_case


def test_the_brands_domain_and_address_stay_public_and_other_domains_are_held(app, client, world):
    with app.app_context():
        db.session.execute(select(Site).where(Site.slug == "shop")).scalar_one().allowed_origins = [
            ORIGIN,
            "https://www.shop-example.fr",
        ]
        db.session.commit()
    token = auth(world.site_token)
    own = submit(client, review(4, "Commandé sur shop-example.fr, le SAV (sav@shop-example.fr) a répondu vite"),
                 headers=token).get_json()  # fmt: skip
    assert own["status"] == "published"
    assert item_and_case(app, own["id"])[0].hold_reasons == []
    away = submit(client, review(4, "Moins cher sur bonplan-chaussures.fr"), headers=token).get_json()
    assert away["status"] == "held"
    assert item_and_case(app, away["id"])[0].hold_reasons == ["links"]
    # The other site of this platform has its own origins: there, this shop's domain is a link like any other.
    other = submit(
        client, review(4, "Commandé sur shop-example.fr"), site="other", headers={"Origin": "http://other.test"}
    )
    assert other.get_json()["status"] == "held"
