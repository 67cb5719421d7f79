"""Seeding for rescoring tests: items over several products, scored by the baseline stub, with some cases."""

from __future__ import annotations

from sqlalchemy import func, insert, select

from moderation.extensions import db
from moderation.models import Author, Item, Score, Site, Subject, utcnow
from tests.rescoring.stubs import RescoreStub

BASELINE = "stub-keyword-1"
LOADER = "tests.rescoring.stubs:load_stub_model"
BODIES = ("avis {k}: nul, rien ne marche", "avis {k}: super produit", "avis {k}: reçu mardi, conforme")


def seed_items(app, n: int, subjects: int = 10, site_slug: str = "shop", baseline: str | None = BASELINE) -> None:
    """``n`` reviews (ratings 1–5, negative/positive/neutral texts) over ``subjects`` products, and each item's
    score under ``baseline`` (the stub's known outputs), which becomes the site's active model."""
    with app.app_context():
        site = db.session.execute(select(Site).where(Site.slug == site_slug)).scalar_one()
        products = [Subject(site_id=site.id, external_id=f"sku-{k}") for k in range(subjects)]
        author = Author(site_id=site.id, name="Seed")
        db.session.add_all([*products, author])
        db.session.flush()
        now = utcnow()
        rows = [
            {"site_id": site.id, "subject_id": products[k % subjects].id, "author_id": author.id, "kind": "review",
             "rating": 1 + (k // 3) % 5, "body": BODIES[k % 3].format(k=k), "status": "published",
             "hold_reasons": [], "helpful_count": 0, "created_at": now, "scored_at": now}
            for k in range(n)
        ]  # fmt: skip
        db.session.execute(insert(Item), rows)
        if baseline:
            model = RescoreStub(baseline, 0.95, 0.05, 0.4)
            items = db.session.execute(select(Item.id, Item.title, Item.body).where(Item.site_id == site.id)).all()
            predictions = model.predict([body for _, _, body in items])
            db.session.execute(
                insert(Score),
                [
                    {
                        "item_id": i,
                        "model_version": baseline,
                        "label": p.label,
                        "negative_probability": p.negative_probability,
                        "created_at": now,
                    }
                    for (i, _, _), p in zip(items, predictions, strict=True)
                ],  # fmt: skip
            )
            site.active_model_version = baseline
        db.session.commit()


def score_count(app, version: str) -> tuple[int, int]:
    """(score rows, distinct items) for ``version``."""
    with app.app_context():
        return db.session.execute(
            select(func.count(), func.count(func.distinct(Score.item_id))).where(Score.model_version == version)
        ).one()
