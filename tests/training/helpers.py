"""Seeding labelled items fast (direct inserts), and a stub "trainer" whose model is set by the test."""

from __future__ import annotations

import hashlib
import json
import os
from datetime import timedelta
from pathlib import Path

from sqlalchemy import insert, select

from moderation.extensions import db
from moderation.models import Author, Case, Item, Site, Subject, utcnow
from tests.stubs import KeywordClassifier

# Negative texts the keyword stub (the worker's "active" model) reads right, and ones it misses (0.4: positive);
# positive texts it reads right with a keyword, and plain ones (0.4: positive, under every bar).
NEGATIVE_PLAIN = "avis {k}: nul, rien ne marche"
NEGATIVE_SUBTLE = "avis {k}: reçu abîmé, remboursement demandé"
POSITIVE_PLAIN = "avis {k}: super produit"
POSITIVE_SUBTLE = "avis {k}: conforme, bien reçu"
STUB_FILE = "trained-stub.json"
LOADER = "tests.training.helpers:load_model"
TRAINER = "tests.training.helpers:train_stub"


def seed_labelled(app, n: int, site_slug: str = "shop", neutral: int = 0, decisions: int = 0) -> None:
    """``n`` labelled reviews (1-2★ and 4-5★, half of each kind of text), ``neutral`` 3★ ones (no label), and
    ``decisions`` of the 4-5★ "super" reviews turned negative by an answered text flag."""
    with app.app_context():
        site = db.session.execute(select(Site).where(Site.slug == site_slug)).scalar_one()
        first = db.session.execute(select(Item.id).where(Item.site_id == site.id).limit(1)).scalar() is None
        product = Subject(site_id=site.id, external_id="sku-train" if first else f"sku-train-{utcnow():%H%M%S%f}")
        author = Author(site_id=site.id, name="Seed")
        db.session.add_all([product, author])
        db.session.flush()
        now = utcnow()
        texts = (NEGATIVE_PLAIN, NEGATIVE_SUBTLE, POSITIVE_PLAIN, POSITIVE_SUBTLE)
        ratings = (1, 2, 5, 4)
        rows = [
            {"site_id": site.id, "subject_id": product.id, "author_id": author.id, "kind": "review",
             "rating": ratings[k % 4], "body": texts[k % 4].format(k=k), "status": "published", "hold_reasons": [],
             "helpful_count": 0, "created_at": now - timedelta(minutes=n - k), "scored_at": now}
            for k in range(n)
        ] + [
            {"site_id": site.id, "subject_id": product.id, "author_id": author.id, "kind": "review", "rating": 3,
             "body": f"avis neutre {k}", "status": "published", "hold_reasons": [], "helpful_count": 0,
             "created_at": now, "scored_at": now}
            for k in range(neutral)
        ]  # fmt: skip
        db.session.execute(insert(Item), rows)
        if decisions:
            happy = db.session.execute(
                select(Item.id).where(Item.site_id == site.id, Item.body.like("%super produit")).limit(decisions)
            ).scalars()
            for item_id in happy:
                db.session.add(
                    Case(site_id=site.id, item_id=item_id, reasons=["rating_text_mismatch"], evidence={},
                         priority=10, due_at=now, state="answered")
                )  # fmt: skip
        db.session.commit()


class TrainedStub(KeywordClassifier):
    """A "trained" model: the keyword stub, plus the words its folder says it learned as negative."""

    def __init__(self, version: str, learned: list[str]):
        super().__init__(model_version=version)
        self.learned = learned

    def negative_probability(self, text: str) -> float:
        if any(word in text for word in self.learned):
            return 0.95
        return super().negative_probability(text)


def train_stub(texts, labels, sources, out_dir, recipe, *, name: str, progress=None, **_ignored) -> dict:
    """The TRAINING_TRAINER of the flow tests: writes a model that learned MODERATION_TEST_LEARNED (words,
    comma-separated) after saying what ``train`` says, and keeps what it was given for the test to read."""
    learned = [w for w in os.environ.get("MODERATION_TEST_LEARNED", "").split(",") if w]
    for message in (
        "10 train / 2 val texts",
        "cached 1/2 batches (0s)",
        "cached lower states in 0s",
        "epoch 1 step 0/1 loss 0.7",
        json.dumps({"epoch": 1, "val_balanced_accuracy": 0.9}),
    ):
        if progress is not None:
            progress(message)
    folder = Path(out_dir)
    folder.mkdir(parents=True, exist_ok=True)
    version = f"{name}-" + hashlib.sha256(json.dumps([str(folder), learned]).encode()).hexdigest()[:8]
    spec = {"version": version, "learned": learned, "texts": list(texts), "labels": list(labels),
            "sources": list(sources), "recipe": recipe}  # fmt: skip
    (folder / STUB_FILE).write_text(json.dumps(spec))
    return {"device": "stub", "seconds": {"total": 0.0}}


def load_model(model_dir: str, device: str = "cpu") -> KeywordClassifier:
    """RESCORE_CLASSIFIER_LOADER for these tests: trained stubs, and the rescoring tests' stub folders."""
    path = Path(model_dir) / STUB_FILE
    if path.exists():
        spec = json.loads(path.read_text())
        return TrainedStub(spec["version"], spec["learned"])
    from tests.rescoring.stubs import load_stub_model  # the other kind of stub folder, only when given one

    return load_stub_model(model_dir, device)


def trained_spec(model_dir: str) -> dict:
    return json.loads((Path(model_dir) / STUB_FILE).read_text())
